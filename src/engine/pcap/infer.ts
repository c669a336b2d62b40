import { makeEndpoint, step } from '../endpoint.ts';
import { segLen } from '../segment.ts';
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from '../seq.ts';
import type { Address, Endpoint, ProfileName, Segment, Side, UserCall } from '../types.ts';
import { checkEvidence, type KnownState, UNKNOWN_WHY } from './evidence.ts';

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
  return lean(step(ep, input, { now: nowMs }).endpoint);
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
): InferredStep[] {
  const rows = steps.map((st, j) => ({ from: segs[j]!.from, segment: segs[j]!.segment, stateA: st.stateA, stateB: st.stateB, notes: st.notes }));
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
  checkEvidence(rows, unknownFrom);
  return rows.map((r) => ({ stateA: r.stateA, stateB: r.stateB, notes: r.notes }));
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

/** The earliest SYN or FIN from `to` in `floor..i-1` that `ack` does not acknowledge; `i` if none. */
function earliestUnacked(segs: readonly ObservedInput[], floor: number, i: number, to: Side, ack: number, skip: (j: number) => boolean): number {
  let j = floor;
  const unacked = (x: ObservedInput): boolean => controls(x.segment) && seqGt(seqAdd(x.segment.seq, segLen(x.segment)), ack);
  while (j < i && !(segs[j]!.from === to && !skip(j) && unacked(segs[j]!))) j++;
  return j;
}

/** The note on a segment the replay does not deliver. */
/** How we know a segment never arrived (see lostNote). */
type LostHow = 'resent' | 'acked' | 'unanswered';

function lostNote(how: LostHow, from: Side, to: Side, seg: Segment): string {
  if (how === 'unanswered') return `not received by ${to}: ${to} never answered it with a SYN,ACK (simultaneous open)`;
  return how === 'resent'
    ? `not received by ${to}: ${from} sent the ${seg.flags.SYN ? 'SYN' : 'FIN'} again with no answer in between`
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
  const finish = (steps: InferredStep[]): InferredStep[] => checked(segs, steps, mid, unknownFrom);
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
      // The latest delivered segment from the receiver that acknowledged this one.
      const end = seqAdd(segment.seq, segLen(segment));
      const j = latestAcker(segs, floor, i, to, end, (k) => lost.has(k));
      if (j >= floor) {
        // Sent again sooner after its first copy than any retransmission timer fires: not a
        // retransmission, so the two crossed instead (simultaneous open's SYN,ACKs).
        let first = i - 1;
        while (first >= floor && !(segs[first]!.from === from && segs[first]!.segment.seq === segment.seq && segLen(segs[first]!.segment) > 0)) first--;
        const sinceFirst = first >= floor ? t - segs[first]!.t : Infinity;
        if (sinceFirst < CROSSING_WINDOW_S && !deferred.has(j)) deferred.set(j, i);
        else lost.set(j, 'acked');
        replayFrom(j);
        continue;
      }
    }
    const resendable = segment.flags.SYN ? !segment.flags.ACK : segment.flags.FIN;
    if (replays < MAX_REPLAYS && resendable) {
      // A SYN (or FIN) sent again with no answer in between: the earlier copy never arrived
      // (a receiver answers both at once, and the capture would show the answer).
      const kind = segment.flags.SYN ? 'SYN' : 'FIN';
      let p = i - 1;
      while (p >= floor && segs[p]!.from === from && !(segs[p]!.segment.flags[kind] && segs[p]!.segment.seq === segment.seq)) p--;
      if (p >= floor && segs[p]!.from === from && !lost.has(p)) {
        lost.set(p, 'resent');
        replayFrom(p);
        continue;
      }
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
