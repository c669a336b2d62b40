/**
 * Opening heavy captures in the capture lab, measured on a page the caller has set up: the time from
 * picking the file to the first rows on screen, and every main-thread task from a Chromium trace,
 * with its wall time, the main thread's own CPU time and what ran inside it. Used by scripts/bench.ts
 * (`npm run bench`: Lighthouse's mobile emulation with CDP's 4x CPU throttle, wall time, as
 * Lighthouse measures) and by tests/browser/capture-import.spec.ts (no throttle; it judges CPU
 * time × 4, which a loaded machine does not change, where it changes wall time 2-10 times over).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { LONG_TASK_BUDGET_MS, type TraceEvent } from './bench-long-tasks.ts';

/** One top-level main-thread task of the trace. */
export interface TaskTime {
  /** Start, in ms after the first mark. */
  at: number;
  wall: number;
  /** The main thread's CPU time in the task (the trace's thread duration). */
  cpu: number;
  /** What took the time inside it, for a message: the largest events under the task. */
  what: string;
  /**
   * Whether the page did work in it: rendering, or script with a source URL. A task without is the
   * browser serving the test's own DevTools commands (an evaluate, a file pick, Playwright's polling
   * in the page, which runs without a URL), not the book: it is listed, never judged.
   */
  pageWork: boolean;
}

interface Traced extends TraceEvent {
  tdur?: number;
  cat?: string;
  args?: { data?: { functionName?: string; url?: string; type?: string } };
}

/** A short name for a trace event: its kind and, for script, the function or event it ran. */
function eventName(e: Traced): string {
  const d = e.args?.data;
  const file = d?.url ? ` ${d.url.split('/').pop()}` : '';
  return `${e.name}${d?.type ? ` ${d.type}` : ''}${d?.functionName ? ` ${d.functionName}` : ''}${file}`;
}

/** Rendering steps: the page's work whatever script asked for them. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'ParseAuthorStyleSheet']);
/**
 * Whether an event inside a task is the page's own work: rendering, or script with a source URL.
 * Playwright's injected code (its polling of `waitForFunction`, its element queries) runs with no URL.
 */
const isPageWork = (e: Traced): boolean => RENDERING.has(e.name) || !!e.args?.data?.url;

/**
 * Every top-level task (RunTask) of the page's main thread between two `performance.mark`s, with
 * its wall and CPU time; the marks also tell which renderer thread is the page's.
 */
export function traceTaskTimes(events: TraceEvent[], from: string, to: string): TaskTime[] {
  const all = events as Traced[];
  const a = all.find((e) => e.name === from);
  const b = all.find((e) => e.name === to && a && e.pid === a.pid);
  if (!a || !b) throw new Error(`trace has no ${from}/${to} marks`);
  const main = all.filter((e) => e.ph === 'X' && e.pid === a.pid && e.tid === a.tid && e.ts >= a.ts && e.ts < b.ts);
  return main
    .filter((e) => e.name === 'RunTask')
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const within = main.filter((e) => e !== t && e.name !== 'RunTask' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end);
      const inner = within
        .filter((e) => (e.tdur ?? 0) >= 0.15 * (t.tdur ?? 0))
        .slice(0, 6)
        .map((e) => `${eventName(e)} ${((e.tdur ?? 0) / 1000).toFixed(1)} ms`);
      return { at: (t.ts - a.ts) / 1000, wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? 0) / 1000, what: inner.join('; '), pageWork: within.some(isPageWork) };
    });
}

/**
 * Runs `fn` while the browser traces the page; returns its result and the page's main-thread tasks
 * meanwhile. BENCH_TRACE_DIR=dir keeps the trace there as `<name>.trace.json` (open it in DevTools).
 */
export async function traced<T>(browser: Browser, page: Page, fn: () => Promise<T>, name = 'capture'): Promise<{ result: T; tasks: TaskTime[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  try {
    await page.evaluate(() => performance.mark('capture:start'));
    const result = await fn();
    await page.evaluate(() => performance.mark('capture:end'));
    const trace = await browser.stopTracing();
    if (process.env.BENCH_TRACE_DIR) {
      mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
      writeFileSync(join(process.env.BENCH_TRACE_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.trace.json`), trace);
    }
    const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    return { result, tasks: traceTaskTimes(events, 'capture:start', 'capture:end') };
  } finally {
    await browser.stopTracing().catch(() => undefined);
  }
}

/** The tasks over the budget by CPU time in which the page did work, one line each, for a failure message. */
export function overBudget(tasks: TaskTime[], budget = LONG_TASK_BUDGET_MS): string[] {
  return tasks
    .filter((t) => t.pageWork && t.cpu > budget)
    .map(
      (t) =>
        `at ${t.at.toFixed(0)} ms: ${t.cpu.toFixed(1)} ms of CPU (${t.wall.toFixed(1)} ms wall): ${t.what || "no page script (most likely the test's own Playwright query)"}`,
    );
}

/**
 * Picks `path` in the capture lab's file input and waits until the first rows are on screen: the
 * connection list and the first row of the replay's table. Returns ms from the pick to then,
 * measured in the page (polled every 50 ms).
 */
export async function openCapture(page: Page, lab: Locator, path: string, timeout = 280_000): Promise<number> {
  const picked = await page.evaluate(() => performance.now());
  await lab.locator('input[type=file]').setInputFiles(path);
  const shown = await page.waitForFunction(
    (id) => document.querySelector(`#${id}-replay .lab-trace tbody tr`) && performance.now(),
    await lab.getAttribute('id'),
    {
      polling: 50,
      timeout,
    },
  );
  return ((await shown.jsonValue()) as number) - picked;
}

/** What `tshark` takes to read the same file and list its TCP conversations (the reference), or why it could not. */
export function tsharkSeconds(path: string): number | string {
  try {
    const t0 = performance.now();
    execFileSync('tshark', ['-r', path, '-q', '-z', 'conv,tcp'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    return (performance.now() - t0) / 1000;
  } catch (e) {
    return `tshark failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** One capture's figures in the bench. */
export interface CaptureFigures {
  label: string;
  bytes: number;
  firstRows?: number;
  tasks?: TaskTime[];
  /** tshark on the same file, seconds (or why not). */
  tshark: number | string;
  error?: string;
}

/**
 * Opens each capture in the English labs page's capture lab on Lighthouse's mobile emulation (CPU
 * slowed by CDP) and waits until its replay's table is complete; never throws.
 */
export async function measureCaptures(browser: Browser, origin: string, files: { label: string; path: string; bytes: number }[]): Promise<CaptureFigures[]> {
  const { mobileContext } = await import('./bench-long-tasks.ts');
  const out: CaptureFigures[] = [];
  for (const f of files) {
    const { ctx, page } = await mobileContext(browser);
    try {
      await page.goto(`${origin}/en/labs/`);
      const lab = page.locator('#capture-lab');
      await lab.scrollIntoViewIfNeeded();
      await page.locator('#capture-lab.is-live').waitFor({ timeout: 60_000 });
      const { result, tasks } = await traced(
        browser,
        page,
        async () => {
          const firstRows = await openCapture(page, lab, f.path);
          // the replay complete: its last part (the rebuild button) comes after every row of its tables
          await page.waitForFunction(() => document.querySelector('#capture-lab .cap-rebuild'), null, { polling: 100, timeout: 120_000 });
          await page.waitForTimeout(500);
          return firstRows;
        },
        f.label,
      );
      out.push({ label: f.label, bytes: f.bytes, firstRows: result, tasks, tshark: tsharkSeconds(f.path) });
    } catch (e) {
      out.push({ label: f.label, bytes: f.bytes, tshark: tsharkSeconds(f.path), error: (e as Error).message.split('\n')[0] });
    } finally {
      await ctx.close().catch(() => undefined);
    }
  }
  return out;
}

/** Markdown lines for the bench: one row per capture, ✓/✗ against the 50 ms budget. */
export function captureTable(figures: CaptureFigures[]): string[] {
  const lines = [
    `| capture | size | first rows (pick → list and replay on screen) | tshark -r FILE -q -z conv,tcp (reference) | longest main-thread task, wall / CPU | tasks > ${LONG_TASK_BUDGET_MS} ms wall | budget (wall) |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of figures) {
    const size = `${(f.bytes / 1048576).toFixed(1)} MB`;
    const ref = typeof f.tshark === 'number' ? `${f.tshark.toFixed(2)} s` : f.tshark;
    if (f.error || !f.tasks || f.firstRows === undefined) {
      lines.push(`| ${f.label} | ${size} | not measured: ${f.error ?? 'no figures'} | ${ref} | | | ✗ |`);
      continue;
    }
    // Only tasks in which the page did work: not the bench's own Playwright polling for the first rows.
    const page = f.tasks.filter((t) => t.pageWork);
    const wall = Math.max(0, ...page.map((t) => t.wall));
    const cpu = Math.max(0, ...page.map((t) => t.cpu));
    const over = page.filter((t) => t.wall > LONG_TASK_BUDGET_MS).length;
    lines.push(
      `| ${f.label} | ${size} | ${(f.firstRows / 1000).toFixed(2)} s | ${ref} | ${wall.toFixed(1)} / ${cpu.toFixed(1)} ms | ${over} | ≤ ${LONG_TASK_BUDGET_MS} ms ${over ? '✗' : '✓'} |`,
    );
  }
  return lines;
}

/** The crafted captures the bench opens, written to `dir`: 1, 10 and 60 MB of whole connections, one of 100k packets, 150k SYNs. */
export async function craftedFiles(dir: string): Promise<{ label: string; path: string; bytes: number }[]> {
  const { longConnection, manyConnections, sizedCapture } = await import('../tests/browser/crafted-captures.ts');
  const made: [string, () => Uint8Array][] = [
    ['1 MB, closing scenarios', () => sizedCapture(1)],
    ['10 MB, closing scenarios', () => sizedCapture(10)],
    ['60 MB, closing scenarios', () => sizedCapture(60)],
    ['one connection, 100k packets', () => longConnection(100_000)],
    ['150k SYNs, one per connection', () => manyConnections(150_000)],
  ];
  return made.map(([label, make]) => {
    const bytes = make();
    const path = join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}.pcap`);
    writeFileSync(path, bytes);
    return { label, path, bytes: bytes.length };
  });
}

// Alone: BOOK_OUT=.builds/x node scripts/bench-capture-lab.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { CHROMIUM_ARGS, ensureBrowser } = await import('./ensure-browser.ts');
  const { startServer } = await import('./serve.ts');
  const dir = mkdtempSync(join(tmpdir(), 'bench-capture-'));
  const { server, url } = await startServer({ dir: process.env.BOOK_OUT ?? 'dist', port: 0 });
  const ch = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
  try {
    for (const l of captureTable(await measureCaptures(ch, url.replace(/\/$/, ''), await craftedFiles(dir)))) console.log(l);
  } finally {
    await ch.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
