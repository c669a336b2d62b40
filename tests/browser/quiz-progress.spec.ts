/**
 * Progress across page loads: it survives a reload (quiz status, sidebar score, review page),
 * an export/import round trip, a malformed import (clear error, nothing changed), and storage
 * that was deliberately corrupted or left by an old version (short notice, page still works).
 * Also the drill: Leitner boxes saved, and it keeps working offline.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { correctIndex, pageWith, quizzesReady, singleChoice } from './quiz-helpers.ts';
import { waitForEdition } from './sw-helpers.ts';

const KEY = 'tcp-book:progress';

async function answerWrong(page: Page): Promise<{ id: string; slug: string }> {
  const quiz = singleChoice(page);
  const right = await correctIndex(quiz);
  await quiz
    .locator('.quiz-option input')
    .nth(right === 0 ? 1 : 0)
    .check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'wrong');
  return { id: (await quiz.getAttribute('data-quiz-id')) ?? '', slug: (await quiz.getAttribute('data-chapter')) ?? '' };
}

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

test('a wrong answer survives a reload: quiz status, sidebar score and the review page', async ({ page }) => {
  const chapter = pageWith('<quiz-choice');
  await page.goto(chapter.path);
  await quizzesReady(page);
  const { id, slug } = await answerWrong(page);
  await page.reload();
  await quizzesReady(page);
  const quiz = page.locator(`[data-quiz-id="${id}"]`);
  await expect(quiz.locator('.quiz-status')).toContainText('not right yet');
  const score = page.locator(`.sidebar [data-quiz-score="${slug}"]`);
  await expect(score.locator('.quiz-score')).toHaveText(/^0\/\d+$/);
  await expect(score.locator('.sr-only')).toContainText('quiz answers right');

  await page.goto('/en/review/');
  const wrong = page.locator('[data-list="wrong"] li');
  await expect(wrong).toHaveCount(1);
  await expect(wrong.locator('a')).toHaveAttribute('href', new RegExp(`/en/${slug}/#quiz-${id}$`));

  // fix it from the review link, and it moves to "missed once"
  await wrong.locator('a').click();
  await quizzesReady(page);
  const again = page.locator(`[data-quiz-id="${id}"]`);
  await again
    .locator('.quiz-option input')
    .nth(await correctIndex(again))
    .check();
  await again.getByRole('button', { name: 'Check' }).click();
  await page.goto('/en/review/');
  await expect(page.locator('[data-list="fixed"] li')).toHaveCount(1);
  await expect(page.locator('[data-section="wrong"]')).toBeHidden();
});

test('export then import restores the same progress', async ({ page }) => {
  await page.goto(pageWith('<quiz-choice').path);
  await quizzesReady(page);
  await answerWrong(page);
  const before = JSON.parse((await stored(page)) ?? '{}');
  await page.goto('/en/review/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'tcp-book-progress', version: 2, quizzes: before.quizzes });

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-list="wrong"] li')).toHaveCount(0);
  await page.getByLabel('Import progress').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('[data-import-plan]').getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('[data-io-status]')).toContainText('Imported. Quiz results added or updated: 1');
  await expect(page.locator('[data-list="wrong"] li')).toHaveCount(1);
  expect(JSON.parse((await stored(page)) ?? '{}')).toEqual(before);
});

test('a malformed import is refused with a clear message and changes nothing', async ({ page }) => {
  await page.goto('/en/review/');
  await page.evaluate(([k]) => localStorage.setItem(k!, JSON.stringify({ format: 'tcp-book-progress', version: 2, quizzes: {}, drill: {} })), [KEY]);
  const before = await stored(page);
  const input = page.getByLabel('Import progress');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "tcp-book-progress", "version": 2, "quizzes": {"x-y": {"chapter": "c", "attempts": 0}}'),
  });
  const status = page.locator('[data-io-status]');
  await expect(status).toContainText('This file is not JSON');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"tcp-book-progress","version":2,"quizzes":{"x-y":{"chapter":"c","attempts":0,"correct":true,"wrongEver":false,"at":0}}}'),
  });
  await expect(status).toHaveText('The file is broken at quizzes["x-y"].attempts: expected a whole number ≥ 1.');
  await expect(status).toHaveAttribute('data-kind', 'error');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(status).toHaveText('This JSON is not a progress file from this book.');
  expect(await stored(page)).toBe(before);
});

for (const [name, raw, notice] of [
  ['garbage', '{"format":"tcp-book-progress","version":2,"quizzes":', 'could not be read, so it was reset'],
  ['a broken version field', '{"format":"tcp-book-progress","version":"2","quizzes":{}}', 'could not be read, so it was reset'],
  ['version 1 data', '{"v":1,"answers":{"some-old-quiz":{"chapter":"tcp-basics","ok":false,"tries":2}}}', 'updated to the current format'],
] as const) {
  test(`corrupted storage (${name}): a short notice, and the quizzes still work`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, raw],
    );
    await page.goto(pageWith('<quiz-choice').path);
    await quizzesReady(page);
    const note = page.locator('.quiz-notice');
    await expect(note).toContainText(notice);
    await expect(note).toHaveAttribute('role', 'status');
    const axe = await new AxeBuilder({ page }).include('.quiz-notice').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await note.getByRole('button', { name: 'Dismiss' }).click();
    await expect(note).toHaveCount(0);
    await answerWrong(page);
    const now = JSON.parse((await stored(page)) ?? '{}');
    expect(now).toMatchObject({ format: 'tcp-book-progress', version: 2 });
    if (name === 'version 1 data') expect(now.quizzes['some-old-quiz']).toMatchObject({ attempts: 2, correct: false, wrongEver: true });
    else expect(await page.evaluate(() => JSON.parse(localStorage.getItem('tcp-book:progress:backups') ?? '[]')[0]?.text)).toBe(raw);
    expect(errors).toEqual([]);
  });
}

test('the sidebar score tolerates garbage on pages without quizzes', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(([k]) => localStorage.setItem(k!, '][not json'), [KEY]);
  await page.goto('/en/');
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('[data-quiz-score] .quiz-score')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('drill: grade cards with the network off, and the boxes survive a reload', async ({ page, context }) => {
  await page.goto('/en/drill/');
  const drill = page.locator('quiz-drill');
  await expect(drill).toHaveAttribute('data-ready', '');
  await expect(drill.locator('[data-card]:visible')).toHaveCount(1);
  await context.setOffline(true);
  const first = drill.locator('[data-card]:visible');
  const firstId = await first.getAttribute('data-card');
  await expect(first.locator('.drill-answer')).toBeHidden();
  await first.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(first.locator('.drill-answer')).toBeVisible();
  // the grade buttons get focus; "Didn't know it" comes first, and Enter grades the card
  await expect(first.getByRole('group', { name: 'How did you do?' }).getByRole('button', { name: /Didn.t know it/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const second = drill.locator('[data-card]:visible');
  await expect(second).toHaveCount(1);
  await second.getByRole('button', { name: 'Show the model answer' }).click();
  await second.getByRole('button', { name: 'Knew it' }).click();
  const saved = JSON.parse((await stored(page)) ?? '{}');
  expect(Object.keys(saved.drill).length).toBe(2);
  await context.setOffline(false);
  await page.reload();
  await expect(drill.locator('[data-box="2"] [data-count]')).toHaveText('1');
  expect(firstId).not.toBeNull();
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('the drill works offline after one visit to the book (never-visited drill page, service worker)', async ({ page, context }) => {
    await page.goto('ko/');
    const active = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return 'no serviceWorker API';
      const reg = await Promise.race([navigator.serviceWorker.ready, new Promise<undefined>((r) => setTimeout(() => r(undefined), 20_000))]);
      return reg?.active ? 'active' : 'no service worker became active within 20 s';
    });
    expect(active).toBe('active');
    await waitForEdition(page, 'ko');
    await context.setOffline(true);
    const res = await page.goto('/ko/drill/');
    expect(res?.ok()).toBe(true);
    const drill = page.locator('quiz-drill');
    await expect(drill).toHaveAttribute('data-ready', '');
    const card = drill.locator('[data-card]:visible');
    await card.getByRole('button', { name: '모범 답안 보기' }).click();
    await card.getByRole('button', { name: '알았습니다', exact: true }).click();
    await expect(drill.locator('[data-box="2"] [data-count]')).toHaveText('1');
  });
});
