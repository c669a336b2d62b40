/**
 * The language switcher keeps the reader on the same chapter, both ways, for every chapter.
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages, slugOf } from './pages.ts';

for (const [from, to] of [['en', 'ko'], ['ko', 'en']] as const) {
  for (const p of chapterPages(from)) {
    test(`language switch ${from}→${to} keeps the chapter: ${p.path}`, async ({ page }) => {
      await page.goto(p.path);
      const link = page.locator(`body a[hreflang="${to}"]:visible, body a[lang="${to}"]:visible`).first();
      await expect(link, `a visible link to the ${to} version`).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${BASE}${to}/${slugOf(p)}/(#.*)?$`));
      await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${to}\\b`));
    });
  }
}

test('there are chapters in both languages to switch between', () => {
  expect(chapterPages('en').length, 'English chapters (pages with data-pagefind-body)').toBeGreaterThan(0);
  expect(chapterPages('ko').length, 'Korean chapters (pages with data-pagefind-body)').toBeGreaterThan(0);
});
