/**
 * `npm run build`: astro build → pagefind index (one per <html lang>) → service worker.
 * The order matters: pagefind reads the built HTML, and the service worker precaches the index.
 * BOOK_OUT, BOOK_CACHE, BOOK_BASE and BOOK_CONTENT are honoured (see ARCHITECTURE.md).
 */
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { resolve, join } from 'node:path';
import { writeServiceWorker } from './service-worker.ts';
import { site } from '../src/site.config.mjs';

const started = performance.now();
const outDir = resolve(process.env.BOOK_OUT ?? 'dist');
const base = `/${site.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

await build({ logLevel: 'warn' });
console.log(`[build] astro done in ${seconds()} s → ${outDir}`);

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[build] pagefind indexed ${added.page_count} pages in ${seconds()} s`);

const sw = await writeServiceWorker(outDir, base);
console.log(`[build] service worker precaches ${sw.count} files (${(sw.size / 1024).toFixed(0)} KiB); total ${seconds()} s`);
