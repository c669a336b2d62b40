/**
 * The knob table: every knob a scenario run takes, one row each. The engine checks values with it
 * (validateKnobs in sim.ts) and offers every knob on the scenarios that take them all
 * (scenarios.ts); the labs take their knob ids, URL codes and controls from it
 * (src/labs/view/knobs.ts). The UI columns are plain strings, so the engine stays free of UI code.
 *
 * ScenarioKnobs, what a run takes, is derived from it: one optional field per row.
 *
 * A new knob that sets an engine setting that already exists (a field of the scenario definition or
 * of an endpoint's configuration, named in its `sets` column) is one row here plus its label strings
 * (`labs.knob.<id>` in src/i18n/<lang>/labs.ts). A knob that changes what the run does in a new way
 * (like `drop` or `closer`, which have no `sets`) also needs that code, in applyKnobs (sim.ts).
 */
import type { EndpointConfig, ProfileName, ScenarioDef, Side } from './types.ts';

/** Which values a knob accepts; validateKnobs names the rule in its error message. */
export type KnobValues =
  /** The number of a segment on the wire (1-based), 0 for none; `max` bounds what a deep link may ask for. */
  | { kind: 'segment'; max: number }
  /**
   * Milliseconds; `choices` are what a lab's select offers. With `min: 'above 0'`, 0 in a lab
   * means "not set" (the profile's own).
   */
  | { kind: 'ms'; min: 0 | 'above 0'; max: number; choices: readonly number[] }
  | { kind: 'one-of'; values: readonly string[] }
  | { kind: 'yes-no' };

export interface KnobRow {
  /** As a chapter writes it in `<SequenceLab knobs="…">`. */
  id: string;
  /** Its field in ScenarioKnobs. */
  field: string;
  values: KnobValues;
  /** Its key in a lab's deep link (`#lab=…&delay=200`). */
  url: string;
  /** The lab control that sets it. */
  control: 'select' | 'checkbox' | 'isn';
  /** i18n key of the control's label. */
  label: string;
  /** The value a lab shows when neither the scenario, the chapter nor a link says otherwise. */
  default: string | number | boolean;
  /**
   * The engine setting it overrides when given, applied by sim.ts for every row alike: a field of
   * the scenario definition, or a field of the endpoint configuration of the sides listed.
   * Without it, applyKnobs (sim.ts) applies the knob by its field.
   */
  sets?: { def: keyof ScenarioDef } | { config: keyof EndpointConfig; sides: readonly Side[] };
}

export const PROFILE_NAMES: readonly ProfileName[] = ['rfc', 'linux', 'windows', 'macos'];

export const KNOBS = [
  // Drop the n-th segment put on the wire (1-based, both directions, in send order); replaces the scenario's own drop rules, 0 drops nothing.
  { id: 'drop', field: 'drop', values: { kind: 'segment', max: 40 }, default: 0, url: 'drop', control: 'select', label: 'labs.knob.drop' },
  // Who calls CLOSE first; 'both' at the same instant (simultaneous close).
  {
    id: 'closer',
    field: 'closer',
    values: { kind: 'one-of', values: ['client', 'server', 'both'] },
    default: 'client',
    url: 'closer',
    control: 'select',
    label: 'labs.knob.closer',
  },
  // How long the passive closer's application waits after reading EOF before it calls CLOSE. Below the
  // profile's delayed-ACK time the FIN carries the ACK (3 segments); above it the ACK goes alone first (4).
  {
    id: 'close-delay',
    field: 'closeDelayMs',
    values: { kind: 'ms', min: 0, max: 10_000, choices: [0, 10, 50, 200, 500] },
    default: 0,
    url: 'delay',
    control: 'select',
    label: 'labs.knob.close-delay',
  },
  // 'fixed': readable ISNs (ScenarioDef.fixedIsn: client 1000, server 5000); 'random': RFC 6528 form keyed by the seed.
  {
    id: 'isn',
    field: 'isn',
    values: { kind: 'one-of', values: ['random', 'fixed'] },
    default: 'fixed',
    url: 'isn',
    control: 'isn',
    label: 'labs.knob.isn',
    sets: { def: 'isn' },
  },
  {
    id: 'profile',
    field: 'profile',
    values: { kind: 'one-of', values: PROFILE_NAMES },
    default: 'linux',
    url: 'profile',
    control: 'select',
    label: 'labs.knob.profile',
    sets: { def: 'profile' },
  },
  // Both sides send SYN at the same time (simultaneous open).
  { id: 'simultaneous', field: 'simultaneous', values: { kind: 'yes-no' }, default: false, url: 'sim', control: 'checkbox', label: 'labs.knob.simultaneous' },
  // Overrides the profile's MSL (TIME-WAIT = 2×MSL then, Linux included).
  {
    id: 'msl',
    field: 'mslMs',
    values: { kind: 'ms', min: 'above 0', max: 240_000, choices: [0, 1000, 15000, 30000, 60000, 120000] },
    default: 0,
    url: 'msl',
    control: 'select',
    label: 'labs.knob.msl',
  },
  // RFC 1337: ignore RST in TIME-WAIT, on both hosts.
  {
    id: 'rfc1337',
    field: 'rfc1337',
    values: { kind: 'yes-no' },
    default: false,
    url: 'rfc1337',
    control: 'checkbox',
    label: 'labs.knob.rfc1337',
    sets: { config: 'rfc1337', sides: ['A', 'B'] },
  },
  // Linux tcp_abort_on_overflow on the server: a full accept queue answers the third ACK with RST.
  {
    id: 'abort-on-overflow',
    field: 'abortOnOverflow',
    values: { kind: 'yes-no' },
    default: false,
    url: 'aoo',
    control: 'checkbox',
    label: 'labs.knob.abort-on-overflow',
    sets: { config: 'abortOnOverflow', sides: ['B'] },
  },
  // SO_KEEPALIVE on the client (A).
  {
    id: 'keepalive',
    field: 'keepalive',
    values: { kind: 'yes-no' },
    default: false,
    url: 'ka',
    control: 'checkbox',
    label: 'labs.knob.keepalive',
    sets: { config: 'keepalive', sides: ['A'] },
  },
] as const satisfies readonly KnobRow[];

/** The value type a row's rule accepts. */
type ValueOf<V> = V extends { kind: 'one-of'; values: readonly (infer T)[] } ? T : V extends { kind: 'yes-no' } ? boolean : number;

/** What a run takes: one optional field per row (its `field`, a value its rule accepts), plus the seed. */
export type ScenarioKnobs = { -readonly [R in (typeof KNOBS)[number] as R['field']]?: ValueOf<R['values']> } & {
  /** Seed for the ISN key and anything else random. Same scenario + knobs + seed → same trace. */
  seed?: number;
};

/** Knob ids as a chapter writes them. */
export type KnobName = (typeof KNOBS)[number]['id'];
export const KNOB_NAMES: readonly KnobName[] = KNOBS.map((k) => k.id);

/** Whether `v` is a value the rule accepts; the text names what it wants otherwise. */
export function checkKnobValue(values: KnobValues, v: unknown): string | null {
  switch (values.kind) {
    case 'segment':
      return Number.isInteger(v) && (v as number) >= 0 ? null : 'a whole number ≥ 0';
    case 'ms':
      return typeof v === 'number' && Number.isFinite(v) && (values.min === 0 ? v >= 0 : v > 0) ? null : `a time ${values.min === 0 ? '≥' : '>'} 0 ms`;
    case 'one-of':
      return values.values.includes(v as string) ? null : values.values.join(', ').replace(/, (?=[^,]*$)/, ' or ');
    case 'yes-no':
      return typeof v === 'boolean' ? null : 'true or false';
  }
}
