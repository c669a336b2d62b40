import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createChapter, NewChapterError } from '../../scripts/new-chapter.ts';

const templates = resolve(__dirname, '../../templates/chapter');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-chapter-'));
  mkdirSync(join(dir, 'ko'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', 'intro.mdx'), '---\ntitle: x\norder: 4\n---\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new-chapter', () => {
  it('creates the ko/en pair after the last chapter, slug filled in', () => {
    const [ko, en] = createChapter('rst-and-resets', dir, templates);
    expect(ko).toBe(join(dir, 'ko', 'rst-and-resets.mdx'));
    const enText = readFileSync(en!, 'utf8');
    expect(enText).toMatch(/^order: 5$/m);
    expect(enText).toContain('content/ko/rst-and-resets.mdx');
    expect(readFileSync(ko!, 'utf8')).toMatch(/^order: 5$/m);
    expect(enText).not.toContain('{{');
  });
  it('refuses an existing slug, naming the file', () => {
    expect(() => createChapter('intro', dir, templates)).toThrow(/already exists: .*en\/intro\.mdx/);
  });
  it.each(['Time-Wait', 'time_wait', 'time--wait', '-x', 'x-', '한글', '../etc'])('refuses the bad slug %s', (slug) => {
    expect(() => createChapter(slug, dir, templates)).toThrow(NewChapterError);
    expect(() => createChapter(slug, dir, templates)).toThrow(/not a valid slug/);
  });
  it('refuses reserved route names and a missing slug', () => {
    expect(() => createChapter('labs', dir, templates)).toThrow(/reserved/);
    expect(() => createChapter(undefined, dir, templates)).toThrow(/Usage/);
  });
});
