/**
 * `npm run build`: astro build → pagefind index (one per <html lang>) → service worker.
 * The order matters: pagefind reads the built HTML, and the service worker precaches the index.
 * BOOK_OUT, BOOK_CACHE and BOOK_BASE are honoured (see ARCHITECTURE.md).
 */
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, rmSync } from 'node:fs';
import { writeServiceWorker } from './service-worker.ts';
import { indexChapterSections } from './search-index.ts';
import { writeHostHeaders } from './host-headers.ts';
import { applyCsp } from './csp.ts';
import { applyFirstPaint } from './first-paint.ts';
import { site } from '../src/site.config.mjs';
import { allContentFindings, formatFinding } from '../src/content-checks/all.ts';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.env.BOOK_OUT ?? 'dist');
// Absolute paths, because of the chdir below (for an output outside the project).
process.env.BOOK_OUT = outDir;
if (process.env.BOOK_CACHE) process.env.BOOK_CACHE = resolve(process.env.BOOK_CACHE);
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

/**
 * One readable block for a failed build: what failed, where (file:line relative to the project),
 * Astro's hint, and no stack trace through the bundler's temporary chunks (BOOK_DEBUG=1 shows it).
 */
function failureBlock(err: unknown): string {
  const e = (err ?? {}) as {
    name?: string;
    message?: string;
    hint?: string;
    loc?: { file?: string; line?: number; column?: number };
    id?: string;
    stack?: string;
  };
  const where = e.loc?.file
    ? `${relative(root, e.loc.file)}${e.loc.line ? `:${e.loc.line}${e.loc.column ? `:${e.loc.column}` : ''}` : ''}`
    : e.id
      ? relative(root, e.id)
      : null;
  const lines = [
    '',
    `✗ build failed${e.name && e.name !== 'Error' ? ` (${e.name})` : ''}`,
    ...(where ? [`  at ${where}`] : []),
    ...String(e.message ?? err)
      .trim()
      .split('\n')
      .map((l) => `  ${l}`),
    ...(e.hint ? [`  hint: ${e.hint}`] : []),
    ...(process.env.BOOK_DEBUG ? ['', e.stack ?? '', ...held] : []),
  ];
  // Most build failures are content mistakes: name them at file:line if the checks see any.
  const findings = allContentFindings(root);
  if (findings.length) lines.push('', 'The content checks (npm run check:content) find:', ...findings.map((f) => `  ${formatFinding(f)}`));
  if (!process.env.BOOK_DEBUG) lines.push('', "(BOOK_DEBUG=1 npm run build shows the stack trace and Astro's own log)");
  return lines.join('\n');
}

// Astro writes its temporary server bundle inside the output folder when that folder is under the
// working directory, and to <cwd>/.astro/.prerender/ otherwise, where side-by-side builds
// (BOOK_OUT=/tmp/a-dist, /tmp/b-dist) would clobber each other (missing CSS, random render errors).
// So an output inside the project builds from the project root, and one outside it from a folder of
// its own inside the project (node_modules must resolve), removed afterwards.
const inside = !relative(root, outDir).startsWith('..') && !isAbsolute(relative(root, outDir));
const work = inside ? root : join(root, 'node_modules', '.book-build', String(process.pid));
if (!inside) mkdirSync(work, { recursive: true });
process.chdir(work);
// Astro logs a render error with its stack through the bundler's temporary chunks, then throws it
// again: hold its error lines and print one block instead (they are printed if the build succeeds).
const held: string[] = [];
const stderrWrite = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  if (String(chunk).includes('[ERROR]')) return (void held.push(String(chunk)), true);
  return stderrWrite(chunk, ...rest);
}) as typeof process.stderr.write;
try {
  await build({ root, logLevel: 'warn' });
  for (const h of held) stderrWrite(h);
} catch (err) {
  process.stderr.write = stderrWrite;
  console.error(failureBlock(err));
  process.exit(1);
} finally {
  process.stderr.write = stderrWrite;
  process.chdir(root);
  if (!inside) rmSync(work, { recursive: true, force: true });
}
console.log(`[build] astro done in ${seconds()} s → ${outDir}`);

const base = `/${site.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const firstPaint = applyFirstPaint(outDir);
console.log(
  `[build] first paint: ${firstPaint.pages} pages link ${firstPaint.stylesheet} (${firstPaint.joined.length} stylesheets joined, ${firstPaint.removed.length} no longer used removed) and load the layout's script after it; ${firstPaint.labChapters} chapters with labs have their lab props at the end of the body`,
);

const csp = applyCsp(outDir);
console.log(`[build] content security policy in ${csp.pages} pages (${csp.scripts} inline scripts allowed by hash)`);

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await indexChapterSections(index, outDir, base);
const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`[build] pagefind indexed ${added.sections} sections of ${added.chapters} chapters in ${seconds()} s`);

const sw = await writeServiceWorker(outDir);
const kib = (n = 0) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `[build] service worker precaches ${sw.count} files (${kib(sw.size)}: shared ${kib(sw.groups.shared)}, ${Object.entries(sw.groups)
    .filter(([g]) => g !== 'shared')
    .map(([g, n]) => `${g} ${kib(n)}`)
    .join(', ')}); total ${seconds()} s`,
);

writeHostHeaders(outDir, base, csp.header);
