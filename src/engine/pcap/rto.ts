/**
 * How long a side may stay silent before it must retransmit, read from a capture: an upper bound
 * on its retransmission timeout (RTO) at a given row. The inference uses it to decide whether a
 * side's silence proves that an ACK of its SYN or FIN arrived (had the ACK been lost, the side
 * would have retransmitted within this bound, and the capture would show it).
 *
 * RFC 6298 §2: RTO = SRTT + 4·RTTVAR from the side's RTT samples, never below the profile's
 * minimum (Linux 200 ms, RFC 1 s); SRTT and RTTVAR never exceed the largest sample R, so the RTO
 * is at most max(minimum, 5R). Linux alike (srtt + max(4·mdev, TCP_RTO_MIN)). §5.5: each timeout
 * doubles it, up to the profile's maximum. Every bound here errs long: a longer bound only makes
 * the inference say "unknown" more often, never show a wrong state.
 */
import { PROFILES } from '../profiles.ts';
import { segLen } from '../segment-data.ts';
import { seqAdd, seqGe, seqGt, seqLt } from '../seq.ts';
import type { ProfileName, Segment, Side } from '../types.ts';

/** What the bound reads of a row. */
export interface TimedRow {
  t: number;
  from: Side;
  segment: Segment;
}

/** Doublings beyond which the bound is the profile's maximum anyway. */
const MAX_DOUBLINGS = 20;

/**
 * For each side and row, an upper bound in seconds on how long after that row the side may wait
 * before retransmitting a SYN or FIN the peer has not acknowledged, or Infinity when the capture
 * has no handshake to time. R is the handshake's round trip plus the longest time the side's data
 * waited for its ACK (delayed ACKs lengthen the side's samples; the extra round trip stands for
 * the ACK's way back, which a capture at one point does not show). Every retransmission the side
 * made before the row counts as a timeout that doubled its RTO (the engine and Linux undo the
 * doubling only on a new RTT sample, which the capture cannot prove arrived). After a handshake
 * that sent a SYN twice the RTO starts at 3 s (§5.7, Linux TCP_TIMEOUT_FALLBACK). One more R is
 * left for the timer's restart by an ACK still on its way at the row.
 */
export function retransmitBound(rows: readonly TimedRow[], profile: ProfileName): (side: Side, row: number) => number {
  const hs = handshakeRtt(rows);
  if (hs === null) return () => Infinity;
  const { minRtoMs, maxRtoMs } = PROFILES[profile];
  const synResent = rows.filter((r) => r.segment.flags.SYN).length > 2;
  // computed at the first question only: a connection with no ACK of a SYN or FIN to prove never asks
  let h: ReturnType<typeof history> | undefined;
  return (side, row) => {
    const { longest, resends } = (h ??= history(rows));
    const r = hs.rtt + longest[side][row]!;
    const base = Math.max(minRtoMs / 1000, 4 * r, synResent ? 3 : 0);
    const n = resends[side][row]!;
    const rto = n >= MAX_DOUBLINGS ? maxRtoMs / 1000 : Math.min(maxRtoMs / 1000, base * 2 ** n);
    return rto + r;
  };
}

/** The handshake's round trip at A (its SYN to its ACK of B's SYN,ACK), or null without one. */
function handshakeRtt(rows: readonly TimedRow[]): { rtt: number } | null {
  const syn = rows.findLastIndex((r) => r.from === 'A' && r.segment.flags.SYN && !r.segment.flags.ACK);
  const synAck = rows.findIndex((r) => r.from === 'B' && r.segment.flags.SYN && r.segment.flags.ACK);
  if (syn < 0 || synAck < 0) return null;
  const answered = rows.findIndex((r, j) => j > synAck && r.from === 'A' && r.segment.flags.ACK && r.segment.ack === seqAdd(rows[synAck]!.segment.seq, 1));
  if (answered < 0 || rows[answered]!.t < rows[syn]!.t) return null;
  return { rtt: rows[answered]!.t - rows[syn]!.t };
}

/**
 * Per side, before each row: the longest time one of its segments (SYN and FIN included, not
 * retransmitted before its ACK: Karn) may have waited for its ACK, and how many segments it had
 * sent again (sequence space it had already sent). The first ACK covering a segment may have been
 * lost after the capture point: every later ACK from the peer until the side sends again may be
 * the one that arrived first, so the wait runs to the last of them (a lost handshake ACK makes the
 * server time its SYN,ACK to the client's first data). One pass; each segment waits in a queue once.
 */
function history(rows: readonly TimedRow[]): { longest: Record<Side, Float64Array>; resends: Record<Side, Int32Array> } {
  const n = rows.length;
  const longest = { A: new Float64Array(n + 1), B: new Float64Array(n + 1) };
  const resends = { A: new Int32Array(n + 1), B: new Int32Array(n + 1) };
  const waiting: Record<Side, { end: number; t: number; resent: boolean }[]> = { A: [], B: [] };
  const head: Record<Side, number> = { A: 0, B: 0 };
  const front: Partial<Record<Side, number>> = {};
  const now = { longest: { A: 0, B: 0 }, resends: { A: 0, B: 0 } };
  /** Per side, the send time of its oldest segment acknowledged since it last sent anything. */
  const answered: Partial<Record<Side, number>> = {};
  rows.forEach(({ t, from, segment: s }, j) => {
    for (const side of ['A', 'B'] as const) {
      longest[side][j] = now.longest[side];
      resends[side][j] = now.resends[side];
    }
    const to: Side = from === 'A' ? 'B' : 'A';
    if (s.flags.RST) return;
    answered[from] = undefined;
    if (s.flags.ACK) {
      const q = waiting[to];
      while (head[to] < q.length && seqGe(s.ack, q[head[to]]!.end)) {
        const w = q[head[to]++]!;
        if (!w.resent) answered[to] = Math.min(answered[to] ?? w.t, w.t);
      }
      const since = answered[to];
      if (since !== undefined) now.longest[to] = Math.max(now.longest[to], t - since);
      if (head[to] > 1024 && head[to] * 2 > q.length) {
        q.splice(0, head[to]);
        head[to] = 0;
      }
    }
    const len = segLen(s);
    if (len === 0) return;
    const end = seqAdd(s.seq, len);
    const top = front[from];
    if (top !== undefined && seqLt(s.seq, top)) {
      now.resends[from]++;
      const q = waiting[from];
      for (let k = head[from]; k < q.length; k++) if (seqGt(q[k]!.end, s.seq)) q[k]!.resent = true;
    }
    if (top === undefined || seqGt(end, top)) {
      waiting[from].push({ end, t, resent: false });
      front[from] = end;
    }
  });
  for (const side of ['A', 'B'] as const) {
    longest[side][n] = now.longest[side];
    resends[side][n] = now.resends[side];
  }
  return { longest, resends };
}
