/**
 * The workshop's scenario: what a reader builds on /<lang>/workshop/, as plain versioned data.
 * Each side's OS profile, the knobs that apply (rows of the one knob table), each side's
 * application calls on a timeline, what each application does by itself (close after EOF, answer
 * the first data) and faults on chosen segments. `validateScenario` names the part that makes a
 * scenario impossible; `toEngine` turns a valid one into the engine's ScenarioDef.
 *
 * Faults name a segment by who sends it, what it is and which one of those it is ("A's 1st FIN"),
 * not by its number on the wire, so a fault stays on the same segment when an earlier choice adds
 * or removes segments before it.
 */
import { KNOBS, PROFILE_NAMES, checkKnobValue } from '../../engine/knobs.ts';
import type { AppAction, AppReactions, FaultRule, ProfileName, ScenarioDef, ScenarioKnobs, SegmentMatch, Side } from '../../engine/types.ts';

/** The format version; a URL or JSON file carries it (`w=1`, `"v": 1`). */
export const WORKSHOP_VERSION = 2;

export const SIDES: readonly Side[] = ['A', 'B'];
export { PROFILE_NAMES };

/**
 * Application calls. `shutdown` is shutdown(SHUT_WR): a FIN, and the application keeps reading
 * (a half-close), so its FIN-WAIT-2 has no time limit. `close` is close(): the same FIN, but the
 * connection becomes an orphan, so Linux drops it after tcp_fin_timeout in FIN-WAIT-2 and answers
 * data that still arrives with a RST. `abort` is close() with SO_LINGER {on, 0}; `forget` is the
 * host losing the connection without a word (a reboot).
 */
export const CALL_KINDS = ['listen', 'connect', 'send', 'shutdown', 'close', 'abort', 'forget'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** What a faulty segment is: `final-ack` is a bare ACK sent after the peer's FIN. */
export const SEGMENT_KINDS = ['syn', 'synack', 'ack', 'final-ack', 'data', 'fin', 'rst', 'any'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const FAULT_KINDS = ['drop', 'delay', 'duplicate', 'reorder'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * What a call's time counts from: the start, the moment A's connection opened (A reached
 * ESTABLISHED), or the moment the call's own side read the peer's FIN ("when the FIN arrives + 200 ms").
 */
export const TIME_BASES = ['start', 'connected', 'fin'] as const;
export type TimeBase = (typeof TIME_BASES)[number];

export interface WorkshopCall {
  side: Side;
  call: CallKind;
  at: number;
  after: TimeBase;
  /** For `send`: how many bytes. */
  bytes?: number;
}

export interface WorkshopFault {
  kind: FaultKind;
  from: Side;
  segment: SegmentKind;
  /** Which matching segment (1 = the first); 0 = every one. */
  nth: number;
  /** For delay and duplicate: how much later it (or its copy) arrives; for reorder: at most how much later. */
  ms?: number;
}

export interface WorkshopScenario {
  v: typeof WORKSHOP_VERSION;
  profile: Record<Side, ProfileName>;
  /** One-way latency of the link. */
  latencyMs: number;
  /** The knobs of the knob table that apply (isn, msl, rfc1337); msl 0 = each profile's own. */
  isn: 'fixed' | 'random';
  seed: number;
  mslMs: number;
  rfc1337: boolean;
  /** Every segment A or B sends is lost with this probability (%), drawn from a generator seeded with `lossSeed`. */
  lossPercent: number;
  lossSeed: number;
  /** Each application closes this many ms after reading EOF; null: it never does by itself. */
  eof: Record<Side, number | null>;
  /** Each application answers the first data it reads with this many bytes; 0: it does not. */
  reply: Record<Side, number>;
  calls: WorkshopCall[];
  faults: WorkshopFault[];
}

/** The knob table's rows the workshop offers (their labels, choices and limits come from the table). */
export const WORKSHOP_KNOB_IDS = ['isn', 'msl', 'rfc1337'] as const;
type KnobRowOf<I extends string> = Extract<(typeof KNOBS)[number], { id: I }>;
const knobRow = <I extends (typeof KNOBS)[number]['id']>(id: I): KnobRowOf<I> => KNOBS.find((k) => k.id === id) as KnobRowOf<I>;
export const workshopKnob = <I extends (typeof WORKSHOP_KNOB_IDS)[number]>(id: I): KnobRowOf<I> => knobRow(id);

/** What "after reading the peer's FIN" offers: never, or close after one of the close-delay knob's times. */
export const EOF_CHOICES: readonly (number | null)[] = [null, ...knobRow('close-delay').values.choices];

/** Limits that keep a run small enough to read and fast to compute. */
export const LIMITS = {
  calls: 24,
  faults: 12,
  lossPercent: 50,
  atMs: 600_000,
  bytes: 20_000,
  latencyMs: 2_000,
  faultMs: 60_000,
  nth: 20,
  seed: 2 ** 31 - 1,
} as const;

/** Virtual time a run stops at: long enough for any profile's TIME-WAIT (Windows 240 s) and most give-ups. */
export const RUN_UNTIL_MS = 600_000;

const A = { ip: '10.0.0.1', port: 50000 };
const B = { ip: '10.0.0.2', port: 80 };

/** The scenario a new workshop opens with: the simultaneous close of an idle connection. */
export function emptyScenario(): WorkshopScenario {
  return {
    v: WORKSHOP_VERSION,
    profile: { A: 'linux', B: 'linux' },
    latencyMs: 10,
    isn: 'fixed',
    seed: 1,
    mslMs: 0,
    rfc1337: false,
    lossPercent: 0,
    lossSeed: 1,
    eof: { A: null, B: null },
    reply: { A: 0, B: 0 },
    calls: [
      { side: 'B', call: 'listen', at: 0, after: 'start' },
      { side: 'A', call: 'connect', at: 1, after: 'start' },
      { side: 'A', call: 'close', at: 100, after: 'connected' },
      { side: 'B', call: 'close', at: 100, after: 'connected' },
    ],
    faults: [],
  };
}

/** Why a scenario cannot run: the part (`calls[2]`, `faults[0].ms`, `latencyMs`) and a coded message. */
export interface Problem {
  part: string;
  code: ProblemCode;
  vars: Record<string, string | number>;
}

/** English templates of the problems; the page shows `workshop.err.<code>` in its language with the same {vars}. */
export const PROBLEM_TEXT = {
  'not-number': '{part}: {value} is not a whole number from {min} to {max}',
  'not-one-of': '{part}: {value} is not one of {allowed}',
  'too-many': '{part}: at most {max}',
  'no-calls': '{part}: add at least one call',
  'open-after-connected': '{part} ({what}): listen and connect are timed from the start, not from an event',
  'no-socket': '{part} ({what}): {side} has no connection yet; add listen or connect on {side} before it',
  'never-connected': '{part} ({what}): A never listens or connects, so "after the connection opens" never comes',
  'no-ms': '{part} ({what}): a delay, copy or reorder needs its time in ms',
  engine: '{part}: the engine stopped: {message}',
} as const;
export type ProblemCode = keyof typeof PROBLEM_TEXT;

/** The English sentence of a problem (tests, the JSON import's errors in a console). */
export function problemText(p: Problem, templates: Record<string, string> = PROBLEM_TEXT): string {
  const t = templates[p.code] ?? PROBLEM_TEXT[p.code];
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(k === 'part' ? p.part : (p.vars[k] ?? `{${k}}`)));
}

/** A short name of a call for messages: "B close", "A send 100 B at connection + 20 ms". */
export const callName = (c: WorkshopCall): string => `${c.side} ${c.call}`;

const isInt = (v: unknown, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Every problem of `s` (empty: it can run). Checks shape and values too, since scenarios come from URLs and files. */
export function validateScenario(s: WorkshopScenario): Problem[] {
  const out: Problem[] = [];
  const num = (part: string, v: unknown, min: number, max: number): void => {
    if (!isInt(v, min, max)) out.push({ part, code: 'not-number', vars: { value: JSON.stringify(v) ?? 'nothing', min, max } });
  };
  const oneOf = (part: string, v: unknown, allowed: readonly unknown[]): boolean => {
    if (allowed.includes(v)) return true;
    out.push({ part, code: 'not-one-of', vars: { value: JSON.stringify(v) ?? 'nothing', allowed: allowed.join(', ') } });
    return false;
  };
  for (const side of SIDES) oneOf(`profile.${side}`, s.profile?.[side], PROFILE_NAMES);
  num('latencyMs', s.latencyMs, 1, LIMITS.latencyMs);
  if (checkKnobValue(workshopKnob('isn').values, s.isn)) oneOf('isn', s.isn, workshopKnob('isn').values.values);
  num('seed', s.seed, 0, LIMITS.seed);
  const msl = workshopKnob('msl').values;
  if (s.mslMs !== 0) num('mslMs', s.mslMs, 1, msl.max);
  if (checkKnobValue(workshopKnob('rfc1337').values, s.rfc1337)) oneOf('rfc1337', s.rfc1337, [true, false]);
  num('lossPercent', s.lossPercent, 0, LIMITS.lossPercent);
  num('lossSeed', s.lossSeed, 0, LIMITS.seed);
  for (const side of SIDES) {
    const e = s.eof?.[side];
    if (e !== null) num(`eof.${side}`, e, 0, LIMITS.atMs);
    num(`reply.${side}`, s.reply?.[side], 0, LIMITS.bytes);
  }
  if (!Array.isArray(s.calls) || !Array.isArray(s.faults)) {
    out.push({ part: Array.isArray(s.calls) ? 'faults' : 'calls', code: 'not-one-of', vars: { value: 'not a list', allowed: 'a list' } });
    return out;
  }
  if (s.calls.length === 0) out.push({ part: 'calls', code: 'no-calls', vars: {} });
  if (s.calls.length > LIMITS.calls) out.push({ part: 'calls', code: 'too-many', vars: { max: LIMITS.calls } });
  if (s.faults.length > LIMITS.faults) out.push({ part: 'faults', code: 'too-many', vars: { max: LIMITS.faults } });
  if (s.calls.length > LIMITS.calls || s.faults.length > LIMITS.faults) return out;
  checkCalls(s.calls, out, num, oneOf);
  s.faults.forEach((f, i) => {
    const part = `faults[${i}]`;
    if (!oneOf(`${part}.kind`, f.kind, FAULT_KINDS) || !oneOf(`${part}.from`, f.from, SIDES) || !oneOf(`${part}.segment`, f.segment, SEGMENT_KINDS)) return;
    num(`${part}.nth`, f.nth, 0, LIMITS.nth);
    if (f.kind === 'drop') return;
    if (f.ms === undefined) out.push({ part, code: 'no-ms', vars: { what: `${f.kind} ${f.from} ${f.segment}` } });
    else num(`${part}.ms`, f.ms, 1, LIMITS.faultMs);
  });
  return out;
}

/** The calls' own rules: a side must have a socket before it uses one; "after the connection" needs A to open one. */
function checkCalls(
  calls: WorkshopCall[],
  out: Problem[],
  num: (p: string, v: unknown, min: number, max: number) => void,
  oneOf: (p: string, v: unknown, a: readonly unknown[]) => boolean,
): void {
  const opens = calls.filter((c) => c.call === 'listen' || c.call === 'connect');
  calls.forEach((c, i) => {
    const part = `calls[${i}]`;
    if (!oneOf(`${part}.side`, c.side, SIDES) || !oneOf(`${part}.call`, c.call, CALL_KINDS) || !oneOf(`${part}.after`, c.after, TIME_BASES)) return;
    num(`${part}.at`, c.at, 0, LIMITS.atMs);
    if (c.call === 'send') num(`${part}.bytes`, c.bytes, 1, LIMITS.bytes);
    const what = callName(c);
    const opening = c.call === 'listen' || c.call === 'connect';
    if (opening && c.after !== 'start') out.push({ part, code: 'open-after-connected', vars: { what } });
    if (!opening) {
      // Opened before (from the start: at or before this call's time; calls timed from an event come after every open at the start).
      const has = opens.some((o) => o.side === c.side && o.after === 'start' && (c.after !== 'start' || o.at <= c.at));
      if (!has) out.push({ part, code: 'no-socket', vars: { what, side: c.side } });
    }
    if (c.after === 'connected' && !opens.some((o) => o.side === 'A')) out.push({ part, code: 'never-connected', vars: { what } });
  });
}

/** The engine's segment match of a fault's target. */
export function segmentMatch(f: Pick<WorkshopFault, 'from' | 'segment' | 'nth'>): SegmentMatch {
  const peer: Side = f.from === 'A' ? 'B' : 'A';
  const m: SegmentMatch = { from: f.from, ...(f.nth > 0 ? { nth: f.nth } : {}) };
  switch (f.segment) {
    case 'syn':
      return { ...m, flags: ['SYN'], notFlags: ['ACK'] };
    case 'synack':
      return { ...m, flags: ['SYN', 'ACK'] };
    case 'ack':
      return { ...m, flags: ['ACK'], notFlags: ['SYN', 'FIN', 'RST'], hasData: false };
    case 'final-ack':
      return { ...m, flags: ['ACK'], notFlags: ['SYN', 'FIN', 'RST'], hasData: false, afterFinFrom: peer };
    case 'data':
      return { ...m, hasData: true };
    case 'fin':
      return { ...m, flags: ['FIN'] };
    case 'rst':
      return { ...m, flags: ['RST'] };
    case 'any':
      return m;
  }
}

/** Payload of `n` bytes: the alphabet over and over, so a capture shows readable bytes. */
export const payload = (n: number): string => 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(n / 26)).slice(0, n);

function action(c: WorkshopCall): AppAction {
  const rel = c.after === 'connected' ? { after: 'connected' as const } : c.after === 'fin' ? { after: 'peer-fin' as const } : {};
  switch (c.call) {
    case 'listen':
      return { at: c.at, side: c.side, call: 'OPEN-passive' };
    case 'connect':
      return { at: c.at, side: c.side, call: 'OPEN-active' };
    case 'send':
      return { at: c.at, side: c.side, call: 'SEND', text: payload(c.bytes ?? 1), ...rel };
    case 'shutdown':
      return { at: c.at, side: c.side, call: 'SHUTDOWN', ...rel };
    case 'close':
      return { at: c.at, side: c.side, call: 'CLOSE', ...rel };
    case 'abort':
      return { at: c.at, side: c.side, call: 'ABORT', ...rel };
    case 'forget':
      return { at: c.at, side: c.side, call: 'FORGET', ...rel };
  }
}

function fault(f: WorkshopFault): FaultRule {
  const match = segmentMatch(f);
  if (f.kind === 'drop') return { kind: 'drop-match', match };
  return { kind: f.kind, match, extraDelayMs: f.ms ?? 0 };
}

const reaction = (s: WorkshopScenario, side: Side): AppReactions => ({
  closeOnEofAfterMs: s.eof[side],
  ...(s.reply[side] > 0 ? { replyOnData: payload(s.reply[side]) } : {}),
});

/** The engine's definition and knobs of a valid scenario (call validateScenario first). */
export function toEngine(s: WorkshopScenario): { def: ScenarioDef; knobs: ScenarioKnobs } {
  const def: ScenarioDef = {
    id: 'workshop',
    knobs: [],
    profile: s.profile.A,
    sideProfiles: { A: s.profile.A, B: s.profile.B },
    seed: s.seed,
    latencyMs: s.latencyMs,
    a: A,
    b: B,
    fixedIsn: { A: 1000, B: 5000 },
    isn: s.isn,
    actions: s.calls.map(action),
    reactions: { A: reaction(s, 'A'), B: reaction(s, 'B') },
    faults: [...s.faults.map(fault), ...(s.lossPercent > 0 ? [{ kind: 'random-loss' as const, percent: s.lossPercent, seed: s.lossSeed }] : [])],
    untilMs: RUN_UNTIL_MS,
  };
  const knobs: ScenarioKnobs = { rfc1337: s.rfc1337, ...(s.mslMs > 0 ? { mslMs: s.mslMs } : {}) };
  return { def, knobs };
}
