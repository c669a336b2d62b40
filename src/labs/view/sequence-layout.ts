/**
 * Geometry of the sequence diagram, for any width from 320 px up. Horizontal positions are
 * percentages of the drawing's width (the SVG is as wide as its box, with no viewBox scaling), so
 * both lanes are always on screen and text keeps its size; vertical positions are pixels.
 *
 * Time flows down in bands, one per step, in the order a step happens: the segment that caused it
 * arrives at the band's top line, the state it changed is a label on the lane just below, and the
 * segments it sent leave one under the other, each with its label (horizontal, two or three short
 * lines) above its start beside the sender's lane. Every label therefore has a band of its own and
 * no two labels overlap, whatever the width. The drawing ends at the current step, so a lab at
 * step 0 is a short strip rather than an empty frame.
 */
import { flagNotation } from '../../engine/segment.ts';
import type { Side } from '../../engine/types.ts';
import { bases, showNumber, type LabView, type ViewSegment } from './trace-view.ts';

/** Lane positions (% of the width) and vertical sizes (px). */
export const SEQ = {
  laneA: 18,
  laneB: 82,
  /** Height of one label line. */
  line: 14,
  /** The band under an arrival that holds the state labels (or a lost segment's cross). */
  mark: 26,
  /** Room between a step's last departure and the next step's arrival line: the arrows' slant. */
  gap: 22,
  top: 8,
  bottom: 10,
} as const;

/** Sizes the text is drawn at (CSS px), and the narrowest drawing the labels must fit (a 320-px screen). */
export const SEQ_TEXT = { label: 12, state: 11, minWidth: 262 } as const;

/** Words a label may carry after the flags. */
export interface LabelWords {
  retransmit: string;
  oldDuplicate: string;
  attacker: string;
  otherClient: string;
}

/** Where one segment is drawn once its story is over. */
export interface SegmentPlace {
  id: number;
  from: Side;
  /** Where it leaves (x in %, y in px) and where it ends (the other lane, or halfway when lost). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Label lines, top to bottom; the last sits just above the start. */
  lines: string[];
}

/** A step's band: its arrival line, its bottom, and the states it changed. */
export interface Band {
  step: number;
  top: number;
  /** The line arriving arrows end on. */
  arrive: number;
  bottom: number;
  marks: Array<{ side: Side; state: string }>;
}

/** The whole run laid out. */
export interface SeqLayout {
  bands: Band[];
  segments: SegmentPlace[];
}

/** The widest label line that fits between the lanes of the narrowest drawing (px). */
const LABEL_MAX = ((SEQ.laneB - SEQ.laneA) / 100) * SEQ_TEXT.minWidth - 16;

const laneX = (s: Side): number => (s === 'A' ? SEQ.laneA : SEQ.laneB);
const MID = (SEQ.laneA + SEQ.laneB) / 2;

/** A segment's label: "#2 SYN, ACK", its tags on a line of their own, then its numbers (absolute ones on two lines). */
export function labelLines(view: LabView, s: ViewSegment, relative: boolean, words: LabelWords): string[] {
  const b = bases(view, s.from);
  const out = [`#${s.id} ${flagNotation(s.flags)}`];
  const tags = [
    s.retransmit ? words.retransmit : '',
    s.origin === 'old-duplicate' ? words.oldDuplicate : s.origin === 'attacker' ? words.attacker : s.origin === 'other-client' ? words.otherClient : '',
  ].filter(Boolean);
  if (tags.length) out.push(`(${tags.join(', ')})`);
  const seq = `seq=${showNumber(s.seq, b.seq, relative)}`;
  const ack = s.ack === null ? '' : ` ack=${showNumber(s.ack, b.ack, relative)}`;
  const numbers = `${seq}${ack} len=${s.len}`;
  if (relative && textWidth(numbers, SEQ_TEXT.label) <= LABEL_MAX) out.push(numbers);
  else {
    out[0] += ` len=${s.len}`;
    out.push(seq);
    if (ack) out.push(ack.trim());
  }
  return out;
}

/** Lays out every step and segment of a run. Pure; the same view always gives the same picture. */
export function layoutRun(view: LabView, relative: boolean, words: LabelWords): SeqLayout {
  const bands: Band[] = [];
  const start = new Map<number, { y1: number; lines: string[] }>();
  let y = SEQ.top;
  for (const st of view.steps) {
    const top = y;
    // Injected segments (an old duplicate, an attacker's RST) arrive in the step they appear in.
    for (const s of view.segments) {
      if (s.sendStep !== st.index || s.endStep !== st.index) continue;
      const lines = labelLines(view, s, relative, words);
      y += lines.length * SEQ.line;
      start.set(s.id, { y1: y, lines });
      y += SEQ.line;
    }
    const arrive = y;
    const marks = (['A', 'B'] as const).flatMap((side) => {
      const state = st.index === 0 ? (st[side].state ?? '?') : st.changed[side]?.to;
      return state ? [{ side, state }] : [];
    });
    if (marks.length || st.kind === 'drop') y += SEQ.mark;
    let sent = 0;
    for (const id of st.sent) {
      const s = view.segments.find((x) => x.id === id);
      if (!s || start.has(id)) continue;
      const lines = labelLines(view, s, relative, words);
      y += lines.length * SEQ.line + 4;
      start.set(id, { y1: y, lines });
      sent++;
    }
    y += sent ? SEQ.gap : 6;
    bands.push({ step: st.index, top, arrive, bottom: y, marks });
  }
  const end = y + SEQ.gap;
  const segments = view.segments.map((s): SegmentPlace => {
    const at = start.get(s.id) ?? { y1: bands[s.sendStep]?.arrive ?? SEQ.top, lines: labelLines(view, s, relative, words) };
    const band = s.endStep === null ? undefined : bands[s.endStep];
    const to: Side = s.from === 'A' ? 'B' : 'A';
    const x1 = laneX(s.from);
    if (s.fate === 'dropped') return { id: s.id, from: s.from, x1, y1: at.y1, x2: MID, y2: band ? band.arrive : end, lines: at.lines };
    if (!band) return { id: s.id, from: s.from, x1, y1: at.y1, x2: x1 + (laneX(to) - x1) * 0.7, y2: end, lines: at.lines };
    return { id: s.id, from: s.from, x1, y1: at.y1, x2: laneX(to), y2: Math.max(band.arrive, at.y1 + 8), lines: at.lines };
  });
  return { bands, segments };
}

/** One arrow as drawn at the current step. */
export interface ArrowGeom extends SegmentPlace {
  /** Lost in the network (and the loss has happened): drawn to the middle with a cross. */
  dropped: boolean;
  /** Still travelling at this step: cut short at the bottom of the drawing. */
  partial: boolean;
  /** Sent or ended in the current step. */
  current: boolean;
}

/** The bottom of the drawing at step `current`. */
export function heightAt(layout: SeqLayout, current: number): number {
  const band = layout.bands[Math.max(0, Math.min(current, layout.bands.length - 1))];
  return (band?.bottom ?? SEQ.top) + SEQ.bottom;
}

/** Every arrow visible at step `current`: sent by then; one still under way stops at the drawing's bottom. */
export function arrowsAt(layout: SeqLayout, view: LabView, current: number): ArrowGeom[] {
  const bottom = heightAt(layout, current) - 2;
  const out: ArrowGeom[] = [];
  view.segments.forEach((s, i) => {
    const p = layout.segments[i]!;
    if (s.sendStep > current) return;
    const ended = s.endStep !== null && s.endStep <= current;
    const a: ArrowGeom = {
      ...p,
      dropped: s.fate === 'dropped' && ended,
      partial: !ended || s.fate === 'in-flight',
      current: s.sendStep === current || s.endStep === current,
    };
    if (!ended) {
      // Under way: at most 60 % of the way, and never below the drawing's bottom.
      const f = Math.max(0, Math.min(0.6, (bottom - p.y1) / (p.y2 - p.y1)));
      a.x2 = p.x1 + (p.x2 - p.x1) * f;
      a.y2 = bottom;
    }
    out.push(a);
  });
  return out;
}

/** A state label on a lane: the state a side entered in `step`, at `y`. */
export interface StateMarkProps {
  side: Side;
  state: string;
  y: number;
  step: number;
  current: boolean;
}

/** State labels up to step `current`: each side's first state, then every change where it happens. */
export function marksAt(layout: SeqLayout, current: number): StateMarkProps[] {
  return layout.bands
    .filter((b) => b.step <= current)
    .flatMap((b) => b.marks.map((m) => ({ ...m, y: b.arrive + SEQ.mark / 2, step: b.step, current: b.step === current })));
}

/** Rough rendered width of a text in px: Hangul and other wide letters one em, Latin about 0.6 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.6;
  return w;
}
