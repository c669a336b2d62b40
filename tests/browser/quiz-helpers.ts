/**
 * Finds, in the build, a page holding each quiz kind (the tests follow the book's real
 * chapters, whatever their questions are) and gives the tests small helpers around them.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { builtPages, type BuiltPage } from './pages.ts';

/** The custom element tag of each quiz kind. */
export type QuizTagName = 'quiz-choice' | 'quiz-order' | 'quiz-state' | 'quiz-predict';

/** The first English page whose HTML contains `marker`; fails naming what is missing. */
export function pageWith(marker: string, lang: 'en' | 'ko' = 'en'): BuiltPage {
  const page = builtPages().find((p) => p.lang === lang && readFileSync(p.file, 'utf8').includes(marker));
  if (!page) throw new Error(`no built ${lang} page contains ${marker}: the quiz browser tests need at least one (is the book built with its chapters?)`);
  return page;
}

/** Waits until every quiz element on the page has upgraded (its script ran). */
export async function quizzesReady(page: Page): Promise<void> {
  // A quiz kind's code loads when one of its quizzes comes near the viewport (quiz-loader.ts):
  // bring each quiz into view once, then wait for all of them.
  const quizzes = page.locator('.quiz');
  const n = await quizzes.count();
  for (let i = 0; i < n; i++) await quizzes.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator('.quiz:not([data-ready])')).toHaveCount(0);
}

/** Index of the correct option of a single-choice quiz, read from its hidden templates. */
export async function correctIndex(quiz: Locator): Promise<number> {
  return quiz.locator('.quiz-option').evaluateAll((lis) => lis.findIndex((li) => li.querySelector('template')?.hasAttribute('data-correct')));
}

/** The first single-choice quiz (radio buttons) on the page. */
export function singleChoice(page: Page): Locator {
  return page
    .locator('quiz-choice')
    .filter({ has: page.locator('input[type="radio"]') })
    .first();
}
