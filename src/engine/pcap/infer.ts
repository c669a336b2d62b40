import { makeEndpoint, step } from '../endpoint.ts';
import { ALL_PARTS } from '../parts/all.ts';
import { segLen } from '../segment-data.ts';
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from '../seq.ts';
import type { Address, Endpoint, ProfileName, Segment, Side, UserCall } from '../types.ts';
import { checkEvidence, type KnownState, UNKNOWN_WHY } from './evidence.ts';
import { retransmitBound } from './rto.ts';

/** A segment seen on the wire, attributed to a side; `t` in seconds. */
export interface ObservedInput {
  t: number;
  from: Side;
  segment: Segment;
}

/** Options of inferStates. */
export interface InferOptions {
  /**
   * The stacks' profile: it sets the timers the inference runs itself (TIME-WAIT, FIN-WAIT-2),
   * which a capture does not show. Default 'linux', what most captures readers make come from.
   */
  profile?: ProfileName;
}

/** Both sides' states after one observed segment, and what the inference had to assume. */
export interface InferredStep {
  /** null when the capture cannot prove the state (the notes say why). */
  stateA: KnownState;
  stateB: KnownState;
  notes: string[];
}

/**
 * A segment sent again this soon after its first copy cannot be a retransmission: Linux's
 * smallest RTO is 200 ms (TCP_RTO_MIN), RFC 6298's 1 s. Kept below 200 ms so a retransmission
 * exactly at the minimum still counts as one.
 */
const CROSSING_WINDOW_S = 0.15;

/**
 * How far back (in segments of the connection) a repair may reach. Only the states before the
 * last HORIZON segments are kept for replays, so memory stays bounded on long transfers
 * (each kept state holds its send queue).
 */
const HORIZON = 128;

/** SYN and FIN change states; data and pure ACKs crossing or lost do not need a repair. */
const controls = (s: Segment): boolean => s.flags.SYN || s.flags.FIN;

/** Restarts allowed per connection when a segment turns out not to have arrived (bounds time). */
const MAX_REPLAYS = 32;

type Pair = Record<Side, Endpoint>;

const other = (s: Side): Side => (s === 'A' ? 'B' : 'A');

/**
 * How B behaves, read from what B sends: a listener answers SYN with SYN+ACK, a closed port
 * with RST, a simultaneous opener sends its own SYN; a silent B (SYNs dropped before it) never
 * receives anything we could prove.
 */
type Role = 'listener' | 'active' | 'closed' | 'silent';

function roleOfB(segs: readonly ObservedInput[]): Role {
  const first = segs.find((s) => s.from === 'B');
  if (!first) return 'silent';
  const syn = segs.find((s) => s.from === 'B' && s.segment.flags.SYN);
  if (syn) return syn.segment.flags.ACK ? 'listener' : 'active';
  return first.segment.flags.RST ? 'closed' : 'listener';
}

const EMPTY = new Uint8Array(0);
/** The largest window TCP can advertise (65535 << 14): whatever the real receiver took, it allowed. */
const WIDE_WINDOW = 65535 * 2 ** 14;

/**
 * Adjustments of the replayed endpoints' data (not of the engine): the bytes handed to the
 * application are dropped, since states never depend on them and keeping them would make a
 * long transfer quadratic; and both windows are opened wide, since the capture already shows
 * what the real windows allowed (the engine's defaults are smaller than scaled real ones, and a
 * sender held back by them would never send the FIN the capture shows).
 */
function lean(ep: Endpoint): Endpoint {
  const tcb = ep.tcb;
  if (!tcb || (tcb.received.length === 0 && tcb.rcvWnd >= WIDE_WINDOW && tcb.sndWnd >= WIDE_WINDOW)) return ep;
  return { ...ep, tcb: { ...tcb, received: EMPTY, rcvWnd: Math.max(tcb.rcvWnd, WIDE_WINDOW), sndWnd: Math.max(tcb.sndWnd, WIDE_WINDOW) } };
}

function apply(ep: Endpoint, input: Parameters<typeof step>[1], nowMs: number): Endpoint {
  const next = step(ep, input, { now: nowMs, parts: ALL_PARTS }).endpoint;
  // A step returns a fresh endpoint and TCB (engine.begin copies them), which nobody else holds
  // yet: made lean in place, so a replayed data segment costs no second copy of them.
  const tcb = next.tcb;
  if (tcb && tcb !== ep.tcb) {
    tcb.received = EMPTY;
    tcb.rcvWnd = Math.max(tcb.rcvWnd, WIDE_WINDOW);
    tcb.sndWnd = Math.max(tcb.sndWnd, WIDE_WINDOW);
    return next;
  }
  return lean(next);
}

function user(ep: Endpoint, call: UserCall, nowMs: number): Endpoint {
  return apply(ep, { kind: 'user', call }, nowMs);
}

/** A bare segment for the synthetic handshake of a mid-connection capture (no options: no PAWS, no scaling). */
function bare(src: Address, dst: Address, seq: number, ack: number, syn: boolean, hasAck: boolean): Segment {
  return { src, dst, seq, ack, flags: { SYN: syn, ACK: hasAck, FIN: false, RST: false, PSH: false }, window: 65535, options: {}, payload: new Uint8Array(0) };
}

/**
 * Fires a TIME-WAIT timer that fell due before `nowMs`: real stacks did too. Not the FIN-WAIT-2
 * timer: Linux applies tcp_fin_timeout only to orphaned sockets (the application closed), and a
 * capture does not show whether the application still holds the socket.
 */
function runDueTimers(ep: Endpoint, nowMs: number): Endpoint {
  const due = ep.timers['time-wait'];
  if (due !== undefined && due <= nowMs) ep = apply(ep, { kind: 'timer', timer: 'time-wait' }, due);
  return ep;
}

/**
 * Most sequence space one fill may stand in for. Larger gaps are left unfilled (the states after
 * them are then unknown): a corrupt sequence number must not allocate gigabytes.
 */
const MAX_FILL = 4 * 1024 * 1024;

/** Stand-in bytes for payload the capture does not hold (cut by the snap length, or never captured). */
const ZEROS = new Uint8Array(65536);
function zeros(n: number): Uint8Array {
  return n <= ZEROS.length ? ZEROS.subarray(0, n) : new Uint8Array(n);
}

/** Where the sender's not-yet-acknowledged data ends (SYN and FIN excluded). */
function dataEnd(ep: Endpoint): number | null {
  const tcb = ep.tcb;
  if (!tcb) return null;
  const start = tcb.sndUna === tcb.iss ? seqAdd(tcb.iss, 1) : tcb.sndUna;
  return seqAdd(start, tcb.sendQueue.length);
}

/**
 * close() and shutdown(SHUT_WR) send the same FIN, so a FIN alone does not say which call it was.
 * The difference shows later: data from the peer after close() draws a bare RST (§3.6.1 SHLD-2),
 * after shutdown it is read and acknowledged. These are the FINs (indices) whose sender answers
 * the peer's next data with a RST: their sender called CLOSE; every other FIN is a SHUTDOWN, whose
 * application still holds the connection (so it reads on, and FIN-WAIT-2 is not bounded).
 */
function closingFins(segs: readonly ObservedInput[]): Set<number> {
  const out = new Set<number>();
  const fin: Record<Side, number | null> = { A: null, B: null };
  const dataAfter: Record<Side, boolean> = { A: false, B: false };
  segs.forEach(({ from, segment: s }, i) => {
    const to = other(from);
    if (s.flags.FIN && fin[from] === null) fin[from] = i;
    if (s.payload.length > 0 && fin[to] !== null) dataAfter[to] = true;
    if (fin[from] !== null && dataAfter[from] && s.flags.RST && !s.flags.ACK) out.add(fin[from] as number);
  });
  return out;
}

/** A side in which the application may still SEND (§3.10.2). */
const SENDING = new Set(['ESTABLISHED', 'CLOSE-WAIT', 'SYN-RECEIVED', 'SYN-SENT']);

/**
 * The application calls that make the sender's engine produce `seg` (the engine's own output is
 * ignored). Sequence space between what the sender's engine has and where `seg` starts was sent
 * but not captured: it is filled with stand-in bytes (`gap` reports how many), so the peer's
 * ACKs of it are not "future" ACKs.
 */
function senderCalls(ep: Endpoint, seg: Segment, peer: Address, nowMs: number, gap?: { bytes: number; tooLarge?: boolean }, closed = false): Endpoint {
  const f = seg.flags;
  if (f.SYN && !f.ACK && ep.state === 'CLOSED') ep = user(ep, { call: 'OPEN', mode: 'active', local: ep.local, remote: peer }, nowMs);
  if ((seg.payload.length > 0 || f.FIN) && !f.RST && SENDING.has(ep.state) && !(ep.tcb?.finQueued ?? true)) {
    const end = dataEnd(ep);
    const start = f.SYN ? seqAdd(seg.seq, 1) : seg.seq;
    const segEnd = seqAdd(start, seg.payload.length);
    if (end !== null && seqGt(segEnd, end)) {
      const fresh = Math.min(seg.payload.length, seqAdd(segEnd, -end));
      const missing = seqAdd(segEnd, -end) - fresh;
      if (missing > MAX_FILL) {
        if (gap) gap.tooLarge = true;
        return ep;
      }
      if (missing > 0 && gap) gap.bytes += missing;
      const data = missing > 0 ? concat(zeros(missing), seg.payload.subarray(seg.payload.length - fresh)) : seg.payload.subarray(seg.payload.length - fresh);
      if (data.length > 0) ep = user(ep, { call: 'SEND', data }, nowMs);
      if (f.SYN && ep.state === 'SYN-SENT' && ep.tcb) {
        // Data on the SYN (TCP Fast Open, RFC 7413): the SYN carried it, so it counts as sent.
        ep = { ...ep, tcb: { ...ep.tcb, sndNxt: seqAdd(ep.tcb.iss, 1 + data.length) } };
      }
    }
  }
  if (f.FIN && ep.tcb && !ep.tcb.finQueued && (ep.state === 'ESTABLISHED' || ep.state === 'SYN-RECEIVED' || ep.state === 'CLOSE-WAIT')) {
    ep = user(ep, { call: closed ? 'CLOSE' : 'SHUTDOWN' }, nowMs);
  }
  if (f.RST && ep.state !== 'CLOSED' && ep.state !== 'LISTEN') ep = user(ep, { call: 'ABORT' }, nowMs);
  return ep;
}

/**
 * True when `seg` repeats sequence space its sender's engine already saw acknowledged: then the
 * acknowledgment it got cannot really have arrived (a capture point before a drop).
 */
function repeatsAcked(ep: Endpoint, seg: Segment): boolean {
  const len = segLen(seg);
  if (len === 0 || seg.flags.RST) return false;
  if (!ep.tcb) return ep.state === 'CLOSED' && !(seg.flags.SYN && !seg.flags.ACK);
  return seqLe(seqAdd(seg.seq, len), ep.tcb.sndUna) && ep.tcb.sndUna !== ep.tcb.iss;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function initial(segs: readonly ObservedInput[], role: Role, mid: boolean, profile: ProfileName): Pair {
  // Addresses and numbers come from each side's own segments: the first captured segment may be
  // B's (a capture that starts mid-connection), and A may send nothing at all.
  const firstA = segs.find((s) => s.from === 'A')?.segment;
  const firstB = segs.find((s) => s.from === 'B')?.segment;
  const addrA = firstA ? firstA.src : firstB!.dst;
  const addrB = firstA ? firstA.dst : firstB!.src;
  const synB = segs.find((s) => s.from === 'B' && s.segment.flags.SYN)?.segment;
  let issA = firstA ? (firstA.flags.SYN ? firstA.seq : seqAdd(firstA.seq, -1)) : firstB!.flags.ACK ? seqAdd(firstB!.ack, -1) : 0;
  let issB = synB ? synB.seq : firstB ? seqAdd(firstB.seq, -1) : firstA!.flags.ACK ? seqAdd(firstA!.ack, -1) : 0;
  if (mid && firstA?.flags.SYN) issA = firstA.seq; // a mid-capture SYN+ACK from A keeps its ISN
  if (mid && firstB?.flags.SYN) issB = firstB.seq;
  let A = makeEndpoint('A', addrA, { profile, isn: { kind: 'fixed', value: issA } });
  let B = makeEndpoint('B', addrB, { profile, isn: { kind: 'fixed', value: issB } });
  if (role === 'listener' || role === 'silent') B = user(B, { call: 'OPEN', mode: 'passive', local: addrB }, 0);
  if (mid) {
    // Rebuild "both ESTABLISHED" through the engine's own handshake with the numbers the capture implies.
    A = user(A, { call: 'OPEN', mode: 'active', local: addrA, remote: addrB }, 0);
    if (B.state !== 'LISTEN') B = user(B, { call: 'OPEN', mode: 'passive', local: addrB }, 0);
    B = apply(B, { kind: 'segment', segment: bare(addrA, addrB, issA, 0, true, false) }, 0);
    A = apply(A, { kind: 'segment', segment: bare(addrB, addrA, issB, seqAdd(issA, 1), true, true) }, 0);
    B = apply(B, { kind: 'segment', segment: bare(addrA, addrB, seqAdd(issA, 1), seqAdd(issB, 1), false, true) }, 0);
  }
  return { A, B };
}

/**
 * True when `seg` does not acknowledge everything its sender's engine has received: the sender
 * sent it before those segments reached it (segments crossing on the wire, as in a
 * simultaneous close, where both FINs are captured before either arrives).
 */
function acksLess(ep: Endpoint, seg: Segment): boolean {
  return seg.flags.ACK && !seg.flags.RST && ep.tcb !== null && seqGt(ep.tcb.rcvNxt, seg.ack) && ep.state !== 'SYN-SENT' && !seqLt(seg.seq, ep.tcb.sndNxt); // a retransmission carries the current ACK; only new segments can cross
}

/**
 * Segments whose ACK is older than one their sender already sent: a TCP never moves its ACK
 * back, so such a segment is an old duplicate (or injected), not something the sender just did.
 */
function staleAcks(segs: readonly ObservedInput[]): boolean[] {
  const max: Partial<Record<Side, number>> = {};
  return segs.map(({ from, segment }) => {
    if (!segment.flags.ACK) return false;
    const m = max[from];
    if (m !== undefined && seqLt(segment.ack, m)) return true;
    max[from] = segment.ack;
    return false;
  });
}

/**
 * Infers both sides' states after every segment of one connection by replaying it through two
 * engine endpoints: each segment first becomes the application calls its sender must have made
 * (OPEN, SEND, CLOSE, ABORT), then arrives at the receiver's endpoint. Three repairs, each a
 * replay from the segment concerned (bounded by MAX_REPLAYS):
 * - a side retransmits what the other had acknowledged: that acknowledgment was lost after the
 *   capture point, so it is not delivered;
 * - a side's segment does not acknowledge something it was already given: they crossed, so that
 *   earlier segment arrives only after this one was sent;
 * - a side sends its SYN or FIN again with nothing from the other side in between: the first
 *   copy never arrived.
 * A SYN from A once its connection is over starts a new connection on the same ports, inferred
 * afresh (analyseCapture already splits those; observe() callers may not have).
 * This is the engine's only state inference: observe() (src/engine/observe.ts) delegates here.
 */
export function inferStates(segs: readonly ObservedInput[], options: InferOptions = {}): InferredStep[] {
  const out: InferredStep[] = [];
  let rest = segs;
  while (rest.length > 0) {
    const { steps, next } = inferIncarnation(rest, options.profile ?? 'linux');
    if (out.length > 0 && steps[0])
      steps[0].notes.unshift('a new SYN after the previous connection ended: a new connection on the same ports, inferred afresh');
    // not push(...steps): 100,000 arguments overflow a worker thread's smaller stack
    for (const s of steps) out.push(s);
    rest = next === null ? [] : rest.slice(next);
  }
  return out;
}

/** Segments deferred to a later one (they crossed it on the wire), indexed both ways. */
function deferrals(): {
  deferred: { has(j: number): boolean; get(j: number): number | undefined; set(j: number, after: number): void; move(j: number, after: number): void };
  arrivals: Map<number, number[]>;
} {
  const deferredTo = new Map<number, number>();
  /** i → every j deferred to it (an index, so each segment finds its late arrivals at once). */
  const arrivals = new Map<number, number[]>();
  const deferred = {
    has: (j: number): boolean => deferredTo.has(j),
    get: (j: number): number | undefined => deferredTo.get(j),
    set: (j: number, after: number): void => {
      if (deferredTo.has(j)) return;
      deferredTo.set(j, after);
      const list = arrivals.get(after);
      if (list) list.push(j);
      else arrivals.set(after, [j]);
    },
    /** j, already deferred, reaches its receiver later still: only after `after` was sent. */
    move: (j: number, after: number): void => {
      const was = deferredTo.get(j);
      if (was !== undefined)
        arrivals.set(
          was,
          (arrivals.get(was) ?? []).filter((k) => k !== j),
        );
      deferredTo.delete(j);
      deferred.set(j, after);
    },
  };
  return { deferred, arrivals };
}

/**
 * The replay's states, checked against what the segments prove. A capture that starts
 * mid-connection proves nothing about either side until both FINs (or a reset) are seen:
 * either side may have closed before the capture began.
 */
function checked(
  segs: readonly ObservedInput[],
  steps: InferredStep[],
  mid: boolean,
  unknownFrom: Partial<Record<Side, { row: number; why: string }>>,
  profile: ProfileName,
): InferredStep[] {
  const rows: Row[] = steps.map((st, j) => ({
    t: segs[j]!.t,
    from: segs[j]!.from,
    segment: segs[j]!.segment,
    stateA: st.stateA,
    stateB: st.stateB,
    notes: st.notes,
  }));
  if (mid) {
    const fin: Record<Side, boolean> = { A: false, B: false };
    let known = false;
    rows.forEach((r, j) => {
      if (r.segment.flags.FIN) fin[r.from] = true;
      if (r.segment.flags.RST || (fin.A && fin.B)) known = true;
      if (known) return;
      r.stateA = null;
      r.stateB = null;
      if (j === 0) r.notes.push(`both states unknown until both FINs are seen: ${UNKNOWN_WHY.mid}`);
    });
  }
  unprovenArrivals(rows, retransmitBound(rows, profile));
  resentCrossingSyns(rows);
  checkEvidence(rows, unknownFrom);
  return rows.map((r) => ({ stateA: r.stateA, stateB: r.stateB, notes: r.notes }));
}

/**
 * A segment without SYN, FIN or RST whose arrival moved the receiver to a new state (an ACK of its
 * SYN or FIN) is not proven to have arrived: lost after the capture point, it would leave no
 * trace when the sender's next segment acknowledging as much reaches the receiver before it
 * retransmits (a receiver that retransmits is handled by the replay). When that next segment is
 * a SYN, FIN or RST, or moves the receiver on by itself (data filling a gap behind which the
 * sender's FIN waited), the receiver may have gone past the new state without ever being in it:
 * the receiver's state is unknown from this row until that segment.
 */
function unprovenArrivals(rows: Row[], rto: (side: Side, row: number) => number): void {
  const key = (s: Side): 'stateA' | 'stateB' => (s === 'A' ? 'stateA' : 'stateB');
  rows.forEach((r, i) => {
    const f = r.segment.flags;
    const to = other(r.from);
    if (f.RST && i > 0) {
      unprovenReset(rows, i, to, key(to));
      beforeOwnReset(rows, i, key(r.from));
      return;
    }
    if (i === 0 || f.SYN || f.FIN || f.RST || !f.ACK || r[key(to)] === rows[i - 1]![key(to)]) return;
    let k = i + 1;
    while (k < rows.length && !(rows[k]!.from === r.from && (rows[k]!.segment.flags.RST || seqGe(rows[k]!.segment.ack, r.segment.ack)))) k++;
    const next = rows[k]?.segment.flags;
    // Data reaching a side whose application closed draws a RST at once (§3.6.1): the side
    // leaves for CLOSED from whichever state it was in, so that data (answered by a bare RST)
    // proves no state before it.
    const answer = rows.find((x, j) => j > k && x.from === to)?.segment.flags;
    const closes = next !== undefined && rows[k]!.segment.payload.length > 0 && (rows[k]![key(to)] === 'CLOSED' || (answer?.RST === true && !answer.ACK));
    // Data that moves the receiver on as well (it fills a gap behind which the sender's FIN waited)
    const moves = next !== undefined && rows[k]![key(to)] !== rows[k - 1]![key(to)];
    if (!next || !(next.SYN || next.FIN || next.RST || closes || moves) || provenBySilence(rows, i, k, rto)) return;
    for (let j = i; j < k; j++) rows[j]![key(to)] = null;
    const what = next.FIN ? 'FIN' : next.RST ? 'RST' : next.SYN ? 'SYN' : 'data';
    r.notes.push(`${to}'s state is unknown until ${r.from}'s next ${what}: ${UNKNOWN_WHY.ackUnproven}`);
  });
}

/**
 * A simultaneous open (both sides send a bare SYN) in which a bare SYN is sent again: some first
 * SYN was lost or late, and the capture cannot show which SYN reached its side first, so whether a
 * side was still in SYN-SENT or already in SYN-RECEIVED is unknown until the last bare SYN.
 */
function resentCrossingSyns(rows: Row[]): void {
  const bare = rows.flatMap((r, i) => (r.segment.flags.SYN && !r.segment.flags.ACK && !r.segment.flags.RST ? [i] : []));
  const first = (s: Side): number | undefined => bare.find((i) => rows[i]!.from === s);
  const [a, b] = [first('A'), first('B')];
  if (a === undefined || b === undefined || bare.length < 3) return;
  const last = bare.at(-1)!;
  for (let j = Math.max(a, b); j <= last; j++) rows[j]!.stateA = rows[j]!.stateB = null;
  rows[Math.max(a, b)]!.notes.push(
    'both states are unknown until the last SYN: both sides sent a SYN and one was sent again, and the capture cannot show which SYN arrived first',
  );
}

/** States in which a side still waits for the ACK of its SYN or FIN. */
const WAITING: ReadonlySet<KnownState> = new Set(['SYN-SENT', 'SYN-RECEIVED', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK']);

/**
 * A side that retransmitted what the other had acknowledged, and still waits for an ACK when the
 * capture ends: that acknowledgment may have been only delayed past the retransmission, not
 * lost, and have arrived after it without a trace. Its state is unknown from the retransmission.
 */
function lateAcks(
  steps: readonly InferredStep[],
  resent: readonly { row: number; side: Side }[],
  markUnknown: (row: number, why: string, sides?: readonly Side[]) => void,
): void {
  const last = steps.at(-1);
  if (!last) return;
  for (const { row, side } of resent) {
    if (row < steps.length && WAITING.has(side === 'A' ? last.stateA : last.stateB)) markUnknown(row, UNKNOWN_WHY.ackUnproven, [side]);
  }
}

/** A row as the checks after the replay see it. */
interface Row {
  t: number;
  from: Side;
  segment: Segment;
  stateA: KnownState;
  stateB: KnownState;
  notes: string[];
}

/**
 * True when the receiver of row i's ACK stayed silent so long that it must have received it: the
 * ACK covers a SYN or FIN of the receiver, which would have been retransmitted within its
 * retransmission timeout (`bound`, see rto.ts) had the ACK been lost, and nothing from the
 * receiver came before row k.
 */
function provenBySilence(rows: readonly Row[], i: number, k: number, bound: (side: Side, row: number) => number): boolean {
  const { from, segment, t } = rows[i]!;
  const to = other(from);
  const covers = (x: Row): boolean => x.from === to && (x.segment.flags.SYN || x.segment.flags.FIN) && seqAdd(x.segment.seq, segLen(x.segment)) === segment.ack;
  if (!rows.slice(0, i).some(covers)) return false;
  for (let j = i + 1; j < k; j++) if (rows[j]!.from !== from) return false;
  return rows[k]!.t - t >= bound(to, i);
}

/**
 * A side that sends an RST aborted or refused what reached it, and the replay cannot tell from
 * which state (e.g. data arriving after its application closed): its states since the other
 * side's segments began arriving after its own last one are unknown, unless it had no connection yet.
 */
function beforeOwnReset(rows: Row[], k: number, key: 'stateA' | 'stateB'): void {
  const from = rows[k]!.from;
  let j = k - 1;
  while (j > 0 && rows[j]!.from === from) j--;
  if (j < 0 || rows[j]!.from === from) return;
  // the first of the other side's segments since this side last sent: any of them may have drawn the RST
  while (j > 0 && rows[j - 1]!.from !== from) j--;
  const was = rows[k - 1]![key];
  if (was === null || was === 'CLOSED' || was === 'LISTEN' || was === 'SYN-SENT') return;
  for (let x = j; x < k; x++) rows[x]![key] = null;
  rows[j]!.notes.push(`${from}'s state is unknown until its RST: the capture does not show from which state it reset the connection`);
}

/**
 * States in which a side has nothing left to send, ever: its FIN is acknowledged. A lost RST to
 * it leaves no trace. (A side in ESTABLISHED or CLOSE-WAIT would still send its data or its FIN.)
 */
const QUIET: ReadonlySet<KnownState> = new Set(['FIN-WAIT-2', 'TIME-WAIT']);

/**
 * An RST is never acknowledged: its arrival shows only in what the receiver does after it. A
 * receiver that had a SYN or FIN outstanding would retransmit it had the RST been lost, one whose
 * application may still send or close would do so; one in a quiet state that sends nothing more
 * may never have received it, so its state is unknown from this row on.
 */
function unprovenReset(rows: Row[], i: number, to: Side, k: 'stateA' | 'stateB'): void {
  const before = rows[i - 1]![k];
  if (rows[i]![k] === before || !QUIET.has(before) || rows.some((x, j) => j > i && x.from === to)) return;
  for (let j = i; j < rows.length; j++) rows[j]![k] = null;
  rows[i]!.notes.push(`${to}'s state is unknown from here: ${UNKNOWN_WHY.ackUnproven}`);
}

/**
 * What the replay may not claim: `unknownFrom` holds, per side, the row from which its state
 * cannot be proven and why (`markUnknown` adds to it); `lastData` is each side's last segment
 * carrying data or a FIN (-1 if none).
 */
function proofs(
  segs: readonly ObservedInput[],
  role: Role,
): {
  unknownFrom: Partial<Record<Side, { row: number; why: string }>>;
  markUnknown: (row: number, why: string, sides?: readonly Side[]) => void;
  lastData: Record<Side, number>;
} {
  const unknownFrom: Partial<Record<Side, { row: number; why: string }>> = {};
  const markUnknown = (row: number, why: string, sides: readonly Side[] = ['A', 'B']): void => {
    for (const s of sides) if (!unknownFrom[s] || unknownFrom[s]!.row > row) unknownFrom[s] = { row, why };
  };
  const lastData: Record<Side, number> = { A: -1, B: -1 };
  segs.forEach((x, j) => {
    if (x.segment.payload.length > 0 || x.segment.flags.FIN) lastData[x.from] = j;
  });
  if (role === 'silent') {
    // Only A's segments: B's state is never shown, and A's only while its SYN is unanswered.
    markUnknown(0, UNKNOWN_WHY.oneWay, ['B']);
    const k = segs.findIndex((x) => x.segment.flags.ACK && !x.segment.flags.RST);
    if (k >= 0) markUnknown(k, UNKNOWN_WHY.oneWay, ['A']);
  }
  return { unknownFrom, markUnknown, lastData };
}

/** The latest segment before `i` (not before `floor`) from `to` that acknowledges `end`; `floor - 1` if none. */
function latestAcker(segs: readonly ObservedInput[], floor: number, i: number, to: Side, end: number, skip: (j: number) => boolean): number {
  let j = i - 1;
  while (j >= floor && !(segs[j]!.from === to && segs[j]!.segment.flags.ACK && !skip(j) && seqLe(end, segs[j]!.segment.ack))) j--;
  return j;
}

/**
 * True when `seg` carries sequence space and a segment from `by` after `i` (within HORIZON)
 * acknowledges all of it before its sender sends that space again (an ACK of the
 * retransmission proves nothing about the first copy).
 */
function ackedLater(segs: readonly ObservedInput[], i: number, by: Side, seg: Segment): boolean {
  const len = segLen(seg);
  if (len === 0) return false;
  const end = seqAdd(seg.seq, len);
  for (let k = i + 1; k < Math.min(segs.length, i + HORIZON); k++) {
    const x = segs[k]!.segment;
    if (segs[k]!.from !== by) {
      if (segLen(x) > 0 && seqLt(x.seq, end) && seqGe(seqAdd(x.seq, segLen(x)), end)) return false;
    } else if (x.flags.ACK && !x.flags.RST && seqGe(x.ack, end)) return true;
  }
  return false;
}

/** The earliest SYN or FIN from `to` in `floor..i-1` that `ack` does not acknowledge; `i` if none. */
function earliestUnacked(segs: readonly ObservedInput[], floor: number, i: number, to: Side, ack: number, skip: (j: number) => boolean): number {
  let j = floor;
  const unacked = (x: ObservedInput): boolean => controls(x.segment) && seqGt(seqAdd(x.segment.seq, segLen(x.segment)), ack);
  while (j < i && !(segs[j]!.from === to && !skip(j) && unacked(segs[j]!))) j++;
  return j;
}

/**
 * An earlier copy of segment i that never arrived, or `floor - 1`: a SYN (or FIN) sent again with
 * no answer in between (a receiver answers both at once, and the capture would show the answer),
 * or data sent again, unacknowledged, after a FIN (lost data holds that FIN back at the receiver).
 */
function lostCopy(segs: readonly ObservedInput[], floor: number, i: number, lost: ReadonlyMap<number, unknown>): number {
  const f = segs[i]!.segment.flags;
  if (f.SYN ? !f.ACK : f.FIN) return unansweredCopy(segs, floor, i);
  if (!f.SYN && segs[i]!.segment.payload.length > 0) return resentBeforeFin(segs, floor, i, lost);
  return floor - 1;
}

/**
 * The earlier copy of segment i's SYN or FIN that nothing from the peer answered, or `floor - 1`.
 * A SYN is answered by any segment of the peer in between (a SYN,ACK, a RST; simultaneous open
 * has its own rules). A FIN is answered only by a segment that acknowledges it or a RST: the
 * peer's segments that do not were sent before the FIN reached it, and a FIN that arrives is
 * acknowledged at once, so with none in the capture the first copy never arrived (FINs that
 * crossed and one of them was lost).
 */
function unansweredCopy(segs: readonly ObservedInput[], floor: number, i: number): number {
  const { from, segment } = segs[i]!;
  const kind = segment.flags.SYN ? 'SYN' : 'FIN';
  const end = seqAdd(segment.seq, segLen(segment));
  const answers = (x: Segment): boolean => kind === 'SYN' || x.flags.RST || (x.flags.ACK && seqGe(x.ack, end));
  for (let p = i - 1; p >= floor; p--) {
    const x = segs[p]!;
    if (x.from !== from) {
      if (answers(x.segment)) return floor - 1;
      continue;
    }
    // The same SYN (same ISN), or a FIN at the same place (a retransmission may carry more data before it).
    if (x.segment.flags[kind] && (kind === 'SYN' ? x.segment.seq === segment.seq : seqAdd(x.segment.seq, segLen(x.segment)) === end)) return p;
  }
  return floor - 1;
}

/**
 * An earlier copy of segment i's data, if nothing from the peer acknowledged any of it before
 * this copy and its sender had sent a FIN by then (before or after that copy); else `floor - 1`.
 * A receiver acknowledges at once a FIN it takes in, and it takes the FIN in as soon as the data
 * before it arrives: so that copy was lost, and with it the FIN behind it could not be taken in:
 * the receiver stays where it was until the data comes again (data lost in other places changes
 * no state and is not repaired). Copies already found lost are passed over, so each search finds
 * the next one back.
 */
function resentBeforeFin(segs: readonly ObservedInput[], floor: number, i: number, lost: ReadonlyMap<number, unknown>): number {
  // Most data is never sent again: then there is no earlier copy to find, and no scan back.
  if (earlierCopy(segs)[i]! < floor) return floor - 1;
  const { from, segment } = segs[i]!;
  const copy = (x: Segment): boolean => x.seq === segment.seq && x.payload.length > 0 && !x.flags.SYN;
  for (let p = i - 1; p >= floor; p--) {
    const x = segs[p]!;
    if (x.from !== from) {
      if (x.segment.flags.RST || (x.segment.flags.ACK && seqGt(x.segment.ack, segment.seq))) return floor - 1;
      continue;
    }
    if (!copy(x.segment) || lost.has(p)) continue;
    for (let q = i - 1; q >= floor; q--) if (segs[q]!.from === from && segs[q]!.segment.flags.FIN && !segs[q]!.segment.flags.RST) return p;
    return floor - 1;
  }
  return floor - 1;
}

/** earlierCopy's answers, per segment list (a replay asks for every data segment, many times). */
const copies = new WeakMap<readonly ObservedInput[], Int32Array>();

/**
 * Per segment, the index of its sender's latest earlier data segment (not a SYN) at the same
 * SEG.SEQ, or -1: with none inside the window, resentBeforeFin's scan back has nothing to find.
 * One pass over the list.
 */
function earlierCopy(segs: readonly ObservedInput[]): Int32Array {
  let out = copies.get(segs);
  if (out) return out;
  out = new Int32Array(segs.length);
  const last: Record<Side, Map<number, number>> = { A: new Map(), B: new Map() };
  segs.forEach(({ from, segment }, i) => {
    const seen = last[from];
    out![i] = seen.get(segment.seq) ?? -1;
    if (segment.payload.length > 0 && !segment.flags.SYN) seen.set(segment.seq, i);
  });
  copies.set(segs, out);
  return out;
}

/** The note on a segment the replay does not deliver. */
/** How we know a segment never arrived (see lostNote). */
type LostHow = 'resent' | 'acked' | 'unanswered';

function lostNote(how: LostHow, from: Side, to: Side, seg: Segment): string {
  if (how === 'unanswered') return `not received by ${to}: ${to} never answered it with a SYN,ACK (simultaneous open)`;
  return how === 'resent'
    ? `not received by ${to}: ${from} sent the ${seg.flags.SYN ? 'SYN' : seg.flags.FIN ? 'FIN' : 'data'} again with no answer in between`
    : `not received by ${to}: ${to} later retransmitted what this acknowledges, so it was lost after the capture point`;
}

/**
 * Simultaneous open: B's first SYN carries no ACK, so A's earlier SYNs had not reached B yet.
 * A SYN reaching a side in SYN-SENT makes it answer with a SYN,ACK; with none from that side in
 * the capture, the other's SYNs never reached it at all.
 */
function simultaneousOpen(segs: readonly ObservedInput[], deferred: ReturnType<typeof deferrals>['deferred'], lost: Map<number, LostHow>): void {
  const k = segs.findIndex((x) => x.from === 'B' && x.segment.flags.SYN);
  const answered = (by: Side): boolean => segs.some((x) => x.from === by && x.segment.flags.SYN && x.segment.flags.ACK);
  const answeredA = answered('B');
  const answeredB = answered('A');
  segs.forEach((x, j) => {
    if (!x.segment.flags.SYN || x.segment.flags.ACK) return;
    if (x.from === 'A' && j < k) {
      if (answeredA) deferred.set(j, k);
      else lost.set(j, 'unanswered');
    } else if (x.from === 'B' && !answeredB) lost.set(j, 'unanswered');
  });
}

/**
 * Segment j reaches its receiver only after segment i was sent, and so does everything its sender
 * sent after it and before i: each direction arrives in the order it was sent (a FIN that
 * crossed cannot be overtaken by the ACK sent behind it).
 */
function deferAfter(
  segs: readonly ObservedInput[],
  deferred: ReturnType<typeof deferrals>['deferred'],
  lost: Map<number, LostHow>,
  j: number,
  i: number,
): void {
  const from = segs[j]!.from;
  for (let k = j; k < i; k++) {
    if (segs[k]!.from !== from || lost.has(k) || (deferred.get(k) ?? -1) >= i) continue;
    deferred.move(k, i);
  }
}

/**
 * Segment i repeats what the receiver's engine saw acknowledged: the latest delivered segment from
 * the receiver that acknowledged it did not arrive when the replay had it arrive. It arrived later
 * (deferred past i) when the sender's own later ACK covers what it carried, or when i was sent
 * again sooner after its first copy than any retransmission timer fires (the two crossed:
 * simultaneous open's SYN,ACKs); otherwise it was lost. Returns its index to replay from, or
 * `floor - 1`.
 */
function ackLost(
  segs: readonly ObservedInput[],
  floor: number,
  i: number,
  deferred: ReturnType<typeof deferrals>['deferred'],
  lost: Map<number, LostHow>,
): number {
  const { from, segment, t } = segs[i]!;
  const end = seqAdd(segment.seq, segLen(segment));
  const j = latestAcker(segs, floor, i, other(from), end, (k) => lost.has(k) || (deferred.get(k) ?? -1) >= i);
  if (j < floor) return j;
  if (ackedLater(segs, i, from, segs[j]!.segment)) {
    deferAfter(segs, deferred, lost, j, i);
    return j;
  }
  let first = i - 1;
  while (first >= floor && !(segs[first]!.from === from && segs[first]!.segment.seq === segment.seq && segLen(segs[first]!.segment) > 0)) first--;
  const sinceFirst = first >= floor ? t - segs[first]!.t : Infinity;
  if (sinceFirst < CROSSING_WINDOW_S && !deferred.has(j)) deferred.set(j, i);
  else lost.set(j, 'acked');
  return j;
}

/**
 * One incarnation of the connection: stops (`next` = its index) at a SYN from A once A's
 * previous connection is over (TIME-WAIT or CLOSED), which starts the next one on the same ports.
 */
function inferIncarnation(segs: readonly ObservedInput[], profile: ProfileName): { steps: InferredStep[]; next: number | null } {
  const role = roleOfB(segs);
  const s0 = segs[0]!;
  const mid = !(s0.from === 'A' && s0.segment.flags.SYN && !s0.segment.flags.ACK);
  /** Segments that never arrived, and how we know: its sender sent it again unanswered, or the receiver repeated what it acknowledges. */
  const lost = new Map<number, LostHow>();
  /** j → i: segment j reaches its receiver only after segment i was sent. */
  const { deferred, arrivals } = deferrals();
  const { unknownFrom, markUnknown, lastData } = proofs(segs, role);
  const before: Pair[] = [];
  const out: InferredStep[] = [];
  const [stale, closers] = [staleAcks(segs), closingFins(segs)];
  let pair = initial(segs, role, mid, profile);
  if (role === 'active') simultaneousOpen(segs, deferred, lost);
  /** Rows at which a side retransmitted what the other had acknowledged (that ACK taken as lost). */
  const resentAcked: { row: number; side: Side }[] = [];
  const finish = (steps: InferredStep[]): InferredStep[] => {
    lateAcks(steps, resentAcked, markUnknown);
    return checked(segs, steps, mid, unknownFrom, profile);
  };
  let i = 0;
  let replays = 0;
  const replayFrom = (j: number): void => {
    replays++;
    pair = before[j]!;
    out.length = j;
    i = j;
  };
  while (i < segs.length) {
    before[i] = pair;
    if (i >= HORIZON) delete before[i - HORIZON];
    const floor = Math.max(0, i - HORIZON + 1);
    const { from, segment, t } = segs[i]!;
    const to = other(from);
    const now = t * 1000;
    let sender = runDueTimers(pair[from], now);
    let receiver = runDueTimers(pair[to], now);
    if (i > 0 && from === 'A' && segment.flags.SYN && !segment.flags.ACK && (sender.state === 'TIME-WAIT' || sender.state === 'CLOSED'))
      return { steps: finish(out), next: i };
    if (stale[i]) {
      // Delivered as it is (the receiver's engine decides, e.g. TIME-WAIT re-ACKs it); no repair.
      if (!(to === 'B' && role === 'silent')) receiver = apply(receiver, { kind: 'segment', segment }, now);
      pair = from === 'A' ? { A: sender, B: receiver } : { A: receiver, B: sender };
      out.push({ stateA: pair.A.state, stateB: pair.B.state, notes: [`an old duplicate: its ACK is older than one ${from} had already sent`] });
      i++;
      continue;
    }
    if (replays < MAX_REPLAYS && controls(segment) && repeatsAcked(sender, segment)) {
      const j = ackLost(segs, floor, i, deferred, lost);
      if (j >= floor) {
        if (lost.get(j) === 'acked') resentAcked.push({ row: i, side: from });
        replayFrom(j);
        continue;
      }
    }
    const p = replays < MAX_REPLAYS ? lostCopy(segs, floor, i, lost) : -1;
    if (p >= floor && !lost.has(p)) {
      lost.set(p, 'resent');
      replayFrom(p);
      continue;
    }
    if (replays < MAX_REPLAYS && acksLess(sender, segment)) {
      // The earliest delivered SYN or FIN to the sender that this one does not acknowledge.
      const j = earliestUnacked(segs, floor, i, to, segment.ack, (k) => lost.has(k) || deferred.has(k));
      if (j < i) {
        deferAfter(segs, deferred, lost, j, i);
        replayFrom(j);
        continue;
      }
      // Already taken as crossing an earlier segment of this sender, but this one does not
      // acknowledge it either (B sends data, then its FIN, while A's FIN is on the wire): it
      // arrived only after this one too.
      const k = earliestUnacked(segs, floor, i, to, segment.ack, (x) => lost.has(x) || (deferred.get(x) ?? i) >= i);
      if (k < i) {
        deferAfter(segs, deferred, lost, k, i);
        replayFrom(k);
        continue;
      }
    }
    const notes: string[] = [];
    if (i === 0 && mid) notes.push('capture starts mid-connection: both sides taken as ESTABLISHED before it');
    ({ sender, receiver } = fillAcked(sender, receiver, segment, now, notes, () => {
      // Proven data only if the peer later sends data or a FIN at or past what this acknowledges;
      // otherwise the missing segment may have been its FIN, and neither side's state is proven.
      const k = lastData[to];
      const proven = k > i && seqGe(segs[k]!.segment.seq, segment.ack);
      if (!proven) markUnknown(i, UNKNOWN_WHY.notCaptured);
    }));
    const gap: { bytes: number; tooLarge?: boolean } = { bytes: 0 };
    sender = senderCalls(sender, segment, receiver.local, now, gap, closers.has(i));
    if (gap.tooLarge) markUnknown(i, UNKNOWN_WHY.notCaptured);
    if (gap.bytes > 0)
      notes.push(`${UNKNOWN_WHY.notCaptured}: ${gap.bytes} byte(s) ${from} sent before this one are missing from the capture (filled from SEG.SEQ)`);
    const how = lost.get(i);
    if (how) notes.push(lostNote(how, from, to, segment));
    const later = deferred.get(i);
    if (later !== undefined) notes.push(`reached ${to} only after ${to} sent its segment at ${segs[later]!.t.toFixed(6)} s (the segments crossed)`);
    if (!lost.has(i) && later === undefined && !(to === 'B' && role === 'silent')) receiver = apply(receiver, { kind: 'segment', segment }, now);
    pair = from === 'A' ? { A: sender, B: receiver } : { A: receiver, B: sender };
    // Segments that crossed this one arrive now.
    for (const j of arrivals.get(i) ?? []) {
      if (lost.has(j)) continue; // taken as crossing, then found lost
      const d = segs[j]!;
      const dest = other(d.from);
      pair = { ...pair, [dest]: apply(pair[dest], { kind: 'segment', segment: d.segment }, now) };
    }
    out.push({ stateA: pair.A.state, stateB: pair.B.state, notes });
    i++;
  }
  return { steps: finish(out), next: null };
}

/**
 * A side's own ACK is evidence of what it received. When `seg` acknowledges more than its
 * sender's engine has received, the rest was sent by the peer but is missing from the capture:
 * the peer's engine is made to have sent it (stand-in bytes, or its FIN when the ACK covers
 * that) and the sender's engine receives it before `seg` goes out. `unproven` is called when
 * the missing part was taken as data.
 */
function fillAcked(
  sender: Endpoint,
  receiver: Endpoint,
  seg: Segment,
  now: number,
  notes: string[],
  unproven: () => void,
): { sender: Endpoint; receiver: Endpoint } {
  const tcb = sender.tcb;
  const f = seg.flags;
  if (!tcb || !f.ACK || f.RST || f.SYN || sender.state === 'SYN-SENT' || sender.state === 'LISTEN' || tcb.finReceived) return { sender, receiver };
  const n = seqDiff(seg.ack, tcb.rcvNxt);
  if (n <= 0) return { sender, receiver };
  if (n > MAX_FILL) {
    unproven();
    return { sender, receiver };
  }
  if (sender.state === 'SYN-RECEIVED') {
    // The SYN carried data (TCP Fast Open, RFC 7413) and this SYN,ACK accepts it.
    return { sender: { ...sender, tcb: { ...tcb, rcvNxt: seg.ack } }, receiver };
  }
  const peer = receiver.tcb;
  let fin = false;
  if (peer && peer.finSeq !== null && seqAdd(peer.finSeq, 1) === seg.ack) fin = true;
  else if (peer && SENDING.has(receiver.state) && !peer.finQueued) {
    const end = dataEnd(receiver)!;
    if (seqGt(seg.ack, end)) receiver = user(receiver, { call: 'SEND', data: zeros(seqDiff(seg.ack, end)) }, now);
    unproven();
  } else {
    unproven();
  }
  const filler: Segment = {
    src: receiver.local,
    dst: sender.local,
    seq: tcb.rcvNxt,
    ack: tcb.sndUna,
    flags: { SYN: false, ACK: true, FIN: fin, RST: false, PSH: false },
    window: 65535,
    options: {},
    payload: zeros(fin ? n - 1 : n),
  };
  notes.push(
    `${UNKNOWN_WHY.notCaptured}: this acknowledges ${n} more byte(s)${fin ? ' (with the FIN)' : ''} than the capture shows arriving; taken as received`,
  );
  return { sender: apply(sender, { kind: 'segment', segment: filler }, now), receiver };
}
