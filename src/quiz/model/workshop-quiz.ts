/**
 * A quiz made from a workshop run: the reader hides some of the run's steps (segments) and then
 * predicts, for each hidden one, its numbers (as the predict-the-numbers quiz asks them) and the
 * state a side is in once it has been handled (as the name-the-state quiz asks it). The answers
 * are computed here from the trace when the quiz is made, so the quiz is plain data: it is saved
 * with the reader's progress and works on the review page without the engine.
 *
 * A saved quiz is checked field by field when it is read back ({@link parseWorkshopQuiz}): data
 * from an older or newer format, or damaged by hand, gives an error naming the field, never a throw.
 */
import { fill } from '../../i18n/fill.ts';
import { checkNumbers, type NumbersResult } from './check.ts';
import { quizSegments, stateAfterStep, predictQuestion, type QuizSegment, type TraceLike } from './scenario.ts';
import { checkStateName, type StateVerdict } from './states.ts';

/** The format of a saved workshop quiz; a saved quiz with another number is refused with a message. */
export const WORKSHOP_QUIZ_VERSION = 1;
/** The chapter a workshop quiz's result is recorded under in the progress. */
export const WORKSHOP_CHAPTER = 'workshop';
/** How many steps a quiz may hide (more is a chore to answer, and a bigger entry in storage). */
export const MAX_HIDDEN = 8;

/** The workshop's sides: A is the client in every workshop scenario, B the server (engine contract). */
export type WsSide = 'A' | 'B';
const SIDE_OF: Record<'client' | 'server', WsSide> = { client: 'A', server: 'B' };
const other = (s: WsSide): WsSide => (s === 'A' ? 'B' : 'A');

/** One step of a run as the quiz maker lists it: the segment, and each side's state before and after it. */
export interface RunStep {
  step: number;
  from: WsSide;
  flags: string;
  seq: number;
  ack: number;
  hasAck: boolean;
  len: number;
  dropped: boolean;
  retransmit: boolean;
  before: Record<WsSide, string>;
  after: Record<WsSide, string>;
}

/** What the reader answers for one hidden step. */
export interface HiddenStep {
  step: number;
  askSeq: boolean;
  askAck: boolean;
  /** the side whose state is asked: the one the step moved (the receiver first), else the receiver */
  side: WsSide;
  seq: number;
  ack: number;
  state: string;
}

/** A quiz made from a run: every step (hidden ones still carry their numbers, the answers) and what is asked. */
export interface WorkshopQuiz {
  v: typeof WORKSHOP_QUIZ_VERSION;
  /** the run's fingerprint: the quiz's key */
  fingerprint: string;
  /** the workshop link (the hash without '#') that opens the run */
  link: string;
  /** a short title for lists: the run's end states */
  title: string;
  /** when it was made (ms since epoch) */
  at: number;
  steps: RunStep[];
  hidden: HiddenStep[];
}

/** The strings the quiz element reads (its `data-strings`: name → UI key); workshopQuizStrings picks them from a page's dictionary. */
export const QUIZ_STRING_KEYS = {
  right: 'quiz.right',
  wrong: 'quiz.wrong',
  statusRight: 'quiz.status.right',
  statusWrong: 'quiz.status.wrong',
  check: 'quiz.check',
  retry: 'quiz.retry',
  seq: 'quiz.predict.seq',
  ack: 'quiz.predict.ack',
  invalid: 'quiz.predict.invalid',
  isnGiven: 'quiz.predict.isnGiven',
  lost: 'quiz.predict.lost',
  unknown: 'quiz.state.unknown',
  stateLabel: 'quiz.state.label',
  kind: 'workshop.quiz.kind',
  intro: 'workshop.quiz.intro',
  step: 'workshop.quiz.step',
  hidden: 'workshop.quiz.hidden',
  change: 'workshop.quiz.change',
  state: 'workshop.quiz.state',
  truth: 'workshop.quiz.truth',
  truthNoAck: 'workshop.quiz.truthNoAck',
  stateTruth: 'workshop.quiz.stateTruth',
  mark: 'workshop.quiz.mark',
  empty: 'workshop.quiz.empty',
  sideA: 'workshop.side.A',
  sideB: 'workshop.side.B',
} as const;

/** The element's strings from a dictionary holding the keys above. */
export function workshopQuizStrings(dict: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(QUIZ_STRING_KEYS).map(([k, key]) => [k, dict[key] ?? key]));
}

/** The progress id of the quiz of run `fingerprint` (kebab-case, as every quiz id). */
export const workshopQuizId = (fingerprint: string): string => `workshop-${fingerprint}`;

const segOf = (s: QuizSegment): Omit<RunStep, 'before' | 'after'> => ({
  step: s.step,
  from: SIDE_OF[s.from],
  flags: s.flags,
  seq: s.seq,
  ack: s.ack,
  hasAck: s.hasAck,
  len: s.len,
  dropped: s.dropped,
  retransmit: s.retransmit,
});

/** Every step of a run with each side's state before and after it. */
export function runSteps(trace: TraceLike): RunStep[] {
  const segs = quizSegments(trace).filter((s) => !s.injected);
  // The states just before the first segment left (after the calls that sent it, such as listen()).
  const at = trace.events.findIndex((e) => e.wireId !== undefined);
  const first = trace.events[Math.max(0, at - 1)]?.snapshot;
  let was: Record<WsSide, string> = { A: first?.A.state ?? 'CLOSED', B: first?.B.state ?? 'CLOSED' };
  return segs.map((s) => {
    const after = { A: stateAfterStep(trace, s.step, 'client'), B: stateAfterStep(trace, s.step, 'server') };
    const out = { ...segOf(s), before: was, after };
    was = after;
    return out;
  });
}

/** True when the step moved either side to another state. */
export const changesState = (s: RunStep): boolean => s.before.A !== s.after.A || s.before.B !== s.after.B;

/** The strings a step's text needs (the quiz element's names: step, change, lost, sideA, sideB). */
export type StepStrings = Record<string, string | undefined>;

const sideName = (t: StepStrings, s: WsSide): string => (s === 'A' ? t.sideA : t.sideB) ?? s;

/** "#3 B → A FIN, ACK": a step's number (from 1), direction and flags. */
export function stepHead(s: RunStep, t: StepStrings): string {
  return fill(t.step ?? '#{n} {from} → {to} {flags}', { n: s.step + 1, from: sideName(t, s.from), to: sideName(t, other(s.from)), flags: s.flags });
}

/** The state changes a step caused, one text per side that moved ("A: FIN-WAIT-1 → CLOSING"). */
export function stepChanges(s: RunStep, t: StepStrings): string[] {
  return (['A', 'B'] as const)
    .filter((x) => s.before[x] !== s.after[x])
    .map((x) => fill(t.change ?? '{side}: {from} → {to}', { side: sideName(t, x), from: s.before[x], to: s.after[x] }));
}

/** Why a quiz could not be made. */
export type MakeError = { code: 'none' } | { code: 'too-many'; max: number } | { code: 'no-step'; step: number };

/**
 * Makes the quiz that hides `hide` (step numbers of {@link runSteps}). A step's seq is asked only
 * when its sender sent before (a first seq is a fresh ISN, given), its ack only when it carries ACK.
 */
export function makeWorkshopQuiz(
  trace: TraceLike,
  hide: readonly number[],
  meta: { fingerprint: string; link: string; title: string; at: number },
): { ok: true; quiz: WorkshopQuiz } | { ok: false; error: MakeError } {
  const wanted = [...new Set(hide)].sort((a, b) => a - b);
  if (wanted.length === 0) return { ok: false, error: { code: 'none' } };
  if (wanted.length > MAX_HIDDEN) return { ok: false, error: { code: 'too-many', max: MAX_HIDDEN } };
  const steps = runSteps(trace);
  const hidden: HiddenStep[] = [];
  for (const n of wanted) {
    const s = steps.find((x) => x.step === n);
    if (!s) return { ok: false, error: { code: 'no-step', step: n } };
    const q = predictQuestion(trace, n);
    const to = other(s.from);
    const moved = ([to, s.from] as const).find((side) => s.before[side] !== s.after[side]);
    const side = moved ?? to;
    hidden.push({ step: n, askSeq: q.askSeq, askAck: q.askAck, side, seq: s.seq, ack: s.ack, state: s.after[side] });
  }
  return { ok: true, quiz: { v: WORKSHOP_QUIZ_VERSION, ...meta, steps, hidden } };
}

/** One hidden step's verdicts: the numbers as checkNumbers judges them, the state as checkStateName does. */
export interface HiddenVerdict {
  step: number;
  numbers: NumbersResult;
  state: StateVerdict;
}

/** What the reader typed for one hidden step (a field not asked is ignored). */
export interface HiddenAnswer {
  seq: string;
  ack: string;
  state: string;
}

/**
 * Grades every hidden step with the book's own rules. `complete` is false when some field is not
 * an answer yet (not a number, not a state name): the UI then asks for it instead of marking it wrong.
 */
export function checkWorkshopQuiz(
  quiz: WorkshopQuiz,
  given: Record<number, HiddenAnswer | undefined>,
): { correct: boolean; complete: boolean; verdicts: HiddenVerdict[] } {
  const verdicts = quiz.hidden.map((h) => {
    const a = given[h.step] ?? { seq: '', ack: '', state: '' };
    const numbers = checkNumbers({ seq: h.seq, ack: h.askAck ? h.ack : null }, { seq: h.askSeq ? a.seq : String(h.seq), ack: a.ack });
    return { step: h.step, numbers, state: checkStateName(a.state, h.state) };
  });
  const complete = verdicts.every((v) => v.numbers.seq !== 'invalid' && v.numbers.ack !== 'invalid' && v.state.kind !== 'unknown');
  const correct = complete && verdicts.every((v) => v.numbers.correct && v.state.kind === 'right');
  return { correct, complete, verdicts };
}

/** Why a saved quiz cannot be used: the path of the field and what it should have been, or its format number. */
export type QuizReadError = { code: 'version'; found: string } | { code: 'field'; path: string; expected: string };

/**
 * Why a saved quiz cannot be used, in the page's words: `templates.version` (with {found}) for a
 * quiz of another format, `templates.field` (with {path} and {expected}) for a damaged one. The
 * workshop and the review page put it into their own sentence.
 */
export function workshopQuizProblem(error: QuizReadError, templates: { version?: string; field?: string }): string {
  return error.code === 'version'
    ? fill(templates.version ?? '', { found: error.found })
    : fill(templates.field ?? '', { path: error.path, expected: error.expected });
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isU32 = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** 32;
const isSide = (x: unknown): x is WsSide => x === 'A' || x === 'B';
const isStr = (x: unknown): x is string => typeof x === 'string' && x.length <= 4000;
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';

type Check = [field: string, ok: (x: unknown) => boolean, expected: string];
const U32 = 'a whole number from 0 to 4294967295';
const STEP_FIELDS: Check[] = [
  ['step', isU32, U32],
  ['from', isSide, '"A" or "B"'],
  ['flags', isStr, 'a string'],
  ['seq', isU32, U32],
  ['ack', isU32, U32],
  ['hasAck', isBool, 'true or false'],
  ['len', isU32, U32],
  ['dropped', isBool, 'true or false'],
  ['retransmit', isBool, 'true or false'],
  ['before', (x) => isObj(x) && isStr(x.A) && isStr(x.B), 'the states of A and B'],
  ['after', (x) => isObj(x) && isStr(x.A) && isStr(x.B), 'the states of A and B'],
];
const HIDDEN_FIELDS: Check[] = [
  ['step', isU32, U32],
  ['askSeq', isBool, 'true or false'],
  ['askAck', isBool, 'true or false'],
  ['side', isSide, '"A" or "B"'],
  ['seq', isU32, U32],
  ['ack', isU32, U32],
  ['state', isStr, 'a state name'],
];

function firstBad(path: string, x: unknown, fields: Check[]): QuizReadError | null {
  if (!isObj(x)) return { code: 'field', path, expected: 'an object' };
  for (const [f, ok, expected] of fields) if (!ok(x[f])) return { code: 'field', path: path ? `${path}.${f}` : f, expected };
  return null;
}

/** Reads a saved quiz back: the quiz, or what is wrong with it (its format, or the first bad field by path). */
export function parseWorkshopQuiz(x: unknown): { ok: true; quiz: WorkshopQuiz } | { ok: false; error: QuizReadError } {
  if (!isObj(x)) return { ok: false, error: { code: 'field', path: '', expected: 'an object' } };
  if (x.v !== WORKSHOP_QUIZ_VERSION) return { ok: false, error: { code: 'version', found: JSON.stringify(x.v ?? null) } };
  const top: Check[] = [
    ['fingerprint', (v) => typeof v === 'string' && /^[0-9a-f]{8}$/.test(v), '8 hex digits'],
    ['link', (v) => isStr(v) && v.startsWith('w='), 'a workshop link (w=…)'],
    ['title', isStr, 'a string'],
    ['at', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a timestamp in ms'],
    ['steps', (v) => Array.isArray(v) && v.length > 0 && v.length <= 500, 'a list of 1 to 500 steps'],
    ['hidden', (v) => Array.isArray(v) && v.length > 0 && v.length <= MAX_HIDDEN, `a list of 1 to ${MAX_HIDDEN} hidden steps`],
  ];
  const bad = firstBad('', x, top);
  if (bad) return { ok: false, error: bad };
  const steps = x.steps as unknown[];
  const hidden = x.hidden as unknown[];
  for (const [i, s] of steps.entries()) {
    const e = firstBad(`steps[${i}]`, s, STEP_FIELDS);
    if (e) return { ok: false, error: e };
  }
  for (const [i, h] of hidden.entries()) {
    const e = firstBad(`hidden[${i}]`, h, HIDDEN_FIELDS);
    if (e) return { ok: false, error: e };
    if (!steps.some((s) => (s as RunStep).step === (h as HiddenStep).step))
      return { ok: false, error: { code: 'field', path: `hidden[${i}].step`, expected: 'one of the steps' } };
  }
  return { ok: true, quiz: x as unknown as WorkshopQuiz };
}
