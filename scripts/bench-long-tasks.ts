/**
 * Long tasks while a reader steps through a sequence lab, on Lighthouse's mobile emulation (the
 * labs budget: "no long task over 50 ms when stepping"). Used by scripts/bench.ts; can also run alone:
 *
 *   BOOK_OUT=.builds/x node scripts/bench-long-tasks.ts /en/tcp-basics/ /en/labs/
 *
 * BENCH_TRACE_DIR=dir also writes each page's Chromium trace there (open it in DevTools).
 *
 * What it does, per page: open it in Chromium emulating Lighthouse's mobile device and CPU, bring the
 * first sequence lab into view and wait until it has hydrated (fails loudly if it never does),
 * then, while a buffered `longtask` PerformanceObserver records, focus the lab and press
 * ArrowRight through every step, ArrowLeft a few times, and play for a moment. Separately it times
 * the first knob change, which loads the engine and runs it: the same 50 ms budget applies.
 *
 * Long tasks are measured in real time under 4x CPU throttling (Lighthouse's "devtools" method),
 * not simulated the way Lighthouse's default scores are; on a loaded 2-core machine they come out
 * longer than on an idle one, so read them next to the load average the bench prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

/** The budget: no task over this while stepping (the long-task threshold itself). */
export const LONG_TASK_BUDGET_MS = 50;

/**
 * Lighthouse is not part of the book's install (82 packages, ~120 MB, for the bench only): it is
 * the one dependency of bench/package.json, which `npm run bench` installs on first use.
 */
export const BENCH_DIR = join(import.meta.dirname, '..', 'bench');

/** A module of bench/'s Lighthouse, e.g. `core/config/constants.js`; throws saying how to install it. */
export async function importLighthouse(sub: string): Promise<unknown> {
  let path: string;
  try {
    path = createRequire(join(BENCH_DIR, 'package.json')).resolve(`lighthouse/${sub}`);
  } catch {
    throw new Error('Lighthouse is not installed in bench/: `npm run bench` installs it (or: npm install --prefix bench).');
  }
  return import(pathToFileURL(path).href);
}

/** The emulated phone the long tasks are measured on. */
export interface MobileDevice {
  width: number;
  height: number;
  deviceScaleFactor: number;
  userAgent: string;
  cpuSlowdown: number;
}

/** The parts of lighthouse/core/config/constants.js read here. */
interface LighthouseConstants {
  screenEmulationMetrics: { mobile?: { width: number; height: number; deviceScaleFactor: number } };
  userAgents: { mobile: string };
  throttling: { mobileSlow4G: { cpuSlowdownMultiplier: number } };
}

/**
 * Lighthouse 13's mobile defaults, read from lighthouse itself (core/config/constants.js:
 * MOTOGPOWER_EMULATION_METRICS 412x823 at deviceScaleFactor 1.75, mobile, touch; the moto g power
 * user agent; throttling.mobileSlow4G.cpuSlowdownMultiplier 4), so the bench follows Lighthouse
 * when it changes its device.
 */
export async function lighthouseMobile(): Promise<MobileDevice> {
  const { screenEmulationMetrics, throttling, userAgents } = (await importLighthouse('core/config/constants.js')) as LighthouseConstants;
  const screen = screenEmulationMetrics.mobile;
  if (!screen) throw new Error('lighthouse/core/config/constants.js no longer has screenEmulationMetrics.mobile; update scripts/bench-long-tasks.ts');
  return {
    width: screen.width,
    height: screen.height,
    deviceScaleFactor: screen.deviceScaleFactor,
    userAgent: userAgents.mobile,
    cpuSlowdown: throttling.mobileSlow4G.cpuSlowdownMultiplier,
  };
}

/** The longest task and how many went over the budget in one phase. */
export interface TaskStats {
  /** Longest main-thread task in the Chromium trace (ms), precise also below 50 ms. */
  longest: number;
  /** Tasks over 50 ms: the larger of the trace's count and the `longtask` observer's. */
  over: number;
  /** Longest task the `longtask` PerformanceObserver reported (0: none over 50 ms). */
  observed: number;
}

/** What one page gave. `error` is set (and the figures are absent) when the lab could not be driven. */
export interface LongTaskResult {
  path: string;
  /** Steps the lab has (ArrowRight presses that moved it). */
  steps?: number;
  stepping?: TaskStats;
  /** The longest stepping task and the longest first-knob task by thread time (longestThreadTime), ms. */
  threadTime?: { stepping: number; firstKnob: number | null };
  /** The first knob change: loads the engine chunk and runs it (informational). */
  firstKnob?: TaskStats;
  error?: string;
}

/** A task the `longtask` observer reported, in the page's `performance.now()` time. */
export interface Recorded {
  start: number;
  duration: number;
}

/** The fields of a Chromium trace event that tasks and marks need. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
}

/**
 * Top-level main-thread tasks (RunTask, what Lighthouse counts) between two `performance.mark`s,
 * in ms. The marks also tell which renderer thread is the page's.
 */
export function traceTasks(events: TraceEvent[], from: string, to: string): number[] {
  const a = events.find((e) => e.name === from);
  const b = events.find((e) => e.name === to && a && e.pid === a.pid);
  if (!a || !b) throw new Error(`trace has no ${from}/${to} marks`);
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === a.pid && e.tid === a.tid && e.ts >= a.ts && e.ts < b.ts)
    .map((e) => (e.dur ?? 0) / 1000);
}

/**
 * The longest task of a phase by thread time (ms): the time the main thread ran, so unlike the wall
 * time it does not grow when other processes hold the machine's cores (the 4x slowdown is still
 * in it: the throttle keeps the thread busy). Read it next to the wall-time figures on a loaded machine.
 */
export function longestThreadTime(events: TraceEvent[], from: string, to: string): number {
  const a = events.find((e) => e.name === from);
  const b = events.find((e) => e.name === to && a && e.pid === a.pid);
  if (!a || !b) throw new Error(`trace has no ${from}/${to} marks`);
  const inside = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === a.pid && e.tid === a.tid && e.ts >= a.ts && e.ts < b.ts);
  return Math.max(0, ...inside.map((e) => (e.tdur ?? 0) / 1000));
}

/**
 * One phase's figures from both sources: the trace gives the longest task even under 50 ms; the
 * observer is the budget's own wording; the count over 50 ms takes the larger, so neither hides one.
 */
export const phaseStats = (traced: number[], observed: Recorded[], from: number, to: number): TaskStats => {
  const inside = observed.filter((t) => t.start >= from && t.start < to);
  return {
    longest: Math.max(0, ...traced),
    over: Math.max(traced.filter((d) => d > LONG_TASK_BUDGET_MS).length, inside.filter((t) => t.duration > LONG_TASK_BUDGET_MS).length),
    observed: Math.max(0, ...inside.map((t) => t.duration)),
  };
};

/** Marks a phase boundary in the page; returns its `performance.now()` to cut the observer's tasks. */
const mark = (page: Page, name: string): Promise<number> => page.evaluate((n) => performance.mark(n).startTime, name);

async function observedTasks(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: Recorded[] }).__longTasks.slice());
}

/**
 * A fresh context (no service worker) with one page, emulating Lighthouse's mobile device: its
 * screen, touch and UA, and its CPU slowdown through CDP. The bench's phone figures (long tasks,
 * search, workshop) all run on it; `options` adds context options (e.g. reduced motion). The
 * caller closes `ctx`.
 */
export async function mobileContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ ctx: BrowserContext; page: Page; phone: MobileDevice }> {
  // Lighthouse puts the host's Chrome milestone into its UA string (emulation.js matchHostUAVersion); so do we.
  const milestone = browser.version().split('.')[0] ?? '0';
  const phone = await lighthouseMobile();
  const ctx = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: phone.width, height: phone.height },
    deviceScaleFactor: phone.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    userAgent: phone.userAgent.replace(/(Chrome\/)[\d.]+/, `$1${milestone}.0.0.0`),
    ...options,
  });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: phone.cpuSlowdown });
    return { ctx, page, phone };
  } catch (e) {
    await ctx.close();
    throw e;
  }
}

/** Steps the first sequence lab of one page and returns its long tasks; never throws. */
export async function measureLongTasks(browser: Browser, origin: string, path: string): Promise<LongTaskResult> {
  const { ctx, page } = await mobileContext(browser);
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    const lab = page.locator('.seq-lab').first();
    if ((await lab.count()) === 0) return { path, error: 'no sequence lab on the page' };
    await lab.scrollIntoViewIfNeeded();
    const live = page.locator('.seq-lab.is-live').first();
    const hydrated = await live.waitFor({ state: 'attached', timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    if (!hydrated) return { path, error: 'the sequence lab never hydrated (no .seq-lab.is-live after 30 s)' };
    // Let hydration (and anything it started) settle, so its tasks stay out of the stepping window.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);

    // Stepping: keyboard on the diagram's scroll box (the lab listens for keys on its section).
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    const stepText = live.locator('.lab-step');
    const t0 = await mark(page, 'bench:step-start');
    await live.locator('.seq-frame').focus();
    await page.keyboard.press('Home');
    await page.waitForTimeout(50);
    let steps = 0;
    for (let i = 0; i < 500; i++) {
      const before = await stepText.textContent();
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(30);
      if ((await stepText.textContent()) === before) break;
      steps += 1;
    }
    if (steps === 0) {
      await browser.stopTracing();
      return { path, error: 'ArrowRight did not move the lab (its step text never changed)' };
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(30);
    }
    await page.keyboard.press('Home');
    await page.waitForTimeout(50);
    // Play and pause from the keyboard, as a keyboard reader does: a Playwright click would add its
    // own hit-target listeners (10-13 ms at 4x) to the task it measures.
    const play = live.locator('.lab-play');
    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2000);
    if ((await play.getAttribute('aria-pressed')) === 'true') await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const t1 = await mark(page, 'bench:step-end');

    // First knob change: the engine chunk loads and runs (informational, not the stepping budget).
    let knob: [number, number] | undefined;
    const select = live.locator('.lab-knobs select').first();
    if ((await select.count()) > 0) {
      const current = await select.inputValue();
      const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const other = values.find((v) => v !== current);
      if (other !== undefined) {
        const k0 = await mark(page, 'bench:knob-start');
        await select.selectOption(other);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1000);
        knob = [k0, await mark(page, 'bench:knob-end')];
      }
    }
    const trace = await browser.stopTracing();
    // BENCH_TRACE_DIR keeps each page's trace, to open in DevTools' Performance panel and see what a long task did.
    if (process.env.BENCH_TRACE_DIR) {
      mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
      writeFileSync(join(process.env.BENCH_TRACE_DIR, `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root'}.trace.json`), trace);
    }
    const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const observed = await observedTasks(page);
    return {
      path,
      steps,
      stepping: phaseStats(traceTasks(events, 'bench:step-start', 'bench:step-end'), observed, t0, t1),
      firstKnob: knob && phaseStats(traceTasks(events, 'bench:knob-start', 'bench:knob-end'), observed, knob[0], knob[1]),
      threadTime: {
        stepping: longestThreadTime(events, 'bench:step-start', 'bench:step-end'),
        firstKnob: knob ? longestThreadTime(events, 'bench:knob-start', 'bench:knob-end') : null,
      },
    };
  } catch (err) {
    return { path, error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  } finally {
    // A failure mid-way must not leave the browser tracing (the next page could not start its own).
    await browser.stopTracing().catch(() => undefined);
    await ctx.close();
  }
}

/** Markdown lines for the bench: one row per page, ✓/✗ against the 50 ms budget. */
export function longTaskTable(results: LongTaskResult[]): string[] {
  // One decimal: a 50.4 ms task is over the budget and must not print as "50 ms".
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const lines = [
    `| page | steps | longest task while stepping (trace / longtask observer) | tasks > ${LONG_TASK_BUDGET_MS} ms | budget | first knob change, longest task (engine load + run) | budget | longest by thread time: stepping / first knob change |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    if (r.error || !r.stepping) {
      lines.push(`| \`${r.path}\` | | not measured: ${r.error ?? 'no figures'} | | ✗ | | ✗ | |`);
      continue;
    }
    const ok = r.stepping.over === 0;
    const seen = (s: TaskStats): string => `${ms(s.longest)} / ${s.observed ? ms(s.observed) : `none > ${LONG_TASK_BUDGET_MS} ms`}`;
    const knob = r.firstKnob ? `${seen(r.firstKnob)}${r.firstKnob.over ? `, ${r.firstKnob.over} over ${LONG_TASK_BUDGET_MS} ms` : ''}` : 'no knob';
    const knobOk = !r.firstKnob || r.firstKnob.over === 0;
    const thread = r.threadTime ? `${ms(r.threadTime.stepping)} / ${r.threadTime.firstKnob === null ? 'no knob' : ms(r.threadTime.firstKnob)}` : '';
    lines.push(
      `| \`${r.path}\` | ${r.steps} | ${seen(r.stepping)} | ${r.stepping.over} | ≤ ${LONG_TASK_BUDGET_MS} ms ${ok ? '✓' : '✗'} | ${knob} | ≤ ${LONG_TASK_BUDGET_MS} ms ${knobOk ? '✓' : '✗'} | ${thread} |`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS, ensureBrowser } = await import('./ensure-browser.ts');
  const { startServer } = await import('./serve.ts');
  const paths = process.argv.slice(2);
  const { server, url } = await startServer({ dir: process.env.BOOK_OUT ?? 'dist', port: 0 });
  const ch = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
  const results: LongTaskResult[] = [];
  for (const p of paths.length ? paths : ['/en/labs/']) results.push(await measureLongTasks(ch, url.replace(/\/$/, ''), p));
  await ch.close();
  server.close();
  for (const l of longTaskTable(results)) console.log(l);
  if (results.some((r) => r.error || !r.stepping || r.stepping.over > 0)) process.exitCode = 1;
}
