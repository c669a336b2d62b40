/**
 * What a capture proves about both sides' states, checked against a replay's states. The replay
 * (infer.ts) fills what the capture does not show with the likeliest story; this check keeps
 * only what the segments themselves prove, and turns every state they contradict into unknown
 * (null) with the reason, so a reader is never shown a state the capture rules out.
 *
 * Facts used (RFC 9293 §3.3.2, the state diagram):
 * - a side that sent a segment with ACK set has left LISTEN and SYN-SENT (it is synchronized);
 * - a side that sent its FIN is in FIN-WAIT-1, FIN-WAIT-2, CLOSING, LAST-ACK, TIME-WAIT or CLOSED;
 * - a side whose ACK covers the peer's FIN has received it: CLOSE-WAIT, LAST-ACK, CLOSING,
 *   TIME-WAIT or CLOSED;
 * - a pair of states at one instant must be possible: a side whose FIN was acknowledged
 *   (FIN-WAIT-2, TIME-WAIT) means the peer has received that FIN; a side that has received the
 *   peer's FIN (CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT) means the peer has sent one; a side
 *   past the handshake means the peer has left SYN-SENT.
 * Once the replay is contradicted for a side, its later states rest on the same wrong story,
 * so that side stays unknown for the rest of the connection.
 */
import { segLen } from '../segment-data.ts';
import { seqAdd, seqGe } from '../seq.ts';
import type { Segment, Side, TcpState } from '../types.ts';

/** A state as shown: null when the capture cannot prove it. */
export type KnownState = TcpState | null;

/** Why a state is unknown; the texts the trace CLI and the capture lab show. */
export const UNKNOWN_WHY = {
  notCaptured: 'segment not captured',
  oneWay: 'one direction only',
  mid: 'capture starts mid-connection',
  contradicted: 'the replay contradicts what this side sent',
  impossible: 'the replayed pair of states is impossible',
  ackUnproven: 'this segment may have been lost after the capture point, and the capture cannot tell',
} as const;

/** The states a side may be in once it has sent its FIN. */
const FIN_SENT: ReadonlySet<TcpState> = new Set(['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT', 'CLOSED']);
/** The states a side may be in once it has received the peer's FIN. */
const FIN_RECEIVED: ReadonlySet<TcpState> = new Set(['CLOSE-WAIT', 'LAST-ACK', 'CLOSING', 'TIME-WAIT', 'CLOSED']);
/** States in which the side's own FIN has been acknowledged. */
const OWN_FIN_ACKED: ReadonlySet<TcpState> = new Set(['FIN-WAIT-2', 'TIME-WAIT']);
/** States in which the side has received the peer's FIN (CLOSED excluded: it may be before the connection). */
const GOT_PEER_FIN: ReadonlySet<TcpState> = new Set(['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT']);
/** States past the handshake on this side. */
const PAST_HANDSHAKE: ReadonlySet<TcpState> = new Set(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT']);

/** True when the pair (x, y) can exist at one instant. */
export function possiblePair(x: TcpState, y: TcpState): boolean {
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    if (OWN_FIN_ACKED.has(p) && !FIN_RECEIVED.has(q)) return false;
    if (GOT_PEER_FIN.has(p) && !FIN_SENT.has(q)) return false;
    if (PAST_HANDSHAKE.has(p) && q === 'SYN-SENT') return false;
  }
  return true;
}

/** One row as the check sees it. */
export interface EvidenceRow {
  from: Side;
  segment: Segment;
  stateA: KnownState;
  stateB: KnownState;
  notes: string[];
}

/**
 * Applies the facts above to a replay of one connection, in place: states the capture rules out
 * become null, with a note. `unknownFrom` lets the replay mark a side unknown from a row on for
 * reasons only it sees (a segment not captured, one direction only, a mid-connection start).
 */
export function checkEvidence(rows: EvidenceRow[], unknownFrom: Partial<Record<Side, { row: number; why: string }>> = {}): void {
  const finEnd: Partial<Record<Side, number>> = {};
  const synced: Record<Side, boolean> = { A: false, B: false };
  const sentFin: Record<Side, boolean> = { A: false, B: false };
  const gotFin: Record<Side, boolean> = { A: false, B: false };
  const dead: Partial<Record<Side, string>> = {};
  const key = (s: Side): 'stateA' | 'stateB' => (s === 'A' ? 'stateA' : 'stateB');
  const kill = (r: EvidenceRow, s: Side, why: string): void => {
    if (dead[s] === undefined) {
      dead[s] = why;
      r.notes.push(`${s}'s state is unknown from here: ${why}`);
    }
  };
  const late = finDeniedLater(rows);
  for (const [s, row] of Object.entries(sentWhileClosed(rows)) as [Side, number][]) late[s] = Math.min(late[s] ?? row, row);
  rows.forEach((r, i) => {
    const x = r.from;
    const y: Side = x === 'A' ? 'B' : 'A';
    const f = r.segment.flags;
    for (const s of ['A', 'B'] as const) {
      const u = unknownFrom[s];
      if (u && i >= u.row) kill(r, s, u.why);
      if (late[s] !== undefined && i >= late[s]) kill(r, s, UNKNOWN_WHY.contradicted);
    }
    if (f.RST) {
      // A reset ends the story both ways; what follows is judged afresh by the pair rule only.
    } else {
      if (f.ACK) synced[x] = true;
      if (f.FIN) {
        sentFin[x] = true;
        finEnd[x] ??= seqAdd(r.segment.seq, segLen(r.segment));
      }
      const fy = finEnd[y];
      if (f.ACK && fy !== undefined && seqGe(r.segment.ack, fy)) gotFin[x] = true;
    }
    for (const s of ['A', 'B'] as const) {
      const st = r[key(s)];
      if (st === null || dead[s] !== undefined) continue;
      const wrong = (synced[s] && (st === 'LISTEN' || st === 'SYN-SENT')) || (sentFin[s] && !FIN_SENT.has(st)) || (gotFin[s] && !FIN_RECEIVED.has(st));
      if (wrong) kill(r, s, UNKNOWN_WHY.contradicted);
    }
    const a = dead.A === undefined ? r.stateA : null;
    const b = dead.B === undefined ? r.stateB : null;
    if (a !== null && b !== null && !possiblePair(a, b)) {
      // The sender of this row is pinned by its own segment; the receiver is the doubtful one.
      kill(r, y, UNKNOWN_WHY.impossible);
    }
    if (dead.A !== undefined) r.stateA = null;
    if (dead.B !== undefined) r.stateB = null;
  });
}

/**
 * Per side, the first row that shows it holding the peer's FIN although a later segment of its own
 * does not acknowledge that FIN: every segment carries the sender's current ACK, so the FIN had not
 * arrived when that segment was sent (the replay took a FIN to arrive that was lost or held behind
 * lost data). A FIN's own row may show the peer's FIN that crossed it (a simultaneous close): it
 * counts only when its sender never acknowledges that FIN later.
 */
function finDeniedLater(rows: readonly EvidenceRow[]): Partial<Record<Side, number>> {
  // Each side's first FIN (its row and the sequence number just past it), and the last row in which
  // the other side acknowledges it: one pass each, so no row scans the rows after it.
  const fin: Partial<Record<Side, { at: number; end: number }>> = {};
  rows.forEach((r, i) => {
    if (r.segment.flags.FIN && !r.segment.flags.RST) fin[r.from] ??= { at: i, end: seqAdd(r.segment.seq, segLen(r.segment)) };
  });
  const lastAcking: Partial<Record<Side, number>> = {};
  rows.forEach((q, j) => {
    const peerFin = fin[q.from === 'A' ? 'B' : 'A'];
    if (peerFin && !q.segment.flags.RST && q.segment.flags.ACK && seqGe(q.segment.ack, peerFin.end)) lastAcking[q.from] = j;
  });
  const held: Partial<Record<Side, number>> = {};
  const out: Partial<Record<Side, number>> = {};
  // only a segment at or past the front of what its sender sent: an old duplicate carries an old ACK
  const fresh = atFront(rows);
  // The peer's FIN as of row i: sent in an earlier row.
  const finBefore = (s: Side, i: number): number | undefined => {
    const f = fin[s];
    return f && f.at < i ? f.end : undefined;
  };
  rows.forEach((r, i) => {
    const x = r.from;
    const y: Side = x === 'A' ? 'B' : 'A';
    const f = r.segment.flags;
    const fy = finBefore(y, i);
    for (const s of ['A', 'B'] as const) {
      const st = s === 'A' ? r.stateA : r.stateB;
      if (finBefore(s === 'A' ? 'B' : 'A', i + 1) !== undefined && st !== null && GOT_PEER_FIN.has(st)) held[s] ??= i;
    }
    const since = held[x];
    if (f.RST || !f.ACK || !fresh[i] || fy === undefined || seqGe(r.segment.ack, fy) || since === undefined) return;
    const acksLater = (lastAcking[x] ?? -1) > i;
    if (since < i || !acksLater) out[x] = Math.min(out[x] ?? i, since);
  });
  // A FIN answered only by its sender's RST (data after close()): the peer never acknowledged it,
  // so whether it arrived is not shown; an RST it may have ignored does not show it either.
  for (const x of ['A', 'B'] as const) {
    const y: Side = x === 'A' ? 'B' : 'A';
    const own = fin[x];
    if (!own) continue;
    const acked = (lastAcking[y] ?? -1) > own.at;
    const reset = rows.some((q, j) => j > own.at && q.from === x && q.segment.flags.RST);
    if (!acked && reset) out[y] = Math.min(out[y] ?? own.at, own.at);
  }
  return out;
}

/**
 * Per side, the row at which the replay closed it (CLOSED after a connection) although a later
 * segment of its own that is neither RST nor SYN (and not an old duplicate) shows it still had the connection: a CLOSED
 * side answers everything with a RST (§3.10.7.1), so what closed it in the replay (an RST or
 * ACK taken to arrive) had not arrived when it sent that segment, and may never have.
 */
function sentWhileClosed(rows: readonly EvidenceRow[]): Partial<Record<Side, number>> {
  const out: Partial<Record<Side, number>> = {};
  const closedAt: Partial<Record<Side, number>> = {};
  const was: Partial<Record<Side, TcpState>> = {};
  // only a segment at the front of what its sender sent: an old duplicate proves nothing about now
  const fresh = atFront(rows);
  rows.forEach((r, i) => {
    const f = r.segment.flags;
    if (!f.RST && !f.SYN && fresh[i] && was[r.from] === 'CLOSED' && closedAt[r.from] !== undefined) out[r.from] ??= closedAt[r.from];
    for (const s of ['A', 'B'] as const) {
      const st = s === 'A' ? r.stateA : r.stateB;
      if (st === null) continue;
      const prev = was[s];
      if (st === 'CLOSED' && prev !== undefined && prev !== 'CLOSED' && prev !== 'LISTEN') closedAt[s] = i;
      was[s] = st;
    }
  });
  return out;
}

/** Per row: true when its segment starts at or past the end of everything its sender sent before (RSTs aside). */
function atFront(rows: readonly EvidenceRow[]): boolean[] {
  const sent: Partial<Record<Side, number>> = {};
  return rows.map(({ from, segment: s }) => {
    const front = sent[from];
    const end = seqAdd(s.seq, segLen(s));
    if (!s.flags.RST && (front === undefined || seqGe(end, front))) sent[from] = end;
    return front === undefined || seqGe(s.seq, front);
  });
}
