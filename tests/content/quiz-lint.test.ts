import { SCENARIO_IDS } from '../../src/engine/scenarios';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuizzes, formatIssue, lintQuizFiles, propText, type ChapterSource } from '../../src/content-checks/quiz';

const root = join(import.meta.dirname, '..', '..');

/** Reads <dir>/{ko,en}/*.mdx as the lint sees chapters, with repository-relative paths. */
function chapters(dir: string): ChapterSource[] {
  const out: ChapterSource[] = [];
  for (const lang of ['en', 'ko']) {
    const d = join(dir, lang);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d).filter((n) => n.endsWith('.mdx')).sort()) {
      out.push({ path: relative(root, join(d, name)), source: readFileSync(join(d, name), 'utf8') });
    }
  }
  return out;
}
const fixture = (name: string): string[] => lintQuizFiles(chapters(join(root, 'tests/fixtures/quiz', name))).map(formatIssue);

describe('the book’s quizzes', () => {
  it('pass the quiz lint', () => {
    const files = chapters(join(root, 'content'));
    expect(files.length, 'no chapters found in content/').toBeGreaterThan(0);
    expect(lintQuizFiles(files).map(formatIssue)).toEqual([]);
  });
});

describe('quiz lint on broken fixtures', () => {
  it('accepts a good chapter with every kind, and ignores tags inside code fences', () => {
    expect(fixture('good')).toEqual([]);
    const { quizzes } = extractQuizzes('x.mdx', readFileSync(join(root, 'tests/fixtures/quiz/good/en/handshake.mdx'), 'utf8'));
    expect(quizzes.map((q) => propText(q.props.id))).toEqual(['good-flags', 'good-multi', 'good-order', 'good-state', 'good-predict', 'good-spot']);
    expect(quizzes[1]?.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(propText(quizzes[3]?.props.step)).toBe('0');
  });
  it('fails on no correct option, naming file and id', () => {
    expect(fixture('no-correct')).toEqual([
      'tests/fixtures/quiz/no-correct/en/handshake.mdx:10: quiz "nc-flags": no <Option> is marked correct',
      'tests/fixtures/quiz/no-correct/ko/handshake.mdx:10: quiz "nc-flags": no <Option> is marked correct',
    ]);
  });
  it('fails on two correct options in a single-choice question', () => {
    expect(fixture('two-correct')[0]).toBe(
      'tests/fixtures/quiz/two-correct/en/handshake.mdx:10: quiz "tc-flags": single-choice question has 2 correct options (add "multiple" or mark only one)',
    );
  });
  it('fails on a missing explanation, at the option’s line', () => {
    expect(fixture('missing-explanation')[0]).toBe(
      'tests/fixtures/quiz/missing-explanation/en/handshake.mdx:12: quiz "me-spot": option 2 has no explanation="…" (every option explains why it is right or wrong)',
    );
  });
  it('fails on a duplicate id across files of one language', () => {
    expect(fixture('duplicate-id')).toEqual([
      'tests/fixtures/quiz/duplicate-id/en/two.mdx:12: quiz "dup-predict": duplicate id: also used at tests/fixtures/quiz/duplicate-id/en/one.mdx:10',
      'tests/fixtures/quiz/duplicate-id/ko/two.mdx:12: quiz "dup-predict": duplicate id: also used at tests/fixtures/quiz/duplicate-id/ko/one.mdx:10',
    ]);
  });
  it('fails when ko and en ids differ', () => {
    expect(fixture('id-mismatch')).toEqual([
      'tests/fixtures/quiz/id-mismatch/en/handshake.mdx:11: quiz "mm-state-ko": quiz "mm-state-ko" (tests/fixtures/quiz/id-mismatch/ko/handshake.mdx:11) is missing here (here this quiz is "mm-state"); ko and en must have the same quiz ids',
      'tests/fixtures/quiz/id-mismatch/ko/handshake.mdx:11: quiz "mm-state": quiz "mm-state" (tests/fixtures/quiz/id-mismatch/en/handshake.mdx:11) is missing here (here this quiz is "mm-state-ko"); ko and en must have the same quiz ids',
    ]);
  });
  it('fails when ko and en have the same ids in another order', () => {
    const a = '<PredictNumbers id="p-one" scenario="normal-open" />\n<PredictNumbers id="p-two" scenario="normal-open" />\n';
    const b = '\n<PredictNumbers id="p-two" scenario="normal-open" />\n<PredictNumbers id="p-one" scenario="normal-open" />\n';
    const issues = lintQuizFiles([
      { path: 'content/en/x.mdx', source: a },
      { path: 'content/ko/x.mdx', source: b },
    ]).map(formatIssue);
    expect(issues).toEqual(['content/ko/x.mdx:2: quiz "p-two": quizzes are in a different order than in content/en/x.mdx (en: p-one, p-two; ko: p-two, p-one)']);
  });
  it('reports an <Option> outside a choice quiz', () => {
    const issues = lintQuizFiles([{ path: 'content/en/x.mdx', source: 'Text.\n\n<Option correct explanation="x">stray</Option>\n' }]).map(formatIssue);
    expect(issues).toEqual(['content/en/x.mdx:3: quiz: <Option> outside <MultipleChoice> or <SpotError>']);
  });
  it('reports bad props and broken syntax with clear messages', () => {
    const out = fixture('bad-props');
    expect(out).toEqual([
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:10: quiz "Bad_Id": id "Bad_Id" must be kebab-case (a-z, 0-9, single dashes)',
      `tests/fixtures/quiz/bad-props/en/handshake.mdx:10: quiz "Bad_Id": unknown scenario "no-such-scenario". Valid: ${SCENARIO_IDS.join(', ')}`,
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:10: quiz "Bad_Id": NameState needs step={n}, a whole number (0 = the first segment)',
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:10: quiz "Bad_Id": side must be "client" or "server" (got "left")',
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:11: quiz: <MultipleChoice> has no id="…"',
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:11: quiz: proof must be a "#section-anchor", a "#lab=…" step link or a "/path"',
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:15: quiz "never-closed": <MultipleChoice> is never closed with </MultipleChoice>',
      // its option, without a closed parent, is a stray option
      'tests/fixtures/quiz/bad-props/en/handshake.mdx:16: quiz: <Option> outside <MultipleChoice> or <SpotError>',
    ]);
  });
});
