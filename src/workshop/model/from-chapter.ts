/**
 * "Start from a chapter": a built-in scenario as a workshop scenario. What the workshop cannot
 * express (segments injected by an attacker or an old duplicate, accept(), listener queues,
 * profile values changed for one lesson, fault rules that match no workshop segment kind) is left
 * out and listed, so the page can say what is missing instead of silently running something else.
 *
 * A fault on a wire number ("drop #3") becomes a fault on that segment's sender, kind and rank
 * ("A's 1st ACK"), read from the run, so it stays on the same segment when the reader adds calls.
 */
import { applyKnobs, getScenario, segmentMatches, simulate, wireSegments } from '../../engine/index.ts';
import type { AppAction, FaultRule, ScenarioDef, ScenarioKnobs, SegmentMatch, Side } from '../../engine/index.ts';
import { SEGMENT_KINDS, WORKSHOP_VERSION, segmentMatch, type SegmentKind, type WorkshopCall, type WorkshopFault, type WorkshopScenario } from './scenario.ts';

/** Parts of a built-in scenario the workshop leaves out. */
export type LeftOut = 'inject' | 'accept' | 'listener-queue' | 'keepalive' | 'profile-values' | 'fault';

export interface FromChapter {
  scenario: WorkshopScenario;
  left: LeftOut[];
}

const bytes = (text: string): number => new TextEncoder().encode(text).length;

function call(a: AppAction): WorkshopCall | null {
  const after = !('after' in a) || a.after === undefined ? 'start' : a.after === 'connected' ? 'connected' : 'fin';
  switch (a.call) {
    case 'OPEN-passive':
      return { side: a.side, call: 'listen', at: a.at, after: 'start' };
    case 'OPEN-active':
      return { side: a.side, call: 'connect', at: a.at, after: 'start' };
    case 'SEND':
      return { side: a.side, call: 'send', at: a.at, after, bytes: bytes(a.text) };
    case 'SHUTDOWN':
      return { side: a.side, call: 'shutdown', at: a.at, after };
    case 'CLOSE':
      return { side: a.side, call: 'close', at: a.at, after };
    case 'ABORT':
      return { side: a.side, call: 'abort', at: a.at, after };
    case 'FORGET':
      return { side: a.side, call: 'forget', at: a.at, after };
    default:
      return null;
  }
}

const same = (a: SegmentMatch, b: SegmentMatch): boolean => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/** The workshop kind whose match is exactly `m` (sender and rank aside), if any. */
function kindOf(m: SegmentMatch): SegmentKind | null {
  if (!m.from) return null;
  return SEGMENT_KINDS.find((k) => same(segmentMatch({ from: m.from as Side, segment: k, nth: m.nth ?? 0 }), m)) ?? null;
}

/** "Drop wire segment #n" as sender, kind and rank, read from the run without that drop. */
function wireFault(def: ScenarioDef, wireId: number): WorkshopFault | null {
  const trace = simulate({ ...def, faults: def.faults.filter((f) => f.kind !== 'drop') });
  const wire = wireSegments(trace).filter((w) => !w.origin);
  const target = wire.find((w) => w.wireId === wireId);
  if (!target) return null;
  // The most specific kind the segment is, then its rank among the sender's segments of that kind.
  for (const segment of ['final-ack', 'ack', 'syn', 'synack', 'fin', 'rst', 'data'] as const) {
    const m = segmentMatch({ from: target.from, segment, nth: 0 });
    const finSeen = { A: false, B: false };
    let nth = 0;
    for (const w of wire) {
      // As the link does: a FIN counts as seen from the moment it goes on the wire.
      if (w.segment.flags.FIN) finSeen[w.from] = true;
      const hit = segmentMatches(m, w.from, w.segment, finSeen);
      if (hit) nth++;
      if (w.wireId === wireId) {
        if (hit) return { kind: 'drop', from: target.from, segment, nth };
        break;
      }
    }
  }
  return null;
}

function fault(def: ScenarioDef, f: Exclude<FaultRule, { kind: 'random-loss' }>): WorkshopFault | null {
  if (f.kind === 'drop') return wireFault(def, f.wireId);
  const segment = kindOf(f.match);
  if (!segment || !f.match.from) return null;
  const base = { from: f.match.from, segment, nth: f.match.nth ?? 0 };
  return f.kind === 'drop-match' ? { kind: 'drop', ...base } : { kind: f.kind, ...base, ms: f.extraDelayMs };
}

/**
 * A built-in scenario (by id) as a workshop scenario, with what had to be left out. `knobs` are the
 * engine knobs of a lab's run ("open in workshop"): the knobs that change the calls and faults
 * (drop, closer, close delay, simultaneous open, profile, ISN) are applied to the definition first,
 * the ones the workshop has as fields (MSL, RFC 1337) become those fields.
 */
export function fromChapter(id: string, knobs: ScenarioKnobs = {}): FromChapter {
  const applied = applyKnobs(getScenario(id), knobs);
  const k = applied.knobs;
  // What is left of the knobs once applyKnobs has written them into the definition.
  const rest: ScenarioKnobs = { mslMs: k.mslMs, rfc1337: k.rfc1337, keepalive: k.keepalive, abortOnOverflow: k.abortOnOverflow };
  const def: ScenarioDef = { ...applied.def, knobsDefaults: JSON.parse(JSON.stringify(rest)) as ScenarioKnobs };
  const left = new Set<LeftOut>();
  const calls: WorkshopCall[] = [];
  for (const a of def.actions) {
    const c = call(a);
    if (c) calls.push(c);
    else left.add(a.call === 'ACCEPT' ? 'accept' : 'inject');
  }
  const faults: WorkshopFault[] = [];
  let loss = { percent: 0, seed: 1 };
  for (const f of def.faults) {
    if (f.kind === 'random-loss') {
      loss = f;
      continue;
    }
    const w = fault(def, f);
    if (w) faults.push(w);
    else left.add('fault');
  }
  for (const side of ['A', 'B'] as const) {
    const c = def.config?.[side];
    if (c && (c.backlog != null || c.acceptQueue != null || c.synCookies || c.abortOnOverflow || c.keepalive || c.delayedAck === false))
      left.add('listener-queue');
  }
  if (k.abortOnOverflow) left.add('listener-queue');
  if (k.keepalive) left.add('keepalive');
  if (def.profileOverrides) left.add('profile-values');
  const scenario: WorkshopScenario = {
    v: WORKSHOP_VERSION,
    profile: { A: def.sideProfiles?.A ?? def.profile, B: def.sideProfiles?.B ?? def.profile },
    latencyMs: def.latencyMs,
    isn: def.isn,
    seed: def.seed,
    mslMs: k.mslMs ?? 0,
    rfc1337: k.rfc1337 ?? !!(def.config?.A?.rfc1337 || def.config?.B?.rfc1337),
    lossPercent: loss.percent,
    lossSeed: loss.seed,
    eof: { A: def.reactions.A.closeOnEofAfterMs, B: def.reactions.B.closeOnEofAfterMs },
    reply: { A: def.reactions.A.replyOnData ? bytes(def.reactions.A.replyOnData) : 0, B: def.reactions.B.replyOnData ? bytes(def.reactions.B.replyOnData) : 0 },
    calls,
    faults,
  };
  return { scenario, left: [...left] };
}
