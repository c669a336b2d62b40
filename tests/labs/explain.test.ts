import { describe, expect, it } from 'vitest';
import { runScenario, SCENARIO_IDS } from '../../src/engine/index.ts';
import { en } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';
import { citation, fmt, formatTime, pickStrings, stepSentence } from '../../src/labs/view/explain.ts';
import { viewOfTrace } from '../../src/labs/view/trace-view.ts';

describe('step sentences', () => {
  for (const [lang, dict] of [
    ['en', en],
    ['ko', ko],
  ] as const) {
    it(`says what happened and why for every step of every scenario (${lang})`, () => {
      const S = pickStrings(dict, ['labs.']);
      for (const id of SCENARIO_IDS) {
        const v = viewOfTrace(runScenario(id));
        for (const st of v.steps) {
          const s = stepSentence(S, v, st);
          expect(s, `${id} step ${st.index}`).not.toMatch(/labs\.|\{\w+\}/);
          expect(s.length).toBeGreaterThan(10);
          if (st.reason && st.rfc) expect(s).toMatch(/RFC|§/);
        }
      }
    });
  }

  it('explains a state change with its reason and RFC section', () => {
    const v = viewOfTrace(runScenario('normal-open'));
    const st = v.steps.find((s) => s.changed.B?.to === 'SYN-RECEIVED')!;
    const s = stepSentence(pickStrings(en, ['labs.']), v, st);
    expect(s).toContain('SYN (#1) arrives at the server.');
    expect(s).toContain('SYN-RECEIVED');
    expect(s).toContain('(RFC 9293 §3.10.7.2)');
  });

  it('formats citations, placeholders and times', () => {
    const S = { 'labs.cite': '(RFC 9293 §{section})', 'labs.cite.other': '({section})', k: 'a {x} b {y}' };
    expect(citation(S, '3.10.7.4')).toBe('(RFC 9293 §3.10.7.4)');
    expect(citation(S, '§3.5')).toBe('(RFC 9293 §3.5)');
    expect(citation(S, 'RFC 5961 §4')).toBe('(RFC 5961 §4)');
    expect(citation(S, null)).toBe('');
    expect(fmt(S, 'k', { x: 1 })).toBe('a 1 b {y}');
    expect(fmt(S, 'missing')).toBe('missing');
    expect(formatTime(0)).toBe('0 ms');
    expect(formatTime(1020)).toBe('1.02 s');
    expect(formatTime(240_000)).toBe('240 s');
  });
});
