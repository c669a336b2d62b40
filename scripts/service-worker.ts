/**
 * Service worker generation, run after pagefind so the search index is precached with the pages.
 * The worker itself is src/site/offline/worker.ts (how it installs, updates and answers offline is
 * explained there); this file lists the files to precache with a content revision each (workbox's
 * getManifest), sorts them into editions (src/site/offline/precache-rules.ts), and writes sw.js:
 * the worker and its rules compiled to plain JS with the manifest inside. Any change to any
 * precached file therefore changes the bytes of sw.js, so the browser's update check sees a new
 * worker even when the host's validators (mtime, size) would not.
 *
 * BOOK_SW=off writes the kill switch instead (see docs/PUBLISHING.md): a sw.js that deletes the
 * book's caches, unregisters itself and reloads open tabs from the network.
 */
import { getManifest } from 'workbox-build';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { gzipSync } from 'node:zlib';
import { groupOf, ON_USE, type PrecacheEntry } from '../src/site/offline/precache-rules.ts';
import { locales } from '../src/i18n/locales.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Files not worth an offline copy: pagefind's UIs (the book draws its own results with pagefind's
 * JS API, src/search/client; 33 KB gz of pagefind-ui.js and .css were precached for nothing), source maps, and what only
 * crawlers and the install dialog fetch (the Open Graph picture, the large app icons, the sitemap).
 */
export const precacheIgnores = [
  'sw.js',
  'csp-header.txt',
  'icons/og-image.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
  'sitemap-*.xml',
  'robots.txt',
  'workbox-*.js',
  '**/*.map',
  'pagefind/pagefind-ui.*',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/pagefind-highlight.js',
];

export const precachePatterns = ['**/*.{html,css,js,mjs,json,svg,png,webmanifest,xml,txt,wasm,pagefind,pf_meta,pf_index,pf_fragment,pcap}'];

/** The self-unregistering worker a host serves as sw.js to take the offline copy away. */
export const KILL_SWITCH = `// Kill switch: this sw.js replaces the book's service worker, deletes its caches and unregisters
// itself; open tabs reload from the network. See docs/PUBLISHING.md.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('tcp-book')) await caches.delete(name);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;

/** pagefind's shared wasm names (e.g. `unknown`) used by exactly one language, from its entry file. */
function wasmOwners(outDir: string): Record<string, string> {
  try {
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { wasm?: string | null }> };
    const users = new Map<string, string[]>();
    for (const [lang, l] of Object.entries(entry.languages ?? {})) {
      const name = l.wasm ?? 'unknown';
      users.set(name, [...(users.get(name) ?? []), lang]);
    }
    return Object.fromEntries([...users].filter(([, ls]) => ls.length === 1).map(([name, ls]) => [name, ls[0]!]));
  } catch {
    return {};
  }
}

/**
 * Code only the capture lab and the workshop run: cached when a reader first uses it, not on the
 * first visit (about 43 KB gz of a reader's first download, for two tools few readers open).
 * These entry chunks and everything only they import: a chunk the pages' own scripts reach
 * without passing through them stays in the first download.
 */
export const onUseEntries = [/^_astro\/capture-lab\.[\w-]+\.js$/, /^_astro\/workshop\.astro_astro_type_script_[\w.-]+\.js$/];

/**
 * The built JS files (`_astro/…`) that only the `onUseEntries` chunks reach. A chunk imports
 * another when its text names the other's file (static and dynamic imports, `new URL(…)` of a
 * worker); the pages' roots are the chunks their HTML names.
 */
export function onUseFiles(outDir: string): Set<string> {
  const dir = join(outDir, '_astro');
  const js = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  if (js.length === 0) return new Set();
  const text = new Map(js.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const imports = (f: string) => js.filter((g) => g !== f && text.get(f)!.includes(g));
  const isEntry = (f: string) => onUseEntries.some((re) => re.test(`_astro/${f}`));
  const html = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  const named = new Set(html.flatMap((f) => [...readFileSync(join(outDir, f), 'utf8').matchAll(/_astro\/([\w.-]+\.js)/g)].map((m) => m[1]!)));
  const reached = new Set<string>();
  const visit = (f: string): void => {
    if (reached.has(f) || isEntry(f) || !text.has(f)) return;
    reached.add(f);
    imports(f).forEach(visit);
  };
  named.forEach(visit);
  if (!js.some(isEntry)) throw new Error(`service worker: no built chunk matches ${onUseEntries.join(' or ')} (renamed?)`);
  return new Set(js.filter((f) => !reached.has(f)).map((f) => `_astro/${f}`));
}

/** Every precached file of a build with its revision, size and edition. */
export async function precacheEntries(outDir: string): Promise<(PrecacheEntry & { size: number })[]> {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: precachePatterns,
    globIgnores: precacheIgnores,
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
  });
  for (const w of warnings) console.warn(`[sw] ${w}`);
  const owners = wasmOwners(outDir);
  const onUse = onUseFiles(outDir);
  return (manifestEntries ?? [])
    .map((e) => ({
      url: e.url,
      revision: e.revision ?? '',
      size: statSync(join(outDir, e.url)).size,
      group: onUse.has(e.url) ? ON_USE : groupOf(e.url, locales, owners),
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** A TS file of src/site/offline as plain JS: types erased, its own imports and exports dropped. */
function compile(file: string): string {
  const src = readFileSync(join(root, 'src', 'site', 'offline', file), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false } }).outputText;
  return js
    .replace(/^import [^;]+;\n/gm, '')
    .replace(/^export \{\};\n?/gm, '')
    .replace(/^export /gm, '');
}

/** The text of sw.js for these entries (exported for the unit test). */
export function serviceWorkerSource(entries: PrecacheEntry[]): string {
  const manifest = JSON.stringify(entries.map(({ url, revision, group }) => ({ url, revision, group })));
  const worker = compile('worker.ts')
    .replace('= __PRECACHE__;', () => `= ${manifest};`)
    .replace('= __LANGS__;', () => `= ${JSON.stringify(locales)};`);
  if (worker.includes('= __PRECACHE__') || worker.includes('= __LANGS__'))
    throw new Error('service worker: the manifest placeholders were not found in worker.ts');
  return `(() => {\n'use strict';\n${compile('precache-rules.ts')}\n${worker}\n})();\n`;
}

/** Writes sw.js into the output folder; returns what is precached, for the build log. */
export async function writeServiceWorker(outDir: string): Promise<{ count: number; size: number; groups: Record<string, number> }> {
  const entries = await precacheEntries(outDir);
  const off = process.env.BOOK_SW === 'off';
  writeFileSync(join(outDir, 'sw.js'), off ? KILL_SWITCH : serviceWorkerSource(entries));
  const groups: Record<string, number> = {};
  for (const e of entries) groups[e.group] = (groups[e.group] ?? 0) + e.size;
  return { count: off ? 0 : entries.length, size: off ? 0 : entries.reduce((n, e) => n + e.size, 0), groups };
}

/**
 * What a reader's first visit downloads for the offline copy, gzipped (as a host serves it): the
 * shared files plus one edition, per language, and the whole book for comparison (for the bench).
 */
export async function precacheGzipByLanguage(outDir: string): Promise<{ lang: string; gz: number }[]> {
  const entries = await precacheEntries(outDir);
  const gz = (group: (g: string) => boolean): number =>
    entries.filter((e) => group(e.group)).reduce((n, e) => n + gzipSync(readFileSync(join(outDir, e.url))).length, 0);
  return [...locales.map((lang) => ({ lang, gz: gz((g) => g === 'shared' || g === lang) })), { lang: 'all', gz: gz(() => true) }];
}
