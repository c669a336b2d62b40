// @ts-check
/**
 * Vite plugins of the book's production build (astro.config.mjs). The first three apply to the
 * browser's bundle only, and exist for the lab JS budget (25 KB gz, ARCHITECTURE.md); each says what it trades.
 */
import { fileURLToPath } from 'node:url';

/** @typedef {{ name: string }} Env */
/** @typedef {'debug' | 'info' | 'warn' | 'error'} LogLevel */
/** @typedef {{ code?: string, message: string }} BuildLog */

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
 * In the browser build, JSX becomes Preact's own h() calls (the classic runtime) instead of the
 * automatic runtime's jsx() calls: h(type, props, ...children) spends no `children:` key on each
 * element, and no page loads preact/jsx-runtime (measured: 0.2 KB gz less in a lab page's chunk).
 * Each component file gets the two names it then needs, under names no file uses. The build-time
 * render keeps the automatic runtime: both hand Preact the same vnodes, so hydration sees no change.
 * A file that says `@labRender` in a comment (the sequence lab's, drawn by src/labs/client/lab-render.ts
 * instead of Preact in the browser) gets that module's h() and Fragment instead.
 */
export function classicJsx() {
  const labRender = fileURLToPath(new URL('../labs/client/lab-render.ts', import.meta.url));
  return {
    name: 'tcp-book:classic-jsx',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (/** @type {Env} */ env) => env.name === 'client',
    /** @param {string} code @param {string} id */
    async transform(code, id) {
      if (!/\.tsx$/.test(id.split('?')[0] ?? '') || /[\\/]node_modules[\\/]/.test(id)) return null;
      const { transformWithOxc } = await import('vite');
      const out = await transformWithOxc(code, id, {
        lang: 'tsx',
        jsx: { runtime: 'classic', pragma: CLASSIC_H, pragmaFrag: CLASSIC_FRAGMENT },
        sourcemap: true,
      });
      // Imports are hoisted: appended, the names leave the source map's lines where they are.
      const from = LAB_RENDER.test(code) ? JSON.stringify(labRender) : "'preact'";
      return { code: `${out.code}\nimport { h as ${CLASSIC_H}, Fragment as ${CLASSIC_FRAGMENT} } from ${from};\n`, map: out.map };
    },
  };
}
const CLASSIC_H = '__jsxH';
const CLASSIC_FRAGMENT = '__jsxFragment';
/** The mark of a file whose JSX lab-render.ts draws in the browser. */
export const LAB_RENDER = /^\s*(?:\/\/|\*)\s*@labRender\b/m;

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
      inlineHelperChunk(bundle, this);
    },
  };
}

/**
 * The plain helper still ends up in a 28-byte chunk of its own that every page script imports: a
 * second round trip, after the script's own, that Lighthouse's phone emulation counted before the
 * page's first paint. Each importer gets the one-line function in place of the import instead, and
 * the chunk is dropped; an import of it in any other form fails the build.
 * @param {Record<string, { type: string, fileName: string, code?: string, moduleIds?: string[], imports?: string[] }>} bundle
 * @param {{ error: (message: string) => never | void }} ctx
 */
export function inlineHelperChunk(bundle, ctx) {
  const helper = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds?.length === 1 && c.moduleIds[0] === '\0vite/preload-helper.js');
  if (!helper) return;
  const base = helper.fileName.split('/').pop() ?? '';
  const from = `from"./${base}"`;
  for (const chunk of Object.values(bundle)) {
    if (chunk === helper || chunk.type !== 'chunk' || !chunk.code?.includes(base)) continue;
    chunk.code = chunk.code.replace(/import\{([\w$]+)(?: as ([\w$]+))?\}from"\.\/([^"]+)";?/g, (all, name, local, file) =>
      file === base ? `var ${local ?? name}=f=>f();` : all,
    );
    chunk.imports = chunk.imports?.filter((f) => f !== helper.fileName);
    if (chunk.code.includes(base)) ctx.error(`${chunk.fileName}: imports ${base} in a form inlineHelperChunk() does not know (${from})`);
  }
  delete bundle[helper.fileName];
}

/**
 * Rolldown's log handler for the build (`vite.build.rolldownOptions.onLog`). Drops exactly one
 * upstream warning: MODULE_LEVEL_DIRECTIVE for the `"use astro:head-inject"` marker Astro writes
 * into every MDX module (once per chapter per build: "may not be preserved when bundling"). Astro
 * reads that marker itself before bundling, so nothing is lost; upstream tracks it as
 * https://github.com/withastro/astro/issues/18087. Every other log, including the same code for
 * any other directive, goes to Vite's handler unchanged.
 * @param {LogLevel} level
 * @param {BuildLog} log
 * @param {(level: LogLevel, log: BuildLog) => void} handler
 */
export function quietUpstreamWarnings(level, log, handler) {
  if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
  handler(level, log);
}

/**
 * The same for the build-time (server) bundles, which also drop INEFFECTIVE_DYNAMIC_IMPORT. The labs
 * import the engine and the pcap reader with `import()` so the browser loads them on the reader's
 * first change; their Astro wrappers import the same modules statically to render the lab at build
 * time. In the server bundle both meet, and Rolldown warns that the dynamic import cannot split the
 * module off, which is true and harmless: that bundle only renders pages during the build and is
 * never shipped. The browser bundle keeps the warning (quietUpstreamWarnings), where it would
 * mean a lazy chunk got pulled into the page.
 * @param {LogLevel} level
 * @param {BuildLog} log
 * @param {(level: LogLevel, log: BuildLog) => void} handler
 */
export function quietServerBundleWarnings(level, log, handler) {
  if (level === 'warn' && log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
  quietUpstreamWarnings(level, log, handler);
}

/**
 * Fails the browser build when two chunks carry the name of one of astro.config.mjs's chunk groups
 * (`lab`, `engine`…). The bench and the docs speak of "the engine chunk"; a second one appears when
 * a module outside the group becomes its own chunk and Rolldown names it after its folder: e.g. a
 * dynamic `import()` of src/engine/index.ts made a 0.1 KB `engine.<hash>.js` facade that re-exported
 * the real engine chunk, one request more for the quiz that imported it.
 * @param {string[]} names the group names
 */
export function oneChunkPerGroup(names) {
  return {
    name: 'tcp-book:one-chunk-per-group',
    apply: 'build',
    applyToEnvironment: (/** @type {Env} */ env) => env.name === 'client',
    /**
     * @param {unknown} _
     * @param {Record<string, { type: string, name?: string, fileName: string, facadeModuleId?: string | null }>} bundle
     * @this {{ error: (message: string) => never | void }}
     */
    generateBundle(_, bundle) {
      for (const name of names) {
        const same = Object.values(bundle).filter((c) => c.type === 'chunk' && c.name === name);
        if (same.length < 2) continue;
        const what = same.map((c) => `${c.fileName}${c.facadeModuleId ? ` (entry: ${c.facadeModuleId.replace(/^.*?[\\/]src[\\/]/, 'src/')})` : ''}`);
        this.error(
          `${same.length} chunks are named "${name}", a chunk group of astro.config.mjs: ${what.join(', ')}. ` +
            'A chunk that is not the group got its name from its folder: import the module it re-exports directly (and list that deep import in tests/unit/layering.test.ts).',
        );
      }
    },
  };
}
