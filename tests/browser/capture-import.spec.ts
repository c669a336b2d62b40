/**
 * Heavy captures in the capture lab on Lighthouse's mobile screen (Lighthouse 13 defaults: 412×823
 * at 1.75×, touch): the import runs in a worker with progress and Cancel, the result is a paged,
 * searchable list and a capped replay with a virtualised table of every segment, and no main-thread
 * task is long while importing or after (scrolling the table, stepping the replay, paging,
 * searching and picking a connection).
 *
 * What is judged, and why not the wall clock: each main-thread task's CPU time from a Chromium
 * trace, times Lighthouse's CPU slowdown (4), at most 50 ms. On this shared 2-core machine a task's
 * wall time is 2-10 times its CPU time (other processes run meanwhile), and CDP's own 4x throttle
 * is no steadier under load: it slows the main thread with a sleep-timed duty cycle, so a loaded
 * machine changes how much it slows (the same replay mount measured 38-69 ms of CPU time under it).
 * A task's own CPU time, unthrottled, is what it costs; `npm run bench` measures the same flows in
 * wall time under CDP's 4x throttle (scripts/bench-capture-lab.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openCapture, overBudget, traced, type TaskTime } from '../../scripts/bench-capture-lab.ts';
import { LONG_TASK_BUDGET_MS } from '../../scripts/bench-long-tasks.ts';
import { longConnection, manyConnections, sizedCapture } from './crafted-captures.ts';

test.describe.configure({ mode: 'serial' });

// Files go to disk and are picked by path: a buffer passed to setInputFiles is decoded inside the
// page, one main-thread task of seconds that is the test's own, not the book's.
const dir = mkdtempSync(join(tmpdir(), 'capture-import-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
function onDisk(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });

/** Lighthouse's mobile CPU slowdown (lighthouse/core/config/constants.js: throttling.mobileSlow4G.cpuSlowdownMultiplier). */
const SLOWDOWN = 4;

async function mobileLab(page: Page) {
  await page.goto('en/labs/');
  const lab = page.locator('#capture-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveClass(/is-live/);
  return lab;
}

/** Prints the figures and fails on any task over 50 ms on the slowed phone (its CPU time × 4), naming what it ran. */
function judge(label: string, bytes: Uint8Array, firstRows: number, measured: TaskTime[]): void {
  const tasks = measured.map((t) => ({ ...t, cpu: t.cpu * SLOWDOWN }));
  const top = [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, 3);
  console.log(
    `[capture] ${label} (${(bytes.length / 1048576).toFixed(1)} MB): first rows ${firstRows.toFixed(0)} ms (unthrottled); ${tasks.length} main-thread tasks, ` +
      `the longest on the 4x-slowed phone: ${top.map((t) => `${t.cpu.toFixed(0)} ms (inside, unthrottled: ${t.what || 'no page script'})`).join('; ')}`,
  );
  expect(overBudget(tasks, LONG_TASK_BUDGET_MS), `main-thread tasks over 50 ms on the 4x-slowed phone, as CPU time × 4 (${label})`).toEqual([]);
}

/**
 * Waits inside the traced window with a small check of our own, polled every 50 ms: Playwright's
 * assertions run heavy queries in the page (one toContainText on the replay took 150 ms of CPU on
 * the slowed phone) that would be counted as the book's tasks. They run after the window instead.
 */
async function shows(page: Page, selector: string, text: string): Promise<void> {
  const check = ([sel, t]: string[]) => [...document.querySelectorAll(sel!)].some((el) => el.textContent?.includes(t!));
  await page.waitForFunction(check, [selector, text], { polling: 50, timeout: 60_000 });
}

/** Steps the replay from the keyboard, as a reader does (a click would add Playwright's own listeners to the task). */
async function stepReplay(page: Page, steps: number) {
  await page.evaluate(() => document.querySelector<HTMLElement>('#capture-lab-replay .seq-frame')!.focus());
  for (let i = 1; i <= steps; i++) {
    await page.keyboard.press('ArrowRight');
    await shows(page, '#capture-lab-replay .lab-step', `Step ${i} of`);
  }
}

test('a 100k-packet connection opens without a long task: capped replay, every segment in a virtualised table', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const bytes = longConnection(100_000);
  const lab = await mobileLab(page);
  const table = lab.locator('.cap-rows');
  const { result: firstRows, tasks } = await traced(
    browser,
    page,
    async () => {
      const firstRows = await openCapture(page, lab, onDisk('long.pcap', bytes), 180_000);
      await shows(page, '#capture-lab .cap-rows tbody td', '1');
      // scroll to the end: the last segment is shown
      await page.evaluate(() => {
        const el = document.querySelector('#capture-lab .cap-rows')!;
        el.scrollTop = el.scrollHeight;
      });
      await shows(page, '#capture-lab .cap-rows tbody td', '100000');
      await stepReplay(page, 3);
      return firstRows;
    },
    'long',
  );
  judge('100k packets', bytes, firstRows, tasks);
  await expect(lab.locator('.cap-cut')).toContainText('This connection has 100000 segments; the lab replays the first 30');
  await expect(lab.locator('.cap-cut')).toContainText('npm run trace -- long.pcap');
  await expect(page.locator('#capture-lab-replay .lab-trace tbody tr')).toHaveCount(30);
  await expect(table.locator('tbody tr td').filter({ hasText: /^100000$/ })).toBeVisible();
  expect(await table.locator('tbody tr').count(), 'only the rows in view are in the page').toBeLessThan(60);
  await table.evaluate((el) => (el.scrollTop = 0));
  await expect(table.locator('tbody tr td').first()).toHaveText('1');
  expect(await table.locator('tbody tr').count()).toBeLessThan(60);
});

test('150k connections: paged, searchable list instead of a 100k-option select; Cancel stops an import', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const bytes = manyConnections(150_000);
  const lab = await mobileLab(page);
  const input = lab.locator('input[type=file]');
  const file = onDisk('many.pcap', bytes);
  // cancelled while reading
  await input.setInputFiles(file);
  await lab.getByRole('button', { name: 'Cancel' }).click();
  await expect(lab.locator('.lab-note').last()).toHaveText('Opening the capture was cancelled.');
  await expect(lab.locator('.cap-conns')).toHaveCount(0);
  // then opened in full, paged, searched and picked from the keyboard
  const { result, tasks } = await traced(
    browser,
    page,
    async () => {
      const firstRows = await openCapture(page, lab, file, 180_000);
      const firstPage = await page.evaluate(() => ({
        items: document.querySelectorAll('#capture-lab .cap-conns li').length,
        note: [...document.querySelectorAll('#capture-lab .lab-note')].map((p) => p.textContent).join('|'),
      }));
      await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#capture-lab .cap-pages button')].at(-1)!.focus());
      await page.keyboard.press('Enter');
      await shows(page, '#capture-lab', 'Page 2 of');
      await page.evaluate(() => document.querySelector<HTMLElement>('#capture-lab input[type=search]')!.focus());
      await page.keyboard.type('10.0.1.7:');
      await shows(page, '#capture-lab .cap-conns li', '10.0.1.7:');
      await page.evaluate(() => document.querySelector<HTMLElement>('#capture-lab .cap-conns li button')!.focus());
      await page.keyboard.press('Enter');
      await shows(page, '#capture-lab-replay .lab-title', '10.0.1.7');
      await stepReplay(page, 1);
      return { firstRows, firstPage };
    },
    'many',
  );
  judge('150k connections', bytes, result.firstRows, tasks);
  expect(result.firstPage.items, 'one page of the list').toBe(20);
  expect(result.firstPage.note).toMatch(/Page 1 of \d+ · connections found: \d+/);
  await expect(lab.locator('.cap-conns li').first()).toContainText('10.0.1.7:');
  await expect(page.locator('#capture-lab-replay')).toContainText('10.0.1.7');
  expect(
    await lab.locator('select').evaluateAll((els) => Math.max(0, ...els.map((e) => (e as HTMLSelectElement).options.length))),
    'no select lists the connections',
  ).toBeLessThan(10);
});

for (const mb of [1, 10, 60]) {
  test(`a ${mb} MB capture opens without a long task`, async ({ page, browser }) => {
    test.setTimeout(300_000);
    const bytes = sizedCapture(mb);
    const lab = await mobileLab(page);
    const { result: firstRows, tasks } = await traced(
      browser,
      page,
      async () => {
        const firstRows = await openCapture(page, lab, onDisk(`${mb}mb.pcap`, bytes));
        await stepReplay(page, 2);
        return firstRows;
      },
      `${mb}mb`,
    );
    judge(`${mb} MB`, bytes, firstRows, tasks);
    await expect(page.locator('#capture-lab-replay .lab-trace')).toContainText('TIME-WAIT');
  });
}
