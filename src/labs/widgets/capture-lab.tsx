/** @jsxImportSource preact */
/**
 * Captures: download the run the page's sequence lab shows as a .pcap (it opens in Wireshark),
 * or open your own pcap/pcapng, pick a connection and replay it in a sequence lab (and the
 * state diagram). Everything happens in the browser; a bad file gives a message, never a crash.
 */
import { useEffect, useState } from 'preact/hooks';
import { fmt, type Strings } from '../view/explain.ts';
import { subscribe, type LabRun } from '../client/lab-bus.ts';
import CaptureImport from './capture-import.tsx';
import { saveFile } from '../client/save-file.ts';
import { LabStatus } from './lab-status.tsx';

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
const KNOWN_ERRORS = [
  'bad-magic',
  'too-short',
  'truncated',
  'bad-block-length',
  'too-large',
  'bad-block',
  'bad-header',
  'bad-length',
  'unsupported-linktype',
  'too-many-packets',
  'too-many-interfaces',
  'no-tcp',
  'empty',
  'read',
  'bad-gzip',
];

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
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setLive(true);
    return subscribe('run', setRun);
  }, []);

  const download = async () => {
    setError(null);
    try {
      const which = run ?? { source: id, title, scenario, knobs: {} };
      const [{ runLab, loadScenario, withParts }, { traceToPcap }] = await Promise.all([
        import('../view/engine-adapter.ts'),
        import('../../engine/pcap/export.ts'),
      ]);
      const def = await loadScenario(which.scenario);
      if (!def) throw new Error(`unknown scenario "${which.scenario}"`);
      const r = await withParts(() => runLab(def, which.knobs));
      if (!r.ok) throw new Error(r.message);
      const name = `${which.scenario}.pcap`;
      saveFile(traceToPcap(r.trace), name, 'application/vnd.tcpdump.pcap');
      setStatus(fmt(S, 'labs.cap.downloaded', { name }));
    } catch (e) {
      setError(captureErrorText(S, e));
    }
  };

  return (
    <section class={`lab cap${live ? ' is-live' : ''}`} id={id} aria-label={fmt(S, 'labs.cap.title')} data-pagefind-ignore>
      <h3 class="lab-title">{fmt(S, 'labs.cap.title')}</h3>
      <p class="cap-noscript">{fmt(S, 'labs.cap.intro')}</p>
      <div class="cap-controls">
        <button type="button" onClick={download}>
          {fmt(S, 'labs.cap.download', { scenario: run?.title ?? title })}
        </button>
      </div>
      <LabStatus status={status} error={error} />
      <CaptureImport id={id} strings={S} errorText={(e) => captureErrorText(S, e)} maxBytes={MAX_OPEN_BYTES} />
    </section>
  );
}
