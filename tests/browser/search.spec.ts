/**
 * Search finds what readers type, in each language, and its code is not loaded before the
 * reader opens it (the 3 KB budget of a text chapter depends on that).
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages } from './pages.ts';
import { search } from './search-ui.ts';

const cases = [
  { lang: 'en', query: 'TIME_WAIT' },
  { lang: 'ko', query: '핸드셰이크' },
] as const;

for (const { lang, query } of cases) {
  test(`search finds "${query}" from an ${lang} page`, async ({ page }) => {
    const from = chapterPages(lang)[0];
    expect(from, `a ${lang} chapter`).toBeDefined();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(from?.path ?? '');
    await page.waitForLoadState('networkidle');
    expect(loaded.filter((u) => u.includes('/pagefind/')), 'search code or index loaded before search was opened').toEqual([]);
    const hrefs = await search(page, query);
    const chapters = new Set(chapterPages(lang).map((p) => p.path));
    const hits = hrefs.map((h) => new URL(h).pathname).filter((p) => chapters.has(p));
    expect(hits.length, `results for "${query}" that are ${lang} chapters (got ${hrefs.join(', ')})`).toBeGreaterThan(0);
    expect(hrefs.every((h) => new URL(h).pathname.startsWith(`${BASE}${lang}/`)), 'results stay in the page language').toBe(true);
  });
}

test('Ctrl+K opens search too', async ({ page }) => {
  await page.goto(chapterPages('en')[0]?.path ?? '');
  const hrefs = await search(page, 'handshake', 'Control+k');
  expect(hrefs.length).toBeGreaterThan(0);
});
