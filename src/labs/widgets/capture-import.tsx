/** @jsxImportSource preact */
/**
 * Opening the reader's own capture, without freezing the page at any size the lab accepts: the
 * file is read and analysed in a Web Worker (client/capture-worker.ts) with a progress bar and a
 * Cancel button (the page hands the worker the File itself and never copies its bytes); the page
 * asks the worker for one page of the searchable connection list, one connection's replay (the
 * first REPLAY_CAP segments, with the CLI command for the rest; capture-replay.tsx puts it on the
 * page a part per frame), and the rows of the all-segments table as they scroll into view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionPage } from '../view/capture-list.ts';
import { fmt, type Strings } from '../view/explain.ts';
import type { WorkerAnswer, WorkerAsk, WorkerError } from '../client/capture-protocol.ts';
import type { RowsListener } from './capture-rows.tsx';
import { ConnectionList } from './capture-conns.tsx';
import { afterNextPaint, CaptureReplay, type Replay } from './capture-replay.tsx';
import { LabStatus } from './lab-status.tsx';

interface Opened {
  name: string;
  packets: number;
  connections: number;
  warnings: { code: string; message: string }[];
  warningCount: number;
}

export interface CaptureImportProps {
  id: string;
  strings: Strings;
  /** The page's message for a failure (shared with the download). */
  errorText: (e: unknown) => string;
  maxBytes: number;
}

/** The part of a Worker the lab uses. */
type Port = Pick<Worker, 'postMessage' | 'terminate'>;

/** The import worker; where a browser (or a test DOM) has no Worker, the same session in the page. */
async function startWorker(onAnswer: (m: WorkerAnswer) => void, onFail: () => void): Promise<Port> {
  if (typeof Worker === 'undefined') {
    const { captureSession } = await import('../client/capture-session.ts');
    let alive = true;
    const answer = captureSession((m) => alive && onAnswer(m));
    return { postMessage: (m: WorkerAsk) => setTimeout(() => alive && answer(m), 0), terminate: () => (alive = false) } as unknown as Port;
  }
  const w = new Worker(new URL('../client/capture-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (ev: MessageEvent<WorkerAnswer>) => onAnswer(ev.data);
  w.onerror = onFail;
  return w;
}

/** The open-your-capture part of the capture lab. */
export default function CaptureImport({ id, strings: S, errorText, maxBytes }: CaptureImportProps) {
  const worker = useRef<Port | null>(null);
  const asked = useRef(0);
  /** Counts picks and cancels: a worker started for an older one is ended at once. */
  const opening = useRef(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ConnectionPage | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const rowsTo: RowsListener = useRef(null);
  const name = useRef('');
  /** Cancels a replay still waiting for its frame (a newer pick or another file replaces it). */
  const unmount = useRef<() => void>(() => undefined);

  // One function for the component's life: the memoised replay below keeps it.
  const ask = useRef((m: WorkerAsk) => worker.current?.postMessage(m)).current;
  useEffect(
    () => () => {
      opening.current++;
      worker.current?.terminate();
    },
    [],
  );

  const onAnswer = (m: WorkerAnswer) => {
    if (m.type !== 'progress' && m.type !== 'rows' && m.type !== 'list') setProgress(null);
    if (m.type === 'progress') setProgress(m.total > 0 ? m.read / m.total : 0);
    else if (m.type === 'error') setError(errorText(m.error satisfies WorkerError));
    else if (m.type === 'opened') {
      if (m.connections === 0) return setError(errorText({ code: 'no-tcp' }));
      setOpened({ name: name.current, ...m });
      setStatus(fmt(S, 'labs.cap.opened', { name: name.current, n: m.connections, packets: m.packets }));
      ask({ type: 'list', ask: ++asked.current, query: '', page: 0 });
      ask({ type: 'view', index: 0 });
    } else if (m.type === 'list' && m.ask === asked.current) setList(m);
    else if (m.type === 'view') {
      // The list paints first; the replay (the costliest part) mounts in a task of its own after it.
      setReplay(null);
      unmount.current();
      unmount.current = afterNextPaint(() => setReplay(m));
    } else if (m.type === 'rows') rowsTo.current?.(m.from, m.rows);
  };

  const cancel = () => {
    opening.current++;
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
    setStatus(fmt(S, 'labs.cap.cancelled'));
  };

  const open = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // the same file can be picked again (after Cancel, say)
    const mine = ++opening.current;
    unmount.current();
    for (const clear of [setError, setOpened, setList, setReplay]) clear(null);
    setStatus('');
    name.current = file.name;
    if (file.size === 0) return setError(errorText({ code: 'empty' }));
    if (file.size > maxBytes) return setError(errorText({ code: 'too-large' }));
    worker.current?.terminate();
    worker.current = null;
    setProgress(0);
    // Starting a worker takes the main thread a few ms (about 6 on Lighthouse's slowed phone CPU):
    // done in a task after the progress bar is painted, not in the pick's task with its render.
    afterNextPaint(async () => {
      const w = await startWorker(onAnswer, () => {
        setProgress(null);
        setError(errorText({ code: 'other' }));
      });
      // Cancelled, or another file picked, while the worker started.
      if (mine !== opening.current) return w.terminate();
      worker.current = w;
      ask({ type: 'open', file, maxBytes });
    });
  };

  const search = (q: string, page: number) => {
    setQuery(q);
    ask({ type: 'list', ask: ++asked.current, query: q, page });
  };

  // The same element while the replay is the same: typing a search, a new page of the list or a
  // status line then re-renders the list only, never the replayed lab (Preact skips an unchanged element).
  const replayed = useMemo(
    () => (replay && opened ? <CaptureReplay key={replay.index} id={id} file={opened.name} replay={replay} S={S} ask={ask} rowsTo={rowsTo} /> : null),
    [replay, opened],
  );
  const busy = progress !== null;
  return (
    <div class="cap-import">
      <label class="lab-field">
        {fmt(S, 'labs.cap.open')}{' '}
        <input type="file" accept=".pcap,.pcapng,.cap,.dmp,.gz,application/vnd.tcpdump.pcap,application/gzip" onChange={open} disabled={busy} />
      </label>
      {progress !== null ? <ReadProgress S={S} progress={progress} cancel={cancel} /> : null}
      <LabStatus status={busy ? fmt(S, 'labs.cap.reading') : status} error={error} />
      {opened && list ? (
        <div class="cap-result">
          <ConnectionList list={list} query={query} picked={replay?.index} S={S} search={search} pick={(index) => ask({ type: 'view', index })} />
          {opened.warningCount > 0 ? <Warnings S={S} opened={opened} /> : null}
          {replayed}
        </div>
      ) : null}
    </div>
  );
}

/** How much of the file the worker has read, with Cancel. */
function ReadProgress({ S, progress, cancel }: { S: CaptureImportProps['strings']; progress: number; cancel: () => void }) {
  return (
    <div class="cap-progress">
      <progress max={1} value={progress} aria-label={fmt(S, 'labs.cap.reading')} />
      <span>{fmt(S, 'labs.cap.progress', { percent: Math.round(progress * 100) })}</span>
      <button type="button" onClick={cancel}>
        {fmt(S, 'labs.cap.cancel')}
      </button>
    </div>
  );
}

/** What looked odd in the file, folded away. */
function Warnings({ S, opened }: { S: CaptureImportProps['strings']; opened: Opened }) {
  return (
    <details>
      <summary>{fmt(S, 'labs.cap.warnings', { n: opened.warningCount })}</summary>
      <ul>
        {opened.warnings.map((w, i) => (
          <li key={i}>
            <code>{w.code}</code> {w.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
