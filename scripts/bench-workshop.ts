/**
 * What the scenario workshop costs a reader, next to a lab chapter measured the same way in the
 * same run, on Lighthouse's mobile emulation (its phone, 4x CPU slowdown by CDP):
 *   - JS (each script gzipped on its own, -9) loaded with the page, before any run, and what the
 *     first run adds (the engine and the run module, loaded on the first edit); the chapter's
 *     figure is its JS at page load with every lab scrolled awake;
 *   - long tasks while editing and stepping: five latency edits (each waits for its run), a fault
 *     added, ten steps of the run's lab by ArrowRight; the longest task a `longtask`
 *     PerformanceObserver saw (it only reports tasks over 50 ms, so "none" means all were under).
 *
 * `npm run bench` prints these (and Lighthouse for the workshop pages); on its own, against a
 * build: `BOOK_OUT=dist node scripts/bench-workshop.ts`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { mobileContext } from './bench-long-tasks.ts';

export interface WorkshopFigures {
  lang: string;
  path: string;
  /** gz bytes of JS at page load (before any run), and what the first run adds. */
  beforeRun: number;
  firstRun: number;
  /** The reference page: its path and its JS at load with its labs awake (gz bytes). */
  chapter: { path: string; js: number };
  /** Longest task over 50 ms (0: none) and how many there were, while editing and while stepping. */
  editing: { longest: number; over: number };
  stepping: { longest: number; over: number };
  error?: string;
}

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

/** The long tasks seen since the last call, and forgets them. */
async function takeLong(page: Page): Promise<{ longest: number; over: number }> {
  const long = await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    const l = w.__long;
    w.__long = [];
    return l;
  });
  return { longest: Math.max(0, ...long), over: long.filter((d) => d > 50).length };
}

export async function measureWorkshop(browser: Browser, origin: string, lang: 'en' | 'ko', chapterPath: string): Promise<WorkshopFigures> {
  const path = `/${lang}/workshop/`;
  const fig: WorkshopFigures = {
    lang,
    path,
    beforeRun: 0,
    firstRun: 0,
    chapter: { path: chapterPath, js: 0 },
    editing: { longest: 0, over: 0 },
    stepping: { longest: 0, over: 0 },
  };
  const { ctx, page } = await phoneContext(browser);
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    fig.beforeRun = await scriptsDuring(page, async () => {
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await page.locator('[data-workshop-awake]').waitFor({ timeout: 30_000 });
    });
    // Only what editing and stepping cost: forget the page load's tasks.
    await page.evaluate(() => void ((window as unknown as { __long: number[] }).__long = []));
    const latency = page.locator('#workshop-latency');
    const edit = async (ms: number): Promise<void> => {
      const before = page.url();
      await latency.fill(String(ms));
      await latency.press('Tab');
      await page.waitForFunction((b) => location.href !== b && /;h=[0-9a-f]{8}$/.test(location.hash), before, { timeout: 30_000 });
    };
    fig.firstRun = await scriptsDuring(page, () => edit(20));
    for (const ms of [30, 40, 50, 60]) await edit(ms);
    const before = page.url();
    await page.locator('section[aria-labelledby="workshop-faults"] .ws-add').click();
    await page.waitForFunction((b) => location.href !== b && /;h=[0-9a-f]{8}$/.test(location.hash), before, { timeout: 30_000 });
    fig.editing = await takeLong(page);
    // Step the run's lab from the keyboard, as the long-task figures of the chapters do.
    await page.locator('#workshop-lab').scrollIntoViewIfNeeded();
    await page.locator('#workshop-lab').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    fig.stepping = await takeLong(page);
  } catch (e) {
    fig.error = (e as Error).message.split('\n')[0];
  } finally {
    await ctx.close();
  }
  fig.chapter.js = await chapterJs(browser, origin + chapterPath);
  return fig;
}

const tasks = (t: { longest: number; over: number }): string => (t.over ? `${t.longest.toFixed(0)} ms (${t.over}) ✗` : 'none over 50 ms ✓');

/** The figures as markdown lines for the bench's report. */
export function workshopTable(figs: WorkshopFigures[]): string[] {
  const out = [
    '| lang | page | JS before a run | + first run | = after the first run | target | lab chapter at load (same run) | longest task editing (> 50 ms) | stepping (> 50 ms) |',
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
