/**
 * The TIME-WAIT lab's timeline, read off an engine trace: when the active closer entered
 * TIME-WAIT, when it left (timer or RST), and the moments that matter for the lesson (a
 * retransmitted FIN re-ACKed, an old duplicate arriving, a RST). Times are virtual ms.
 */
import type { Side, Trace } from '../../engine/types.ts';

/** A moment on the timeline. */
export interface TimelineMark {
  t: number;
  side: Side;
  kind: 'fin-again' | 'old-duplicate' | 'rst' | 'closed' | 'new-syn';
}

/** What the timeline draws. */
export interface TimeWaitTimeline {
  /** The side that went through TIME-WAIT, or null when nobody did. */
  side: Side | null;
  start: number | null;
  /** When TIME-WAIT ended (CLOSED), or null if it outlives the run. */
  end: number | null;
  /** When the 2×MSL timer was due when last set (restarts move it). */
  due: number | null;
  /** Last event time, so the axis covers the whole run. */
  until: number;
  marks: TimelineMark[];
}

/** Reads the timeline off a trace. Pure. */
export function timeWaitTimeline(trace: Trace): TimeWaitTimeline {
  const out: TimeWaitTimeline = { side: null, start: null, end: null, due: null, until: 0, marks: [] };
  for (const e of trace.events) {
    out.until = Math.max(out.until, e.t);
    if (e.kind === 'state' && e.to === 'TIME-WAIT' && out.start === null) {
      out.side = e.side;
      out.start = e.t;
    }
    if (e.kind === 'state' && e.from === 'TIME-WAIT' && e.side === out.side && out.end === null) {
      out.end = e.t;
      out.marks.push({ t: e.t, side: e.side, kind: 'closed' });
    }
    if (e.kind === 'timer-set' && e.timer === 'time-wait' && e.side === out.side && e.at !== undefined) {
      out.due = e.at;
      out.until = Math.max(out.until, e.at);
    }
    if (e.kind === 'deliver' && e.segment) {
      const f = e.segment.flags;
      if (e.origin === 'old-duplicate') out.marks.push({ t: e.t, side: e.side, kind: 'old-duplicate' });
      else if (f.RST && out.start !== null) out.marks.push({ t: e.t, side: e.side, kind: 'rst' });
      else if (f.FIN && e.side === out.side && out.start !== null && out.end === null) out.marks.push({ t: e.t, side: e.side, kind: 'fin-again' });
      else if (f.SYN && !f.ACK && out.start !== null) out.marks.push({ t: e.t, side: e.side, kind: 'new-syn' });
    }
  }
  return out;
}

/**
 * Round tick values for an axis from 0 to `span` ms: a step of 1, 2 or 5 × 10^k, at most `max`
 * ticks, so the axis reads 0, 20 s, 40 s, 60 s rather than 15.89 s, 31.77 s.
 */
export function niceTicks(span: number, max = 5): number[] {
  const raw = Math.max(1, span) / max;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/**
 * A row for each mark's number badge, so two marks close in time (880 and 900 ms) are not drawn
 * over each other: a mark goes to the first row whose last badge is at least `gap` away (same unit as `xs`).
 */
export function badgeRows(xs: number[], gap: number): number[] {
  const lastInRow: number[] = [];
  return xs.map((x) => {
    let row = lastInRow.findIndex((l) => x - l >= gap);
    if (row < 0) row = lastInRow.length;
    lastInRow[row] = x;
    return row;
  });
}
