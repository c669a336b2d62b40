/**
 * Hydrates a server-rendered sequence lab. The lab does not use Astro's island runtime: that
 * runtime is 2.0 KB gz of inline script on every page with an island, plus 0.7 KB for the Preact
 * renderer, which the 25 KB lab budget (issue 4) cannot carry. What it did for the lab fits in
 * lab-loader.ts (when to wake up) and here (how): props from the JSON beside the markup, Preact's
 * own hydrate. The other labs stay Astro islands.
 */
import { h, hydrate } from 'preact';
import SequenceLab, { type SequenceLabProps } from './sequence-lab.tsx';

/** Makes the lab rendered inside `root` interactive, with the props it was rendered with. */
export function mountSequenceLab(root: Element, props: SequenceLabProps): void {
  hydrate(h(SequenceLab, props), root);
}
