import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuizzes, propText } from '../../src/content-checks/quiz';
import { orderQuizData, stateQuizData } from '../../src/quiz/engine-data';
import { runScenario } from '../../src/engine/index.ts';
import { predictableSteps, type TraceLike } from '../../src/quiz/model/scenario';

const root = join(import.meta.dirname, '..', '..');

/** Every engine-backed quiz of the book, so a scenario change that breaks a quiz fails here and not in a reader's browser. */
function engineQuizzes() {
  const out = [];
  for (const lang of ['en', 'ko']) {
    for (const name of readdirSync(join(root, 'content', lang)).filter((n) => n.endsWith('.mdx'))) {
      const file = `content/${lang}/${name}`;
      for (const q of extractQuizzes(file, readFileSync(join(root, file), 'utf8')).quizzes) {
        if (q.tag === 'MultipleChoice' || q.tag === 'SpotError') continue;
        out.push({ file, tag: q.tag, id: propText(q.props.id) ?? '?', scenario: propText(q.props.scenario) ?? '', step: Number(propText(q.props.step)), side: propText(q.props.side) });
      }
    }
  }
  return out;
}

describe('engine-backed quizzes of the book', () => {
  const quizzes = engineQuizzes();
  it('exist', () => {
    expect(quizzes.length).toBeGreaterThan(0);
  });
  for (const q of quizzes) {
    it(`${q.file}: ${q.tag} "${q.id}" (${q.scenario}) can be built`, () => {
      if (q.tag === 'OrderSegments') {
        const d = orderQuizData(q.id, q.scenario);
        expect(d.start.map((i) => i.key)).not.toEqual(d.expected);
      } else if (q.tag === 'NameState') {
        const d = stateQuizData(q.scenario, q.step, q.side === 'server' ? 'server' : 'client');
        expect(d.shown.length).toBe(q.step + 1);
      } else {
        // a few random runs must each offer something to predict
        for (const seed of [1, 2, 3]) expect(predictableSteps(runScenario(q.scenario, { isn: 'random', seed }) as unknown as TraceLike).length).toBeGreaterThan(0);
      }
    });
  }
});

describe('engine data for quizzes', () => {
  it('orders the normal open and names the states the RFC gives', () => {
    const d = orderQuizData('x', 'normal-open');
    expect(d.expected.slice(0, 3)).toEqual(['client:SYN', 'server:SYN, ACK', 'client:ACK']);
    expect(stateQuizData('normal-open', 0, 'server').expected).toBe('SYN-RECEIVED');
    expect(stateQuizData('normal-open', 1, 'client').expected).toBe('ESTABLISHED');
    expect(stateQuizData('normal-open', 1, 'server').expected).toBe('SYN-RECEIVED');
    expect(stateQuizData('close-4-segment', 8, 'client')).toMatchObject({ expected: 'FIN-WAIT-2', spellings: { ss: 'FIN-WAIT-2', netstat: 'FIN_WAIT2', linux: 'TCP_FIN_WAIT2' } });
    expect(stateQuizData('server-closes-first', 9, 'server').expected).toBe('TIME-WAIT');
  });
  it('refuses a step past the end with the step and the segment count', () => {
    expect(() => stateQuizData('closed-port-rst', 5, 'client')).toThrow(/step 5 is past the last segment \(this trace has 2\)/);
  });
});
