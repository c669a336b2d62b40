/**
 * For every chapter, the terms a reader would type (src/data/search-terms.ts) bring that chapter up
 * among the first three chapters of the results, in each language, through the search dialog
 * itself (so it ranks exactly as readers see it).
 */
import { expect, test } from '@playwright/test';
import { searchTerms } from '../../src/data/search-terms.ts';
import { BASE, chapterPages } from './pages.ts';
import { openAndType, resultsFor } from './search-ui.ts';

for (const lang of ['ko', 'en'] as const) {
  test(`every chapter's search terms find it in the top three (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    const from = chapterPages(lang)[0];
    expect(from, `a ${lang} chapter to search from`).toBeDefined();
    await page.goto(from?.path ?? '');
    const queries = searchTerms.flatMap((c) => c.terms[lang].map((term) => ({ term, want: `${BASE}${lang}/${c.slug}/` })));
    expect(queries.length).toBeGreaterThanOrEqual(16);
    await openAndType(page, '');
    const misses: string[] = [];
    for (const q of queries) {
      const top = (await resultsFor(page, q.term)).slice(0, 3).map((g) => new URL(g.sections[0]!.href).pathname);
      if (!top.includes(q.want)) misses.push(`"${q.term}" → ${top.join(', ') || 'nothing'} (want ${q.want})`);
    }
    expect(misses, 'terms whose chapter is not in the top three').toEqual([]);
  });
}
