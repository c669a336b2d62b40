/**
 * The review page lists each missed question once, as "kind + question": a question with no text
 * of its own (Predict the numbers) is named by its scenario, never by its kind a second time.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { builtPages } from './pages.ts';

for (const lang of ['ko', 'en'] as const) {
  test(`review page: every missed question reads kind + question, no word doubled (${lang})`, async ({ page }) => {
    const review = builtPages().find((p) => p.path.endsWith(`${lang}/review/`));
    if (!review) throw new Error(`no ${lang}/review/ page in the build`);
    const ids = [...readFileSync(review.file, 'utf8').matchAll(/data-review-item="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(10);
    // Every question answered wrong once, in the stored format the quizzes write.
    const quizzes = Object.fromEntries(ids.map((id) => [id, { chapter: 'x', attempts: 1, correct: false, wrongEver: true, at: 0 }]));
    await page.addInitScript(
      (p) => localStorage.setItem('tcp-book:progress', p),
      JSON.stringify({ format: 'tcp-book-progress', version: 2, quizzes, drill: {} }),
    );
    await page.goto(review.path);
    const items = page.locator('[data-list="wrong"] > li');
    await expect(items).toHaveCount(ids.length);
    const texts = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        kind: li.querySelector('.review-kind')?.textContent?.trim() ?? '',
        text: li.querySelector('a')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    );
    const doubled = texts.filter((t) => t.text === `${t.kind} ${t.kind}` || t.text.split(t.kind).length > 2);
    expect(doubled.map((t) => t.text)).toEqual([]);
  });
}
