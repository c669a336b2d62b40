// @ts-check
/**
 * Vite plugins of the book's production build (astro.config.mjs). Both apply to the browser's
 * bundle only, and both exist for the lab JS budget (25 KB gz, issue 4); each says what it trades.
 */
import { fileURLToPath } from 'node:url';

/** @typedef {{ name: string }} Env */

/**
 * In the production client build only, engine modules get notes-off.ts for './notes.ts'. Not an
 * alias: aliases also reach vitest (which builds on this config) and the build-time render, and
 * the engine's tests must run with the notes.
 */
export function engineWithoutNotes() {
  const off = fileURLToPath(new URL('../engine/notes-off.ts', import.meta.url));
  return {
    name: 'tcp-book:engine-without-notes',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (/** @type {Env} */ env) => env.name === 'client',
    /** @param {string} source @param {string | undefined} importer */
    resolveId(source, importer) {
      if (source === './notes.ts' && importer && /[\\/]src[\\/]engine[\\/][^\\/]+\.ts$/.test(importer)) return off;
      return null;
    },
  };
}

/**
 * Vite wraps every dynamic import in a helper (0.86 KB gz) that preloads the imported chunk's
 * dependencies with <link rel=modulepreload> and CSS. Our lazy chunks import no CSS, and their JS
 * dependencies are the page's own chunks or one small one, so the hints save at most one round
 * trip on a lab's first knob change (none offline, where the service worker answers); they cost
 * 3.4% of the 25 KB lab budget on every lab and quiz page. The helper becomes a plain call; the
 * build fails if a lazy chunk ever needs CSS, which only the full helper can load.
 */
export function plainDynamicImports() {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'tcp-book:plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (/** @type {Env} */ env) => env.name === 'client',
    // No JS dependency lists either (Astro asks for them; the plain helper would ignore them).
    configEnvironment(/** @type {string} */ name, /** @type {{ build?: { modulePreload?: unknown } }} */ config) {
      if (name === 'client') config.build = { ...config.build, modulePreload: false };
    },
    resolveId: (/** @type {string} */ source) => (source === id ? id : null),
    load: (/** @type {string} */ source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
    /**
     * @param {unknown} _
     * @param {Record<string, { type: string, fileName: string, code?: string }>} bundle
     * @this {{ error: (message: string) => never | void }}
     */
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const deps = /__vite__mapDeps=\([^;]*?\[([^\]]*)\]/.exec(chunk.code ?? '')?.[1] ?? '';
        if (/\.css"/.test(deps)) this.error(`${chunk.fileName}: a lazily imported chunk needs CSS (${deps}); plainDynamicImports() cannot load it`);
      }
    },
  };
}
