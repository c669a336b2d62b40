/** @jsxImportSource preact */
/**
 * One connection of the reader's capture, replayed in a sequence lab and put on the page a little
 * at a time, so that no main-thread task is long even on a slow phone: first the lab at its first
 * step without its tables, then the tables with the trace table's rows a few per frame, then the
 * virtualised table of every segment (for a connection longer than the replay) and the button that
 * rebuilds the connection as a workshop scenario. Each part waits until the page has painted the
 * one before it, so its style, layout and paint fall into a frame of their own.
 */
import { useEffect, useState } from 'preact/hooks';
import { REPLAY_CAP } from '../view/capture-list.ts';
import { fmt, type Strings } from '../view/explain.ts';
import { DEFAULT_KNOBS } from '../view/knobs.ts';
import type { LabView } from '../view/trace-view.ts';
import type { WorkerAsk } from '../client/capture-protocol.ts';
import SequenceLab from './sequence-lab-host.tsx';
import { RowTable, type RowsListener } from './capture-rows.tsx';
import { CaptureRebuild } from './capture-rebuild.tsx';

/** One connection's replay, as the import worker sends it. */
export interface Replay {
  index: number;
  a: string;
  b: string;
  segments: number;
  cut: boolean;
  view: LabView;
}

/** Trace-table rows added per frame (about 12 elements each): a few milliseconds on Lighthouse's slowed phone CPU. */
export const ROWS_PER_FRAME = 4;

/** Calls `fn` in a task of its own after the next frame has been painted; returns a cancel function. */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export interface CaptureReplayProps {
  /** The capture lab's id: the replay lab is `${id}-replay`. */
  id: string;
  /** The capture file's name (the title, and the CLI command for a cut connection). */
  file: string;
  replay: Replay;
  S: Strings;
  ask: (m: WorkerAsk) => void;
  rowsTo: RowsListener;
}

/** The replay of one connection (give it a `key` per connection: its rows start again from none). */
export function CaptureReplay({ id, file, replay, S, ask, rowsTo }: CaptureReplayProps) {
  const total = replay.view.segments.length;
  const [rows, setRows] = useState(0);
  useEffect(() => (rows < total ? afterNextPaint(() => setRows((r) => Math.min(total, r + ROWS_PER_FRAME))) : undefined), [rows, total]);
  const title = `${file}: ${replay.a} ↔ ${replay.b}`;
  return (
    <>
      {replay.cut ? <p class="lab-note cap-cut">{fmt(S, 'labs.cap.cut', { n: replay.segments, cap: REPLAY_CAP, cmd: `npm run trace -- ${file}` })}</p> : null}
      <SequenceLab
        id={`${id}-replay`}
        scenario="normal-open"
        title={title}
        strings={S}
        step={0}
        tableRows={rows}
        replay={{ title, view: replay.view }}
        initial={{ ok: true, view: replay.view, base: DEFAULT_KNOBS }}
      />
      {rows >= total ? (
        <>
          {replay.cut ? <RowTable ask={ask} replay={replay} listen={rowsTo} S={S} /> : null}
          <CaptureRebuild S={S} view={replay.view} cut={replay.cut} />
        </>
      ) : null}
    </>
  );
}
