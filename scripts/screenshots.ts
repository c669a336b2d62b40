/**
 * `npm run screenshots`: PNGs of the built book to look at, not to compare: the top of every
 * page (chapters, contents, labs, drill, review, landing) and every lab of the labs page, at a
 * phone (360×740, 2×, touch) and a desktop (1366×850), in Korean and English, light and dark.
 * Tests catch regressions; only looking catches ugliness.
 *
 *   npm run build && npm run screenshots                 all of them (about 200 files)
 *   npm run screenshots -- phone ko dark                 only shots whose name has every word
 *   BOOK_OUT=.builds/me BOOK_SHOTS=/tmp/shots npm run screenshots
 *
 * Reads the build in BOOK_OUT (default dist/), writes into BOOK_SHOTS (default screenshots/,
 * ignored by git). File names: <viewport>-<lang>-<theme>-<page>[-<lab id>].png.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, ensureBrowser } from './ensure-browser.ts';
import { startServer } from './serve.ts';

const OUT = resolve(process.env.BOOK_OUT ?? 'dist');
const SHOTS = resolve(process.env.BOOK_SHOTS ?? 'screenshots');
const filters = process.argv.slice(2).map((w) => w.toLowerCase());

const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 850 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;
const LANGS = ['ko', 'en'] as const;
const THEMES = ['light', 'dark'] as const;

if (!existsSync(join(OUT, 'en', 'index.html'))) {
  console.error(`screenshots: no build at ${OUT}. Run \`npm run build\` first (BOOK_OUT=${process.env.BOOK_OUT ?? 'dist'}).`);
  process.exit(1);
}

/** Every page of one language that a reader can land on, by its path after /<lang>/ ("" = contents). */
function pagesOf(lang: string): string[] {
  return readdirSync(join(OUT, lang), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== '404' && d.name !== 'quiz-demo' && existsSync(join(OUT, lang, d.name, 'index.html')))
    .map((d) => `${d.name}/`)
    .concat([''])
    .sort();
}

/** The lab ids of the labs page, read from the built HTML. */
function labIds(lang: string): string[] {
  const html = readFileSync(join(OUT, lang, 'labs', 'index.html'), 'utf8');
  return [...html.matchAll(/data-lab-root="([^"]+)"/g)].map((m) => m[1] ?? '');
}

const wanted = (name: string): boolean => filters.every((w) => name.includes(w));

mkdirSync(SHOTS, { recursive: true });
const { server, url } = await startServer({ dir: OUT, port: 0 });
const browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
let written = 0;
const started = performance.now();
try {
  for (const [vp, device] of Object.entries(VIEWPORTS)) {
    for (const theme of THEMES) {
      const prefix = (lang: string) => `${vp}-${lang}-${theme}`;
      const context: BrowserContext = await browser.newContext({ ...device, colorScheme: theme, reducedMotion: 'reduce', serviceWorkers: 'block' });
      await context.addInitScript((t) => localStorage.setItem('tcp-book:theme', t), theme);
      const page = await context.newPage();
      const shoot = async (name: string, path: string, labs: string[] = []): Promise<void> => {
        const names = [name, ...labs.map((id) => `${name}-${id}`)];
        if (!names.some(wanted)) return;
        await page.goto(new URL(path, url).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        if (wanted(name)) {
          await page.screenshot({ path: join(SHOTS, `${name}.png`) });
          written++;
        }
        for (const id of labs) {
          if (!wanted(`${name}-${id}`)) continue;
          // The root is display: contents (no box of its own); its first child is the lab.
          const lab = page.locator(`[data-lab-root="${id}"] > :first-child`);
          await lab.scrollIntoViewIfNeeded();
          // Labs wake when they scroll into view; shoot the woken lab, not its build-time markup.
          await page.waitForSelector(`[data-lab-root="${id}"][data-lab-awake]`, { timeout: 5000 }).catch(() => {
            console.warn(`screenshots: ${id} on ${path} did not wake in 5 s; shooting its static markup`);
          });
          await page.waitForTimeout(150);
          // The page's sticky and fixed chrome would otherwise be stitched over a tall lab.
          await lab.screenshot({ path: join(SHOTS, `${name}-${id}.png`), style: '.topbar, .page-contents, .back-to-top { visibility: hidden !important; }' });
          written++;
        }
      };
      await shoot(`${vp}-root-${theme}-landing`, '');
      for (const lang of LANGS) {
        for (const rest of pagesOf(lang)) {
          const label = rest === '' ? 'contents' : rest.slice(0, -1);
          await shoot(`${prefix(lang)}-${label}`, `${lang}/${rest}`, rest === 'labs/' ? labIds(lang) : []);
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots: ${written} PNGs in ${SHOTS} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (written === 0) {
  console.error(`screenshots: no shot matched ${filters.join(' ')}`);
  process.exit(1);
}
