/**
 * What the browser tests run over: every HTML page of the production build, found by walking
 * BOOK_OUT. Walking the output (rather than listing routes) means a new chapter, lab page or
 * 404 page is covered the moment it is built, with nobody editing a test.
 */
import type { Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The build the tests run against; the same variable `npm run build` writes to. */
export const OUT = resolve(process.env.BOOK_OUT ?? 'dist');

/** The base path the build was made with (BOOK_BASE), as `/x/` or `/`. */
export const BASE = (() => {
  let b = process.env.BOOK_BASE ?? '/';
  if (!b.startsWith('/')) b = `/${b}`;
  return b.endsWith('/') ? b : `${b}/`;
})();

/** Folders of the output that hold no pages of the book (search index, hashed assets). */
const NOT_PAGES = new Set(['pagefind', '_astro']);

/** One built page: its file and the URL path (base included) a browser asks for. */
export interface BuiltPage {
  file: string;
  path: string;
  lang: 'ko' | 'en' | 'root';
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (dir === OUT && NOT_PAGES.has(name)) continue;
      walk(full, out);
    } else if (name.endsWith('.html')) out.push(full);
  }
}

/** Maps an output file to the URL path that serves it (`en/x/index.html` → `/en/x/`). */
export function pathOf(file: string): string {
  const rel = relative(OUT, file).split(sep).join('/');
  const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return BASE + path;
}

/** Every built page, sorted, failing loudly when there is no build to test. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(join(OUT, 'index.html')) && !existsSync(join(OUT, 'en'))) {
    throw new Error(`No build at ${OUT}. Run \`npm run build\` first (BOOK_OUT=${process.env.BOOK_OUT ?? 'dist'}).`);
  }
  const files: string[] = [];
  walk(OUT, files);
  return files.sort().map((file) => {
    const path = pathOf(file);
    const first = path.slice(BASE.length).split('/')[0];
    return { file, path, lang: first === 'ko' || first === 'en' ? first : 'root' };
  });
}

/** Chapter pages: `/<lang>/<slug>/` whose HTML marks a chapter body for search. */
export function chapterPages(lang: 'ko' | 'en'): BuiltPage[] {
  return builtPages().filter(
    (p) => p.lang === lang && /^[^/]+\/[^/]+\/$/.test(p.path.slice(BASE.length)) && readFileSync(p.file, 'utf8').includes('data-pagefind-body'),
  );
}

/** The slug part of a chapter path (`/en/handshake/` → `handshake`). */
export function slugOf(page: BuiltPage): string {
  return page.path.slice(BASE.length).split('/')[1] ?? '';
}

/**
 * Waits until the layout's script has wired the page's controls (theme, search, back-to-top, the
 * language switch's #hash): it is imported after the first contentful paint (scripts/first-paint.ts),
 * which can be after Playwright's `load`. Tests that use those controls call this after a navigation.
 */
export async function layoutReady(page: Page): Promise<void> {
  await page.locator('html[data-chrome-ready]').waitFor({ state: 'attached' });
}
