/**
 * Build-time answers for the engine-backed quizzes. OrderSegments and NameState need the engine
 * only to know the truth, so it runs here, during the build, and the browser gets plain data:
 * those two quizzes ship no engine code at all.
 */
import { STATE_NAMES, isTcpState, runScenario } from '../engine/index.ts';
import { seededShuffle } from './model/check.ts';
import { orderItems, quizSegments, stateAfterStep, type OrderItem, type QuizSegment, type QuizSide, type TraceLike } from './model/scenario.ts';

function trace(scenario: string): TraceLike {
  return runScenario(scenario) as unknown as TraceLike;
}

/** The segments in true order (by key) and the shuffled order the reader starts from. */
export function orderQuizData(id: string, scenario: string): { expected: string[]; start: OrderItem[] } {
  const items = orderItems(trace(scenario));
  if (items.length < 2) throw new Error(`scenario "${scenario}" has fewer than two segments to order`);
  return { expected: items.map((i) => i.key), start: seededShuffle(items, id, (a, b) => a.key === b.key) };
}

/** The expected state, its other spellings, and the segments up to the step, for a NameState quiz. */
export function stateQuizData(scenario: string, step: number, side: QuizSide): { expected: string; spellings: Record<string, string>; shown: QuizSegment[] } {
  const t = trace(scenario);
  const expected = stateAfterStep(t, step, side);
  if (!isTcpState(expected)) throw new Error(`scenario "${scenario}" step ${step}: engine state "${expected}" is not an RFC state`);
  const n = STATE_NAMES[expected];
  return { expected, spellings: { ss: n.ss, netstat: n.netstat, linux: n.linux }, shown: quizSegments(t).slice(0, step + 1) };
}
