/**
 * `npm run bench`: builds the book from scratch, serves it, and prints a markdown table of what
 * a reader downloads and what Lighthouse thinks, next to the book's targets. Not a timed test:
 * figures vary with the machine; read them, don't assert them.
 *
 * Figures:
 *   - full build time (fresh output and cache folders);
 *   - per page type (landing, contents, text-only chapter, chapter with a lab, chapter with five
 *     quizzes) and language: JS, CSS and HTML bytes, gzipped by us, loaded before search is opened
 *     (the page is scrolled to the end so that islands hydrating on visibility count);
 *   - Lighthouse mobile scores in its four categories for the same pages;
 *   - search index size per language;
 *   - the engine's own benchmarks (scripts/bench-engine.ts, scripts/bench-pcap.ts) when present.
 *
 * Options: --no-lighthouse (sizes only), --skip-build (reuse BOOK_OUT). Output also goes to
 * .bench/bench.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, ensureBrowser } from './ensure-browser.ts';
import { startServer } from './serve.ts';

const args = process.argv.slice(2);
const OUT = resolve(process.env.BOOK_OUT ?? '.bench/dist');
const CACHE = resolve(process.env.BOOK_CACHE ?? '.bench/cache');
const TARGETS = { textJs: 3 * 1024, labJs: 25 * 1024, buildSeconds: 15, lighthouse: 100 };

type PageKind = 'landing' | 'contents' | 'text chapter' | 'lab chapter' | 'quiz chapter';

interface Target {
  kind: PageKind;
  lang: 'ko' | 'en' | '—';
  path: string;
  note: string;
}

interface Sizes {
  js: number;
  /** Scripts of the quiz components (by file name), to tell what the questions themselves cost. */
  quizJs: number;
  inlineJs: number;
  css: number;
  html: number;
  requests: number;
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
const QUIZ_SCRIPT = /MultipleChoice|OrderSegments|NameState|PredictNumbers|SpotError|quiz/i;
const LAB_MARK = /component-url="[^"]*(sequence|lab)[^"]*"/i;

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
    const islands = (html: string): number => html.split('<astro-island').length - 1;
    const text = chapters.find((c) => islands(c.html) === 0 && quizzes(c.html) === 0);
    // The lab budget is for a chapter with the sequence lab and the state diagram: take the one with the fewest other islands.
    const lab = chapters
      .filter((c) => LAB_MARK.test(c.html) && /component-url="[^"]*state-diagram/i.test(c.html))
      .sort((a, b) => islands(a.html) - islands(b.html))[0];
    const quizCandidates = chapters.filter((c) => quizzes(c.html) >= 5).sort((a, b) => islands(a.html) - islands(b.html) || quizzes(a.html) - quizzes(b.html));
    const quiz = quizCandidates.find((c) => c !== lab) ?? quizCandidates[0];
    if (text) targets.push({ kind: 'text chapter', lang, path: `/${lang}/${text.slug}/`, note: '' });
    if (lab) targets.push({ kind: 'lab chapter', lang, path: `/${lang}/${lab.slug}/`, note: `${islands(lab.html)} islands` });
    if (quiz) targets.push({ kind: 'quiz chapter', lang, path: `/${lang}/${quiz.slug}/`, note: `${quizzes(quiz.html)} quizzes, ${islands(quiz.html)} islands` });
  }
  return targets;
}

/** Loads a page as a reader would (scrolling to the end, never opening search) and sums gzipped bytes by type. */
async function measure(page: Page, url: string): Promise<Sizes> {
  const sizes: Sizes = { js: 0, quizJs: 0, inlineJs: 0, css: 0, html: 0, requests: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (res: import('@playwright/test').Response): void => {
    pending.push(
      (async () => {
        if (res.status() >= 300 || res.url().includes('/pagefind/')) return;
        const body = await res.body().catch(() => undefined);
        if (!body) return;
        sizes.requests += 1;
        const type = res.request().resourceType();
        if (type === 'script') {
          sizes.js += gz(body);
          if (QUIZ_SCRIPT.test(res.url())) sizes.quizJs += gz(body);
        }
        else if (type === 'stylesheet') sizes.css += gz(body);
        else if (type === 'document') sizes.html += gz(body);
      })(),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  // Bring every island into view, one after another, so that those hydrating on visibility load.
  await page.evaluate(async () => {
    for (const island of Array.from(document.querySelectorAll('astro-island'))) {
      island.scrollIntoView({ block: 'center' });
      await new Promise((r) => setTimeout(r, 150));
    }
    window.scrollTo(0, document.body.scrollHeight);
  });
  // Every island on the page must have hydrated (Astro drops `ssr` then) before the bytes are counted.
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 }).catch(() => {
    console.error(`  warning: some islands on ${url} did not hydrate within 30 s`);
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  const inline = await page.evaluate(() =>
    Array.from(document.querySelectorAll('script:not([src])'))
      .filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
      .map((s) => s.textContent ?? '')
      .join('\n'),
  );
  sizes.inlineJs = inline.trim() ? gz(inline) : 0;
  page.off('response', onResponse);
  await Promise.all(pending);
  return sizes;
}

/** Runs the Lighthouse CLI (mobile, its default) in our Chromium and returns the four category scores. */
async function lighthouse(url: string, browser: string): Promise<Record<string, number> | string> {
  const dir = mkdtempSync(join(tmpdir(), 'book-lh-'));
  const report = join(dir, 'report.json');
  const r = await run(
    'npx',
    [
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
    const json = JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number | null }> };
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(json.categories)) out[k] = Math.round((v.score ?? 0) * 100);
    return out;
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
  const targets = pickTargets();

  const ch = await chromium.launch({ executablePath: browser, args: CHROMIUM_ARGS });
  const rows: string[] = [];
  const lhRows: string[] = [];
  for (const t of targets) {
    console.error(`measuring ${t.path} …`);
    // A fresh context per page: nothing cached, no service worker from a previous page.
    const ctx = await ch.newContext({ serviceWorkers: 'block' });
    const s = await measure(await ctx.newPage(), origin + t.path);
    await ctx.close();
    const js = s.js + s.inlineJs;
    const budget = t.kind === 'text chapter' ? TARGETS.textJs : t.kind === 'lab chapter' ? TARGETS.labJs : undefined;
    const verdict = budget === undefined ? '' : js <= budget ? `≤ ${kb(budget)} ✓` : `≤ ${kb(budget)} ✗`;
    const parts = [`${kb(s.inlineJs)} inline`, s.quizJs ? `${kb(s.quizJs)} quiz` : ''].filter(Boolean).join(', ');
    rows.push(`| ${t.kind}${t.note ? ` (${t.note})` : ''} | ${t.lang} | \`${t.path}\` | ${kb(js)} (${parts}) | ${verdict} | ${kb(s.css)} | ${kb(s.html)} | ${s.requests} |`);
    if (!args.includes('--no-lighthouse')) {
      console.error(`lighthouse ${t.path} …`);
      const lh = await lighthouse(origin + t.path, browser);
      if (typeof lh === 'string') lhRows.push(`| ${t.kind} | ${t.lang} | \`${t.path}\` | ${lh} | | | |`);
      else {
        const cell = (k: string): string => `${lh[k] ?? '?'}${lh[k] === TARGETS.lighthouse ? '' : ' ✗'}`;
        lhRows.push(`| ${t.kind} | ${t.lang} | \`${t.path}\` | ${cell('performance')} | ${cell('accessibility')} | ${cell('best-practices')} | ${cell('seo')} |`);
      }
    }
  }
  await ch.close();
  server.close();

  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  say(`## Benchmark (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.version}, ${browser}, ${cpus().length} cores, load average ${load})`);
  say();
  if (buildSeconds !== undefined) {
    say(`Full build (astro build + pagefind + service worker, fresh cache): **${buildSeconds.toFixed(1)} s** (target ≤ ${TARGETS.buildSeconds} s ${buildSeconds <= TARGETS.buildSeconds ? '✓' : '✗'})`);
    say();
  }
  say('Bytes loaded before search is opened (gzip -9 of each response; page scrolled to the end). JS counts external and inline scripts; inline scripts are also inside the HTML figure:');
  say();
  say('| page type | lang | page | JS gz | JS target | CSS gz | HTML gz | requests |');
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) say(r);
  const missingKinds = (['landing', 'text chapter', 'lab chapter', 'quiz chapter'] as const).filter((k) => !targets.some((t) => t.kind === k));
  if (missingKinds.length) say(`\nNo page of kind: ${missingKinds.join(', ')} in this build.`);
  if (lhRows.length) {
    say();
    say(`Lighthouse ${lighthouseVersion()} mobile (simulated throttling), target ${TARGETS.lighthouse} in each category:`);
    say();
    say('| page type | lang | page | performance | accessibility | best practices | SEO |');
    say('| --- | --- | --- | --- | --- | --- | --- |');
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
  for (const [script, what] of [
    ['scripts/bench-engine.ts', 'Engine (scenarios/s, property runs/s, peak memory)'],
    ['scripts/bench-pcap.ts', 'pcap import throughput'],
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
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/bench.md', `${lines.join('\n')}\n`);
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
