/** @jsxImportSource preact */
/**
 * The capture lab's table of every segment of one connection, virtualised: only the rows in view
 * (plus a few) are in the page, asked of the import worker in chunks as the reader scrolls.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { flagNotation } from '../../engine/segment.ts';
import type { TraceRow } from '../../engine/pcap/index.ts';
import { fmt, type Strings } from '../view/explain.ts';
import type { WorkerAsk } from '../client/capture-protocol.ts';

/** Height of one row, in CSS px (labs.css sets the same). */
const ROW_H = 28;
/** Rows asked of the worker at a time. */
export const CHUNK = 200;

/** Where rows arriving from the worker are handed to the table on screen. */
export type RowsListener = { current: ((from: number, rows: TraceRow[]) => void) | null };

export /** The all-segments table of one connection: only the rows in view are in the DOM. */
function RowTable({ ask, replay, listen, S }: { ask: (m: WorkerAsk) => void; replay: { index: number; segments: number }; listen: RowsListener; S: Strings }) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // Rows arrive here, not in the parent: a chunk of rows then re-renders this table only, never the replay.
  const [rows, setRows] = useState<Map<number, TraceRow[]>>(new Map());
  useEffect(() => {
    listen.current = (from, got) => setRows((was) => new Map(was).set(Math.floor(from / CHUNK), got));
    return () => {
      listen.current = null;
    };
  }, [replay.index]);
  const height = 320;
  const first = Math.max(0, Math.floor(top / ROW_H) - 5);
  const last = Math.min(replay.segments, Math.ceil((top + height) / ROW_H) + 5);
  useEffect(() => {
    for (let c = Math.floor(first / CHUNK); c * CHUNK < last; c++) if (!rows.has(c)) ask({ type: 'rows', index: replay.index, from: c * CHUNK, count: CHUNK });
  }, [first, last, replay.index]);
  const shown: { n: number; r: TraceRow | undefined }[] = [];
  for (let n = first; n < last; n++) shown.push({ n, r: rows.get(Math.floor(n / CHUNK))?.[n % CHUNK] });
  const onScroll = () => {
    const y = box.current?.scrollTop ?? 0;
    requestAnimationFrame(() => setTop(y));
  };
  return (
    <div class="cap-rows" ref={box} onScroll={onScroll} tabIndex={0} role="region" aria-label={fmt(S, 'labs.cap.rows', { n: replay.segments })}>
      <table class="lab-table cap-rows-table" aria-rowcount={replay.segments + 1}>
        <caption class="sr-only">{fmt(S, 'labs.cap.rows', { n: replay.segments })}</caption>
        <thead>
          <tr>
            {(
              [
                'labs.cap.col.packet',
                'labs.table.time',
                'labs.table.dir',
                'labs.table.flags',
                'labs.table.seq',
                'labs.table.ack',
                'labs.table.len',
                'labs.table.stateA',
                'labs.table.stateB',
              ] as const
            ).map((k) => (
              <th scope="col" key={k}>
                {fmt(S, k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr aria-hidden="true" style={{ height: `${first * ROW_H}px` }} />
          {shown.map(({ n, r }) => (
            <tr key={n} aria-rowindex={n + 2} style={{ height: `${ROW_H}px` }}>
              {r ? (
                <>
                  <td>{r.packet}</td>
                  <td>{r.t.toFixed(6)}</td>
                  <td>{r.from === 'A' ? 'A → B' : 'B → A'}</td>
                  <td>{flagNotation(r.flags)}</td>
                  <td>{r.seq}</td>
                  <td>{r.ack ?? ''}</td>
                  <td>{r.len}</td>
                  <td>{r.stateA ?? '?'}</td>
                  <td>{r.stateB ?? '?'}</td>
                </>
              ) : (
                <td colSpan={9}>…</td>
              )}
            </tr>
          ))}
          <tr aria-hidden="true" style={{ height: `${(replay.segments - last) * ROW_H}px` }} />
        </tbody>
      </table>
    </div>
  );
}
