/**
 * The search check: for every chapter, the terms a reader would type (src/data/search-terms.ts)
 * bring that chapter up among the first three results, in each language. Runs pagefind's own API
 * on the built index, in the browser, from a page of that language (pagefind picks the index by
 * <html lang>), so it ranks exactly as the search dialog does.
 */
import { expect, test } from '@playwright/test';
import { searchTerms } from '../../src/data/search-terms.ts';
import { BASE, chapterPages } from './pages.ts';

for (const lang of ['ko', 'en'] as const) {
  test(`every chapter's search terms find it in the top three (${lang})`, async ({ page }) => {
    const from = chapterPages(lang)[0];
    expect(from, `a ${lang} chapter to search from`).toBeDefined();
    await page.goto(from?.path ?? '');
    const queries = searchTerms.flatMap((c) => c.terms[lang].map((term) => ({ term, want: `${BASE}${lang}/${c.slug}/` })));
    expect(queries.length).toBeGreaterThanOrEqual(16);
    const misses = await page.evaluate(
      async ({ queries, base }) => {
        const pagefind = await import(`${base}pagefind/pagefind.js`);
        await pagefind.init();
        const out: string[] = [];
        for (const q of queries) {
          const res = await pagefind.search(q.term);
          const urls: string[] = [];
          for (const r of res.results.slice(0, 6)) {
            const url = new URL((await r.data()).url, location.href).pathname;
            if (!urls.includes(url)) urls.push(url);
          }
          if (!urls.slice(0, 3).includes(q.want)) out.push(`"${q.term}" → ${urls.slice(0, 3).join(', ') || 'nothing'} (want ${q.want})`);
        }
        return out;
      },
      { queries, base: BASE },
    );
    expect(misses, 'terms whose chapter is not in the top three').toEqual([]);
  });
}
