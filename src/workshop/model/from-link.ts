/**
 * Reads the hash of a sequence lab's "open in workshop" link (`#from=lost-fin&drop=3&…`, written by
 * src/labs/view/workshop-link.ts, which says the format). Only the workshop page reads it, so this
 * half of the codec stays out of the chapters' lab code.
 */
import { KNOBS, checkKnobValue } from '../../engine/knobs.ts';
import type { ScenarioKnobs } from '../../engine/types.ts';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

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
