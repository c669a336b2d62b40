/**
 * "Open in workshop": a sequence lab's scenario and the engine knobs of the run it shows, as the
 * hash of a link to /<lang>/workshop/:
 *
 *   #from=lost-fin&drop=3&delay=200&isn=random&seed=7
 *
 * Knobs are written with the knob table's URL keys and the lab links' value forms (numbers as
 * digits, yes/no as 1/0, words as words); `seed` is the ISN seed. The lab writes the hash, the
 * workshop reads it (src/workshop/model/from-chapter.ts turns the scenario with these knobs into a
 * workshop scenario). Kept here, beside the lab's own link codec, so a chapter page loads no
 * workshop code.
 */
import { KNOBS, checkKnobValue } from '../../engine/knobs.ts';
import type { ScenarioKnobs } from '../../engine/types.ts';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

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

/** What a `#from=` hash asks for; `rejected` lists keys whose value could not be used (they are left out). */
export interface WorkshopFrom {
  scenario: string;
  knobs: ScenarioKnobs;
  rejected: string[];
}

/** Reads a `#from=` hash; null when the hash is not one. Never throws: bad values are listed, not used. */
export function readWorkshopHash(hash: string): WorkshopFrom | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const scenario = p.get('from');
  if (scenario === null || !hash.replace(/^#/, '').startsWith('from=')) return null;
  const rejected: string[] = ID.test(scenario) ? [] : ['from'];
  const knobs: Record<string, unknown> = {};
  for (const r of KNOBS) {
    const s = p.get(r.url);
    if (s === null) continue;
    const vals = r.values;
    const v = vals.kind === 'yes-no' ? (s === '1' ? true : s === '0' ? false : null) : vals.kind === 'one-of' ? s : /^\d{1,10}$/.test(s) ? Number(s) : null;
    if (v === null || checkKnobValue(vals, v) || (vals.kind !== 'one-of' && vals.kind !== 'yes-no' && (v as number) > vals.max)) rejected.push(r.url);
    else knobs[r.field] = v;
  }
  const seed = p.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) knobs.seed = Number(seed);
    else rejected.push('seed');
  }
  return { scenario, knobs: knobs as ScenarioKnobs, rejected };
}
