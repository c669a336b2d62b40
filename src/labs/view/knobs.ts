/**
 * The labs' knobs, read from the knob table (src/engine/knobs.ts): which a chapter shows
 * (`knobs="drop,closer"`), their values as a lab holds them, and how a deep link writes them.
 * `engine-adapter.ts` turns them into engine arguments.
 */
import { KNOBS, KNOB_NAMES, PROFILE_NAMES, type KnobName, type KnobRow } from '../../engine/knobs.ts';
import type { ProfileName, ScenarioKnobs } from '../../engine/types.ts';

/** Knob ids as written in a chapter's `knobs` prop: the knob table's (src/engine/knobs.ts). */
export const KNOB_IDS = KNOB_NAMES;
export type KnobId = KnobName;

export const PROFILES = PROFILE_NAMES;
export type ProfileId = ProfileName;

/**
 * Every knob's value, named as the engine's ScenarioKnobs fields (the knob table's `field`) and
 * typed like them, derived from the table. `drop` is the 1-based number of the segment to lose, 0
 * for none; `isn` is 'fixed' or the seed of random ISNs (so a shared link shows the same numbers);
 * `mslMs` 0 means the profile's own MSL.
 */
export type Knobs = {
  [R in (typeof KNOBS)[number] as R['field']]: R['control'] extends 'isn' ? 'fixed' | number : Exclude<ScenarioKnobs[R['field']], undefined>;
};

/** One knob's row of the table, by id. */
export const knobRow = (id: KnobId): KnobRow => KNOBS.find((r) => r.id === id) as KnobRow;

/** A knob's value in `k`, read through its row. */
export const knobValue = (r: KnobRow, k: Knobs): Knobs[keyof Knobs] => k[r.field as keyof Knobs];

/** What a lab starts with when neither the chapter nor the link says otherwise: the table's defaults. */
export const DEFAULT_KNOBS = Object.fromEntries(KNOBS.map((r) => [r.field, r.default])) as unknown as Knobs;

/** Parses the chapter's `knobs` prop; unknown names are dropped (and reported) rather than breaking the page. */
export function parseKnobList(prop: string | undefined): { knobs: KnobId[]; unknown: string[] } {
  const knobs: KnobId[] = [];
  const unknown: string[] = [];
  for (const raw of (prop ?? '').split(',')) {
    const k = raw.trim();
    if (!k) continue;
    if ((KNOB_IDS as readonly string[]).includes(k)) {
      if (!knobs.includes(k as KnobId)) knobs.push(k as KnobId);
    } else unknown.push(k);
  }
  return { knobs, unknown };
}

/** Short keys used in the URL hash, one per knob (the table's `url` column). */
export const HASH_KEYS = Object.fromEntries(KNOBS.map((k) => [k.id, k.url])) as Record<KnobId, string>;

/** Writes one knob for the URL hash: numbers as digits, yes/no as 1/0, random ISNs as r<seed>. */
export function knobToString(id: KnobId, k: Knobs): string {
  const r = knobRow(id);
  const v = knobValue(r, k);
  if (r.control === 'isn') return v === 'fixed' ? 'fixed' : `r${v}`;
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

const intIn = (s: string, lo: number, hi: number): number | null => {
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= lo && n <= hi ? n : null;
};

/** Reads one knob from the URL hash into `into`; returns false (and leaves `into` alone) for a value it cannot trust. */
export function knobFromString(id: KnobId, s: string, into: Knobs): boolean {
  const r = knobRow(id);
  const vals = r.values;
  let v: Knobs[keyof Knobs] | null;
  if (r.control === 'isn') v = s === 'fixed' ? 'fixed' : intIn(/^r(\d{1,10})$/.exec(s)?.[1] ?? '', 0, 0xffffffff);
  else if (vals.kind === 'one-of') v = vals.values.includes(s) ? (s as Knobs[keyof Knobs]) : null;
  else if (vals.kind === 'yes-no') v = s === '1' ? true : s === '0' ? false : null;
  else v = intIn(s, 0, vals.max);
  if (v === null) return false;
  (into as unknown as Record<string, unknown>)[r.field] = v;
  return true;
}

/** Whether two knob sets would give the same run (compared as the hash writes them). */
export function sameKnobs(a: Knobs, b: Knobs): boolean {
  return KNOB_IDS.every((id) => knobToString(id, a) === knobToString(id, b));
}

/**
 * A time knob's select options: the table's choices, plus the current value when a scenario or a
 * deep link set one that is not among them (the 50 ms MSL of time-wait-too-short), so the select
 * never shows an empty value.
 */
export function knobChoices(r: KnobRow, current: number): readonly number[] {
  const choices = r.values.kind === 'ms' ? r.values.choices : [];
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}
