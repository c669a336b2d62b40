/**
 * Turns an engine trace into quiz material: the segment list to put in order, the state a side
 * is in after a given segment, and a seq/ack prediction question. It reads only the few trace
 * fields declared below (structurally a subset of the engine's Trace), so quizzes keep working
 * when the engine adds fields, and tests can hand-build small traces.
 */
import { flagNotation } from '../../engine/segment.ts';

/** The flags a quiz shows. */
export interface FlagsLike {
  SYN: boolean;
  ACK: boolean;
  FIN: boolean;
  RST: boolean;
  PSH: boolean;
}

/** What the quiz reads from one trace event. */
export interface EventLike {
  kind: string;
  side: 'A' | 'B';
  wireId?: number;
  retransmit?: boolean;
  origin?: 'attacker' | 'old-duplicate' | 'other-client';
  segment?: { seq: number; ack: number; flags: FlagsLike; len: number };
  snapshot: { A: { state: string }; B: { state: string } };
}

/** What the quiz reads from a trace. */
export interface TraceLike {
  events: readonly EventLike[];
}

/** Side A is the client and B the server in every scenario (engine contract). */
export type QuizSide = 'client' | 'server';
const SIDE: Record<QuizSide, 'A' | 'B'> = { client: 'A', server: 'B' };

/** One segment as the quizzes show it. */
export interface QuizSegment {
  /** 0-based position on the wire: the `step` of NameState */
  step: number;
  from: QuizSide;
  /** "SYN", "SYN, ACK", "FIN, ACK", "RST" — the order Wireshark prints */
  flags: string;
  seq: number;
  ack: number;
  hasAck: boolean;
  /** payload bytes (the engine's `len`) */
  len: number;
  /** SEG.LEN: payload plus one for SYN and one for FIN (§3.4) */
  segLen: number;
  dropped: boolean;
  retransmit: boolean;
  injected: boolean;
}

/** The book's flag notation (Wireshark's order, "SYN, ACK"), from the engine's one helper. */
export const flagLabel = (f: FlagsLike): string => flagNotation(f);

/** Every segment put on the wire, in order, with whether it was dropped. */
export function quizSegments(trace: TraceLike): QuizSegment[] {
  const out: QuizSegment[] = [];
  const byWire = new Map<number, QuizSegment>();
  for (const e of trace.events) {
    if (e.wireId === undefined) continue;
    if (e.segment && (e.kind === 'send' || (e.kind === 'deliver' && e.origin && !byWire.has(e.wireId)))) {
      if (byWire.has(e.wireId)) continue;
      const s = e.segment;
      const q: QuizSegment = {
        step: out.length,
        from: e.side === 'A' ? 'client' : 'server',
        flags: flagLabel(s.flags),
        seq: s.seq,
        ack: s.ack,
        hasAck: s.flags.ACK,
        len: s.len,
        segLen: s.len + (s.flags.SYN ? 1 : 0) + (s.flags.FIN ? 1 : 0),
        dropped: false,
        retransmit: e.retransmit === true,
        injected: e.origin !== undefined,
      };
      // An injected segment is "delivered" to its target; it was sent by neither A nor B.
      if (e.kind === 'deliver') q.from = e.side === 'A' ? 'server' : 'client';
      out.push(q);
      byWire.set(e.wireId, q);
    } else if (e.kind === 'drop') {
      const q = byWire.get(e.wireId);
      if (q) q.dropped = true;
    }
  }
  return out;
}

/**
 * The state of `side` once segment `step` (0-based, in wire order) has been handled: after it
 * arrived and the receiver reacted, or after it was sent if it was lost. The answer is the
 * snapshot at the end of that handling (the events up to the next arrival, user call or timer).
 */
export function stateAfterStep(trace: TraceLike, step: number, side: QuizSide): string {
  const segs = quizSegments(trace);
  const target = segs[step];
  if (!target) throw new Error(`step ${step} is past the last segment (this trace has ${segs.length})`);
  const wire = [...wireIdsInOrder(trace)][step];
  const events = trace.events;
  let at = events.findIndex((e) => e.kind === 'deliver' && e.wireId === wire);
  if (at < 0) at = events.findIndex((e) => (e.kind === 'drop' || e.kind === 'send') && e.wireId === wire);
  let end = at;
  for (let i = at + 1; i < events.length; i++) {
    const k = events[i]?.kind;
    if (k === 'deliver' || k === 'user' || k === 'timer-fire' || k === 'drop') break;
    end = i;
  }
  const ev = events[end];
  if (!ev) throw new Error(`no event for step ${step}`);
  return ev.snapshot[SIDE[side]].state;
}

function* wireIdsInOrder(trace: TraceLike): Generator<number> {
  const seen = new Set<number>();
  for (const e of trace.events) {
    if (e.wireId === undefined || !e.segment || seen.has(e.wireId)) continue;
    if (e.kind === 'send' || (e.kind === 'deliver' && e.origin)) {
      seen.add(e.wireId);
      yield e.wireId;
    }
  }
}

/** One item to put in order: what the reader sees, and the key compared with the truth. */
export interface OrderItem {
  key: string;
  from: QuizSide;
  flags: string;
}

/**
 * The segments a reader orders: the ones that arrived (lost copies are left out, they would
 * make the puzzle about timing rather than the protocol), labelled by direction and flags.
 */
export function orderItems(trace: TraceLike): OrderItem[] {
  return quizSegments(trace)
    .filter((s) => !s.dropped && !s.injected)
    .map((s) => ({ key: `${s.from}:${s.flags}`, from: s.from, flags: s.flags }));
}

/** A seq/ack question: the segments shown before, the target, and which fields the reader must give. */
export interface PredictQuestion {
  shown: QuizSegment[];
  target: QuizSegment;
  /** false for the sender's first segment: its seq is a fresh ISN nobody can predict, so it is given */
  askSeq: boolean;
  /** false when the target has no ACK flag */
  askAck: boolean;
}

/**
 * The steps that make a fair prediction question: not lost, and at least one field computable
 * from what came before (a SYN's seq is its random ISN; its ack field is unused).
 */
export function predictableSteps(trace: TraceLike): number[] {
  const segs = quizSegments(trace);
  const out: number[] = [];
  segs.forEach((s, i) => {
    if (i === 0 || s.dropped || s.injected) return;
    const q = predictQuestion(trace, i);
    if (q.askSeq || q.askAck) out.push(i);
  });
  return out;
}

/** Builds the prediction question for segment `step`. */
export function predictQuestion(trace: TraceLike, step: number): PredictQuestion {
  const segs = quizSegments(trace);
  const target = segs[step];
  if (!target) throw new Error(`step ${step} is past the last segment (this trace has ${segs.length})`);
  const shown = segs.slice(0, step);
  const senderSentBefore = shown.some((s) => s.from === target.from && !s.injected);
  return { shown, target, askSeq: senderSentBefore, askAck: target.hasAck };
}
