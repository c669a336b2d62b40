/** @jsxImportSource preact */
/**
 * Captures: download the run the page's sequence lab shows as a .pcap (it opens in Wireshark),
 * or open your own pcap/pcapng, pick a connection and replay it in a sequence lab (and the
 * state diagram). Everything happens in the browser; a bad file gives a message, never a crash.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaptureAnalysis } from '../../engine/pcap/index.ts';
import { viewOfConnection } from '../view/capture-view.ts';
import { fmt, type Strings } from '../view/explain.ts';
import { DEFAULT_KNOBS } from '../view/knobs.ts';
import { subscribe, type LabRun } from '../client/lab-bus.ts';
import SequenceLab from './sequence-lab.tsx';
import { saveFile } from '../client/save-file.ts';

export interface CaptureLabProps {
  id: string;
  /** Scenario to export when no sequence lab on the page has run one. */
  scenario: string;
  /** That scenario's title in the page's language (the button names the run by its title, not its id). */
  title: string;
  strings: Strings;
}

/** Largest file the lab will read; the reader has its own limits, this one spares the tab's memory first. */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

/** Error codes the capture reader throws that have their own sentence; others get a general one. */
const KNOWN_ERRORS = ['bad-magic', 'too-short', 'truncated', 'bad-block-length', 'too-large', 'bad-block', 'bad-header', 'bad-length', 'unsupported-linktype', 'too-many-packets', 'too-many-interfaces', 'no-tcp', 'empty', 'read'];

/** A reader-facing message for a failure: the sentence for its code, then where in the file. */
export function captureErrorText(S: Strings, e: unknown): string {
  const err = e as { code?: string; offset?: number; packet?: number; detail?: string; message?: string } | null;
  const code = err?.code && KNOWN_ERRORS.includes(err.code) ? err.code : 'other';
  let text = fmt(S, `labs.cap.err.${code}`);
  if (err?.packet !== undefined) text += ` ${fmt(S, 'labs.cap.where.packet', { packet: err.packet })}`;
  if (err?.offset !== undefined) text += ` ${fmt(S, 'labs.cap.where.offset', { offset: err.offset })}`;
  if (err?.detail) text += ` (${err.detail})`;
  return text;
}

/** The capture lab. */
export default function CaptureLab({ id, scenario, title, strings: S }: CaptureLabProps) {
  const [run, setRun] = useState<LabRun | null>(null);
  const [live, setLive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [analysis, setAnalysis] = useState<CaptureAnalysis | null>(null);
  const [pick, setPick] = useState(0);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setLive(true);
    return subscribe('run', setRun);
  }, []);

  const download = async () => {
    setError(null);
    try {
      const which = run ?? { source: id, title, scenario, knobs: {} };
      const [{ runLab, loadScenario }, { traceToPcap }] = await Promise.all([import('../view/engine-adapter.ts'), import('../../engine/pcap/export.ts')]);
      const def = await loadScenario(which.scenario);
      if (!def) throw new Error(`unknown scenario "${which.scenario}"`);
      const r = runLab(def, which.knobs);
      if (!r.ok) throw new Error(r.message);
      const name = `${which.scenario}.pcap`;
      saveFile(traceToPcap(r.trace), name, 'application/vnd.tcpdump.pcap');
      setStatus(fmt(S, 'labs.cap.downloaded', { name }));
    } catch (e) {
      setError(captureErrorText(S, e));
    }
  };

  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setAnalysis(null);
    setFileName(file.name);
    if (file.size === 0) return setError(captureErrorText(S, { code: 'empty' }));
    if (file.size > MAX_OPEN_BYTES) return setError(captureErrorText(S, { code: 'too-large' }));
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { analyseCapture } = await import('../../engine/pcap/index.ts');
      const a = analyseCapture(bytes);
      if (a.report.connections.length === 0) {
        setError(captureErrorText(S, { code: 'no-tcp' }));
      } else {
        setAnalysis(a);
        setPick(0);
        setStatus(fmt(S, 'labs.cap.opened', { name: file.name, n: a.report.connections.length, packets: a.packets }));
      }
    } catch (err) {
      setError(captureErrorText(S, err));
    } finally {
      setBusy(false);
    }
  };

  const conn = analysis?.report.connections[pick];
  const replay = conn ? { title: `${fileName}: ${conn.a} ↔ ${conn.b}`, view: viewOfConnection(conn) } : null;
  return (
    <section class={`lab cap${live ? ' is-live' : ''}`} id={id} aria-label={fmt(S, 'labs.cap.title')} data-pagefind-ignore>
      <h3 class="lab-title">{fmt(S, 'labs.cap.title')}</h3>
      <p class="cap-noscript">{fmt(S, 'labs.cap.intro')}</p>
      <div class="cap-controls">
        <button type="button" onClick={download}>{fmt(S, 'labs.cap.download', { scenario: run?.title ?? title })}</button>
        <label class="lab-field">
          {fmt(S, 'labs.cap.open')}{' '}
          <input type="file" accept=".pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap" onChange={open} disabled={busy} />
        </label>
      </div>
      <p class="lab-note" aria-live="polite">{busy ? fmt(S, 'labs.cap.reading') : status}</p>
      {error ? <p class="lab-error" role="alert">{error}</p> : null}
      {analysis ? (
        <div class="cap-result">
          <label class="lab-field">
            {fmt(S, 'labs.cap.pick')}{' '}
            <select value={String(pick)} onChange={(e) => setPick(Number((e.currentTarget as HTMLSelectElement).value))}>
              {analysis.report.connections.map((c, i) => (
                <option key={i} value={String(i)}>
                  {fmt(S, 'labs.cap.connection', { a: c.a, b: c.b, n: c.segments.length })}
                </option>
              ))}
            </select>
          </label>
          {analysis.warnings.length > 0 ? (
            <details>
              <summary>{fmt(S, 'labs.cap.warnings', { n: analysis.warnings.length })}</summary>
              <ul>
                {analysis.warnings.slice(0, 50).map((w, i) => (
                  <li key={i}>
                    <code>{w.code}</code> {w.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {replay ? <SequenceLab key={`${fileName}-${pick}`} id={`${id}-replay`} scenario="normal-open" title={replay.title} strings={S} replay={replay} initial={{ ok: true, view: replay.view, base: DEFAULT_KNOBS }} /> : null}
        </div>
      ) : null}
    </section>
  );
}
