/**
 * `npm run bench`: builds the book from scratch, serves it, and prints a markdown table of what
 * a reader downloads and what Lighthouse thinks, next to the book's targets. Not a timed test:
 * figures vary with the machine; read them, don't assert them.
 *
 * Figures:
 *   - full build time (fresh output and cache folders);
 *   - per page type (landing, contents, text-only chapter, chapter with the sequence lab and the
 *     state diagram, chapter with five quizzes, the labs page) and language: JS, CSS and HTML
 *     bytes, gzipped by us, loaded before search is opened, once every lab has woken (each is
 *     scrolled into view in turn) and, where there is a sequence lab, after one knob change;
 *   - what the labs cost a reader, from a second load with the quiz components' scripts refused:
 *     the JS loaded until every lab is awake (lab wake) and what the first knob change adds (the
 *     engine), their sum against the 25 KB budget, with a per-chunk breakdown on the lab chapter;
 *   - long tasks while stepping through a sequence lab on Lighthouse's mobile emulation
 *     (scripts/bench-long-tasks.ts), against the 50 ms budget;
 *   - Lighthouse mobile scores in its four categories for the same pages;
 *   - search index size per language;
 *   - the offline copy a first visit downloads, per language (scripts/service-worker.ts);
 *   - the engine's own benchmarks (scripts/bench-engine.ts, scripts/bench-trace-cli.ts) when present.
 *
 * Options: --no-lighthouse (no Lighthouse scores), --skip-build (reuse BOOK_OUT), --only=/en/labs/
 * (only that page, with its breakdown; repeatable). Output also goes to .bench/bench.md and, unless
 * --only is given, between README.md's bench markers (scripts/readme-blocks.ts), with the machine it ran on. Exits 1 (after printing everything) when a figure could not be measured, e.g.
 * an island that never hydrated, rather than printing a figure that leaves its bytes out, and when the
 * engine chunk loads before a knob change (a lab's server-rendered run needs no engine).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { BENCH_DIR, lighthouseMobile, longTaskTable, measureLongTasks, type LongTaskResult } from './bench-long-tasks.ts';
import { captureTable, craftedFiles, measureCaptures, type CaptureFigures } from './bench-capture-lab.ts';
import { measureSearch, type SearchFigures } from './bench-search.ts';
import { measureWorkshop, workshopTable, type WorkshopFigures } from './bench-workshop.ts';
import { CHROMIUM_ARGS, ensureBrowser } from './ensure-browser.ts';
import { benchBlock, machineLine, README, replaceBlock } from './readme-blocks.ts';
import { startServer } from './serve.ts';
import { precacheGzipByLanguage } from './service-worker.ts';

const args = process.argv.slice(2);
const OUT = resolve(process.env.BOOK_OUT ?? '.bench/dist');
const CACHE = resolve(process.env.BOOK_CACHE ?? '.bench/cache');
const TARGETS = { textJs: 3 * 1024, labJs: 25 * 1024, buildSeconds: 15, lighthouse: 100 };

type PageKind = 'landing' | 'contents' | 'text chapter' | 'lab chapter' | 'quiz chapter' | 'labs page' | 'workshop' | 'drill' | 'review';

interface Target {
  kind: PageKind;
  lang: 'ko' | 'en' | '—';
  path: string;
  note: string;
}

/** When a script arrived: with the page, while the labs (and quizzes) woke, or on the first knob change. */
type Phase = 'page load' | 'wake' | 'knob change';

/**
 * Who a script is for, found by loading the page twice (see `measureTarget`):
 *   - lab: loaded because of the labs (LabRoot.astro's loader and all it loads, at once or lazily);
 *   - quiz: loaded only when the quiz components' scripts run;
 *   - page: the layout's own scripts, on every page (the text chapter's figure).
 */
type Group = 'lab' | 'quiz' | 'page' | 'inline: page chrome' | 'inline: this page';

interface Script {
  /** File name without its hash (or a label for inline scripts). */
  name: string;
  url: string;
  gz: number;
  phase: Phase;
  group: Group;
}

interface Sizes {
  /** Every script, external and inline, with the quizzes and after one knob change. */
  js: number;
  /** What a reader pays to use the labs: JS loaded until every lab is awake, without the layout's scripts (quizzes kept from loading). */
  labWake: number;
  /** What the first knob change of a sequence lab loads on top (the engine). */
  labKnob: number;
  quizJs: number;
  inlineJs: number;
  css: number;
  html: number;
  requests: number;
  /** The whole page's scripts, each with its group and when it loaded (for the labs' ones: in the pass without quizzes). */
  scripts: Script[];
  /** What went wrong (islands that never hydrated, …); non-empty means the figures are not complete. */
  problems: string[];
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/**
 * Runs a command without blocking the event loop: the book's server lives in this process, and a
 * synchronous spawn would leave Lighthouse waiting forever for a page nobody serves.
 */
function run(cmd: string, argv: string[], env: Record<string, string> = {}): Promise<{ ok: boolean; out: string; seconds: number }> {
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (err) => done({ ok: false, out: `${out}${err.message}`, seconds: (performance.now() - t0) / 1000 }));
    child.on('close', (code) => done({ ok: code === 0, out, seconds: (performance.now() - t0) / 1000 }));
  });
}

/** Quiz markers the quiz components render; counted to find a chapter with five questions. */
const QUIZ_MARK = /data-quiz-id=|data-quiz=|component-url="[^"]*(MultipleChoice|OrderSegments|NameState|PredictNumbers|SpotError|quiz)[^"]*"/gi;
/** The state diagram's build-time figure (it is no lab root: a lab wakes it). */
const STATE_DIAGRAM = /class="lab state-diagram\b/;
/** Lab roots on a page (LabRoot.astro), of the given kinds (a regex alternation) or of any kind. */
const labsIn = (html: string, kinds = '[a-z-]+'): number => html.match(new RegExp(`data-lab-kind="(?:${kinds})"`, 'g'))?.length ?? 0;
const OTHER_LABS = 'inspector|time-wait|capture';

/** Picks one page of each kind from the build, by looking at what its HTML embeds. */
function pickTargets(): Target[] {
  const targets: Target[] = [];
  if (existsSync(join(OUT, 'index.html'))) targets.push({ kind: 'landing', lang: '—', path: '/', note: '' });
  for (const lang of ['en', 'ko'] as const) {
    const dir = join(OUT, lang);
    if (!existsSync(dir)) continue;
    if (existsSync(join(dir, 'index.html'))) targets.push({ kind: 'contents', lang, path: `/${lang}/`, note: '' });
    const chapters = readdirSync(dir)
      .filter((slug) => existsSync(join(dir, slug, 'index.html')))
      .map((slug) => ({ slug, html: readFileSync(join(dir, slug, 'index.html'), 'utf8') }))
      .filter((c) => c.html.includes('data-pagefind-body'));
    const quizzes = (html: string): number => html.match(QUIZ_MARK)?.length ?? 0;
    const text = chapters.find((c) => labsIn(c.html) === 0 && !STATE_DIAGRAM.test(c.html) && quizzes(c.html) === 0);
    // The lab budget is for a chapter with the sequence lab and the state diagram: take the one with the fewest other labs.
    const lab = chapters
      .filter((c) => labsIn(c.html, 'sequence') > 0 && STATE_DIAGRAM.test(c.html))
      .sort((a, b) => labsIn(a.html, OTHER_LABS) - labsIn(b.html, OTHER_LABS))[0];
    const quizCandidates = chapters.filter((c) => quizzes(c.html) >= 5).sort((a, b) => labsIn(a.html) - labsIn(b.html) || quizzes(a.html) - quizzes(b.html));
    const quiz = quizCandidates.find((c) => c !== lab) ?? quizCandidates[0];
    if (text) targets.push({ kind: 'text chapter', lang, path: `/${lang}/${text.slug}/`, note: '' });
    if (lab)
      targets.push({
        kind: 'lab chapter',
        lang,
        path: `/${lang}/${lab.slug}/`,
        note: `${labsIn(lab.html, 'sequence')} sequence labs, the state diagram, ${labsIn(lab.html, OTHER_LABS)} other labs`,
      });
    if (quiz) targets.push({ kind: 'quiz chapter', lang, path: `/${lang}/${quiz.slug}/`, note: `${quizzes(quiz.html)} quizzes, ${labsIn(quiz.html)} labs` });
    // Every lab on one page: the heaviest lab page, and the one Lighthouse found slowest.
    if (existsSync(join(dir, 'labs', 'index.html'))) {
      const html = readFileSync(join(dir, 'labs', 'index.html'), 'utf8');
      targets.push({ kind: 'labs page', lang, path: `/${lang}/labs/`, note: `${labsIn(html)} labs` });
    }
  }
  return targets;
}

/** Pages measured by Lighthouse only: the drill and the review page of each language (with --only, those named). */
function lighthouseOnlyTargets(only: string[]): Target[] {
  const pages: Target[] = [];
  for (const lang of ['en', 'ko'] as const)
    for (const kind of ['drill', 'review'] as const) {
      const path = `/${lang}/${kind}/`;
      if (existsSync(join(OUT, lang, kind, 'index.html')) && (!only.length || only.includes(path))) pages.push({ kind, lang, path, note: '' });
    }
  return pages;
}

/** Component names whose `<script>`s Astro emits as `<Name>.astro_astro_type_script_index_<n>_lang.<hash>.js`. */
function componentNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.astro'))
        .map((f) => f.slice(0, -'.astro'.length))
    : [];
}
/** The quiz components (with their own figure: npm run bench:quiz); their scripts are not the labs'. */
const QUIZ_COMPONENTS = componentNames('src/quiz');
/** The lab components, whose own `<script>`s (deep-link scroll, the state diagram's highlighter) are the labs'. */
const LAB_COMPONENTS = componentNames('src/labs');

/** A built chunk's name without its content hash, for a breakdown that reads the same from build to build. */
function chunkName(url: string): string {
  const file = new URL(url).pathname.split('/').pop() ?? url;
  return file
    .replace(/\.[\w-]{6,12}\.js$/, '')
    .replace(/\.astro_astro_type_script_index_(\d+)_lang$/, (_, n: string) => `.astro script${n === '0' ? '' : ` ${n}`}`);
}

const componentOf = (url: string, names: string[]): boolean => {
  const file = new URL(url).pathname.split('/').pop() ?? '';
  return names.some((n) => file.startsWith(`${n}.astro_`));
};

/**
 * The quizzes' entry chunk: the layout's script loads src/quiz/client/quiz-loader.ts after the first
 * paint (src/site/client/chrome.ts), and it loads every quiz kind's code. Refusing it (or a quiz
 * component's own script, should one come back) keeps a page's quizzes from loading any code.
 */
const QUIZ_ENTRY_CHUNKS = ['quiz-loader'];
const isQuizScript = (url: string): boolean => componentOf(url, QUIZ_COMPONENTS) || QUIZ_ENTRY_CHUNKS.includes(chunkName(url));

/** The static imports of built chunks, transitively (dynamic `import()`s load later and are seen on the network). */
function staticClosure(origin: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (url: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    const file = join(OUT, decodeURIComponent(new URL(url).pathname));
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g)) visit(new URL(m[1] ?? '', url).href);
  };
  for (const r of roots) visit(new URL(r, origin).href);
  return seen;
}

/**
 * The layout's own scripts: the page's `<script src>`s that are no lab's or quiz's component script,
 * the script the layout's inline loader imports after the first paint (scripts/first-paint.ts), and
 * what they import statically. They are on every page (the text chapter's figure), so the labs'
 * figure leaves them out, even when a lab also uses one of them.
 */
function layoutScripts(origin: string, html: string): Set<string> {
  const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<script>[^<]*?\bimport\("([^"]+\.js)"\)/g)].map(
    (m) => new URL(m[1] ?? '', origin).href,
  );
  return staticClosure(
    origin,
    srcs.filter((u) => !componentOf(u, LAB_COMPONENTS) && !isQuizScript(u)),
  );
}

/** Inline scripts of pages without islands or quizzes (the layout's theme and sidebar scripts): on every page. */
function chromeInlineScripts(): Set<string> {
  const out = new Set<string>();
  for (const lang of ['en', 'ko']) {
    const dir = join(OUT, lang);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir)) {
      const f = join(dir, slug, 'index.html');
      if (!existsSync(f)) continue;
      const html = readFileSync(f, 'utf8');
      if (html.includes('data-lab-root') || html.match(QUIZ_MARK)) continue;
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) if (!/json/.test(m[1] ?? '')) out.add((m[2] ?? '').trim());
    }
  }
  return out;
}

/** What one load of a page fetched. */
interface Pass {
  scripts: { url: string; gz: number; phase: Phase }[];
  /** Inline scripts (not JSON), trimmed. */
  inline: string[];
  css: number;
  html: number;
  htmlText: string;
  requests: number;
  /** Requests for the quiz components' scripts that were kept from loading (`blockQuizzes`). */
  blocked: number;
  problems: string[];
}

/** Scrolls each lab into view in turn and waits until lab-loader.ts marks it awake. */
async function wakeLabs(page: Page, path: string, problems: string[]): Promise<void> {
  // Playwright's own scrolling (a lab root is `display: contents`, so its first child is what
  // scrolls; global.css scrolls smoothly, so an in-page scroll loop could pass labs by).
  const labs = await page.locator('[data-lab-root]').all();
  for (const [i, lab] of labs.entries()) {
    const name = `${(await lab.getAttribute('data-lab-kind')) ?? 'lab'} lab ${i + 1}`;
    await lab
      .locator(':scope > *')
      .first()
      .scrollIntoViewIfNeeded({ timeout: 10_000 })
      .catch(() => undefined);
    const ok = await lab
      .evaluate(
        (el) =>
          new Promise<boolean>((done) => {
            const t0 = performance.now();
            const tick = (): void =>
              el.hasAttribute('data-lab-awake') ? done(true) : performance.now() - t0 > 15_000 ? done(false) : void setTimeout(tick, 50);
            tick();
          }),
      )
      .catch(() => false);
    if (!ok) problems.push(`${path}: ${name} never woke (no data-lab-awake 15 s after being scrolled into view)`);
  }
  await page.waitForLoadState('networkidle');
}

/** Changes the first knob of the first sequence lab (which loads the engine) and waits for what it loads. */
async function changeKnob(page: Page, path: string, problems: string[]): Promise<void> {
  const knob = page.locator('.seq-lab .lab-knobs select').first();
  if ((await knob.count()) > 0) {
    const current = await knob.inputValue();
    const values = await knob.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const other = values.find((v) => v !== current);
    if (other === undefined) problems.push(`${path}: the first knob has a single option; the engine was not loaded`);
    else {
      await knob.scrollIntoViewIfNeeded();
      await knob.selectOption(other);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await page.waitForLoadState('networkidle');
    }
  } else if (await page.locator('.seq-lab').count()) problems.push(`${path}: a sequence lab without knobs; the engine was not loaded`);
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
}

/**
 * Loads a page as a reader would and sums gzipped bytes by type: every lab is scrolled into view
 * in turn and must wake (quizzes on the way wake too); then, on a page with a sequence lab, one
 * knob is changed and what it loads is waited for. Search is never opened. With `blockQuizzes`, the
 * quiz components' scripts are refused, so the quizzes stay their build-time markup and load nothing.
 */
async function loadPage(page: Page, origin: string, path: string, blockQuizzes: boolean): Promise<Pass> {
  const pass: Pass = { scripts: [], inline: [], css: 0, html: 0, htmlText: '', requests: 0, blocked: 0, problems: [] };
  let phase: Phase = 'page load';
  const pending: Promise<void>[] = [];
  if (blockQuizzes)
    await page.route(
      (url) => url.pathname.endsWith('.js') && isQuizScript(url.href),
      (route) => {
        pass.blocked += 1;
        return route.abort();
      },
    );
  const onResponse = (res: import('@playwright/test').Response): void => {
    const at = phase;
    pending.push(
      (async () => {
        if (res.status() >= 300 || res.url().includes('/pagefind/')) return;
        const body = await res.body().catch(() => undefined);
        if (!body) return;
        pass.requests += 1;
        const type = res.request().resourceType();
        if (type === 'script') pass.scripts.push({ url: res.url(), gz: gz(body), phase: at });
        else if (type === 'stylesheet') pass.css += gz(body);
        else if (type === 'document') {
          pass.html += gz(body);
          pass.htmlText = body.toString();
        }
      })(),
    );
  };
  page.on('response', onResponse);
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  phase = 'wake';
  await wakeLabs(page, path, pass.problems);
  phase = 'knob change';
  await changeKnob(page, path, pass.problems);
  pass.inline = await page.evaluate(() =>
    Array.from(document.querySelectorAll('script:not([src])'))
      .filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
      .map((s) => (s.textContent ?? '').trim())
      .filter(Boolean),
  );
  page.off('response', onResponse);
  await Promise.all(pending);
  return pass;
}

/**
 * Measures a page. On a page with quizzes it is loaded twice, each time in a fresh context: once as
 * a reader gets it (the whole page's figures), and once with the quiz components' scripts refused,
 * which gives the labs' own cost: a quiz can load code a lab also uses (the predict-the-numbers quiz
 * loads the engine when it comes near), and on the whole page that code would arrive before the
 * labs ask for it. Group of each script:
 *   - page: the layout's own scripts and what they import (layoutScripts);
 *   - lab: any other script the load without quizzes fetched (a lab component's script and all it
 *     loads, at once or lazily: on the labs page the first lab wakes before the page is idle);
 *   - quiz: on the whole page, a script the load without quizzes never fetched.
 */
async function measureTarget(
  newPage: () => Promise<{ page: Page; close: () => Promise<void> }>,
  origin: string,
  path: string,
  chrome: Set<string>,
): Promise<Sizes> {
  const once = async (blockQuizzes: boolean): Promise<Pass> => {
    const { page, close } = await newPage();
    try {
      return await loadPage(page, origin, path, blockQuizzes);
    } finally {
      await close();
    }
  };
  const full = await once(false);
  const hasQuizzes = !!full.htmlText.match(QUIZ_MARK);
  const labsOnly = hasQuizzes ? await once(true) : full;
  const problems = [...full.problems, ...(labsOnly === full ? [] : labsOnly.problems)];
  if (hasQuizzes && QUIZ_COMPONENTS.length && !labsOnly.blocked)
    problems.push(
      `${path}: has quizzes but none of their scripts was recognised (named after src/quiz/*.astro or ${QUIZ_ENTRY_CHUNKS.join(', ')}); the labs' figure includes them`,
    );

  // The server-rendered run is in the HTML: the engine has no business loading before a knob changes.
  const early = labsOnly.scripts.filter((s) => chunkName(s.url) === 'engine' && s.phase !== 'knob change');
  if (early.length) problems.push(`${path}: the engine chunk loaded on ${early[0]?.phase}, before any knob change (the labs' figure counts it in the wake)`);
  const layout = layoutScripts(origin, labsOnly.htmlText);
  const labGroup = new Map<string, { group: Group; phase: Phase }>();
  for (const s of labsOnly.scripts) labGroup.set(s.url, { group: layout.has(s.url) ? 'page' : 'lab', phase: s.phase });
  const scripts: Script[] = full.scripts.map((s) => {
    const seen = labGroup.get(s.url);
    return { name: chunkName(s.url), url: s.url, gz: s.gz, phase: seen?.phase ?? s.phase, group: seen?.group ?? 'quiz' };
  });
  // Inline scripts: one entry per kind, each gzipped as one stream (as they arrive, inside the HTML).
  const chromeText = full.inline.filter((t) => chrome.has(t)).join('\n');
  const pageText = full.inline.filter((t) => !chrome.has(t)).join('\n');
  if (chromeText)
    scripts.push({
      name: 'inline: layout (theme, sidebar, quiz score; on every page)',
      url: '',
      gz: gz(chromeText),
      phase: 'page load',
      group: 'inline: page chrome',
    });
  if (pageText) scripts.push({ name: 'inline: this page only', url: '', gz: gz(pageText), phase: 'page load', group: 'inline: this page' });

  const sum = (xs: { gz: number }[]): number => xs.reduce((n, x) => n + x.gz, 0);
  const inlineJs = full.inline.length ? gz(full.inline.join('\n')) : 0;
  const labScripts = labsOnly.scripts.filter((s) => labGroup.get(s.url)?.group === 'lab');
  return {
    js: sum(full.scripts) + inlineJs,
    // A page's own inline scripts (none today) are counted as the labs', to err on the heavy side.
    labWake: labScripts.length ? sum(labScripts.filter((s) => s.phase !== 'knob change')) + (pageText ? gz(pageText) : 0) : 0,
    labKnob: sum(labScripts.filter((s) => s.phase === 'knob change')),
    quizJs: sum(scripts.filter((s) => s.group === 'quiz')),
    inlineJs,
    css: full.css,
    html: full.html,
    requests: full.requests,
    scripts,
    problems,
  };
}
/** What one Lighthouse run gave: its four category scores and the metrics that move the performance one. */
interface LighthouseResult {
  scores: Record<string, number>;
  metrics: { tbt: number; fcp: string; lcp: string; cls: string };
}

/** Runs the Lighthouse CLI (mobile, its default) in our Chromium and returns the four category scores. */
async function lighthouse(url: string, browser: string): Promise<LighthouseResult | string> {
  const dir = mkdtempSync(join(tmpdir(), 'book-lh-'));
  const report = join(dir, 'report.json');
  const r = await run(
    'npm',
    [
      // bench/'s Lighthouse (installed by `npm run bench`), not the book's install.
      'exec',
      '--prefix',
      BENCH_DIR,
      '--',
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
      '--max-wait-for-load=30000',
    ],
    { CHROME_PATH: browser },
  );
  try {
    if (!r.ok || !existsSync(report)) return `lighthouse failed: ${r.out.trim().split('\n').slice(-3).join(' ')}`;
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number } | undefined>;
    };
    const scores: Record<string, number> = {};
    for (const [k, v] of Object.entries(json.categories)) scores[k] = Math.round((v.score ?? 0) * 100);
    const metric = (id: string): number => json.audits[id]?.numericValue ?? NaN;
    return {
      scores,
      metrics: {
        tbt: Math.round(metric('total-blocking-time')),
        fcp: (metric('first-contentful-paint') / 1000).toFixed(1),
        lcp: (metric('largest-contentful-paint') / 1000).toFixed(1),
        cls: metric('cumulative-layout-shift').toFixed(2),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function dirSize(dir: string, match: (name: string) => boolean): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      const sub = dirSize(full, match);
      bytes += sub.bytes;
      files += sub.files;
    } else if (match(name)) {
      bytes += st.size;
      files += 1;
    }
  }
  return { bytes, files };
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const say = (s = ''): void => {
    lines.push(s);
    console.log(s);
  };
  /** A figure's part of the report, when it was measured: a blank line, its paragraph, a blank line and its table. */
  const section = (measured: boolean, intro: string, table: () => string[]): void => {
    if (!measured) return;
    say();
    say(intro);
    say();
    for (const l of table()) say(l);
  };
  const browser = ensureBrowser();

  let buildSeconds: number | undefined;
  if (!args.includes('--skip-build')) {
    rmSync(OUT, { recursive: true, force: true });
    rmSync(CACHE, { recursive: true, force: true });
    console.error(`building into ${OUT} …`);
    const b = await run('npm', ['run', 'build'], { BOOK_OUT: OUT, BOOK_CACHE: CACHE });
    if (!b.ok) {
      console.error(b.out);
      throw new Error('npm run build failed; no figures.');
    }
    buildSeconds = b.seconds;
  }
  const { server, url } = await startServer({ dir: OUT, port: 0 });
  const origin = url.replace(/\/$/, '');
  const only = args.filter((a) => a.startsWith('--only=')).map((a) => a.slice('--only='.length));
  const targets = pickTargets().filter((t) => !only.length || only.includes(t.path));

  const ch = await chromium.launch({ executablePath: browser, args: CHROMIUM_ARGS });
  const chrome = chromeInlineScripts();
  const rows: string[] = [];
  const problems: string[] = [];
  const breakdowns: { t: Target; s: Sizes }[] = [];
  for (const t of targets) {
    console.error(`measuring ${t.path} …`);
    // A fresh context per load: nothing cached, no service worker from a previous page. Reduced
    // motion turns off global.css's smooth scrolling, so scrolling an island into view is instant.
    const s = await measureTarget(
      async () => {
        const ctx = await ch.newContext({ serviceWorkers: 'block', reducedMotion: 'reduce' });
        return { page: await ctx.newPage(), close: () => ctx.close() };
      },
      origin,
      t.path,
      chrome,
    );
    problems.push(...s.problems);
    // The lab budget is on what the labs cost (wake + first knob change, engine and Preact included); the text budget on all of the page's JS.
    const labTotal = s.labWake + s.labKnob;
    const budget = t.kind === 'text chapter' ? TARGETS.textJs : t.kind === 'lab chapter' ? TARGETS.labJs : undefined;
    const judged = t.kind === 'lab chapter' ? labTotal : s.js;
    const verdict = budget === undefined ? '' : `≤ ${kb(budget)} ${judged <= budget && !s.problems.length ? '✓' : '✗'}`;
    const labs = s.labWake ? [kb(s.labWake), s.labKnob ? kb(s.labKnob) : '0 KB', `**${kb(labTotal)}**`] : ['', '', ''];
    rows.push(
      `| ${t.kind}${t.note ? ` (${t.note})` : ''} | ${t.lang} | \`${t.path}\` | ${kb(s.js)} | ${labs.join(' | ')} | ${verdict} | ${s.quizJs ? kb(s.quizJs) : ''} | ${kb(s.inlineJs)} | ${kb(s.css)} | ${kb(s.html)} | ${s.requests} |`,
    );
    if (t.kind === 'lab chapter' || only.includes(t.path)) breakdowns.push({ t, s });
  }

  // Long tasks when stepping, on Lighthouse's mobile emulation: the lab chapters and the English labs page.
  const loadBefore = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const longTasks: LongTaskResult[] = [];
  for (const t of targets.filter((x) => x.kind === 'lab chapter' || (x.kind === 'labs page' && x.lang === 'en'))) {
    console.error(`long tasks ${t.path} …`);
    longTasks.push(await measureLongTasks(ch, origin, t.path));
  }
  for (const r of longTasks) if (r.error) problems.push(`${r.path}: long tasks not measured: ${r.error}`);
  const searches: SearchFigures[] = [];
  for (const lang of ['en', 'ko'] as const) {
    console.error(`search ${lang} …`);
    try {
      searches.push(await measureSearch(ch, origin, lang));
    } catch (e) {
      problems.push(`search (${lang}) not measured: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  // Heavy captures opened in the capture lab, on the same emulation, each next to tshark reading the same file.
  let captures: CaptureFigures[] = [];
  if (!only.length) {
    console.error('captures …');
    const capDir = mkdtempSync(join(tmpdir(), 'bench-capture-'));
    try {
      captures = await measureCaptures(ch, origin, await craftedFiles(capDir));
    } finally {
      rmSync(capDir, { recursive: true, force: true });
    }
    for (const c of captures) if (c.error) problems.push(`capture ${c.label} not measured: ${c.error}`);
  }
  // The workshop, next to the lab chapter of the same language measured the same way.
  const workshops: WorkshopFigures[] = [];
  for (const lang of ['en', 'ko'] as const) {
    const chapter = pickTargets().find((t) => t.kind === 'lab chapter' && t.lang === lang);
    if (!chapter || (only.length && !only.includes(`/${lang}/workshop/`))) continue;
    console.error(`workshop ${lang} …`);
    const w = await measureWorkshop(ch, origin, lang, chapter.path);
    if (w.error) problems.push(`/${lang}/workshop/ not measured: ${w.error}`);
    workshops.push(w);
  }
  await ch.close();

  const lhRows: string[] = [];
  if (!args.includes('--no-lighthouse')) {
    const workshopPages = workshops.map((w): Target => ({ kind: 'workshop', lang: w.lang as 'en' | 'ko', path: w.path, note: '' }));
    for (const t of [...targets, ...workshopPages, ...lighthouseOnlyTargets(only)]) {
      console.error(`lighthouse ${t.path} …`);
      const lh = await lighthouse(origin + t.path, browser);
      if (typeof lh === 'string') lhRows.push(`| ${t.kind} | ${t.lang} | \`${t.path}\` | ${lh} | | | | |`);
      else {
        const cell = (k: string): string => `${lh.scores[k] ?? '?'}${lh.scores[k] === TARGETS.lighthouse ? '' : ' ✗'}`;
        const m = lh.metrics;
        lhRows.push(
          `| ${t.kind} | ${t.lang} | \`${t.path}\` | ${cell('performance')} | ${cell('accessibility')} | ${cell('best-practices')} | ${cell('seo')} | ${m.tbt} ms / ${m.fcp} s / ${m.lcp} s / ${m.cls} |`,
        );
      }
    }
  }
  server.close();

  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  say(
    `## Benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.version}, ${browser}, ${cpus().length} cores, load average ${load})`,
  );
  say();
  if (buildSeconds !== undefined) {
    say(
      `Full build (astro build + pagefind + service worker, fresh cache): **${buildSeconds.toFixed(1)} s** (target ≤ ${TARGETS.buildSeconds} s ${buildSeconds <= TARGETS.buildSeconds ? '✓' : '✗'})`,
    );
    say();
  }
  say(
    'Bytes loaded before search is opened (gzip -9 of each response), after every lab was scrolled into view and woke (quizzes on the way wake too) and, on pages with a sequence lab, one knob was changed. ' +
      'JS is every script of the page, external and inline (inline scripts are also inside the HTML figure). ' +
      "The labs' cost is measured on a second load of the page with the quiz components' scripts refused (a quiz can load code a lab also uses, e.g. the engine): " +
      "**lab wake** is the JS loaded until every lab is awake, without the layout's own scripts (those are on every page: the text chapter's JS, measured in the same run, is that reference); " +
      '**knob change** is what the first knob change loads on top (the engine, which the server-rendered run makes unnecessary until then); ' +
      "the lab chapter's 25 KB target (engine and Preact included) applies to their sum, the text chapter's to all of its JS. " +
      'Quiz JS is what the quizzes add (scripts the load without them never fetched; per quiz: `npm run bench:quiz`):',
  );
  say();
  say('| page type | lang | page | JS gz | lab wake gz | + knob change gz | = labs gz | target | quiz JS gz | inline JS gz | CSS gz | HTML gz | requests |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) say(r);
  const missingKinds = (['landing', 'text chapter', 'lab chapter', 'quiz chapter', 'labs page'] as const).filter((k) => !targets.some((t) => t.kind === k));
  if (missingKinds.length) say(`\nNo page of kind: ${missingKinds.join(', ')} in this build.`);
  const shown: Sizes[] = [];
  for (const { t, s } of breakdowns) {
    say();
    // The same chunks at the same sizes in another language: say so instead of repeating the table.
    const key = (x: Sizes): string => JSON.stringify(x.scripts.map((c) => `${c.name} ${c.group} ${c.phase} ${c.gz}`).sort());
    const same = shown.find((o) => key(o) === key(s));
    if (same) {
      say(`\`${t.path}\` loads the same scripts at the same sizes (labs **${kb(s.labWake + s.labKnob)}**, whole page ${kb(s.js)}).`);
      continue;
    }
    shown.push(s);
    say(
      `Where the ${t.kind}'s JS goes (\`${t.path}\`; gzipped each on its own; page = the layout's scripts and their imports; lab = every other script of the load without quizzes, with the moment it loaded there; quiz = fetched only when the quizzes run):`,
    );
    say();
    say('| script | group | loaded on | gz |');
    say('| --- | --- | --- | --- |');
    const order: Phase[] = ['page load', 'wake', 'knob change'];
    const groups: Group[] = ['page', 'inline: page chrome', 'inline: this page', 'lab', 'quiz'];
    for (const x of [...s.scripts].sort(
      (a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || order.indexOf(a.phase) - order.indexOf(b.phase) || b.gz - a.gz,
    ))
      say(`| ${x.name} | ${x.group} | ${x.phase} | ${kb(x.gz)} |`);
    const total = s.labWake + s.labKnob;
    const target = t.kind === 'lab chapter' ? ` (target ≤ ${kb(TARGETS.labJs)} ${total <= TARGETS.labJs ? '✓' : '✗'})` : '';
    say(`| **lab wake** (lab, page load + wake) | | | **${kb(s.labWake)}** |`);
    say(`| **+ first knob change** | | | **${kb(s.labKnob)}** |`);
    say(`| **= labs** | | | **${kb(total)}**${target} |`);
    say(`| quizzes | | | ${kb(s.quizJs)} |`);
    say(`| whole page | | | ${kb(s.js)} |`);
  }
  say();
  const LIGHTHOUSE_MOBILE = await lighthouseMobile();
  say(
    `Long tasks while stepping through the page's first sequence lab (keyboard: every step with ArrowRight, five ArrowLeft, then play for 2 s), on Lighthouse ${lighthouseVersion()}'s mobile emulation ` +
      `(${LIGHTHOUSE_MOBILE.width}x${LIGHTHOUSE_MOBILE.height} at ${LIGHTHOUSE_MOBILE.deviceScaleFactor}x, touch, its UA, CPU slowed ${LIGHTHOUSE_MOBILE.cpuSlowdown}x by CDP; measured in real time, load average ${loadBefore} before). ` +
      'Longest task from the Chromium trace and from a `longtask` PerformanceObserver; target: none over 50 ms. The first knob change (engine load + run) has the same budget:',
  );
  say();
  for (const l of longTaskTable(longTasks)) say(l);
  section(
    captures.length > 0,
    "Opening a capture in the capture lab (`/en/labs/`, scripts/bench-capture-lab.ts) on the same mobile emulation, crafted from the engine's own segments (tests/browser/crafted-captures.ts): " +
      'the time from picking the file to the connection list and the replay on screen, tshark reading the same file in the same run for reference, and every main-thread task from a Chromium trace ' +
      "until the replay is complete (wall time, and the main thread's own CPU time, which holds the throttle but not other processes); target: no task over 50 ms:",
    () => captureTable(captures),
  );
  section(
    workshops.length > 0,
    'The scenario workshop (`scripts/bench-workshop.ts`) on the same mobile emulation: JS loaded before any run and what the first run adds (engine and run module), target ≤ 45 KB gz after the first run; ' +
      'the lab chapter of the same language at load with its labs awake, measured the same way in the same run, for reference; the longest main-thread task of a Chromium trace while editing ' +
      "(five latency edits typed and an added fault, each waiting for its run, all from the keyboard) and while stepping the run ten steps by keyboard, in wall time and in the main thread's own CPU time " +
      '(which holds the throttle but not other processes); target: no task over 50 ms (trace or `longtask` observer):',
    () => workshopTable(workshops),
  );
  if (lhRows.length) {
    say();
    say(
      `Lighthouse ${lighthouseVersion()} mobile (simulated throttling), target ${TARGETS.lighthouse} in each category; TBT, FCP, LCP and CLS as Lighthouse simulated them. ` +
        'The drill and review pages are measured here only (their bytes are the quiz code); the 404 pages are left out: they say noindex, and a missing URL answers with status 404, both of which Lighthouse counts against SEO:',
    );
    say();
    say('| page type | lang | page | performance | accessibility | best practices | SEO | TBT / FCP / LCP / CLS |');
    say('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of lhRows) say(r);
  }
  say();
  say('Search index (pagefind) per language:');
  say();
  say('| lang | index files | index size | search wasm |');
  say('| --- | --- | --- | --- |');
  for (const lang of ['en', 'ko']) {
    const s = dirSize(join(OUT, 'pagefind'), (n) => n.startsWith(`${lang}_`) || n.startsWith(`pagefind.${lang}_`));
    // Languages without a stemmer (Korean) use pagefind's generic wasm.
    const wasm = [`wasm.${lang}.pagefind`, 'wasm.unknown.pagefind'].map((n) => join(OUT, 'pagefind', n)).find((f) => existsSync(f));
    say(`| ${lang} | ${s.files} | ${kb(s.bytes)} | ${wasm ? `${kb(statSync(wasm).size)} (${wasm.split('/').pop()})` : 'none'} |`);
  }
  say();
  say(
    "Search, opened on a text chapter (`/<lang>/glossary/`) on the same mobile emulation as the long tasks (4x CPU): what opening it and answering five reader questions fetches (transfer sizes), and the time from a query's last keypress to its results painted, with that query's index already loaded; target ≤ 100 ms:",
  );
  say();
  say('| lang | search JS | pagefind wasm | index + fragments | keypress → results (median / max) | target |');
  say('| --- | --- | --- | --- | --- | --- |');
  for (const f of searches) {
    const sorted = [...f.times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const max = sorted[sorted.length - 1] ?? NaN;
    say(
      `| ${f.lang} | ${kb(f.bytes.js)} | ${kb(f.bytes.wasm)} | ${kb(f.bytes.index)} | ${median.toFixed(0)} / ${max.toFixed(0)} ms | ${max <= 100 ? '✓' : '✗'} ≤ 100 ms |`,
    );
  }
  say();
  say(
    'Offline copy downloaded on a first visit (service worker precache, gzipped as served), target 700 KB per language; the whole book (both editions) for reference:',
  );
  say();
  say('| first visit reads | files cached | gzipped | target |');
  say('| --- | --- | --- | --- |');
  for (const r of await precacheGzipByLanguage(OUT)) {
    const target = r.lang === 'all' ? 'reference' : `${r.gz <= 700 * 1024 ? '✓' : '✗'} ≤ 700 KB`;
    say(
      `| ${r.lang === 'all' ? 'both editions (before: every visit)' : `${r.lang} edition`} | ${r.lang === 'all' ? 'shared + ko + en' : `shared + ${r.lang}`} | ${kb(r.gz)} | ${target} |`,
    );
  }
  for (const [script, what] of [
    ['scripts/bench-engine.ts', 'Engine (scenarios/s, property runs/s, peak memory)'],
    ['scripts/bench-trace-cli.ts', 'Capture import: trace CLI against tshark on the same files, same run'],
  ] as const) {
    say();
    if (!existsSync(script)) {
      say(`${what}: ${script} does not exist yet.`);
      continue;
    }
    console.error(`running ${script} …`);
    const r = await run('node', [script]);
    say(`${what} (\`node ${script}\`${r.ok ? '' : ', FAILED'}):`);
    say();
    const text = r.out.trim();
    say(text.startsWith('|') ? text : `\`\`\`\n${text}\n\`\`\``);
  }
  if (problems.length) {
    say();
    say('**Not measured as asked** (the figures above leave something out):');
    say();
    for (const p of problems) say(`- ✗ ${p}`);
  }
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/bench.md', `${lines.join('\n')}\n`);
  // A full run replaces the README's figures (between its bench markers); a partial one (--only) does not.
  if (!only.length) {
    const machine = machineLine({ cpuModel: cpus()[0]?.model ?? 'unknown CPU', cores: cpus().length, memBytes: totalmem(), os: `${type()} ${release()}` });
    writeFileSync(README, replaceBlock(readFileSync(README, 'utf8'), 'bench', benchBlock(lines, machine)));
    console.error('README.md: bench block rewritten');
  }
  if (problems.length) process.exitCode = 1;
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(BENCH_DIR, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
