/**
 * Glossary aliases (src/data/glossary.ts → hidden keywords): the spellings readers actually type
 * bring up the chapter that explains the term, among the first three results, in its language.
 * Pagefind has no Korean stemming, so without the aliases most of these queries find nothing.
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages } from './pages.ts';
import { search } from './search-ui.ts';

const cases = [
  { lang: 'ko', query: '핸드쉐이크', slug: 'three-way-handshake' },
  { lang: 'ko', query: '쓰리웨이', slug: 'three-way-handshake' },
  { lang: 'en', query: '3 way', slug: 'three-way-handshake' },
  { lang: 'en', query: 'time wait', slug: 'time-wait' },
  { lang: 'ko', query: 'TIME_WAIT', slug: 'time-wait' },
  { lang: 'en', query: 'SYN_RCVD', slug: 'three-way-handshake' },
  { lang: 'en', query: 'CLOSE_WAIT', slug: 'four-way-handshake' },
  { lang: 'ko', query: 'FIN_WAIT2', slug: 'four-way-handshake' },
] as const;

for (const { lang, query, slug } of cases) {
  test(`"${query}" finds /${lang}/${slug}/ in the top three`, async ({ page }) => {
    const from = chapterPages(lang)[0];
    expect(from, `a ${lang} chapter to search from`).toBeDefined();
    await page.goto(from?.path ?? '');
    const hrefs = await search(page, query);
    await page.waitForTimeout(300); // let pagefind settle on the full query, not a prefix of it
    const settled = await page
      .locator('a.pagefind-ui__result-link')
      .evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname));
    // Sub-results repeat their page: rank pages, not links.
    const top = [...new Set(settled.length ? settled : hrefs.map((h) => new URL(h).pathname))].slice(0, 3);
    expect(top, `top results for "${query}"`).toContain(`${BASE}${lang}/${slug}/`);
  });
}
