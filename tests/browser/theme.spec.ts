/**
 * The theme follows the system until the reader picks one, and the pick survives a reload.
 * Checked on what the reader sees (the page background), not on a class name, so it holds
 * whatever mechanism the layout uses.
 */
import { expect, test, type Page } from '@playwright/test';
import { chapterPages, layoutReady } from './pages.ts';

/** Relative luminance of the page background (0 black … 1 white). */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pick = (el: Element): string => getComputedStyle(el).backgroundColor;
    let c = pick(document.body);
    if (/rgba\(0, 0, 0, 0\)|transparent/.test(c)) c = pick(document.documentElement);
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(c);
    if (!m) return Number.NaN;
    const lin = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
  });
}

function themeToggle(page: Page) {
  return page
    .locator('[data-theme-toggle]')
    .or(page.getByRole('button', { name: /theme|dark|light|테마|다크|라이트/i }))
    .first();
}

const chapter = chapterPages('en')[0];

// page.route cannot see requests a service worker answers; these tests delay scripts through it.
test.use({ serviceWorkers: 'block' });

/** Clicks the theme toggle until the page is dark (a toggle may cycle system/light/dark). */
async function chooseDark(page: Page): Promise<number> {
  const toggle = themeToggle(page);
  await expect(toggle, 'a theme toggle button').toBeVisible();
  await layoutReady(page);
  let now = await backgroundLuminance(page);
  for (let i = 0; i < 3 && now > 0.2; i++) {
    await toggle.click();
    now = await backgroundLuminance(page);
  }
  return now;
}

test('the theme follows the system setting', async ({ page }) => {
  expect(chapter, 'an English chapter to test on').toBeDefined();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(chapter?.path ?? '');
  const light = await backgroundLuminance(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  const dark = await backgroundLuminance(page);
  expect(light, 'light background is light').toBeGreaterThan(0.5);
  expect(dark, 'dark background is dark').toBeLessThan(0.2);
});

test('a chosen theme persists across a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(chapter?.path ?? '');
  expect(await chooseDark(page), 'the toggle switched to the dark theme').toBeLessThan(0.2);
  await page.reload();
  expect(await backgroundLuminance(page), 'still dark after a reload').toBeLessThan(0.2);
  await page.goto(chapterPages('ko')[0]?.path ?? '');
  expect(await backgroundLuminance(page), 'still dark on another page').toBeLessThan(0.2);
});

test('a chosen theme is painted first, before any script file has run (no flash)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(chapter?.path ?? '');
  expect(await chooseDark(page)).toBeLessThan(0.2);
  // Hold back every script file: only what is inline in <head> can set the theme before first paint.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\.m?js(\?|$)/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto(chapterPages('ko')[0]?.path ?? '', { waitUntil: 'commit' });
  await page.waitForFunction(
    () => document.body !== null && document.styleSheets.length > 0 && getComputedStyle(document.body).backgroundColor !== 'rgba(0, 0, 0, 0)',
  );
  const firstPaint = await backgroundLuminance(page);
  release();
  expect(firstPaint, 'background before scripts ran').toBeLessThan(0.2);
});
