import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { componentCalls, formatProblems, readChapterFiles, runContentChecks } from '../../src/content-checks';
import { glossary } from '../../src/data/glossary';

const root = resolve(__dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures/content');

describe('the book (content/)', () => {
  it('has every chapter in ko and en, embedding the same components in the same order', () => {
    const problems = runContentChecks(resolve(root, 'content'));
    expect(problems, formatProblems(problems)).toEqual([]);
  });
});

describe('glossary → chapters', () => {
  it('names only chapters that exist (a typo would silently drop the search boost)', () => {
    const slugs = new Set(readChapterFiles(resolve(root, 'content')).map((f) => f.slug));
    const unknown = glossary.flatMap((e) => (e.chapters ?? []).filter((s) => !slugs.has(s)).map((s) => `${e.id} → ${s}`));
    expect(unknown, 'glossary entries pointing at missing chapters').toEqual([]);
  });
});

describe('the checker itself, on broken fixtures', () => {
  it('fails a chapter present in one language only, naming the missing file', () => {
    const problems = runContentChecks(resolve(fixtures, 'missing-pair'), undefined, 'fixtures');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('fixtures/en/english-only.mdx has no ko version: fixtures/ko/english-only.mdx is missing. Writing in one language only is welcome');
    expect(problems[0]!.message).toContain('a translator adds fixtures/ko/english-only.mdx to your branch');
  });
  it('fails a chapter present in Korean only, naming the missing English file', () => {
    const problems = runContentChecks(resolve(fixtures, 'missing-pair-ko'), undefined, 'fixtures');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toMatch(/ko\/korean-only\.mdx$/);
    expect(problems[0]!.message).toContain('has no en version');
    expect(problems[0]!.message).toContain('fixtures/en/korean-only.mdx');
  });
  it('fails two versions embedding different components, naming tag and line', () => {
    const problems = runContentChecks(resolve(fixtures, 'different-components'), undefined, 'fixtures');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/component #1 differs.*<Callout> at fixtures\/ko\/swapped\.mdx:\d+ vs <SequenceLab> at fixtures\/en\/swapped\.mdx/);
  });
  it('passes a good pair, ignoring tags in code, inline code and comments', () => {
    expect(runContentChecks(resolve(fixtures, 'good'), undefined, 'fixtures')).toEqual([]);
  });
});

describe('componentCalls', () => {
  it('reads tags in order with string, expression and bare attributes, across lines', () => {
    const calls = componentCalls('---\ntitle: x\n---\n<A k="v" n={2} flag />\n\n<B\n  s=\'q\'\n  o={{ a: { b: 1 } }}\n>x</B>\n`<C />`\n');
    expect(calls.map((c) => c.name)).toEqual(['A', 'B']);
    expect(calls[0]!.attrs).toEqual({ k: 'v', n: '2', flag: 'true' });
    expect(calls[1]!.attrs).toEqual({ s: 'q', o: '{ a: { b: 1 } }' });
    expect(calls[1]!.line).toBe(6);
  });
});
