/**
 * Answering each kind of quiz in a real chapter: feedback at once with the reason and the proof
 * link, retry after a wrong answer, keyboard-only use, nothing visible or sent before answering,
 * and axe clean with the feedback open, in both themes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { extractQuizzes } from '../../src/content-checks/quiz.ts';
import { OUT } from './pages.ts';
import { correctIndex, pageWith, quizzesReady, singleChoice, type QuizTagName } from './quiz-helpers.ts';

test('single choice: wrong answer explained with proof link, retry, then right', async ({ page }) => {
  await page.goto(pageWith('<quiz-choice').path);
  await quizzesReady(page);
  const quiz = singleChoice(page);
  const right = await correctIndex(quiz);
  const wrong = right === 0 ? 1 : 0;
  const rightExplanation = (
    await quiz
      .locator('.quiz-option template')
      .nth(right)
      .evaluate((t) => (t as HTMLTemplateElement).content.textContent ?? '')
  ).trim();
  // not visible before answering
  await expect(page.getByText(rightExplanation, { exact: false })).toHaveCount(0);

  await quiz.locator('.quiz-option input').nth(wrong).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  const feedback = quiz.locator('.quiz-feedback');
  await expect(feedback).toHaveAttribute('role', 'status');
  await expect(feedback.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'wrong');
  await expect(feedback).not.toContainText(rightExplanation);
  const proof = feedback.locator('.quiz-proof a');
  if ((await quiz.getAttribute('data-proof')) !== null) await expect(proof).toHaveAttribute('href', /.+/);
  const retry = quiz.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await retry.click();
  await expect(feedback).toBeEmpty();
  await quiz.locator('.quiz-option input').nth(right).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(feedback.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'right');
  await expect(feedback).toContainText(rightExplanation);
});

test('single choice by keyboard only: arrow keys in the radio group, Enter on Check, result announced', async ({ page }) => {
  await page.goto(pageWith('<quiz-choice').path);
  await quizzesReady(page);
  const quiz = singleChoice(page);
  const right = await correctIndex(quiz);
  await quiz.locator('.quiz-option input').first().focus();
  for (let i = 0; i < right; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(quiz.locator('.quiz-option input').nth(right)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.getByRole('status')).toContainText('Right.');
});

test('order the segments: keyboard buttons and drag both reorder; the true order is right', async ({ page }) => {
  await page.goto(pageWith('<quiz-order').path);
  await quizzesReady(page);
  const quiz = page.locator('quiz-order').first();
  const expected = JSON.parse((await quiz.getAttribute('data-expected')) ?? '[]') as string[];
  const keys = () => quiz.locator('.quiz-order-list > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.key ?? ''));

  // drag the last item to the top
  const items = quiz.locator('.quiz-order-list > li');
  const before = await keys();
  await items.last().dragTo(items.first(), { targetPosition: { x: 10, y: 2 } });
  const afterDrag = await keys();
  expect(afterDrag[0]).toBe(before.at(-1));

  // then sort with the keyboard: focus an Up button and press Enter until it is in place
  for (let target = 0; target < expected.length; target++) {
    const now = await keys();
    let at = now.findIndex((k, i) => i >= target && k === expected[target]);
    while (at > target) {
      await items
        .nth(at)
        .getByRole('button', { name: /Move up/ })
        .focus();
      await page.keyboard.press('Enter');
      at--;
    }
  }
  expect(await keys()).toEqual(expected);
  await expect(quiz.locator('.quiz-moves')).not.toBeEmpty();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'right');
});

test('name the state: any spelling of the right state counts; a non-state asks again', async ({ page }) => {
  await page.goto(pageWith('<quiz-state').path);
  await quizzesReady(page);
  const quiz = page.locator('quiz-state').first();
  const input = quiz.getByRole('textbox');
  await input.fill('banana');
  await input.press('Enter');
  await expect(quiz.locator('.quiz-feedback')).toContainText('not a state name');
  await expect(quiz.locator('.quiz-verdict')).toHaveCount(0);
  const netstat = JSON.parse((await quiz.getAttribute('data-spellings')) ?? '{}').netstat as string;
  await input.fill(netstat.toLowerCase());
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'right');
});

test('predict the numbers: the truth is shown after a wrong guess, and new random numbers keep coming', async ({ page }) => {
  await page.goto(pageWith('<quiz-predict').path);
  await quizzesReady(page);
  const quiz = page.locator('quiz-predict').first();
  // the engine loads when the quiz nears the screen
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz.locator('[data-shown] li').first()).toBeVisible();
  const fields = quiz.locator('.quiz-field:visible input');
  const n = await fields.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await fields.nth(i).fill('1');
  await quiz.getByRole('button', { name: 'Check' }).click();
  const truth = (await quiz.locator('.quiz-feedback').textContent()) ?? '';
  const m = /seq (\d+)(?:, ack (\d+))?/.exec(truth);
  expect(m, truth).not.toBeNull();
  await quiz.getByRole('button', { name: 'Try again' }).click();
  const seqField = quiz.locator('[data-field="seq"]');
  if (await seqField.isVisible()) await seqField.locator('input').fill(m![1]!);
  const ackField = quiz.locator('[data-field="ack"]');
  if (await ackField.isVisible()) await ackField.locator('input').fill(m![2]!);
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.locator('.quiz-verdict')).toHaveAttribute('data-verdict', 'right');

  const firstRun = await quiz.locator('[data-shown]').textContent();
  await quiz.getByRole('button', { name: 'New random numbers' }).click();
  await expect(quiz.locator('.quiz-feedback')).toBeEmpty();
  expect(await quiz.locator('[data-shown]').textContent()).not.toBe(firstRun);
});

test('answering sends nothing anywhere', async ({ page }) => {
  const requests: string[] = [];
  await page.goto(pageWith('<quiz-choice').path);
  await quizzesReady(page);
  await page.waitForLoadState('networkidle');
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const quiz = singleChoice(page);
  await quiz.locator('.quiz-option input').first().check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.locator('.quiz-verdict')).toBeVisible();
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
});

/** Gives each kind some answer so that its feedback (and marks) are on screen for axe. */
const answer: Record<QuizTagName, (quiz: Locator) => Promise<void>> = {
  'quiz-choice': async (quiz) => quiz.locator('.quiz-option input').first().check(),
  'quiz-order': async (quiz) => quiz.locator('[data-move="down"]').first().click(),
  'quiz-state': async (quiz) => quiz.getByRole('textbox').fill('LISTEN'),
  'quiz-predict': async (quiz) => {
    await quiz.scrollIntoViewIfNeeded();
    await expect(quiz.locator('[data-shown] li').first()).toBeVisible();
    const fields = quiz.locator('.quiz-field:visible input');
    for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill('1');
  },
};

for (const scheme of ['light', 'dark'] as const) {
  for (const tag of ['quiz-choice', 'quiz-order', 'quiz-state', 'quiz-predict'] as const) {
    test(`axe with feedback open, ${tag}, ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(pageWith(`<${tag}`).path);
      await quizzesReady(page);
      const quiz = page.locator(tag).first();
      await answer[tag](quiz);
      await quiz.getByRole('button', { name: 'Check' }).click();
      await expect(quiz.locator('.quiz-verdict')).toBeVisible();
      const r = await new AxeBuilder({ page }).include(`#${await quiz.getAttribute('id')}`).analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('quiz answers and explanations are not in the search index', () => {
  const dir = join(OUT, 'pagefind', 'fragment');
  if (!existsSync(dir)) throw new Error(`no search index at ${dir}: build with npm run build (it runs pagefind)`);
  const text = readdirSync(dir)
    .map((f) => gunzipSync(readFileSync(join(dir, f))).toString('utf8'))
    .join('\n');
  expect(text.length).toBeGreaterThan(1000);
  const explanations: string[] = [];
  for (const lang of ['en', 'ko']) {
    const folder = join('content', lang);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.mdx'))) {
      for (const q of extractQuizzes(name, readFileSync(join(folder, name), 'utf8')).quizzes) {
        for (const o of q.options) if (o.explanation && o.explanation.length > 30) explanations.push(o.explanation.replace(/`/g, ''));
      }
    }
  }
  expect(explanations.length).toBeGreaterThan(10);
  // 80 characters: long enough that a prose sentence saying the same thing is not taken for a leak
  const leaked = explanations.filter((e) => text.includes(e.slice(0, 80)));
  expect(leaked).toEqual([]);
});
