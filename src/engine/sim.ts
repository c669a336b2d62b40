/**
 * The simulator: two endpoints on a link with latency, fault rules, a virtual clock that jumps
 * to the next deadline, and the scenario interpreter. Deterministic: no clock, no Math.random;
 * the seed only keys the ISN hash.
 */
import { makeEndpoint, nextTimer, snapshot, step } from './endpoint.ts';
import { getProfile } from './profiles.ts';
import { flags as mkFlags, segmentFromJSON, segmentToJSON, textBytes } from './segment.ts';
import { seqAdd } from './seq.ts';
import type {
  Address, AppAction, AppReactions, Effect, Endpoint, FaultRule, InjectOrigin, IsnSource, ScenarioDef, ScenarioKnobs, Segment,
  SegmentJSON, SegmentMatch, Side, StepInput, Trace, TraceEvent,
} from './types.ts';
import { NOTES } from './notes.ts';

/** A segment as it went on the wire, for pcap export and segment lists (OrderSegments quiz). */
export interface WireSegment {
  /** 1-based, in send order over both directions (the `drop` knob counts these). */
  wireId: number;
  /** Virtual ms when it left the sender. */
  t: number;
  from: Side;
  segment: Segment;
  retransmit: boolean;
  /** Removed by a fault rule or sent to no host (a capture at the sender still sees it, as synsent.pcap does). */
  dropped: boolean;
  /** Injected by the scenario (attacker SYNs, an old duplicate), not sent by A or B. */
  origin?: InjectOrigin;
}

/** A safety net against an engine bug looping forever; real scenarios stay far below. */
const MAX_EVENTS = 200_000;

interface InFlight {
  at: number;
  order: number;
  wireId: number;
  to: Side;
  segment: Segment;
  json: SegmentJSON;
  origin?: InjectOrigin;
}

interface Pending {
  at: number;
  order: number;
  action: AppAction;
}

const other = (s: Side): Side => (s === 'A' ? 'B' : 'A');

/**
 * Reject knob values no lesson can mean (they may come from a URL or a form): the error names
 * the knob and the value, so a lab can show it instead of a broken trace.
 */
export function validateKnobs(k: ScenarioKnobs): void {
  const bad = (name: string, v: unknown, want: string): never => {
    throw new Error(`knob ${name}: ${JSON.stringify(v)} is not ${want}`);
  };
  if (k.drop !== undefined && !(Number.isInteger(k.drop) && k.drop >= 0)) bad('drop', k.drop, 'a whole number ≥ 0');
  if (k.closer !== undefined && !['client', 'server', 'both'].includes(k.closer)) bad('closer', k.closer, 'client, server or both');
  if (k.closeDelayMs !== undefined && !(Number.isFinite(k.closeDelayMs) && k.closeDelayMs >= 0)) bad('closeDelayMs', k.closeDelayMs, 'a time ≥ 0 ms');
  if (k.isn !== undefined && k.isn !== 'random' && k.isn !== 'fixed') bad('isn', k.isn, 'random or fixed');
  if (k.seed !== undefined && !Number.isSafeInteger(k.seed)) bad('seed', k.seed, 'a whole number');
  if (k.profile !== undefined && !['rfc', 'linux', 'windows', 'macos'].includes(k.profile)) bad('profile', k.profile, 'rfc, linux, windows or macos');
  if (k.mslMs !== undefined && !(Number.isFinite(k.mslMs) && k.mslMs > 0)) bad('mslMs', k.mslMs, 'a time > 0 ms');
  if (k.simultaneous !== undefined && typeof k.simultaneous !== 'boolean') bad('simultaneous', k.simultaneous, 'true or false');
  if (k.rfc1337 !== undefined && typeof k.rfc1337 !== 'boolean') bad('rfc1337', k.rfc1337, 'true or false');
  if (k.abortOnOverflow !== undefined && typeof k.abortOnOverflow !== 'boolean') bad('abortOnOverflow', k.abortOnOverflow, 'true or false');
  if (k.keepalive !== undefined && typeof k.keepalive !== 'boolean') bad('keepalive', k.keepalive, 'true or false');
}

/** Apply the knobs to a definition: the result is again plain data. */
function applyKnobs(def: ScenarioDef, knobs: ScenarioKnobs): { def: ScenarioDef; knobs: ScenarioKnobs } {
  validateKnobs(knobs);
  const k: ScenarioKnobs = { ...def.knobsDefaults, ...knobs };
  let actions = def.actions.slice();
  let reactions = { A: { ...def.reactions.A }, B: { ...def.reactions.B } };
  let faults = def.faults.slice();
  if (k.drop !== undefined) {
    faults = faults.filter((f) => f.kind !== 'drop' && f.kind !== 'drop-match');
    if (k.drop > 0) faults.push({ kind: 'drop', wireId: k.drop });
  }
  if (k.simultaneous) {
    const openA = actions.find((a) => a.side === 'A' && a.call === 'OPEN-active');
    actions = actions.map((a) => (a.side === 'B' && a.call === 'OPEN-passive' ? { at: openA ? openA.at : a.at, side: 'B', call: 'OPEN-active' } : a));
  }
  if (k.closer !== undefined) {
    const closes = actions.filter((a) => a.call === 'CLOSE');
    const first = closes.reduce<AppAction | null>((m, a) => (m === null || a.at < m.at ? a : m), null);
    const at = first ? first.at : 300;
    const rel = first !== null && 'after' in first && first.after === 'connected';
    actions = actions.filter((a) => a.call !== 'CLOSE');
    for (const s of ['A', 'B'] as const) {
      if ((s === 'A' && k.closer === 'server') || (s === 'B' && k.closer === 'client')) continue;
      actions.push(rel ? { at, side: s, call: 'CLOSE', after: 'connected' } : { at, side: s, call: 'CLOSE' });
    }
  }
  if (k.closeDelayMs !== undefined) {
    const passive: Side = (k.closer ?? (actions.some((a) => a.side === 'A' && a.call === 'CLOSE') ? 'client' : 'server')) === 'server' ? 'A' : 'B';
    reactions = { ...reactions, [passive]: { ...reactions[passive], closeOnEofAfterMs: k.closeDelayMs } };
  }
  return {
    def: { ...def, actions, reactions, faults, profile: k.profile ?? def.profile, seed: k.seed ?? def.seed, isn: k.isn ?? def.isn },
    knobs: k,
  };
}

function isnFor(def: ScenarioDef, side: Side): IsnSource {
  if (def.isn === 'fixed') return { kind: 'fixed', value: def.fixedIsn[side] };
  // Each host has its own secret; both derive from the seed so a run is reproducible.
  return { kind: 'rfc6528', key: def.seed * 2 + (side === 'A' ? 1 : 2) };
}

function sameAddr(a: Address, b: Address): boolean {
  return a.ip === b.ip && a.port === b.port;
}

function matches(m: SegmentMatch, from: Side, seg: Segment, finSeen: Record<Side, boolean>): boolean {
  if (m.from !== undefined && m.from !== from) return false;
  if (m.flags && !m.flags.every((f) => seg.flags[f])) return false;
  if (m.notFlags && m.notFlags.some((f) => seg.flags[f])) return false;
  if (m.hasData !== undefined && (seg.payload.length > 0) !== m.hasData) return false;
  if (m.afterFinFrom !== undefined && !finSeen[m.afterFinFrom]) return false;
  return true;
}

/**
 * Run a scenario definition with knobs applied. Same def + knobs → the same Trace, event for
 * event. Knobs: `drop` replaces the scenario's own drop rules (0 = drop nothing); `closer`
 * moves the first CLOSE to that side (or both); `closeDelayMs` sets the passive closer's delay
 * after EOF; `simultaneous` turns B's passive OPEN into an active one at A's time.
 */
export function simulate(scenario: ScenarioDef, knobs: ScenarioKnobs = {}): Trace {
  const { def, knobs: k } = applyKnobs(scenario, knobs);
  const profile = { ...getProfile(def.profile, k.mslMs === undefined ? undefined : { mslMs: k.mslMs }), ...def.profileOverrides };
  const addr: Record<Side, Address> = { A: def.a, B: def.b };
  const ep: Record<Side, Endpoint> = {
    A: makeEndpoint('A', def.a, { profile, isn: isnFor(def, 'A'), rfc1337: k.rfc1337 ?? false, tsOffset: def.isn === 'fixed' ? 0 : (def.seed * 7919 + 17) >>> 0, ...def.config?.A }),
    B: makeEndpoint('B', def.b, { profile, isn: isnFor(def, 'B'), rfc1337: k.rfc1337 ?? false, tsOffset: def.isn === 'fixed' ? 0 : (def.seed * 104729 + 31) >>> 0, ...def.config?.B }),
  };
  if (k.rfc1337 !== undefined) {
    ep.A = { ...ep.A, config: { ...ep.A.config, rfc1337: k.rfc1337 } };
    ep.B = { ...ep.B, config: { ...ep.B.config, rfc1337: k.rfc1337 } };
  }
  if (k.keepalive !== undefined) ep.A = { ...ep.A, config: { ...ep.A.config, keepalive: k.keepalive } };
  if (k.abortOnOverflow !== undefined) ep.B = { ...ep.B, config: { ...ep.B.config, abortOnOverflow: k.abortOnOverflow } };
  // A listener with an accept queue follows A's connection; other clients only fill the queue.
  if (ep.B.config.acceptQueue !== null) ep.B = { ...ep.B, config: { ...ep.B.config, follow: { ...def.a } } };
  const reactions: Record<Side, AppReactions> = def.reactions;
  const replied: Record<Side, boolean> = { A: false, B: false };
  /** The application has called CLOSE/ABORT on its current connection: EOF reactions no longer apply. */
  const closedByApp: Record<Side, boolean> = { A: false, B: false };
  const lastIss: Record<Side, number> = { A: def.fixedIsn.A, B: def.fixedIsn.B };
  const finSeen: Record<Side, boolean> = { A: false, B: false };
  const events: TraceEvent[] = [];
  let order = 0;
  let wireCount = 0;
  let now = 0;
  const isRelative = (a: AppAction): boolean => 'after' in a && a.after === 'connected';
  let pending: Pending[] = def.actions.filter((a) => !isRelative(a)).map((action) => ({ at: action.at, order: order++, action }));
  /** Actions timed from the client's first ESTABLISHED. */
  let waiting: AppAction[] = def.actions.filter(isRelative);
  let flight: InFlight[] = [];
  const faultHits = new Map<FaultRule, number>();

  const push = (e: Omit<TraceEvent, 'i' | 't' | 'snapshot'>): void => {
    if (events.length >= MAX_EVENTS) throw new Error(`scenario ${def.id}: more than ${MAX_EVENTS} events (engine loop?)`);
    events.push({ i: events.length, t: now, ...e, snapshot: { A: snapshot(ep.A), B: snapshot(ep.B) } });
  };

  /** A segment leaves `from`: faults decide whether, when and how often it arrives. */
  const transmit = (from: Side, segment: Segment, retransmit: boolean, origin?: InjectOrigin, to?: Side): void => {
    const wireId = ++wireCount;
    const json = segmentToJSON(segment);
    push({ kind: 'send', side: from, segment: json, wireId, ...(retransmit ? { retransmit } : {}), ...(origin ? { origin } : {}) });
    const dest: Side | null = to ?? (sameAddr(segment.dst, addr[other(from)]) ? other(from) : null);
    if (segment.flags.FIN && !origin) finSeen[from] = true;
    if (dest === null) {
      push({ kind: 'drop', side: from, segment: json, wireId, ...(NOTES && { detail: `no host at ${segment.dst.ip}:${segment.dst.port} (spoofed source)` }) });
      return;
    }
    let delay = def.latencyMs;
    const copies: number[] = [];
    for (const f of def.faults) {
      if (f.kind === 'drop') {
        if (f.wireId === wireId) {
          push({ kind: 'drop', side: from, segment: json, wireId, ...(NOTES && { detail: `fault: drop segment #${wireId}` }) });
          return;
        }
        continue;
      }
      if (origin || !matches(f.match, from, segment, finSeen)) continue;
      const hit = (faultHits.get(f) ?? 0) + 1;
      faultHits.set(f, hit);
      if (f.match.nth !== undefined && f.match.nth !== hit) continue;
      if (f.kind === 'drop-match') {
        push({ kind: 'drop', side: from, segment: json, wireId, ...(NOTES && { detail: 'fault: drop rule' }) });
        return;
      }
      if (f.kind === 'delay') delay += f.extraDelayMs;
      if (f.kind === 'duplicate') copies.push(def.latencyMs + f.extraDelayMs);
    }
    flight.push({ at: now + delay, order: order++, wireId, to: dest, segment, json, ...(origin ? { origin } : {}) });
    for (const d of copies) {
      const copyId = ++wireCount;
      push({ kind: 'duplicate', side: from, segment: json, wireId: copyId, ...(NOTES && { detail: `copy of #${wireId}, arrives ${d} ms after sending` }) });
      flight.push({ at: now + d, order: order++, wireId: copyId, to: dest, segment, json, origin: 'old-duplicate' });
    }
  };

  const apply = (side: Side, effects: Effect[]): void => {
    for (const e of effects) {
      switch (e.kind) {
        case 'send':
          transmit(side, e.segment, e.retransmit);
          break;
        case 'timer-set':
          push({ kind: 'timer-set', side, timer: e.timer, at: e.at });
          break;
        case 'timer-cancel':
          push({ kind: 'timer-cancel', side, timer: e.timer });
          break;
        case 'state':
          if (e.to === 'SYN-SENT' || e.to === 'SYN-RECEIVED') lastIss[side] = ep[side].tcb?.iss ?? lastIss[side];
          // Reopened from TIME-WAIT: the listener hands its application a new connection.
          if (e.from === 'TIME-WAIT' && e.to === 'SYN-RECEIVED') {
            closedByApp[side] = false;
            replied[side] = false;
          }
          push({ kind: 'state', side, from: e.from, to: e.to, reason: e.reason, rfc: e.rfc });
          break;
        case 'log':
          push({ kind: 'log', side, reason: e.reason, rfc: e.rfc, ...(e.detail !== undefined ? { detail: e.detail } : {}) });
          break;
        case 'deliver':
          push({ kind: 'app', side, app: 'data', bytes: e.data.length, detail: new TextDecoder().decode(e.data) });
          if (reactions[side].replyOnData && !replied[side]) {
            replied[side] = true;
            pending.push({ at: now, order: order++, action: { at: now, side, call: 'SEND', text: reactions[side].replyOnData } });
          }
          break;
        case 'eof': {
          push({ kind: 'app', side, app: 'eof' });
          const d = reactions[side].closeOnEofAfterMs;
          if (d !== null && d !== undefined && !closedByApp[side]) pending.push({ at: now + d, order: order++, action: { at: now + d, side, call: 'CLOSE' } });
          break;
        }
        case 'connected':
          push({ kind: 'app', side, app: 'connected' });
          if (side === 'A') {
            for (const a of waiting) pending.push({ at: now + a.at, order: order++, action: { ...a, at: now + a.at } });
            waiting = [];
          }
          break;
        case 'error':
          push({ kind: 'app', side, app: 'error', error: e.error });
          break;
      }
    }
  };

  const run = (side: Side, input: StepInput): void => {
    const r = step(ep[side], input, { now });
    ep[side] = r.endpoint;
    apply(side, r.effects);
  };

  const act = (p: Pending): void => {
    const a = p.action;
    const side = a.side;
    switch (a.call) {
      case 'OPEN-passive':
        push({ kind: 'user', side, call: 'OPEN', detail: 'passive' });
        closedByApp[side] = false;
        run(side, { kind: 'user', call: { call: 'OPEN', mode: 'passive', local: addr[side] } });
        break;
      case 'OPEN-active':
        push({ kind: 'user', side, call: 'OPEN', detail: 'active' });
        replied[side] = false;
        closedByApp[side] = false;
        run(side, { kind: 'user', call: { call: 'OPEN', mode: 'active', local: addr[side], remote: addr[other(side)] } });
        break;
      case 'SEND': {
        const data = textBytes(a.text);
        push({ kind: 'user', side, call: 'SEND', bytes: data.length, detail: a.text });
        run(side, { kind: 'user', call: { call: 'SEND', data } });
        break;
      }
      case 'CLOSE':
        closedByApp[side] = true;
        push({ kind: 'user', side, call: 'CLOSE' });
        run(side, { kind: 'user', call: { call: 'CLOSE' } });
        break;
      case 'ABORT':
        closedByApp[side] = true;
        push({ kind: 'user', side, call: 'ABORT' });
        run(side, { kind: 'user', call: { call: 'ABORT' } });
        break;
      case 'FORGET':
      case 'ACCEPT':
        if (a.call === 'FORGET') closedByApp[side] = true;
        push({ kind: 'user', side, call: a.call });
        run(side, { kind: 'user', call: { call: a.call } });
        break;
      case 'INJECT':
        for (const s of a.segments) {
          const fromSide: Side | null = sameAddr(s.src, addr.A) ? 'A' : sameAddr(s.src, addr.B) ? 'B' : null;
          // An answer to the SYN+ACK this side last sent to s.src (another client completing its handshake).
          const synAck = s.answer ? events.findLast((e) => e.kind === 'send' && e.side === side && e.segment?.flags.SYN && e.segment.flags.ACK && sameAddr(e.segment.dst, s.src))?.segment : undefined;
          const seq = synAck ? synAck.ack : s.relative && fromSide ? seqAdd(lastIss[fromSide], s.seq) : s.seq >>> 0;
          const ack = synAck ? seqAdd(synAck.seq, 1) : s.relative ? seqAdd(lastIss[side], s.ack) : s.ack >>> 0;
          const seg: Segment = { src: s.src, dst: addr[side], seq, ack: s.flags.includes('ACK') ? ack : 0, flags: mkFlags(...s.flags), window: 64240, options: s.flags.includes('SYN') ? { mss: 1460 } : {}, payload: textBytes(s.text ?? '') };
          transmit(other(side), seg, false, a.origin, side);
        }
        break;
    }
  };

  for (;;) {
    const tAct = pending.reduce((m, p) => Math.min(m, p.at), Infinity);
    const tFly = flight.reduce((m, f) => Math.min(m, f.at), Infinity);
    const timers = (['A', 'B'] as const).map((s) => ({ s, n: nextTimer(ep[s]) }));
    const tTim = timers.reduce((m, x) => Math.min(m, x.n ? x.n.at : Infinity), Infinity);
    const t = Math.min(tAct, tFly, tTim);
    if (t === Infinity || t > def.untilMs) break;
    now = Math.max(now, t);
    // Same instant: application actions first, then arrivals, then timers (A before B).
    if (tAct === t) {
      const p = pending.filter((x) => x.at === t).sort((x, y) => x.order - y.order)[0];
      if (p) {
        pending = pending.filter((x) => x !== p);
        act(p);
        continue;
      }
    }
    if (tFly === t) {
      const f = flight.filter((x) => x.at === t).sort((x, y) => x.order - y.order)[0];
      if (f) {
        flight = flight.filter((x) => x !== f);
        push({ kind: 'deliver', side: f.to, segment: { ...f.json, src: { ...f.json.src }, dst: { ...f.json.dst }, flags: { ...f.json.flags }, options: structuredClone(f.json.options) }, wireId: f.wireId, ...(f.origin ? { origin: f.origin } : {}) });
        run(f.to, { kind: 'segment', segment: f.segment });
        continue;
      }
    }
    const due = timers.find((x) => x.n && x.n.at === t);
    if (due && due.n) {
      push({ kind: 'timer-fire', side: due.s, timer: due.n.timer });
      run(due.s, { kind: 'timer', timer: due.n.timer });
    }
  }

  return {
    scenario: def.id,
    knobs: k,
    profile: def.profile,
    seed: def.seed,
    a: { ...def.a },
    b: { ...def.b },
    latencyMs: def.latencyMs,
    events,
    final: { A: ep.A.state, B: ep.B.state },
  };
}

/** Every segment put on the wire in a trace, in order (dropped ones flagged). */
export function wireSegments(trace: Trace): WireSegment[] {
  const dropped = new Set(trace.events.filter((e) => e.kind === 'drop').map((e) => e.wireId));
  const out: WireSegment[] = [];
  for (const e of trace.events) {
    if ((e.kind !== 'send' && e.kind !== 'duplicate') || !e.segment || e.wireId === undefined) continue;
    if (e.kind === 'duplicate') continue;
    out.push({
      wireId: e.wireId,
      t: e.t,
      from: e.side,
      segment: segmentFromJSON(e.segment),
      retransmit: e.retransmit ?? false,
      dropped: dropped.has(e.wireId),
      ...(e.origin ? { origin: e.origin } : {}),
    });
  }
  return out;
}
