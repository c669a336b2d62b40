/**
 * "Open in workshop": a sequence lab's scenario and the engine knobs of the run it shows, as the
 * hash of a link to /<lang>/workshop/:
 *
 *   #from=lost-fin&drop=3&delay=200&isn=random&seed=7
 *
 * Knobs are written with the knob table's URL keys and the lab links' value forms (numbers as
 * digits, yes/no as 1/0, words as words); `seed` is the ISN seed. The lab writes the hash here
 * (beside the lab's own link codec, so a chapter page loads no workshop code); the workshop reads it
 * with src/workshop/model/from-link.ts (whose test checks the two agree), and
 * src/workshop/model/from-chapter.ts turns the scenario with these knobs into a workshop scenario.
 */
import { KNOBS } from '../../engine/knobs.ts';
import type { ScenarioKnobs } from '../../engine/types.ts';

/** The hash (with '#') that opens `scenario` run with `knobs` in the workshop. */
export function workshopHash(scenario: string, knobs: ScenarioKnobs): string {
  const p = new URLSearchParams();
  p.set('from', scenario);
  for (const r of KNOBS) {
    const v = knobs[r.field];
    if (v === undefined) continue;
    p.set(r.url, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  if (knobs.seed !== undefined) p.set('seed', String(knobs.seed));
  return `#${p.toString()}`;
}
