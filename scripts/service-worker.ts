/**
 * Service worker generation (workbox-build generateSW), run after pagefind so the search index is
 * precached with the pages: after one visit the whole book, both languages, works offline.
 *
 * Why precache everything, and why the new worker WAITS (skipWaiting: false):
 * - Every file is in one precache manifest with a content revision. A deploy changes sw.js, the new
 *   worker downloads the changed files beside the old ones, and only when it activates are the old
 *   entries removed. Pages and the pagefind index therefore always come from the same manifest, i.e.
 *   the same deploy: never a stale index next to new pages (nor new index chunks for old pages).
 * - With skipWaiting the new worker would take over pages that are already open; an open old page
 *   could then lazily request an old hashed chunk (a lab island, an index fragment) that activation
 *   just deleted. Waiting until the old tabs are closed avoids that whole class of mixed states.
 *   clientsClaim stays on so the very first visit is controlled (and cached) without a reload.
 * - pagefind fetches `pagefind-entry.json?ts=<time>` to defeat HTTP caches; `ts` is ignored when
 *   matching the precache, so the entry file comes from the same manifest as the chunks it names.
 */
import { generateSW, type GenerateSWOptions } from 'workbox-build';
import { join } from 'node:path';

/** Files not worth an offline copy: pagefind UIs the book does not use, and source maps. */
export const precacheIgnores = [
  'sw.js',
  'workbox-*.js',
  '**/*.map',
  'pagefind/pagefind-modular-ui.*',
  'pagefind/pagefind-component-ui.*',
  'pagefind/pagefind-highlight.js',
];

/** The generateSW options; exported so a unit test can assert the cache rules above hold. */
export function serviceWorkerOptions(outDir: string, base: string): GenerateSWOptions {
  const prefix: Record<string, string> = base === '/' ? {} : { '': base };
  return {
    globDirectory: outDir,
    globPatterns: ['**/*.{html,css,js,mjs,json,svg,png,webmanifest,xml,txt,wasm,pagefind,pf_meta,pf_index,pf_fragment,pcap}'],
    globIgnores: precacheIgnores,
    swDest: join(outDir, 'sw.js'),
    // Files sit at the output root, but the site is served under the base path.
    modifyURLPrefix: prefix,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/^utm_/, /^ts$/],
    cacheId: 'tcp-book',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
  };
}

/** Writes sw.js into the output folder; returns what was precached, for the build log. */
export async function writeServiceWorker(outDir: string, base: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW(serviceWorkerOptions(outDir, base));
  for (const w of warnings) console.warn(`[sw] ${w}`);
  return { count, size };
}
