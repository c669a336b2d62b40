/**
 * Progress is never lost silently: a save that storage refuses is said next to the answer and the
 * answer lives on for the tab's session; an import merges (newest answer per quiz wins) after
 * showing what would change, with the previous progress backed up and restorable in one click;
 * progress written by a newer version of the book is left untouched and read-only.
 */
import { expect, test, type Page } from '@playwright/test';
import { correctIndex, pageWith, quizzesReady, singleChoice } from './quiz-helpers.ts';

const KEY = 'tcp-book:progress';
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const rec = (at: number, correct: boolean) => ({ chapter: 'tcp-basics', attempts: 1, correct, wrongEver: !correct, at });
const file = (quizzes: object) => ({
  name: 'progress.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'tcp-book-progress', version: 2, quizzes })),
});

/** Fills localStorage until it refuses a write, the way a full disk or quota does. */
async function fillStorage(page: Page): Promise<void> {
  const full = await page.evaluate(() => {
    // big pieces first, then smaller ones, until not even a few characters fit
    let refused = false;
    let n = 0;
    for (const size of [262144, 16384, 1024, 64, 4]) {
      const piece = 'x'.repeat(size);
      for (let i = 0; i < 10_000; i++) {
        try {
          localStorage.setItem(`filler-${n++}`, piece);
        } catch {
          refused = true;
          break;
        }
      }
    }
    return refused;
  });
  expect(full, 'localStorage refused a write').toBe(true);
}

async function answer(page: Page, right: boolean): Promise<string> {
  const quiz = singleChoice(page);
  const ok = await correctIndex(quiz);
  await quiz
    .locator('.quiz-option input')
    .nth(right ? ok : ok === 0 ? 1 : 0)
    .check();
  await quiz.locator('[data-act="check"]').click();
  return (await quiz.getAttribute('data-quiz-id')) ?? '';
}

for (const lang of ['en', 'ko'] as const) {
  test(`full storage (${lang}): the reader is told next to the answer, and it is kept for the session`, async ({ page }) => {
    const chapter = pageWith('<quiz-choice', lang);
    await page.goto(chapter.path);
    await quizzesReady(page);
    await fillStorage(page);
    const id = await answer(page, false);
    const quiz = page.locator(`[data-quiz-id="${id}"]`);
    const said = quiz.locator('.quiz-save-failed');
    await expect(said).toBeVisible();
    await expect(said).toContainText(lang === 'en' ? 'could not be saved' : '저장하지 못했습니다');
    await expect(page.locator('.quiz-notice[data-notice="save-failed"]')).toHaveAttribute('role', 'alert');
    expect(await stored(page)).toBeNull();
    // the same tab, another page load: the answer is still there
    await page.reload();
    await quizzesReady(page);
    await expect(page.locator(`[data-quiz-id="${id}"] .quiz-status`)).toBeVisible();
    // once there is room again, the session copy is written to localStorage on the next load
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('filler-'))
        .forEach((k) => localStorage.removeItem(k)),
    );
    await page.reload();
    await quizzesReady(page);
    expect(JSON.parse((await stored(page)) ?? '{}').quizzes?.[id]).toMatchObject({ correct: false });
  });
}

test('an import merges after showing what changes; an empty file deletes nothing; a backup restores in one click', async ({ page }) => {
  await page.goto('/en/review/');
  const mine = { format: 'tcp-book-progress', version: 2, quizzes: { 'q-here': rec(2000, false), 'q-both': rec(1000, false) }, drill: {} };
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, JSON.stringify(mine)]);
  await page.reload();
  await expect(page.locator('[data-review][data-ready]')).toBeAttached();
  const input = page.getByLabel('Import progress');
  const plan = page.locator('[data-import-plan]');

  // the file that used to delete everything
  await input.setInputFiles(file({}));
  await expect(plan).toContainText('would change nothing');
  await expect(plan.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await plan.getByRole('button', { name: 'Cancel' }).click();
  expect(JSON.parse((await stored(page)) ?? '{}')).toEqual(mine);

  // a file with one new and one newer answer: shown first, applied only on Apply
  await input.setInputFiles(file({ 'q-new': rec(500, true), 'q-both': rec(3000, true), 'q-here': rec(1, true) }));
  await expect(plan).toContainText('add 1 quiz results and replace 1');
  expect(JSON.parse((await stored(page)) ?? '{}')).toEqual(mine);
  await plan.getByRole('button', { name: 'Apply' }).click();
  const after = JSON.parse((await stored(page)) ?? '{}');
  expect(Object.keys(after.quizzes).sort()).toEqual(['q-both', 'q-here', 'q-new']);
  expect(after.quizzes['q-here']).toEqual(mine.quizzes['q-here']);
  expect(after.quizzes['q-both']).toMatchObject({ correct: true, wrongEver: true, at: 3000 });

  // one click brings the previous progress back
  const backups = page.locator('[data-backups] li');
  await expect(backups).toHaveCount(1);
  await expect(backups.first()).toContainText('before an import');
  await backups.first().getByRole('button', { name: 'Restore' }).click();
  expect(JSON.parse((await stored(page)) ?? '{}')).toEqual(mine);
  await expect(backups).toHaveCount(2);
});

test('progress from a newer version is left untouched and read-only, with a notice', async ({ page }) => {
  const future = '{"format":"tcp-book-progress","version":3,"quizzes":{"x":{"shape":"new"}},"drill":{}}';
  await page.addInitScript(
    ([k, v]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k!, v!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [KEY, future],
  );
  await page.goto(pageWith('<quiz-choice').path);
  await quizzesReady(page);
  await expect(page.locator('.quiz-notice')).toContainText('newer version of this book');
  await answer(page, true);
  expect(await stored(page)).toBe(future);
  await page.goto('/en/review/');
  await expect(page.locator('[data-read-only]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Forget all progress' })).toBeDisabled();
  await expect(page.getByLabel('Import progress')).toBeDisabled();
  expect(await stored(page)).toBe(future);
});
