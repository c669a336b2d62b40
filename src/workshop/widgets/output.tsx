/** @jsxImportSource preact */
/**
 * The workshop's output: why a scenario cannot run, or its run in the book's sequence lab (the
 * page's state diagram follows it), plus sharing and files: copy the link, download JSON or pcap,
 * open a JSON file.
 */
import SequenceLab from '../../labs/widgets/sequence-lab-host.tsx';
import { DEFAULT_KNOBS } from '../../labs/view/knobs.ts';
import type { LabView } from '../../labs/view/trace-view.ts';
import type { Trace } from '../../engine/types.ts';
import type { Problem, WorkshopScenario } from '../model/scenario.ts';
import { problemMessage, type Strings } from '../model/describe.ts';
import { scenarioFromJson, scenarioToJson } from '../model/json.ts';
import { mdxTag } from '../model/url.ts';
import { say } from './fields.tsx';
import { saveFile } from '../../labs/client/save-file.ts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

type Maker = FunctionComponent<{ id: string; S: Strings; s: WorkshopScenario }>;

/**
 * What the output shows: a run (trace null until the browser ran it itself) or the problems. `n`
 * counts runs, so the lab restarts on each; `hash` is the scenario's link, written to the address
 * bar once the run is on screen (null for the build's own run).
 */
export type Shown = ({ ok: true; view: LabView; summary: string; trace: Trace | null } | { ok: false; problems: Problem[] }) & {
  n: number;
  hash: string | null;
};

interface OutputProps {
  id: string;
  S: Strings;
  s: WorkshopScenario;
  shown: Shown;
  onImport: (s: WorkshopScenario) => void;
  onNote: (text: string) => void;
}

export function Output({ id, S, s, shown, onImport, onNote }: OutputProps) {
  // The quiz maker and the quiz code load only when the reader asks for them.
  const [maker, setMaker] = useState<{ C: Maker | null; open: boolean }>({ C: null, open: false });
  const toggleQuiz = async (): Promise<void> => {
    if (maker.open) return setMaker({ ...maker, open: false });
    if (maker.C) return setMaker({ ...maker, open: true });
    onNote(say(S, 'workshop.quiz.loading'));
    try {
      const m = await import('./quiz-maker.tsx');
      setMaker({ C: m.default, open: true });
      onNote('');
    } catch (e) {
      onNote(say(S, 'workshop.quiz.load-failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  const Quiz = maker.open ? maker.C : null;
  // The review page links back with ?quiz: the run's saved quiz opens at once.
  useEffect(() => {
    if (new URLSearchParams(location.search).has('quiz')) void toggleQuiz();
  }, []);
  // One lab for the page's life, given each new run (an edit re-renders this component before its run is
  // ready: the same element then tells Preact to leave the lab alone).
  const view = shown.ok ? shown.view : null;
  const lab = useMemo(
    () =>
      view ? (
        <SequenceLab
          id={`${id}-lab`}
          scenario="normal-open"
          title={say(S, 'workshop.run.title')}
          strings={S}
          replay={{ title: say(S, 'workshop.run.title'), view }}
          initial={{ ok: true, view, base: DEFAULT_KNOBS }}
        />
      ) : null,
    [view, S, id],
  );
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      onNote(say(S, 'workshop.copied'));
    } catch {
      onNote(say(S, 'workshop.copy-failed'));
    }
  };
  const pcap = async (): Promise<void> => {
    const [{ traceToPcap }, { runWorkshopLoaded }] = await Promise.all([import('../../engine/pcap/export.ts'), import('../model/run.ts')]);
    const r = await runWorkshopLoaded(s);
    if (!r.ok) return;
    saveFile(traceToPcap(r.trace), 'workshop.pcap', 'application/vnd.tcpdump.pcap');
    onNote(say(S, 'workshop.downloaded', { name: 'workshop.pcap' }));
  };
  const mdx = async (): Promise<void> => {
    const tag = mdxTag(location.hash, say(S, 'workshop.mdx.title'));
    try {
      await navigator.clipboard.writeText(tag);
      onNote(say(S, 'workshop.mdx.copied'));
    } catch {
      onNote(say(S, 'workshop.mdx.failed', { tag }));
    }
  };
  const json = (): void => {
    saveFile(scenarioToJson(s), 'workshop.json', 'application/json');
    onNote(say(S, 'workshop.downloaded', { name: 'workshop.json' }));
  };
  const open = async (e: Event): Promise<void> => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const r = scenarioFromJson(await file.text());
    if (r.ok) onImport(r.scenario);
    else onNote(say(S, `workshop.import.${r.code}`, { detail: r.detail }));
  };
  return (
    <section class="ws-block ws-out" aria-labelledby={`${id}-run`}>
      <h2 id={`${id}-run`}>{say(S, 'workshop.run')}</h2>
      <div class="ws-inline ws-files">
        <button type="button" onClick={copy}>
          {say(S, 'workshop.share')}
        </button>
        <button type="button" onClick={mdx} disabled={!shown.ok}>
          {say(S, 'workshop.mdx')}
        </button>
        <button type="button" onClick={json}>
          {say(S, 'workshop.export.json')}
        </button>
        <button type="button" onClick={pcap} disabled={!shown.ok}>
          {say(S, 'workshop.export.pcap')}
        </button>
        <label class="ws-file">
          <span>{say(S, 'workshop.import.json')}</span>
          <input id={`${id}-import`} type="file" accept=".json,application/json" onChange={open} />
        </label>
      </div>
      {shown.ok ? (
        <>
          <p class="ws-summary" data-testid="ws-summary">
            {shown.summary}
          </p>
          {lab}
          <div class="ws-inline ws-quiz-open">
            <button type="button" aria-expanded={maker.open} aria-controls={`${id}-quiz`} onClick={() => void toggleQuiz()} data-testid="ws-quiz-toggle">
              {say(S, 'workshop.quiz.make')}
            </button>
          </div>
          <div id={`${id}-quiz`}>{Quiz ? <Quiz id={id} S={S} s={s} /> : null}</div>
        </>
      ) : (
        <div class="ws-problems" role="alert">
          <p>{say(S, 'workshop.err.title')}</p>
          <ul>
            {shown.problems.map((p, i) => (
              <li key={i}>{problemMessage(S, p)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
