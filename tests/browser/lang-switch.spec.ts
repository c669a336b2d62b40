/**
 * The language switcher keeps the reader on the same chapter, both ways, for every chapter.
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages, layoutReady, slugOf } from './pages.ts';

for (const [from, to] of [
  ['en', 'ko'],
  ['ko', 'en'],
] as const) {
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

// Heading ids are the same in both languages, and a lab's state lives in the hash: the switch keeps it.
for (const [from, to, hash] of [
  ['ko', 'en', '#late-packets'],
  ['en', 'ko', '#lab=lab-lost-final-ack&s=lost-final-ack&step=3'],
] as const) {
  test(`language switch ${from}→${to} keeps the #hash (${hash})`, async ({ page }) => {
    await page.goto(`${from}/time-wait/${hash}`);
    await layoutReady(page);
    await page.waitForTimeout(300); // a woken lab may rewrite its hash; the switch must carry what is there when clicked
    const before = await page.evaluate(() => location.hash);
    expect(before.length, 'the page kept a hash to carry').toBeGreaterThan(1);
    await page.evaluate(() => scrollTo(0, 0)); // the switch is in the header, at the top
    await page.locator(`header a[hreflang="${to}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${BASE}${to}/time-wait/#`));
    expect(await page.evaluate(() => location.hash)).toBe(before);
  });
}
