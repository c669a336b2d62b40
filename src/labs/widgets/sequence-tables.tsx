/** @jsxImportSource preact */
// @labRender: in the browser this JSX is drawn by ../client/lab-render.ts, not by Preact (sequence-lab-host.tsx).
/**
 * The sequence lab's text forms: both sides' variables after the current step (a disclosure, for
 * readers who want the numbers) and every segment of the run (the table a reader without JS gets).
 */
import { flagNotation } from '../../engine/segment.ts';
import type { Side } from '../../engine/types.ts';
import { fmt, formatTime, type Strings } from '../view/explain.ts';
import { bases, showNumber, type LabView, type ViewSegment } from '../view/trace-view.ts';
import { Memo } from './memo.ts';

const VARS = [
  ['sndUna', 'SND.UNA'],
  ['sndNxt', 'SND.NXT'],
  ['rcvNxt', 'RCV.NXT'],
] as const;

export interface TableProps {
  view: LabView;
  step: number;
  relative: boolean;
  strings: Strings;
  /** The trace table lists the first `limit` segments (all when absent); at 0 neither table is drawn yet (SequenceLabProps.tableRows). */
  limit?: number | undefined;
}

/** Each side's state and sequence variables after this step, what changed marked ▲ with its old value. */
export function VarsTable({ view, step, relative, strings: S, limit }: TableProps) {
  if (limit === 0) return null;
  const cur = view.steps[step] ?? view.steps[0]!;
  const prev = view.steps[step - 1];
  const was = (v: string | number | null) => <span class="lab-was"> ▲ {fmt(S, 'labs.vars.was', { v: v ?? '–' })}</span>;
  const varCell = (side: Side, key: (typeof VARS)[number][0]) => {
    const base = key === 'rcvNxt' ? view.iss[side === 'A' ? 'B' : 'A'] : view.iss[side];
    const v = cur[side][key];
    const old = prev ? prev[side][key] : v;
    const changed = prev !== undefined && old !== v;
    return (
      <td class={changed ? 'lab-changed' : undefined}>
        {showNumber(v, base, relative)}
        {changed ? was(showNumber(old ?? null, base, relative)) : null}
      </td>
    );
  };
  const stateCell = (side: Side) => {
    const ch = cur.changed[side];
    return (
      <td class={ch ? 'lab-changed' : undefined}>
        {cur[side].state ?? '?'}
        {ch ? was(ch.from) : null}
      </td>
    );
  };
  return (
    <details class="lab-more">
      <summary>{fmt(S, 'labs.vars.title')}</summary>
      <div class="lab-scroll">
        <table class="lab-vars">
          <thead>
            <tr>
              <td></td>
              <th scope="col">{fmt(S, 'labs.lane.A')}</th>
              <th scope="col">{fmt(S, 'labs.lane.B')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{fmt(S, 'labs.vars.state')}</th>
              {stateCell('A')}
              {stateCell('B')}
            </tr>
            {VARS.map(([key, name]) => (
              <tr>
                <th scope="row">{name}</th>
                {varCell('A', key)}
                {varCell('B', key)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Every segment of the run (the first `limit`, when given) with both states after it: the lab's text form, and all a reader without JS gets. */
export function TraceTable({ view, step, relative, strings: S, limit }: TableProps) {
  if (limit === 0) return null;
  return (
    <div class="lab-scroll lab-trace-box" tabIndex={0} role="group" aria-label={fmt(S, 'labs.table.caption')}>
      <table class="lab-trace">
        <caption>{fmt(S, 'labs.table.caption')}</caption>
        <thead>
          <tr>
            {['n', 'time', 'dir', 'flags', 'seq', 'ack', 'len', 'fate', 'stateA', 'stateB'].map((c) => (
              <th scope="col">{fmt(S, `labs.table.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.segments.slice(0, limit).map((s) => (
            <TraceRow key={s.id} view={view} seg={s} current={s.sendStep === step || s.endStep === step} relative={relative} strings={S} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface TraceRowProps {
  view: LabView;
  seg: ViewSegment;
  /** Sent or ended in the current step. */
  current: boolean;
  relative: boolean;
  strings: Strings;
}

/** One segment's row. A step re-renders only the rows whose `current` changed (Memo). */
export class TraceRow extends Memo<TraceRowProps> {
  render({ view, seg: s, current, relative, strings: S }: TraceRowProps) {
    const end = view.steps[s.endStep ?? view.steps.length - 1] ?? view.steps[view.steps.length - 1]!;
    const b = bases(view, s.from);
    const fate = s.fate === 'dropped' ? `✕ ${fmt(S, 'labs.lost')}` : s.fate === 'delivered' ? fmt(S, 'labs.table.delivered') : fmt(S, 'labs.table.inFlight');
    return (
      <tr class={current ? 'lab-row-current' : undefined} aria-current={current ? 'step' : undefined}>
        <td>
          <span class="lab-cur-mark" aria-hidden={current ? undefined : 'true'}>
            ▶{' '}
          </span>
          {s.id}
        </td>
        <td>{formatTime(view.steps[s.sendStep]?.t ?? 0)}</td>
        <td>{s.from === 'A' ? 'A → B' : 'B → A'}</td>
        <td>{flagNotation(s.flags)}</td>
        <td>{showNumber(s.seq, b.seq, relative)}</td>
        <td>{showNumber(s.ack, b.ack, relative)}</td>
        <td>{s.len}</td>
        <td>{fate}</td>
        <td>{end.A.state ?? '?'}</td>
        <td>{end.B.state ?? '?'}</td>
      </tr>
    );
  }
}
