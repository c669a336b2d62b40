// Two endpoints driven by hand, one input at a time, for the per-state tests. Every fixture
// reaches its state through legal steps only (OPEN, segment deliveries, CLOSE), never by
// writing a state field.
import {
  makeEndpoint,
  step,
  flags,
  textBytes,
  seqAdd,
  type Effect,
  type Endpoint,
  type EndpointOptions,
  type FlagName,
  type Segment,
  type Side,
  type StepInput,
  type TcpState,
} from '../../../src/engine/index.ts';

export const ADDR = { A: { ip: '10.0.0.1', port: 50000 }, B: { ip: '10.0.0.2', port: 80 } } as const;
export const ISS = { A: 1000, B: 5000 } as const;

export interface Net {
  ep: Record<Side, Endpoint>;
  now: number;
  /** Segments sent and not yet delivered or dropped, oldest first. */
  wire: { from: Side; seg: Segment }[];
}

/** Two fresh CLOSED endpoints with readable ISNs. Default: rfc profile, no delayed ACK. */
export function net(opts: { A?: EndpointOptions; B?: EndpointOptions } = {}): Net {
  const base: EndpointOptions = { profile: 'rfc', delayedAck: false };
  return {
    ep: {
      A: makeEndpoint('A', ADDR.A, { ...base, isn: { kind: 'fixed', value: ISS.A }, ...opts.A }),
      B: makeEndpoint('B', ADDR.B, { ...base, isn: { kind: 'fixed', value: ISS.B }, ...opts.B }),
    },
    now: 0,
    wire: [],
  };
}

/** Freeze an object graph (byte arrays excepted: they cannot be frozen) so a mutating step throws. */
export function deepFreeze<T>(x: T): T {
  if (x === null || typeof x !== 'object' || ArrayBuffer.isView(x) || Object.isFrozen(x)) return x;
  for (const v of Object.values(x)) deepFreeze(v);
  return Object.freeze(x);
}

/** Feed one input to a side; sends go on the wire; returns the effects. Endpoint and input are frozen to catch mutation. */
export function input(n: Net, side: Side, inp: StepInput): Effect[] {
  const before = deepFreeze(n.ep[side]);
  deepFreeze(inp);
  const r = step(before, inp, { now: n.now });
  n.ep[side] = r.endpoint;
  for (const e of r.effects) if (e.kind === 'send') n.wire.push({ from: side, seg: e.segment });
  return r.effects;
}

export const listen = (n: Net): Effect[] => input(n, 'B', { kind: 'user', call: { call: 'OPEN', mode: 'passive', local: ADDR.B } });
export const connect = (n: Net, side: Side = 'A'): Effect[] =>
  input(n, side, { kind: 'user', call: { call: 'OPEN', mode: 'active', local: ADDR[side], remote: ADDR[side === 'A' ? 'B' : 'A'] } });
export const close = (n: Net, side: Side): Effect[] => input(n, side, { kind: 'user', call: { call: 'CLOSE' } });
/** shutdown(SHUT_WR): the FIN of CLOSE, the connection still the application's. */
export const shutdown = (n: Net, side: Side): Effect[] => input(n, side, { kind: 'user', call: { call: 'SHUTDOWN' } });
export const abort = (n: Net, side: Side): Effect[] => input(n, side, { kind: 'user', call: { call: 'ABORT' } });
export const send = (n: Net, side: Side, text: string): Effect[] => input(n, side, { kind: 'user', call: { call: 'SEND', data: textBytes(text) } });

/** Deliver the oldest in-flight segment to its receiver. */
export function deliver(n: Net): Effect[] {
  const s = n.wire.shift();
  if (!s) throw new Error('nothing on the wire');
  return input(n, s.from === 'A' ? 'B' : 'A', { kind: 'segment', segment: s.seg });
}

/** Deliver until the wire is empty (bounded). */
export function deliverAll(n: Net): void {
  for (let i = 0; i < 50 && n.wire.length > 0; i++) deliver(n);
  if (n.wire.length > 0) throw new Error('wire did not drain');
}

/** Throw away the oldest in-flight segment (a loss). */
export function drop(n: Net): Segment {
  const s = n.wire.shift();
  if (!s) throw new Error('nothing on the wire');
  return s.seg;
}

/** Advance virtual time to a side's timer deadline and fire it. */
export function fire(n: Net, side: Side, timer: Parameters<typeof timerInput>[0]): Effect[] {
  const at = n.ep[side].timers[timer];
  if (at === undefined) throw new Error(`${side} has no ${timer} timer`);
  n.now = Math.max(n.now, at);
  return input(n, side, timerInput(timer));
}

function timerInput(timer: 'retransmit' | 'time-wait' | 'fin-wait-2' | 'syn-received' | 'delayed-ack'): StepInput {
  return { kind: 'timer', timer };
}

/** A segment `from` → the other side, built by hand (attacks, old duplicates, odd peers). */
export function seg(from: Side, f: FlagName[], seq: number, ack: number, text = '', window = 65535): Segment {
  const to: Side = from === 'A' ? 'B' : 'A';
  return { src: ADDR[from], dst: ADDR[to], seq: seq >>> 0, ack: ack >>> 0, flags: flags(...f), window, options: {}, payload: textBytes(text) };
}

/** Deliver a hand-built segment to the side it is addressed to. */
export function arrive(n: Net, s: Segment): Effect[] {
  const to: Side = s.dst.port === ADDR.A.port && s.dst.ip === ADDR.A.ip ? 'A' : 'B';
  return input(n, to, { kind: 'segment', segment: s });
}

export const sent = (effects: Effect[]): Segment[] => effects.flatMap((e) => (e.kind === 'send' ? [e.segment] : []));
export const states = (effects: Effect[]): TcpState[] => effects.flatMap((e) => (e.kind === 'state' ? [e.to] : []));
export const reasons = (effects: Effect[]): string[] => effects.flatMap((e) => (e.kind === 'log' || e.kind === 'state' ? [e.reason] : []));
export const errors = (effects: Effect[]): string[] => effects.flatMap((e) => (e.kind === 'error' ? [e.error] : []));
export const flagsOf = (s: Segment | undefined): string => (s ? (['SYN', 'ACK', 'FIN', 'RST'] as const).filter((f) => s.flags[f]).join('+') : 'none');

// ---- fixtures: legal paths to each state ----

/** B LISTEN. */
export function inListen(opts?: Parameters<typeof net>[0]): Net {
  const n = net(opts);
  listen(n);
  return n;
}

/** A SYN-SENT (SYN still on the wire), B LISTEN. */
export function inSynSent(opts?: Parameters<typeof net>[0]): Net {
  const n = inListen(opts);
  connect(n);
  return n;
}

/** B SYN-RECEIVED (its SYN+ACK on the wire), A SYN-SENT. */
export function inSynReceived(opts?: Parameters<typeof net>[0]): Net {
  const n = inSynSent(opts);
  deliver(n);
  return n;
}

/** Both ESTABLISHED, wire empty. */
export function inEstablished(opts?: Parameters<typeof net>[0]): Net {
  const n = inSynReceived(opts);
  deliverAll(n);
  return n;
}

/** A FIN-WAIT-1 (FIN on the wire, sent by close() or by shutdown(SHUT_WR)), B ESTABLISHED. */
export function inFinWait1(opts?: Parameters<typeof net>[0], how: 'close' | 'shutdown' = 'close'): Net {
  const n = inEstablished(opts);
  (how === 'close' ? close : shutdown)(n, 'A');
  return n;
}

/** A FIN-WAIT-2, B CLOSE-WAIT, wire empty. */
export function inFinWait2(opts?: Parameters<typeof net>[0], how: 'close' | 'shutdown' = 'close'): Net {
  const n = inFinWait1(opts, how);
  deliverAll(n);
  return n;
}

/** A CLOSING, B CLOSING (both FINs crossed, the ACKs on the wire). */
export function inClosing(opts?: Parameters<typeof net>[0]): Net {
  const n = inEstablished(opts);
  close(n, 'A');
  close(n, 'B');
  deliver(n); // A's FIN → B: CLOSING, ACK on the wire
  deliver(n); // B's FIN → A: CLOSING, ACK on the wire
  return n;
}

/** B LAST-ACK (its FIN on the wire), A FIN-WAIT-2. */
export function inLastAck(opts?: Parameters<typeof net>[0]): Net {
  const n = inFinWait2(opts);
  close(n, 'B');
  return n;
}

/** A TIME-WAIT (its final ACK on the wire), B LAST-ACK. */
export function inTimeWait(opts?: Parameters<typeof net>[0]): Net {
  const n = inLastAck(opts);
  deliver(n);
  return n;
}

export { seqAdd };

export { nextTimer as nextTimerOf } from '../../../src/engine/index.ts';
