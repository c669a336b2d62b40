/**
 * `npm run build`: astro build → pagefind index (one per <html lang>) → service worker.
 * The order matters: pagefind reads the built HTML, and the service worker precaches the index.
 * BOOK_OUT, BOOK_CACHE and BOOK_BASE are honoured (see ARCHITECTURE.md).
 */
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, rmSync } from 'node:fs';
import { writeServiceWorker } from './service-worker.ts';
import { writeHostHeaders } from './host-headers.ts';
import { site } from '../src/site.config.mjs';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.env.BOOK_OUT ?? 'dist');
// Absolute paths, because of the chdir below.
process.env.BOOK_OUT = outDir;
if (process.env.BOOK_CACHE) process.env.BOOK_CACHE = resolve(process.env.BOOK_CACHE);
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

// Astro writes its temporary server bundle to <cwd>/.astro/.prerender/ when the output folder is
// outside the working directory, so side-by-side builds (BOOK_OUT=/tmp/a-dist, /tmp/b-dist) run from
// the project root share that folder and clobber each other (missing CSS, random render errors).
// Each build therefore works from its own folder inside the project (node_modules must resolve).
const work = join(root, 'node_modules', '.book-build', String(process.pid));
mkdirSync(work, { recursive: true });
process.chdir(work);
try {
  await build({ root, logLevel: 'warn' });
} finally {
  process.chdir(root);
  rmSync(work, { recursive: true, force: true });
}
console.log(`[build] astro done in ${seconds()} s → ${outDir}`);

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[build] pagefind indexed ${added.page_count} pages in ${seconds()} s`);

const sw = await writeServiceWorker(outDir);
const kib = (n = 0) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`[build] service worker precaches ${sw.count} files (${kib(sw.size)}: shared ${kib(sw.groups.shared)}, ${Object.entries(sw.groups).filter(([g]) => g !== 'shared').map(([g, n]) => `${g} ${kib(n)}`).join(', ')}); total ${seconds()} s`);

writeHostHeaders(outDir, `/${site.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'), undefined);
