/**
 * Geometry of a chapter's opening figure: a compact vertical ladder (client lane left, server lane
 * right, time down) drawn from the engine's own run of a scenario, so the picture can never
 * disagree with the labs. Pure: a Trace in, shapes out; ChapterFigure.astro turns them into SVG at
 * build time. Sized for a 360 px phone (the drawing is 340 units wide and scales down from there).
 *
 * Rows are moments, not milliseconds: each distinct time at which something happens gets a row,
 * and a long quiet gap (TIME-WAIT's 60 s) gets a marked break with its length instead of space.
 */
import { flagNotation } from '../engine/index.ts';
import type { Side, TcpState, Trace, TraceEvent } from '../engine/types.ts';

/** Which part of the run the figure shows: the frontmatter's `figure.part` (src/content.config.ts lists the same). */
export type FigurePart = 'open' | 'close' | 'all';

/** Sizes in SVG units (1 unit ≈ 1 CSS px at natural size). */
export const FIG = {
  width: 340,
  laneA: 100,
  laneB: 240,
  top: 58,
  row: 46,
  /** Extra height of a time break. */
  gap: 30,
  bottom: 30,
  /** A pause longer than this (ms) between two moments is drawn as a break with its length. */
  breakMs: 1000,
} as const;

export interface FigureArrow {
  wireId: number;
  from: Side;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Flags in print order ("SYN, ACK"). */
  flags: string;
  seq: number;
  ack: number | null;
  len: number;
  lost: boolean;
  retransmit: boolean;
  /** Where the flags label sits (above this point) and the numbers (below it), and how the text
   *  hangs from it: centred between the lanes, or beside the cross of a lost segment. */
  lx: number;
  ly: number;
  anchor: 'middle' | 'start' | 'end';
}

export interface FigureState {
  side: Side;
  x: number;
  y: number;
  state: TcpState;
  anchor: 'start' | 'end';
}

/** A time break between two rows: its y and how long the pause was (ms). */
export interface FigureBreak {
  y: number;
  ms: number;
}

/** A stretch of a lane spent in TIME-WAIT, drawn as a thick band. */
export interface FigureBand {
  side: Side;
  x: number;
  y1: number;
  y2: number;
}

export interface FigureGeom {
  width: number;
  height: number;
  arrows: FigureArrow[];
  states: FigureState[];
  breaks: FigureBreak[];
  bands: FigureBand[];
}

const laneX = (s: Side): number => (s === 'A' ? FIG.laneA : FIG.laneB);

/** The [start, end] times of the part of the run a figure shows. */
function window(trace: Trace, part: FigurePart): [number, number] {
  const events = trace.events;
  const end = events.at(-1)?.t ?? 0;
  if (part === 'all') return [0, end];
  if (part === 'open') {
    // Up to the moment both sides are ESTABLISHED (or the run ends: a refused or lost handshake).
    const est = { A: false, B: false };
    for (const e of events) {
      if (e.kind === 'state' && e.to === 'ESTABLISHED') est[e.side] = true;
      if (est.A && est.B) return [0, e.t];
    }
    return [0, end];
  }
  // From the first FIN (or RST) on the wire to the end of the run.
  const first = events.find((e) => e.kind === 'send' && e.segment && (e.segment.flags.FIN || e.segment.flags.RST));
  if (!first) throw new Error(`figure: scenario ${trace.scenario} sends no FIN or RST, so it has no "close" part`);
  return [first.t, end];
}

/**
 * Lays out the part of `trace` a chapter shows. Throws (naming the scenario) when the part holds
 * no segment, so a wrong frontmatter value fails the build instead of drawing an empty frame.
 */
export function figureLayout(trace: Trace, part: FigurePart): FigureGeom {
  const [from, to] = window(trace, part);
  const inPart = (e: TraceEvent): boolean => e.t >= from && e.t <= to;
  const sends = trace.events.filter((e) => e.kind === 'send' && e.segment && e.wireId !== undefined && inPart(e));
  if (sends.length === 0) throw new Error(`figure: scenario ${trace.scenario}, part "${part}" holds no segment`);
  const ends = new Map<number, TraceEvent>();
  for (const e of trace.events) if ((e.kind === 'deliver' || e.kind === 'drop') && e.wireId !== undefined && !ends.has(e.wireId)) ends.set(e.wireId, e);
  const states = trace.events.filter((e) => e.kind === 'state' && inPart(e) && e.to);

  // One row per moment; the first row holds each side's state when the part begins.
  const moments = [...new Set([from, ...sends.map((e) => e.t), ...sends.map((e) => ends.get(e.wireId ?? -1)?.t ?? e.t), ...states.map((e) => e.t)])]
    .filter((t) => t <= to)
    .sort((a, b) => a - b);
  const yOf = new Map<number, number>();
  const breaks: FigureBreak[] = [];
  let y = FIG.top;
  moments.forEach((t, i) => {
    const prev = moments[i - 1];
    if (prev !== undefined) {
      y += FIG.row;
      if (t - prev > FIG.breakMs) {
        breaks.push({ y: y + FIG.gap / 2 - FIG.row / 2, ms: t - prev });
        y += FIG.gap;
      }
    }
    yOf.set(t, y);
  });
  const at = (t: number): number => yOf.get(t) ?? FIG.top;

  const arrows: FigureArrow[] = sends.map((e) => {
    const seg = e.segment!;
    const end = ends.get(e.wireId!);
    const lost = end?.kind === 'drop';
    const x1 = laneX(e.side);
    const x2full = laneX(e.side === 'A' ? 'B' : 'A');
    const y1 = at(e.t);
    // A lost segment stops halfway, a row's height down; one still in flight at the end is drawn to its lane.
    const y2 = lost || !end ? y1 + FIG.row * 0.6 : at(end.t);
    // A lost one stops 40 % of the way, its label beside the cross (not over it).
    const x2 = lost ? x1 + (x2full - x1) * 0.4 : x2full;
    return {
      wireId: e.wireId!,
      from: e.side,
      x1,
      y1,
      x2,
      y2,
      flags: flagNotation(seg.flags),
      seq: seg.seq,
      ack: seg.flags.ACK ? seg.ack : null,
      len: seg.len,
      lost,
      retransmit: !!e.retransmit,
      lx: lost ? x2 + (e.side === 'A' ? 14 : -14) : (FIG.laneA + FIG.laneB) / 2,
      ly: lost ? y2 : (y1 + y2) / 2,
      anchor: lost ? (e.side === 'A' ? 'start' : 'end') : 'middle',
    };
  });

  // Each side's state at the start of the part, then the last state it reached at each moment.
  const marks: FigureState[] = [];
  for (const side of ['A', 'B'] as const) {
    const before = trace.events.filter((e) => e.kind === 'state' && e.side === side && e.t < from).at(-1);
    const initial: TcpState = (before?.to as TcpState | undefined) ?? 'CLOSED';
    const byTime = new Map<number, TcpState>();
    byTime.set(from, initial);
    for (const e of states) if (e.side === side) byTime.set(e.t, e.to as TcpState);
    for (const [t, state] of byTime) {
      marks.push({ side, x: side === 'A' ? FIG.laneA - 8 : FIG.laneB + 8, y: at(t), state, anchor: side === 'A' ? 'end' : 'start' });
    }
  }

  // TIME-WAIT bands: from entering it to leaving it (or the end of the part).
  const bands: FigureBand[] = [];
  for (const side of ['A', 'B'] as const) {
    const own = marks.filter((m) => m.side === side);
    own.forEach((m, i) => {
      if (m.state !== 'TIME-WAIT') return;
      bands.push({ side, x: laneX(side), y1: m.y, y2: own[i + 1]?.y ?? y });
    });
  }

  return { width: FIG.width, height: y + FIG.bottom, arrows, states: marks, breaks, bands };
}

/** "60 s", "1.5 s", "200 ms": a pause as the figure's break label shows it. */
export function formatPause(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  // 59,990 ms reads "60 s": the figure shows the size of a pause, not its last millisecond.
  return s >= 10 ? `${Math.round(s)} s` : `${Number(s.toFixed(1))} s`;
}
