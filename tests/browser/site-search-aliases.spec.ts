/**
 * Spellings readers type (from the glossary, src/data/glossary.ts, expanded in the search box by
 * src/search/query.ts) bring up the chapter that explains the term among the first three chapters
 * of the results, in its language. Pagefind has no Korean stemming and no notion of TIME_WAIT being
 * TIME-WAIT, so without the expansion most of these queries find nothing or the wrong chapter.
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages } from './pages.ts';
import { openAndType, resultsFor } from './search-ui.ts';

const cases = [
  { lang: 'ko', query: '핸드쉐이크', slug: 'three-way-handshake' },
  { lang: 'ko', query: '쓰리웨이', slug: 'three-way-handshake' },
  { lang: 'en', query: '3 way', slug: 'three-way-handshake' },
  { lang: 'en', query: 'time wait', slug: 'time-wait' },
  { lang: 'ko', query: 'TIME_WAIT', slug: 'time-wait' },
  { lang: 'ko', query: '타임웨이트', slug: 'time-wait' },
  { lang: 'en', query: 'SYN_RCVD', slug: 'three-way-handshake' },
  { lang: 'en', query: 'CLOSE_WAIT', slug: 'four-way-handshake' },
  { lang: 'ko', query: 'FIN_WAIT2', slug: 'four-way-handshake' },
] as const;

for (const lang of ['ko', 'en'] as const) {
  test(`spelling variants find the chapter that explains them (${lang})`, async ({ page }) => {
    const from = chapterPages(lang)[0];
    expect(from, `a ${lang} chapter to search from`).toBeDefined();
    await page.goto(from?.path ?? '');
    await openAndType(page, '');
    const misses: string[] = [];
    for (const { query, slug } of cases.filter((c) => c.lang === lang)) {
      const top = (await resultsFor(page, query)).slice(0, 3).map((g) => new URL(g.sections[0]!.href).pathname);
      if (!top.includes(`${BASE}${lang}/${slug}/`)) misses.push(`"${query}" → ${top.join(', ') || 'nothing'} (want /${lang}/${slug}/)`);
    }
    expect(misses, 'variants whose chapter is not among the first three').toEqual([]);
  });
}
