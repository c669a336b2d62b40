/**
 * Wakes a server-rendered lab. The labs do not use Astro's island runtime: it is 2.0 KB gz of
 * inline script on every page with an island, plus 0.7 KB for its Preact renderer, which the
 * 25 KB lab budget (ARCHITECTURE.md) cannot carry. What it did for the labs fits in lab-loader.ts (when to
 * wake up) and here (how): props from the JSON beside the markup (LabRoot.astro), and each kind's
 * component loaded only on pages that have one. The sequence lab (on every page with a lab) is in
 * this chunk and is drawn by lab-render.ts; the other kinds are Preact components, hydrated by
 * Preact, which loads with them, so a page of sequence labs loads no Preact at all.
 */
import { renderLab } from './lab-render.ts';
import SequenceLab, { type SequenceLabProps } from '../widgets/sequence-lab.tsx';

/** The Preact lab kinds LabRoot.astro may name, each with its component, loaded on demand. */
// `any` props: each kind takes its own, read from JSON.
const PREACT_KINDS: Record<string, () => Promise<{ default: (props: any) => unknown }>> = {
  inspector: () => import('../widgets/segment-inspector.tsx'),
  'time-wait': () => import('../widgets/time-wait-lab.tsx'),
  capture: () => import('../widgets/capture-lab.tsx'),
};

/** Makes the lab of `kind` rendered inside `root` interactive, with the props it was rendered with. */
export async function mountLab(kind: string, root: Element, props: object): Promise<void> {
  if (kind === 'sequence') return renderLab(SequenceLab, props as SequenceLabProps, root);
  const load = Object.hasOwn(PREACT_KINDS, kind) ? PREACT_KINDS[kind] : undefined;
  if (!load) throw new Error(`unknown lab kind "${kind}"`);
  const [{ default: Lab }, preact] = await Promise.all([load(), import('preact')]);
  preact.hydrate(preact.h(Lab as any, props), root);
}
