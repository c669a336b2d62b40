/**
 * Geometry of the sequence diagram: two lanes, one row per step, each segment a slanted arrow
 * from the row it was sent in to the row it arrived (or was lost) in. Rows are steps, not
 * milliseconds, so a 60 s TIME-WAIT does not push the picture off the screen; the table and the
 * caption give the real times.
 */
import type { Side } from '../../engine/types.ts';
import type { LabView, ViewSegment } from './trace-view.ts';

/** Sizes of the drawing, in SVG user units (1 unit = 1 CSS px at natural size). */
export const SEQ = {
  width: 600,
  laneA: 130,
  laneB: 470,
  top: 56,
  row: 40,
  bottom: 24,
} as const;

/** One arrow as drawn at the current step. */
export interface ArrowGeom {
  id: number;
  from: Side;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /**
   * Where the label sits (35 % of the way from the sender, so two arrows crossing between the
   * same rows keep their labels apart) and the angle that lays it along its own arrow.
   */
  lx: number;
  ly: number;
  angle: number;
  /** Lost in the network: drawn to the middle with a cross. */
  dropped: boolean;
  /** Still travelling at this step: cut short. */
  partial: boolean;
  /** Sent or ended in the current step. */
  current: boolean;
}

/** A state label on a lane, where that side changed state (or the initial state at row 0). */
export interface StateMark {
  side: Side;
  step: number;
  x: number;
  y: number;
  state: string;
  changed: boolean;
  current: boolean;
}

/** The y of a step's row. */
export function rowY(step: number): number {
  return SEQ.top + step * SEQ.row;
}

/** Total height for a view. */
export function diagramHeight(view: LabView): number {
  return rowY(view.steps.length - 1) + SEQ.bottom + SEQ.row / 2;
}

const laneX = (s: Side): number => (s === 'A' ? SEQ.laneA : SEQ.laneB);

/** The arrow of one segment at step `current`, or null if it has not been sent yet. */
export function arrowAt(seg: ViewSegment, current: number): ArrowGeom | null {
  if (seg.sendStep > current) return null;
  const x1 = laneX(seg.from);
  const to: Side = seg.from === 'A' ? 'B' : 'A';
  const y1 = rowY(seg.sendStep);
  const mid = (SEQ.laneA + SEQ.laneB) / 2;
  const dropped = seg.fate === 'dropped';
  // Where the whole arrow would end once its story is over.
  const endStep = seg.endStep ?? seg.sendStep + 1;
  const fx = dropped || seg.fate === 'in-flight' ? mid : laneX(to);
  let fy = rowY(Math.max(endStep, seg.sendStep + (dropped ? 0.5 : 1)));
  if (seg.endStep === seg.sendStep && !dropped) fy = y1 + SEQ.row * 0.5; // injected and delivered at once
  const ended = seg.endStep !== null && seg.endStep <= current;
  let partial = false;
  let x2 = fx;
  let y2 = fy;
  if (!ended) {
    const span = Math.max(1, endStep - seg.sendStep);
    const f = Math.min(1, (current - seg.sendStep + 0.5) / span);
    partial = f < 1 || seg.fate === 'in-flight';
    x2 = x1 + (fx - x1) * f;
    y2 = y1 + (fy - y1) * f;
  }
  const lf = 0.35;
  const lx = x1 + (fx - x1) * lf;
  const ly = y1 + (fy - y1) * lf;
  // Text reads left to right whichever way the arrow points.
  const angle = (Math.atan2(fy - y1, fx - x1) * 180) / Math.PI;
  const readable = seg.from === 'A' ? angle : angle - 180;
  return {
    id: seg.id,
    from: seg.from,
    x1,
    y1,
    x2,
    y2,
    lx,
    ly,
    angle: Math.round(readable * 100) / 100,
    dropped: dropped && ended,
    partial,
    current: seg.sendStep === current || seg.endStep === current,
  };
}

/** Every arrow visible at step `current`. */
export function arrowsAt(view: LabView, current: number): ArrowGeom[] {
  const out: ArrowGeom[] = [];
  for (const s of view.segments) {
    const a = arrowAt(s, current);
    if (a) out.push(a);
  }
  return out;
}

/** State labels up to step `current`: the starting state of each side, then every change where it happens. */
export function stateMarks(view: LabView, current: number): StateMark[] {
  const out: StateMark[] = [];
  const first = view.steps[0];
  if (!first) return out;
  for (const side of ['A', 'B'] as const) {
    out.push({ side, step: 0, x: laneX(side), y: rowY(0), state: first[side].state ?? '?', changed: false, current: current === 0 });
  }
  for (const st of view.steps) {
    if (st.index === 0 || st.index > current) continue;
    for (const side of ['A', 'B'] as const) {
      const ch = st.changed[side];
      if (ch) out.push({ side, step: st.index, x: laneX(side), y: rowY(st.index), state: ch.to, changed: true, current: st.index === current });
    }
  }
  return out;
}
