/** @jsxImportSource preact */
/**
 * "Make a quiz from this run": the run's steps as checkboxes (native ones: keyboard, touch and
 * screen readers work as the platform makes them), then the quiz itself under them, answered in
 * place with the book's quiz element and saved with the reader's progress under the run's
 * fingerprint, so it is there again after a reload and on the review page. Loaded only when the
 * reader opens it: the workshop's first paint carries none of this. The logic is the quiz model's
 * (src/quiz/model/workshop-quiz.ts); this file only wires it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  MAX_HIDDEN,
  makeWorkshopQuiz,
  parseWorkshopQuiz,
  runSteps,
  stepChanges,
  stepHead,
  workshopQuizId,
  workshopQuizProblem,
  workshopQuizStrings,
  type WorkshopQuiz,
} from '../../quiz/model/workshop-quiz.ts';
import { workshopQuizElement } from '../../quiz/client/workshop-quiz.ts';
import { progress, setProgress } from '../../quiz/client/store.ts';
import { runWorkshopLoaded } from '../model/run.ts';
import { encodeScenario } from '../model/url.ts';
import type { WorkshopScenario } from '../model/scenario.ts';
import type { Trace } from '../../engine/index.ts';
import type { Strings } from '../model/describe.ts';
import { say } from './fields.tsx';

/** The saved quiz of run `fingerprint`: the quiz, a message naming what is wrong with it, or nothing. */
function saved(S: Strings, fingerprint: string): { quiz: WorkshopQuiz | null; error: string } {
  const raw = progress().workshop?.[workshopQuizId(fingerprint)];
  if (raw === undefined) return { quiz: null, error: '' };
  const r = parseWorkshopQuiz(raw);
  if (r.ok) return { quiz: r.quiz, error: '' };
  const why = workshopQuizProblem(r.error, { version: S['workshop.quiz.bad.version'], field: S['workshop.quiz.bad.field'] });
  return { quiz: null, error: say(S, 'workshop.quiz.bad', { why }) };
}

export default function QuizMaker({ id, S, s }: { id: string; S: Strings; s: WorkshopScenario }) {
  // The run of `s`, once the engine parts it needs are loaded (a newer `s` drops an older run).
  const [run, setRun] = useState<{ trace: Trace; fingerprint: string; steps: ReturnType<typeof runSteps> } | null>(null);
  useEffect(() => {
    let current = true;
    void runWorkshopLoaded(s).then((r) => current && setRun(r.ok ? { trace: r.trace, fingerprint: r.fingerprint, steps: runSteps(r.trace) } : null));
    return () => void (current = false);
  }, [s]);
  const t = useMemo(() => workshopQuizStrings(S), [S]);
  const [hide, setHide] = useState<number[]>([]);
  const [msg, setMsg] = useState('');
  const [quiz, setQuiz] = useState<WorkshopQuiz | null>(null);
  const host = useRef<HTMLDivElement>(null);

  // A run with a saved quiz shows it (a damaged one is named); another run starts with nothing hidden.
  useEffect(() => {
    setHide([]);
    if (!run) return setQuiz(null);
    const r = saved(S, run.fingerprint);
    setQuiz(r.quiz);
    setMsg(r.error || (r.quiz ? say(S, 'workshop.quiz.found') : ''));
  }, [run?.fingerprint]);

  useEffect(() => {
    const box = host.current;
    if (!box) return;
    const notices = document.querySelector('[data-quiz-notices]')?.getAttribute('data-quiz-notices') ?? '{}';
    box.replaceChildren(...(quiz ? [workshopQuizElement(quiz, t, notices)] : []));
  }, [quiz]);

  if (!run) return null;
  const toggle = (n: number, on: boolean): void => setHide((h) => (on ? [...h, n] : h.filter((x) => x !== n)));
  const make = (): void => {
    const r = makeWorkshopQuiz(run.trace, hide, {
      fingerprint: run.fingerprint,
      link: encodeScenario(s, run.fingerprint),
      title: say(S, 'workshop.quiz.title', { a: run.trace.final.A, b: run.trace.final.B, n: hide.length }),
      at: Date.now(),
    });
    if (!r.ok) return setMsg(say(S, `workshop.quiz.err.${r.error.code}`, { max: MAX_HIDDEN, step: 'step' in r.error ? r.error.step + 1 : '' }));
    const qid = workshopQuizId(run.fingerprint);
    const p = progress();
    // A new quiz for the same run replaces the old one, and the old one's result with it.
    const { [qid]: _old, ...quizzes } = p.quizzes;
    const kept = setProgress({ ...p, quizzes, workshop: { ...p.workshop, [qid]: r.quiz } });
    setQuiz(r.quiz);
    setMsg(say(S, kept === 'saved' ? 'workshop.quiz.made' : 'workshop.quiz.made.unsaved', { n: r.quiz.hidden.length }));
  };
  return (
    <div class="ws-quiz" data-testid="ws-quiz">
      <fieldset class="ws-quiz-pick">
        <legend>{say(S, 'workshop.quiz.pick')}</legend>
        <p class="ws-help">{say(S, 'workshop.quiz.pick.help', { max: MAX_HIDDEN })}</p>
        <ul class="ws-quiz-steps">
          {run.steps.map((st) => {
            const changes = stepChanges(st, t);
            return (
              <li key={st.step}>
                <label class="ws-check">
                  <input
                    type="checkbox"
                    id={`${id}-hide-${st.step}`}
                    checked={hide.includes(st.step)}
                    onChange={(e) => toggle(st.step, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <span>
                    <span class="ws-quiz-step">{stepHead(st, t)}</span>
                    {st.dropped ? ` ${t.lost}` : ''}
                    <span class="ws-quiz-change"> · {changes.length ? changes.join(' · ') : say(S, 'workshop.quiz.same')}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div class="ws-inline">
        <button type="button" onClick={make}>
          {say(S, 'workshop.quiz.create', { n: hide.length })}
        </button>
        <p class="ws-quiz-msg" role="status">
          {msg}
        </p>
      </div>
      <div ref={host} />
    </div>
  );
}
