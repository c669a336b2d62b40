/**
 * What the scenario workshop costs a reader, next to a lab chapter measured the same way in the
 * same run, on Lighthouse's mobile emulation (its phone, 4x CPU slowdown by CDP):
 *   - JS (each script gzipped on its own, -9) loaded with the page, before any run, and what the
 *     first run adds (the engine and the run module, loaded on the first edit); the chapter's
 *     figure is its JS at page load with every lab scrolled awake;
 *   - long tasks while editing and stepping: five latency edits (each waits for its run), a fault
 *     added, ten steps of the run's lab by ArrowRight. Each phase gives the longest main-thread task
 *     of a Chromium trace (wall time, precise under 50 ms too), the longest by thread time (the
 *     main thread's own CPU time: with the 4x throttle in it, but not the time other processes held
 *     the machine's cores, so it stays readable on a loaded machine), and the tasks over 50 ms, the
 *     larger count of the trace's and of a `longtask` PerformanceObserver's.
 *
 * The reader's input comes from the keyboard (focus, select all, type, Tab; Enter on "Add a
 * fault"), and Playwright's script in the page is made before the measured window: its fill() and
 * click() run their own checks in the page (10-25 ms at 4x), and its first waitForFunction()
 * evaluates its injected script in the page's world (25-35 ms), tasks that are not the workshop's
 * and were counted in its figures until these were measured from a trace.
 *
 * `npm run bench` prints these (and Lighthouse for the workshop pages); on its own, against a
 * build: `BOOK_OUT=dist node scripts/bench-workshop.ts`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { longestThreadTime, mobileContext, phaseStats, traceTasks, type Recorded, type TaskStats, type TraceEvent } from './bench-long-tasks.ts';

export interface WorkshopFigures {
  lang: string;
  path: string;
  /** gz bytes of JS at page load (before any run), and what the first run adds. */
  beforeRun: number;
  firstRun: number;
  /** The reference page: its path and its JS at load with its labs awake (gz bytes). */
  chapter: { path: string; js: number };
  /** While editing and while stepping: the longest task (trace), tasks over 50 ms, and the longest by thread time (ms). */
  editing: Phase;
  stepping: Phase;
  error?: string;
}

export type Phase = TaskStats & { thread: number };
const NO_PHASE: Phase = { longest: 0, over: 0, observed: 0, thread: 0 };

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Sums the gzipped size of every script the page fetches while `act` runs. */
async function scriptsDuring(page: Page, act: () => Promise<void>): Promise<number> {
  let total = 0;
  const pending: Promise<void>[] = [];
  const seen = new Set<string>();
  const on = (r: import('playwright-core').Response): void => {
    if (r.request().resourceType() !== 'script' || seen.has(r.url())) return;
    seen.add(r.url());
    pending.push(
      r
        .body()
        .then((b) => void (total += gzipSync(b, { level: 9 }).length))
        .catch(() => undefined),
    );
  };
  page.on('response', on);
  await act();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', on);
  return total;
}

/** The phone the other figures use (bench-long-tasks.ts), without smooth scrolling. */
const phoneContext = (browser: Browser) => mobileContext(browser, { reducedMotion: 'reduce' });

/** The chapter's JS at page load, every lab scrolled into view until it is awake. */
async function chapterJs(browser: Browser, url: string): Promise<number> {
  const { ctx, page } = await phoneContext(browser);
  try {
    return await scriptsDuring(page, async () => {
      await page.goto(url, { waitUntil: 'networkidle' });
      for (const lab of await page.locator('[data-lab-root] > :first-child').all()) await lab.scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
    });
  } finally {
    await ctx.close();
  }
}

/** Marks a phase boundary in the page and in the trace; returns its `performance.now()`. */
const mark = (page: Page, name: string): Promise<number> => page.evaluate((n) => performance.mark(n).startTime, name);

/** One phase's figures: the trace's tasks between two marks, and the observer's between the same instants. */
function phase(events: TraceEvent[], observed: Recorded[], from: [string, number], to: [string, number]): Phase {
  return { ...phaseStats(traceTasks(events, from[0], to[0]), observed, from[1], to[1]), thread: longestThreadTime(events, from[0], to[0]) };
}

/** Edits as a reader does from the keyboard, each waiting for its run (the address names the run once it is on screen). */
async function editing(page: Page): Promise<{ firstRun: number }> {
  const ran = async (act: () => Promise<void>): Promise<void> => {
    const before = page.url();
    await act();
    await page.waitForFunction((b) => location.href !== b && /;h=[0-9a-f]{8}$/.test(location.hash), before, { timeout: 30_000 });
  };
  const latency = page.locator('#workshop-latency');
  const edit = (ms: number) =>
    ran(async () => {
      await latency.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(String(ms));
      await page.keyboard.press('Tab');
    });
  const firstRun = await scriptsDuring(page, () => edit(20));
  for (const ms of [30, 40, 50, 60]) await edit(ms);
  const add = page.locator('section[aria-labelledby="workshop-faults"] .ws-add');
  await ran(async () => {
    await add.focus();
    await page.keyboard.press('Enter');
  });
  return { firstRun };
}

export async function measureWorkshop(browser: Browser, origin: string, lang: 'en' | 'ko', chapterPath: string): Promise<WorkshopFigures> {
  const path = `/${lang}/workshop/`;
  const fig: WorkshopFigures = {
    lang,
    path,
    beforeRun: 0,
    firstRun: 0,
    chapter: { path: chapterPath, js: 0 },
    editing: NO_PHASE,
    stepping: NO_PHASE,
  };
  const { ctx, page } = await phoneContext(browser);
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    fig.beforeRun = await scriptsDuring(page, async () => {
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await page.locator('[data-workshop-awake]').waitFor({ timeout: 30_000 });
    });
    // Playwright's script in the page's own world, made now rather than by the first edit's wait.
    await page.waitForFunction(() => true);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    const e0 = await mark(page, 'bench:edit-start');
    fig.firstRun = (await editing(page)).firstRun;
    const e1 = await mark(page, 'bench:edit-end');
    // Step the run's lab from the keyboard, as the long-task figures of the chapters do.
    await page.locator('#workshop-lab').scrollIntoViewIfNeeded();
    await page.locator('#workshop-lab').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    const s1 = await mark(page, 'bench:step-end');
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const observed = await page.evaluate(() => (window as unknown as { __long: Recorded[] }).__long.slice());
    fig.editing = phase(events, observed, ['bench:edit-start', e0], ['bench:edit-end', e1]);
    fig.stepping = phase(events, observed, ['bench:edit-end', e1], ['bench:step-end', s1]);
  } catch (e) {
    fig.error = (e as Error).message.split('\n')[0];
  } finally {
    // A failure mid-way must not leave the browser tracing (the next measurement could not start its own).
    await browser.stopTracing().catch(() => undefined);
    await ctx.close();
  }
  fig.chapter.js = await chapterJs(browser, origin + chapterPath);
  return fig;
}

/** "34.1 ms / thread 27.0 ms ✓", or with the tasks over 50 ms: "64.0 ms (1 over 50 ms) / thread 31.2 ms ✗". */
const tasks = (t: Phase): string =>
  `${t.longest.toFixed(1)} ms${t.over ? ` (${t.over} over 50 ms)` : ''} / thread ${t.thread.toFixed(1)} ms ${t.over ? '✗' : '✓'}`;

/** The figures as markdown lines for the bench's report. */
export function workshopTable(figs: WorkshopFigures[]): string[] {
  const out = [
    '| lang | page | JS before a run | + first run | = after the first run | target | lab chapter at load (same run) | longest task editing (wall / thread time) | stepping (wall / thread time) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of figs) {
    if (f.error) {
      out.push(`| ${f.lang} | \`${f.path}\` | not measured: ${f.error} | | | | | | |`);
      continue;
    }
    const total = f.beforeRun + f.firstRun;
    out.push(
      `| ${f.lang} | \`${f.path}\` | ${kb(f.beforeRun)} | ${kb(f.firstRun)} | **${kb(total)}** | ${total <= 45 * 1024 ? '✓' : '✗'} ≤ 45 KB | ${kb(f.chapter.js)} (\`${f.chapter.path}\`) | ${tasks(f.editing)} | ${tasks(f.stepping)} |`,
    );
  }
  return out;
}

// Standalone: serve BOOK_OUT and print the table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { resolve } = await import('node:path');
  const { chromium } = await import('@playwright/test');
  const { startServer } = await import('./serve.ts');
  const { CHROMIUM_ARGS, ensureBrowser } = await import('./ensure-browser.ts');
  const { server, url } = await startServer({ dir: resolve(process.env.BOOK_OUT ?? 'dist'), port: 0 });
  const ch = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
  const figs: WorkshopFigures[] = [];
  for (const lang of ['en', 'ko'] as const) figs.push(await measureWorkshop(ch, url.replace(/\/$/, ''), lang, `/${lang}/three-way-handshake/`));
  await ch.close();
  server.close();
  for (const l of workshopTable(figs)) console.log(l);
}
