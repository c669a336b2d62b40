/**
 * Hydrates a server-rendered lab. The labs do not use Astro's island runtime: it is 2.0 KB gz of
 * inline script on every page with an island, plus 0.7 KB for its Preact renderer, which the
 * 25 KB lab budget (ARCHITECTURE.md) cannot carry. What it did for the labs fits in lab-loader.ts (when to
 * wake up) and here (how): props from the JSON beside the markup (LabRoot.astro), Preact's own
 * hydrate, and each kind's component loaded only on pages that have one.
 */
import { h, hydrate, type ComponentType } from 'preact';
import SequenceLab from '../widgets/sequence-lab.tsx';

/** The lab kinds LabRoot.astro may name, each with its component, loaded on demand. */
// `any` props: each kind takes its own, read from JSON.
const KINDS: Record<string, () => Promise<{ default: ComponentType<any> }>> = {
  // The sequence lab shares this chunk (it is on every page with a lab): no separate load.
  sequence: async () => ({ default: SequenceLab }),
  inspector: () => import('../widgets/segment-inspector.tsx'),
  'time-wait': () => import('../widgets/time-wait-lab.tsx'),
  capture: () => import('../widgets/capture-lab.tsx'),
};

/** Makes the lab of `kind` rendered inside `root` interactive, with the props it was rendered with. */
export async function mountLab(kind: string, root: Element, props: object): Promise<void> {
  const load = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
  if (!load) throw new Error(`unknown lab kind "${kind}"`);
  const { default: Lab } = await load();
  hydrate(h(Lab, props), root);
}
