/**
 * The quiz a reader makes from a workshop run: its steps, what each hidden step asks, grading with
 * the book's rules, reading a saved quiz back (damaged or old ones give a path, never a throw), and
 * its place in the progress (kept as saved, merged on import).
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_HIDDEN,
  WORKSHOP_QUIZ_VERSION,
  changesState,
  checkWorkshopQuiz,
  makeWorkshopQuiz,
  parseWorkshopQuiz,
  runSteps,
  stepChanges,
  stepHead,
  workshopQuizId,
  workshopQuizProblem,
  type WorkshopQuiz,
} from '../../src/quiz/model/workshop-quiz.ts';
import { emptyProgress, importProgress, parseProgress, planMerge } from '../../src/quiz/model/progress.ts';
import { emptyScenario } from '../../src/workshop/model/scenario.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { encodeScenario } from '../../src/workshop/model/url.ts';

/** The workshop's default run (a simultaneous close) with A's first FIN lost, as the browser test builds it. */
function lostFinRun() {
  const s = { ...emptyScenario(), faults: [{ from: 'A' as const, segment: 'fin' as const, nth: 1, kind: 'drop' as const }] };
  const r = runWorkshop(s);
  if (!r.ok) throw new Error('the scenario does not run');
  return { s, r };
}

function make(hide: number[]): WorkshopQuiz {
  const { s, r } = lostFinRun();
  const q = makeWorkshopQuiz(r.trace, hide, { fingerprint: r.fingerprint, link: encodeScenario(s, r.fingerprint), title: 't', at: 5 });
  if (!q.ok) throw new Error(JSON.stringify(q.error));
  return q.quiz;
}

describe('the steps of a run', () => {
  const { r } = lostFinRun();
  const steps = runSteps(r.trace);

  it('lists every segment on the wire, numbered in order, with each side’s state before and after', () => {
    expect(steps.length).toBe(r.segments);
    expect(steps.map((s) => s.step)).toEqual(steps.map((_, i) => i));
    // connect() put A in SYN-SENT as it sent the SYN; the SYN's arrival moved B.
    expect(steps[0]).toMatchObject({ from: 'A', flags: 'SYN', before: { A: 'SYN-SENT', B: 'LISTEN' }, after: { A: 'SYN-SENT', B: 'SYN-RECEIVED' } });
    for (let i = 1; i < steps.length; i++) expect(steps[i]?.before).toEqual(steps[i - 1]?.after);
    expect(steps.filter((s) => s.dropped)).toHaveLength(1);
  });

  it('says which steps changed a state, and how', () => {
    const t = { step: '#{n} {from} → {to}: {flags}', change: '{side}: {from} → {to}', sideA: 'A', sideB: 'B' };
    expect(stepHead(steps[0]!, t)).toBe('#1 A → B: SYN');
    expect(stepChanges(steps[0]!, t)).toEqual(['B: LISTEN → SYN-RECEIVED']);
    const last = steps.at(-1)!;
    expect(changesState(last)).toBe(stepChanges(last, t).length > 0);
  });
});

describe('making a quiz', () => {
  it('asks, for each hidden step, the numbers that follow from the steps before and the state of the side it moved', () => {
    const { r } = lostFinRun();
    const steps = runSteps(r.trace);
    const fin = steps.find((s) => s.flags.includes('FIN') && !s.dropped && s.from === 'B')!;
    const q = make([fin.step]);
    expect(q.v).toBe(WORKSHOP_QUIZ_VERSION);
    expect(q.hidden).toEqual([
      {
        step: fin.step,
        askSeq: true,
        askAck: true,
        side: fin.before.A !== fin.after.A ? 'A' : 'B',
        seq: fin.seq,
        ack: fin.ack,
        state: fin.after[fin.before.A !== fin.after.A ? 'A' : 'B'],
      },
    ]);
    // The first SYN's seq is a fresh ISN: given, not asked; it carries no ACK either.
    expect(make([0]).hidden[0]).toMatchObject({ askSeq: false, askAck: false, side: 'B', state: 'SYN-RECEIVED' });
  });

  it('refuses nothing hidden, too many, or a step the run does not have', () => {
    const { r } = lostFinRun();
    const meta = { fingerprint: r.fingerprint, link: 'w=2', title: '', at: 0 };
    expect(makeWorkshopQuiz(r.trace, [], meta)).toEqual({ ok: false, error: { code: 'none' } });
    expect(makeWorkshopQuiz(r.trace, [...Array(MAX_HIDDEN + 1).keys()], meta)).toEqual({ ok: false, error: { code: 'too-many', max: MAX_HIDDEN } });
    expect(makeWorkshopQuiz(r.trace, [999], meta)).toEqual({ ok: false, error: { code: 'no-step', step: 999 } });
  });
});

describe('grading', () => {
  const q = make([0, 3]);
  const truth = Object.fromEntries(q.hidden.map((h) => [h.step, { seq: String(h.seq), ack: String(h.ack), state: h.state }]));

  it('is right only when every number and every state is', () => {
    expect(checkWorkshopQuiz(q, truth)).toMatchObject({ correct: true, complete: true });
    const h = q.hidden[1]!;
    const wrongState = { ...truth, [h.step]: { ...truth[h.step]!, state: h.state === 'CLOSED' ? 'LISTEN' : 'CLOSED' } };
    expect(checkWorkshopQuiz(q, wrongState)).toMatchObject({ correct: false, complete: true });
  });

  it('takes any spelling of a state, as the name-the-state quiz does', () => {
    const h = q.hidden[1]!;
    const spelled = { ...truth, [h.step]: { ...truth[h.step]!, state: h.state.toLowerCase().replace(/-/g, '_') } };
    expect(checkWorkshopQuiz(q, spelled).correct).toBe(true);
  });

  it('is incomplete, not wrong, when a field is not a number or not a state name', () => {
    const h = q.hidden[1]!;
    const r = checkWorkshopQuiz(q, { ...truth, [h.step]: { seq: 'abc', ack: '1', state: 'banana' } });
    expect(r).toMatchObject({ correct: false, complete: false });
    expect(r.verdicts[1]?.state.kind).toBe('unknown');
  });
});

describe('reading a saved quiz back', () => {
  const q = make([2]);

  it('reads what was saved', () => {
    expect(parseWorkshopQuiz(JSON.parse(JSON.stringify(q)))).toEqual({ ok: true, quiz: q });
  });

  it('names the format of a quiz from another version', () => {
    expect(parseWorkshopQuiz({ ...q, v: 2 })).toEqual({ ok: false, error: { code: 'version', found: '2' } });
    expect(parseWorkshopQuiz({ ...q, v: undefined })).toEqual({ ok: false, error: { code: 'version', found: 'null' } });
  });

  it('names the first damaged field by its path', () => {
    expect(parseWorkshopQuiz('x')).toEqual({ ok: false, error: { code: 'field', path: '', expected: 'an object' } });
    expect(parseWorkshopQuiz({ ...q, fingerprint: 'zz' })).toMatchObject({ ok: false, error: { path: 'fingerprint' } });
    const steps = q.steps.map((s, i) => (i === 1 ? { ...s, seq: -4 } : s));
    expect(parseWorkshopQuiz({ ...q, steps })).toMatchObject({ ok: false, error: { path: 'steps[1].seq' } });
    expect(parseWorkshopQuiz({ ...q, hidden: [{ ...q.hidden[0], step: 999 }] })).toMatchObject({ ok: false, error: { path: 'hidden[0].step' } });
    expect(parseWorkshopQuiz({ ...q, hidden: [{ ...q.hidden[0], side: 'C' }] })).toMatchObject({ ok: false, error: { path: 'hidden[0].side' } });
  });

  it("says what is wrong in the page's words, the same on the workshop and the review page", async () => {
    const { workshop: en } = await import('../../src/i18n/en/workshop.ts');
    const templates = { version: en['workshop.quiz.bad.version'], field: en['workshop.quiz.bad.field'] };
    const version = parseWorkshopQuiz({ ...q, v: 2 });
    expect(version.ok ? '' : workshopQuizProblem(version.error, templates)).toBe('it was saved in format 2, which this version of the book does not read');
    const field = parseWorkshopQuiz({ ...q, fingerprint: 'zz' });
    expect(field.ok ? '' : workshopQuizProblem(field.error, templates)).toBe('it is damaged at fingerprint (expected 8 hex digits)');
  });
});

describe('in the progress', () => {
  const q = make([2]);
  const id = workshopQuizId(q.fingerprint);

  it('keeps a saved quiz as it is, even a damaged one, so the review page can name what is wrong', () => {
    const text = JSON.stringify({ ...emptyProgress(), workshop: { [id]: q, 'workshop-00000000': { v: 7 } } });
    const r = parseProgress(text);
    expect(r.ok && r.progress.workshop).toEqual({ [id]: q, 'workshop-00000000': { v: 7 } });
    expect(r.ok && r.dropped).toEqual([]);
  });

  it('refuses an import whose workshop part is not a map of quizzes, naming the path', () => {
    expect(importProgress(JSON.stringify({ ...emptyProgress(), workshop: [] }))).toEqual({
      ok: false,
      error: { code: 'field', path: 'workshop', expected: 'an object' },
    });
    expect(importProgress(JSON.stringify({ ...emptyProgress(), workshop: { [id]: 3 } }))).toMatchObject({ ok: false, error: { path: `workshop["${id}"]` } });
  });

  it('a progress without workshop quizzes reads and writes as before', () => {
    const r = parseProgress(JSON.stringify(emptyProgress()));
    expect(r.ok && 'workshop' in r.progress).toBe(false);
  });

  it('an import adds the file’s quizzes, and of one run’s two quizzes the later one stays', () => {
    const here = { ...emptyProgress(), workshop: { [id]: { ...q, at: 10 } } };
    const file = { ...emptyProgress(), workshop: { [id]: { ...q, at: 20 }, 'workshop-0000abcd': q } };
    expect(planMerge(here, file).merged.workshop).toEqual({ [id]: { ...q, at: 20 }, 'workshop-0000abcd': q });
    expect(planMerge(file, here).merged.workshop?.[id]).toEqual({ ...q, at: 20 });
  });
});
