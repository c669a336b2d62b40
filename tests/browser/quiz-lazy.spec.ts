/**
 * Quiz code loads when a quiz comes near the viewport, not at page load (quiz-loader.ts): a reader
 * at the top of a chapter downloads no quiz JavaScript; scrolling to a quiz wakes it.
 */
import { expect, test } from '@playwright/test';
import { pageWith } from './quiz-helpers.ts';

test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

test('a chapter loads no quiz code until a quiz comes near', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(pageWith('<quiz-choice').path, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const quiz = page.locator('.quiz').first();
  const above = await quiz.evaluate((e) => e.getBoundingClientRect().top > 2 * innerHeight);
  expect(above, 'the first quiz starts more than a screen below the top').toBe(true);
  expect(await page.locator('.quiz[data-ready]').count(), 'quizzes woken at page load').toBe(0);
  const quizCode = scripts.filter((s) => /\/(base|choice|order|state|predict)\.[\w-]+\.js$/.test(s));
  expect(quizCode, 'quiz modules fetched at page load').toEqual([]);
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', /.*/);
});

test('on a phone, the verdict appears right under the Check button that was tapped, on screen', async ({ page }) => {
  await page.goto(pageWith('<quiz-order').path);
  const quiz = page.locator('quiz-order').first();
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', /.*/);
  const check = quiz.locator('[data-act="check"]');
  await check.tap();
  const verdict = quiz.locator('.quiz-feedback .quiz-verdict');
  await expect(verdict).toBeVisible();
  const where = await page.evaluate(() => {
    const q = document.querySelector('quiz-order');
    const actions = q?.querySelector('.quiz-actions')?.getBoundingClientRect();
    const v = q?.querySelector('.quiz-feedback .quiz-verdict')?.getBoundingClientRect();
    return { gap: (v?.top ?? 0) - (actions?.bottom ?? 0), bottom: v?.bottom ?? Infinity, height: innerHeight };
  });
  expect(where.gap, 'px between the buttons and the verdict').toBeLessThan(40);
  expect(where.bottom, 'the verdict is on screen').toBeLessThanOrEqual(where.height);
});
