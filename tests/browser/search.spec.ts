/**
 * Search finds what readers type, in each language, and its code is not loaded before the
 * reader opens it (the 3 KB budget of a text chapter depends on that).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BASE, chapterPages, layoutReady } from './pages.ts';
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
    expect(
      loaded.filter((u) => u.includes('/pagefind/')),
      'search code or index loaded before search was opened',
    ).toEqual([]);
    const hrefs = await search(page, query);
    const chapters = new Set(chapterPages(lang).map((p) => p.path));
    const hits = hrefs.map((h) => new URL(h).pathname).filter((p) => chapters.has(p));
    expect(hits.length, `results for "${query}" that are ${lang} chapters (got ${hrefs.join(', ')})`).toBeGreaterThan(0);
    expect(
      hrefs.every((h) => new URL(h).pathname.startsWith(`${BASE}${lang}/`)),
      'results stay in the page language',
    ).toBe(true);
  });
}

test('Ctrl+K opens search too', async ({ page }) => {
  await page.goto(chapterPages('en')[0]?.path ?? '');
  const hrefs = await search(page, 'handshake', 'Control+k');
  expect(hrefs.length).toBeGreaterThan(0);
});

test('search works by keyboard alone and says how many results it found', async ({ page }) => {
  await page.goto(chapterPages('en')[0]?.path ?? '');
  await layoutReady(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('/');
  await page.keyboard.type('why 2MSL', { delay: 10 });
  const status = page.locator('[data-search-status]');
  await expect(status).toHaveAttribute('data-query', 'why 2MSL');
  await expect(status, 'the count is announced politely').toHaveAttribute('aria-live', 'polite');
  await expect(status).toHaveText(/\d+ sections in \d+ chapters/);
  const input = page.locator('#search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = page.locator('[data-search-results] a[role="option"]').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? '');
  const href = (await second.getAttribute('href')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('#search-dialog'), 'the dialog closes on the result').not.toHaveAttribute('open', '');
  await layoutReady(page); // the result is a new page: its shortcut works once its layout script has run
  await page.keyboard.press('/');
  await expect(page.locator('#search-dialog')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(page.locator('#search-dialog')).not.toHaveAttribute('open', '');
});

test('an open search with results has no accessibility violations, in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
    await page.goto(chapterPages('ko')[0]?.path ?? '');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('/');
    await page.keyboard.type('타임웨이트 왜 필요', { delay: 10 });
    await expect(page.locator('[data-search-status]')).toHaveAttribute('data-query', '타임웨이트 왜 필요');
    await page.keyboard.press('ArrowDown');
    const { violations } = await new AxeBuilder({ page }).include('#search-dialog').analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe (${theme})`,
    ).toEqual([]);
  }
});
