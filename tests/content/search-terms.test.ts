import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './read-chapters';
import { searchTerms } from '../../src/data/search-terms';

/**
 * The offline half of the search check: the browser test proves ranking, this one proves each
 * listed term is still in the indexed prose of its chapter, so a rewording that drops it fails
 * here in milliseconds, with the file named, instead of only in a browser run.
 */

/** Chapter prose as pagefind indexes it: no frontmatter, no quiz blocks (they are data-pagefind-ignore). */
function indexedProse(source: string): string {
  return source
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/<(MultipleChoice|SpotError)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<(OrderSegments|NameState|PredictNumbers)\b[^>]*\/>/g, '');
}

describe('search terms (src/data/search-terms.ts)', () => {
  it('lists each chapter once, with two or three terms per language', () => {
    const slugs = searchTerms.map((t) => t.slug);
    expect(new Set(slugs).size, `duplicate slugs in ${slugs.join(', ')}`).toBe(slugs.length);
    for (const t of searchTerms) {
      for (const lang of ['ko', 'en'] as const) {
        const n = t.terms[lang].length;
        expect(n >= 2 && n <= 3, `${t.slug} (${lang}) has ${n} terms`).toBe(true);
      }
    }
  });

  for (const t of searchTerms) {
    for (const lang of ['ko', 'en'] as const) {
      it(`${lang}/${t.slug}: every term appears in the chapter's indexed prose`, () => {
        const file = join('content', lang, `${t.slug}.mdx`);
        expect(existsSync(join(root, file)), `${file} missing`).toBe(true);
        const prose = indexedProse(readFileSync(join(root, file), 'utf8')).toLowerCase();
        const missing = t.terms[lang].filter((term) => !prose.includes(term.toLowerCase()));
        expect(missing, `${file}: terms not in the chapter text`).toEqual([]);
      });
    }
  }

  it('fails for a term the chapter does not contain', () => {
    expect(indexedProse('---\ntitle: x\n---\nabc <MultipleChoice id="q">zzz</MultipleChoice>')).not.toContain('zzz');
    expect(indexedProse('---\ntitle: zzz\n---\nabc').includes('zzz')).toBe(false);
  });
});
