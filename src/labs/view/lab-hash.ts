/**
 * The deep-link codec: "step 3 of lost SYN+ACK, dropping segment 2, absolute numbers" as a URL
 * hash that survives a reload and can be shared. The hash names the lab it belongs to, so a
 * page with several labs (or an ordinary heading anchor) is left alone by the others.
 */
import { linkedLabId } from './lab-link-id.ts';
import { DEFAULT_KNOBS, HASH_KEYS, KNOB_IDS, knobFromString, knobToString, type KnobId, type Knobs } from './knobs.ts';

/** Everything a link restores. */
export interface LabLink {
  lab: string;
  scenario: string;
  step: number;
  absolute: boolean;
  knobs: Knobs;
}

/** The largest step number a link may carry; traces are far shorter, the lab clamps further. */
export const MAX_STEP = 10_000;

/** Ids are kebab-case words; anything else in a link is ignored rather than trusted. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Writes a link. Knobs equal to the lab's own defaults are left out, so a link stays short and
 * keeps working if a chapter later changes which knobs it shows.
 */
export function serializeLabHash(link: LabLink, base: Knobs = DEFAULT_KNOBS): string {
  const p = new URLSearchParams();
  p.set('lab', link.lab);
  p.set('s', link.scenario);
  p.set('step', String(link.step));
  if (link.absolute) p.set('abs', '1');
  for (const id of KNOB_IDS) {
    const v = knobToString(id, link.knobs);
    if (v !== knobToString(id, base)) p.set(HASH_KEYS[id], v);
  }
  return `#${p.toString()}`;
}

/** What a hash said about one lab, with the parts that could not be used. */
export interface ParsedLabHash {
  link: LabLink;
  /** Keys whose value was rejected (for a console note; the lab keeps its default for them). */
  rejected: string[];
}

/**
 * Reads a hash for the lab `lab`. Returns null when the hash is not a lab link or belongs to
 * another lab. Bad values never throw: each falls back to `base` and is listed in `rejected`.
 */
export function parseLabHash(hash: string, lab: string, fallbackScenario: string, base: Knobs = DEFAULT_KNOBS): ParsedLabHash | null {
  if (linkedLabId(hash) !== lab) return null;
  const p = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const rejected: string[] = [];
  const knobs: Knobs = { ...base };
  const s = p.get('s');
  let scenario = fallbackScenario;
  if (s !== null) {
    if (ID.test(s)) scenario = s;
    else rejected.push('s');
  }
  let step = 0;
  const st = p.get('step');
  if (st !== null) {
    if (/^\d{1,5}$/.test(st) && Number(st) <= MAX_STEP) step = Number(st);
    else rejected.push('step');
  }
  const abs = p.get('abs');
  if (abs !== null && abs !== '0' && abs !== '1') rejected.push('abs');
  for (const id of KNOB_IDS as readonly KnobId[]) {
    const v = p.get(HASH_KEYS[id]);
    if (v !== null && !knobFromString(id, v, knobs)) rejected.push(HASH_KEYS[id]);
  }
  return { link: { lab, scenario, step, absolute: abs === '1', knobs }, rejected };
}
