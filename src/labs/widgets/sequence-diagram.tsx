/** @jsxImportSource preact */
// @labRender: in the browser this JSX is drawn by ../client/lab-render.ts, not by Preact (sequence-lab-host.tsx).
/**
 * The sequence diagram as SVG, drawn up to the current step from the layout in
 * ../view/sequence-layout.ts. Percentages across, pixels down: it is as wide as its box at any
 * width, and its text is never scaled.
 */
import { fmt, type Strings } from '../view/explain.ts';
import type { LabView } from '../view/trace-view.ts';
import {
  arrowsAt,
  heightAt,
  layoutRun,
  marksAt,
  SEQ,
  SEQ_TEXT,
  textWidth,
  type ArrowGeom,
  type SeqLayout,
  type StateMarkProps,
} from '../view/sequence-layout.ts';
import { Memo } from './memo.ts';

export interface SequenceDiagramProps {
  /** Prefix of the arrowhead marker's id (unique on the page). */
  id: string;
  view: LabView;
  relative: boolean;
  step: number;
  /** The step the lab opens at once its script runs: until then the drawing keeps that step's height, so waking moves nothing. */
  openStep: number;
  title: string;
  strings: Strings;
}

/** Layouts already made, per run and numbering: stepping through a run reuses its layout. */
const laid = new WeakMap<LabView, Map<boolean, SeqLayout>>();

/** The diagram's layout of `view` in this numbering. */
function layoutFor(view: LabView, relative: boolean, S: Strings): SeqLayout {
  let byMode = laid.get(view);
  if (!byMode) laid.set(view, (byMode = new Map()));
  let l = byMode.get(relative);
  if (!l)
    byMode.set(
      relative,
      (l = layoutRun(view, relative, {
        retransmit: fmt(S, 'labs.retransmit'),
        oldDuplicate: fmt(S, 'labs.oldDuplicate'),
        attacker: fmt(S, 'labs.attacker'),
        otherClient: fmt(S, 'labs.otherClient'),
      })),
    );
  return l;
}

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;

export function SequenceDiagram({ id, view, relative, step, openStep, title, strings: S }: SequenceDiagramProps) {
  const layout = layoutFor(view, relative, S);
  const height = heightAt(layout, step);
  // The drawing is as tall as the whole run from the start, and its frame shows it down to the current
  // step: a step then changes one box's height, not the SVG's size, which would lay out again every
  // arrow and label placed in percentages (measured: most of a step's layout on a phone's CPU).
  const full = heightAt(layout, layout.bands.length - 1);
  const label = fmt(S, 'labs.seq.diagram', { scenario: title });
  const band = layout.bands[step];
  const arrows = arrowsAt(layout, view, step);
  // The frame takes the keyboard focus: the arrow keys then step the lab (its section listens).
  return (
    <div
      class="seq-frame"
      tabIndex={0}
      role="group"
      aria-label={fmt(S, 'labs.seq.region')}
      style={`height:${height}px;--seq-open-h:${heightAt(layout, openStep)}px`}
    >
      <svg class="seq-svg" width="100%" height={full} role="img" aria-label={label}>
        <defs>
          <marker id={`${id}-ah`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto">
            <path d="M0 0 L10 5 L0 10 z" class="seq-ah" />
          </marker>
        </defs>
        {band ? <rect class="seq-now" x="0" y={band.top} width="100%" height={band.bottom - band.top} /> : null}
        <line class="seq-lane" x1={pct(SEQ.laneA)} x2={pct(SEQ.laneA)} y1="0" y2={full} />
        <line class="seq-lane" x1={pct(SEQ.laneB)} x2={pct(SEQ.laneB)} y1="0" y2={full} />
        {arrows.map((a) => (
          <ArrowLine key={a.id} {...a} marker={`url(#${id}-ah)`} />
        ))}
        {marksAt(layout, step).map((m) => (
          <StateMark key={`${m.side}${m.step}`} {...m} />
        ))}
        {arrows.map((a) => (
          <ArrowLabel key={a.id} id={a.id} from={a.from} x1={a.x1} y1={a.y1} lines={a.lines} current={a.current} />
        ))}
        {arrows.map((a) =>
          a.dropped ? (
            <text key={a.id} class="seq-cross" x={pct(a.x2)} y={a.y2 + 17} text-anchor="middle">
              ✕ {fmt(S, 'labs.lost')}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}

/** One segment's arrow as drawn now (a Memo: a step redraws only the arrows it moved or marked). */
export class ArrowLine extends Memo<ArrowGeom & { marker: string }> {
  render(a: ArrowGeom & { marker: string }) {
    return (
      <line
        class={`seq-arrow seq-from-${a.from}${a.current ? ' seq-current' : ''}${a.dropped ? ' seq-dropped' : ''}${a.partial ? ' seq-partial' : ''}`}
        data-seg={a.id}
        x1={pct(a.x1)}
        y1={a.y1}
        x2={pct(a.x2)}
        y2={a.y2}
        marker-end={a.dropped || a.partial ? undefined : a.marker}
      />
    );
  }
}

/** A state label on a lane, where a step changed that side's state. */
class StateMark extends Memo<StateMarkProps> {
  render(m: StateMarkProps) {
    const w = textWidth(m.state, SEQ_TEXT.state) + 12;
    const x = pct(m.side === 'A' ? SEQ.laneA : SEQ.laneB);
    return (
      <g class={`seq-state${m.step === 0 ? ' seq-state-0' : ''}${m.current ? ' seq-state-current' : ''}`}>
        <rect x={x} y={m.y - 9} width={w} height="18" rx="9" transform={`translate(${-w / 2} 0)`} />
        <text x={x} y={m.y + 4} text-anchor="middle">
          {m.state}
        </text>
      </g>
    );
  }
}

/** A segment's label above where it leaves: flags, tags, numbers (`lines` is the layout's own array). */
export class ArrowLabel extends Memo<Pick<ArrowGeom, 'id' | 'from' | 'x1' | 'y1' | 'lines' | 'current'>> {
  render(a: Pick<ArrowGeom, 'id' | 'from' | 'x1' | 'y1' | 'lines' | 'current'>) {
    const left = a.from === 'A';
    const n = a.lines.length;
    return (
      <text class={`seq-label${a.current ? ' seq-label-current' : ''}`} data-label={a.id} x={pct(a.x1)} dx={left ? 8 : -8} text-anchor={left ? 'start' : 'end'}>
        {a.lines.map((t, i) => (
          <tspan x={pct(a.x1)} dx={left ? 8 : -8} y={a.y1 - 5 - (n - 1 - i) * SEQ.line} class={i ? undefined : 'seq-label-head'}>
            {t}
          </tspan>
        ))}
      </text>
    );
  }
}

/**
 * The drawing ends at the current step with its sentence right under it: once the reader steps,
 * bring that sentence on screen, but never push the labels of this step's arrows under the sticky
 * step bar (an arrow ending now has its label where it left, maybe far up: when they cannot all
 * be on screen, the newest wins). The lab calls it in a task after the frame that drew the step:
 * the browser has laid the step out by then, so reading positions adds no layout of its own, and
 * a scroll paints in a frame of its own rather than in the step's.
 */
export function keepStepInView(root: HTMLElement, sentence: HTMLElement): void {
  const bar = root.querySelector('.seq-bar')!.getBoundingClientRect().bottom + 4;
  const boxes = [...root.querySelectorAll('.seq-label-current')].map((l) => l.getBoundingClientRect());
  const tops = boxes.map((b) => b.top);
  const end = Math.max(0, ...boxes.map((b) => b.bottom));
  // The label that must stay below the bar: the highest one when all fit on screen together, else the newest.
  const fits = end - Math.min(...tops) <= innerHeight - 8 - bar;
  const top = boxes.length ? (fits ? Math.min(...tops) : Math.max(...tops)) : Infinity;
  const dy = sentence.getBoundingClientRect().bottom + 8 - innerHeight;
  const by = top < bar ? top - bar : dy > 0 ? Math.min(dy, top - bar) : 0;
  if (by) scrollBy({ top: by, behavior: 'instant' });
}
