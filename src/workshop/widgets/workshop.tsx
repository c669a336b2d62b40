/** @jsxImportSource preact */
/**
 * The scenario workshop: the builder (hosts, knobs, calls, faults), the run in the book's own
 * sequence lab, and sharing (the URL hash holds the scenario), JSON and pcap export. Rendered at
 * build time with the default scenario's run; in the browser a link's scenario replaces it. The
 * engine loads on the first run (run.ts), the built-in scenarios only when the reader loads one.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LabView } from '../../labs/view/trace-view.ts';
import type { ScenarioKnobs, Trace } from '../../engine/types.ts';
import { readWorkshopHash } from '../model/from-link.ts';
import type { Problem, WorkshopScenario } from '../model/scenario.ts';
import { decodeMessage, problemMessage, runSummary, type Strings } from '../model/describe.ts';
import { decodeScenario, encodeScenario } from '../model/url.ts';
import { Select, say } from './fields.tsx';
import { RowList } from './row-list.tsx';
import { Settings, type Change } from './settings.tsx';
import { Output, type Shown } from './output.tsx';
import { nextTask } from '../../labs/client/next-task.ts';

/** No problems: one array, so the memoised form (drawn again when the scenario or its problems change, not when a run arrives) sees "unchanged". */
const NONE: Problem[] = [];
/**
 * The run's code (the engine and the run module): fetched and evaluated when the reader starts
 * editing (focus or touch in the builder), so evaluating it is a task of its own while they type,
 * not part of the first edit's. It still loads on the first edit, not with the page.
 */
const runCode = () => import('../model/run.ts');
let warmed = false;
const warm = (): void => {
  if (!warmed) void runCode().catch(() => undefined);
  warmed = true;
};
/** How long the engine runs before it lets the page go on (ms of the page's clock; a phone's task budget is 50). */
const SLICE_MS = 8;

export interface WorkshopProps {
  id: string;
  strings: Strings;
  /** The built-in scenarios the reader can start from, titled in the page's language. */
  chapters: { id: string; title: string }[];
  scenario: WorkshopScenario;
  /** The default scenario's run, computed at build time. */
  initial: { view: LabView; summary: string };
}

export default function Workshop({ id, strings: S, chapters, scenario: first, initial }: WorkshopProps) {
  const [s, setS] = useState(first);
  const [shown, setShown] = useState<Shown>({ ok: true, view: initial.view, summary: initial.summary, trace: null, n: 0, hash: null });
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string[]>([]);
  const [pick, setPick] = useState(chapters[0]?.id ?? '');
  const runs = useRef(0);

  /** Runs `next` (loading the engine the first time); `linked`: the fingerprint a shared link expects. */
  const run = async (next: WorkshopScenario, linked: string | null = null, said = ''): Promise<void> => {
    const n = ++runs.current;
    const stale = (): boolean => n !== runs.current;
    const { runWorkshopInSlices } = await runCode();
    // Each part in tasks of its own (form, engine slices, view, lab); a newer edit made meanwhile drops this run.
    const r = await runWorkshopInSlices(next, { now: () => performance.now(), pause: nextTask, sliceMs: SLICE_MS, stale });
    if (!r) return;
    if (!r.ok) {
      setShown({ ok: false, problems: r.problems, n, hash: encodeScenario(next) });
      return setNote(`${said} ${say(S, 'workshop.err.title')} ${r.problems.map((p) => problemMessage(S, p)).join(' ')}`.trim());
    }
    const { viewOfTrace } = await import('../../labs/view/trace-view.ts');
    await nextTask();
    if (stale()) return;
    const view = viewOfTrace(r.trace);
    await nextTask();
    if (stale()) return;
    const summary = runSummary(S, { segments: r.segments, lost: r.lost, final: r.trace.final });
    setShown({ ok: true, view, summary, trace: r.trace as Trace, n, hash: encodeScenario(next, r.fingerprint) });
    if (linked && linked !== r.fingerprint) setNotice((old) => [...old, say(S, 'workshop.changed', { old: linked, now: r.fingerprint })]);
    setNote(`${said} ${summary}`.trim());
  };

  /** The scenario as last edited: two edits before a re-render must not start from the same old one. */
  const latest = useRef(first);
  const change: Change = (next, said) => {
    const s2 = typeof next === 'function' ? next(latest.current) : next;
    latest.current = s2;
    // The form is drawn again in a task of its own: the event that changed it (a Tab, a click) ends first.
    void nextTask().then(() => setS(latest.current));
    void run(s2, null, said);
  };

  /** A built-in scenario, run with a lab's knobs when it came from "open in workshop". */
  const load = async (pickId: string, knobs: ScenarioKnobs = {}, rejected: string[] = []): Promise<void> => {
    const { fromChapter } = await import('../model/from-chapter.ts');
    const r = fromChapter(pickId, knobs);
    const title = chapters.find((c) => c.id === pickId)?.title ?? pickId;
    const left = r.left.length ? [say(S, 'workshop.left'), ...r.left.map((l) => `• ${say(S, `workshop.left.${l}`)}`)] : [];
    setNotice([...(rejected.length ? [say(S, 'workshop.from.rejected', { keys: rejected.join(', ') })] : []), ...left]);
    change(r.scenario, say(S, 'workshop.start.loaded', { title }));
  };

  // The address changes only once the run it names is on screen, so a copied link always matches what is shown.
  useEffect(() => {
    if (shown.hash) history.replaceState(null, '', `#${shown.hash}`);
  }, [shown]);

  useEffect(() => {
    const from = readWorkshopHash(location.hash);
    if (from) {
      if (!chapters.some((c) => c.id === from.scenario)) return setNotice([say(S, 'workshop.from.unknown', { id: from.scenario })]);
      setPick(from.scenario);
      return void load(from.scenario, from.knobs, from.rejected);
    }
    if (!location.hash.startsWith('#w=')) return;
    const d = decodeScenario(location.hash);
    if (!d.ok) return setNotice([decodeMessage(S, d.error)]);
    latest.current = d.scenario;
    setS(d.scenario);
    void run(d.scenario, d.fingerprint);
  }, []);

  const problems = shown.ok ? NONE : shown.problems;
  const form = useMemo(
    () => (
      <>
        <Settings id={id} S={S} s={s} change={change} />
        <RowList id={id} S={S} s={s} change={change} list="calls" problems={problems} />
        <RowList id={id} S={S} s={s} change={change} list="faults" problems={problems} />
      </>
    ),
    [s, problems],
  );

  return (
    // data-run: the scenario (in link form) whose run is on screen, empty for the build-time run; tests
    // opening a link wait for it to equal the link.
    <div class="ws" id={id} data-run={shown.hash ?? ''} onFocusIn={warm} onPointerDown={warm}>
      <section class="ws-block" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>{say(S, 'workshop.start')}</h2>
        <div class="ws-inline">
          <Select
            id={`${id}-pick`}
            label={say(S, 'workshop.start.pick')}
            value={pick}
            options={chapters.map((c) => [c.id, c.title] as const)}
            onChange={setPick}
          />
          <button type="button" onClick={() => void load(pick)}>
            {say(S, 'workshop.start.load')}
          </button>
        </div>
        {notice.length ? (
          <div class="ws-notice" role="status">
            {notice.map((t, i) => (
              <p key={i}>{t}</p>
            ))}
          </div>
        ) : null}
      </section>

      {form}

      <Output id={id} S={S} s={s} shown={shown} onImport={(next) => change(next)} onNote={setNote} />
      <p class="ws-live" aria-live="polite" data-testid="ws-live">
        {note}
      </p>
    </div>
  );
}
