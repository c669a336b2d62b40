/**
 * Crawls the built HTML (no browser needed): every internal link, asset, canonical/hreflang URL,
 * Open Graph URL and #anchor must point at something that exists in the build, and every page
 * must exist in both languages. Absolute URLs on the book's own site URL count as internal, so a
 * wrong canonical or hreflang link fails here too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Window } from 'happy-dom';
import { site } from '../../src/site.config.mjs';
import { BASE, builtPages, OUT, pathOf } from './pages.ts';

const SITE_ORIGIN = new URL(site.url).origin;
const LOCAL = 'http://book.local';

/** Ids (and legacy `name` anchors) per output file, parsed once. */
const idCache = new Map<string, Set<string>>();

function parse(file: string): Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  return doc as unknown as Document;
}

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const doc = parse(file);
    ids = new Set<string>();
    for (const el of Array.from(doc.querySelectorAll('[id]'))) ids.add(el.id);
    for (const el of Array.from(doc.querySelectorAll('a[name]'))) ids.add(el.getAttribute('name') ?? '');
    idCache.set(file, ids);
  }
  return ids;
}

/** The output file a URL path resolves to, as a static host would serve it, or undefined. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE.length));
  const full = join(OUT, rel);
  if (pathname.endsWith('/')) return existsSync(join(full, 'index.html')) ? join(full, 'index.html') : undefined;
  if (existsSync(full) && statSync(full).isFile()) return full;
  return undefined;
}

/** Every URL-valued attribute of a page, with where it came from for the error message. */
function urlsOf(doc: Document): { where: string; value: string }[] {
  const out: { where: string; value: string }[] = [];
  const add = (sel: string, attr: string): void => {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const v = el.getAttribute(attr);
      if (v !== null) out.push({ where: `<${el.tagName.toLowerCase()} ${attr}>`, value: v });
    }
  };
  add('a[href]', 'href');
  add('area[href]', 'href');
  add('link[href]', 'href');
  add('script[src]', 'src');
  add('img[src]', 'src');
  add('source[src]', 'src');
  add('iframe[src]', 'src');
  add('form[action]', 'action');
  add('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]', 'content');
  for (const el of Array.from(doc.querySelectorAll('img[srcset], source[srcset]'))) {
    for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) out.push({ where: `<${el.tagName.toLowerCase()} srcset>`, value: u });
    }
  }
  return out;
}

const pages = builtPages();

for (const p of pages) {
  test(`links and anchors resolve: ${p.path}`, () => {
    const doc = parse(p.file);
    const here = new URL(p.path, LOCAL);
    const broken: string[] = [];
    for (const { where, value } of urlsOf(doc)) {
      if (/^(mailto:|tel:|javascript:|data:|blob:)/i.test(value)) continue;
      let url: URL;
      try {
        url = new URL(value, here);
      } catch {
        broken.push(`${where} ${value}: not a URL`);
        continue;
      }
      let pathname: string;
      if (url.origin === LOCAL) pathname = url.pathname;
      else if (url.origin === SITE_ORIGIN) pathname = url.pathname;
      else continue; // another site: not ours to check offline
      const target = url.origin === LOCAL && pathname === here.pathname && value.startsWith('#') ? p.file : fileFor(pathname);
      if (!target) {
        broken.push(`${where} ${value}: nothing at ${pathname} in the build`);
        continue;
      }
      const frag = url.hash.slice(1);
      if (frag && frag !== 'top' && target.endsWith('.html')) {
        let id = frag;
        try {
          id = decodeURIComponent(frag);
        } catch {
          // keep the raw fragment
        }
        if (id.includes('=')) {
          // A lab deep link (#lab=<id>&s=…&step=…) is state for a script, not an anchor; the lab it names must exist.
          const lab = new URLSearchParams(id).get('lab');
          if (lab !== null && !idsOf(target).has(lab)) broken.push(`${where} ${value}: no lab with id="${lab}" in ${pathOf(target)}`);
        } else if (!idsOf(target).has(id)) broken.push(`${where} ${value}: no id="${id}" in ${pathOf(target)}`);
      }
    }
    expect(broken, `broken links on ${p.path}`).toEqual([]);
  });
}

test('every page exists in both languages', () => {
  const paths = new Set(pages.map((p) => p.path));
  const missing: string[] = [];
  for (const p of pages) {
    if (p.lang === 'root') continue;
    const other = p.lang === 'ko' ? 'en' : 'ko';
    const twin = BASE + other + p.path.slice(BASE.length + 2);
    if (!paths.has(twin)) missing.push(`${p.path} has no ${other} twin at ${twin}`);
  }
  expect(pages.some((p) => p.lang === 'ko') && pages.some((p) => p.lang === 'en'), 'pages in both ko and en').toBe(true);
  expect(missing).toEqual([]);
});

test('the sitemap lists only pages that exist', () => {
  const index = ['sitemap-index.xml', 'sitemap.xml'].map((f) => join(OUT, f)).find((f) => existsSync(f));
  expect(index, 'a sitemap (sitemap-index.xml or sitemap.xml) in the build').toBeDefined();
  const locs = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').trim());
  const urls: string[] = [];
  for (const loc of locs(index ?? '')) {
    const u = new URL(loc);
    const f = fileFor(u.pathname);
    if (f && f.endsWith('.xml')) urls.push(...locs(f));
    else urls.push(loc);
  }
  const missing = urls.filter((u) => !fileFor(new URL(u).pathname));
  expect(urls.length, 'URLs in the sitemap').toBeGreaterThan(0);
  expect(missing, 'sitemap URLs with no page').toEqual([]);
});
