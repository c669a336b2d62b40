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

/** Maps virtual time to x on an axis of `width` units after `left`, so the whole run fits. */
export function timeScale(until: number, left: number, width: number): (t: number) => number {
  const span = Math.max(1, until);
  return (t) => left + (Math.max(0, Math.min(t, span)) / span) * width;
}

