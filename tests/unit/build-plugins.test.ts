/**
 * The build plugins trade features for bytes (src/build/build-plugins.mjs); these tests pin what
 * each one may and may not do, so a Vite upgrade that changes the hooks shows up here.
 */
import { describe, expect, it } from 'vitest';
import {
  classicJsx,
  engineWithoutNotes,
  oneChunkPerGroup,
  inlineHelperChunk,
  plainDynamicImports,
  quietServerBundleWarnings,
  quietUpstreamWarnings,
} from '../../src/build/build-plugins.mjs';

const HELPER = '\0vite/preload-helper.js';

describe('engineWithoutNotes', () => {
  const p = engineWithoutNotes();
  it('swaps notes.ts for notes-off.ts in engine modules of the browser build only', () => {
    expect(p.apply).toBe('build');
    expect(p.applyToEnvironment({ name: 'client' })).toBe(true);
    for (const name of ['ssr', 'prerender', 'astro']) expect(p.applyToEnvironment({ name })).toBe(false);
    expect(p.resolveId('./notes.ts', '/repo/src/engine/arrive.ts')).toMatch(/src[\\/]engine[\\/]notes-off\.ts$/);
    expect(p.resolveId('./notes.ts', '/repo/src/labs/view/knobs.ts')).toBeNull();
    expect(p.resolveId('./tx.ts', '/repo/src/engine/arrive.ts')).toBeNull();
  });
});

describe('classicJsx', () => {
  const p = classicJsx();
  it('turns JSX into h() calls in the browser build only, and imports h and Fragment under names no file uses', async () => {
    expect(p.apply).toBe('build');
    expect(p.applyToEnvironment({ name: 'client' })).toBe(true);
    for (const name of ['ssr', 'prerender', 'astro']) expect(p.applyToEnvironment({ name })).toBe(false);
    const src = 'import type { X } from "./x.ts";\nexport const A = (p: { n: X }) => <><b class="n">{p.n}</b> and {p.n}</>;';
    const out = await p.transform(src, '/repo/src/labs/widgets/a.tsx');
    expect(out?.code).toContain('__jsxH(__jsxFragment, null, /* @__PURE__ */ __jsxH("b", { class: "n" }, p.n), " and ", p.n)');
    expect(out?.code).toContain("import { h as __jsxH, Fragment as __jsxFragment } from 'preact';");
    expect(out?.code).not.toMatch(/jsx-runtime|children:|import type/);
    expect(out?.map).toBeTruthy();
  });
  it('gives a file marked @labRender the h() and Fragment of lab-render.ts instead of Preact’s', async () => {
    const marked = '/** @jsxImportSource preact */\n// @labRender: drawn by lab-render.ts\nexport const A = () => <b />;';
    const out = await p.transform(marked, '/repo/src/labs/widgets/a.tsx');
    expect(out?.code).toMatch(/import \{ h as __jsxH, Fragment as __jsxFragment \} from ".*src[\\/]+labs[\\/]+client[\\/]+lab-render\.ts";/);
    expect(out?.code).not.toContain("from 'preact'");
    // Saying the word elsewhere is no mark.
    const said = await p.transform('// see `@labRender` in build-plugins\nexport const A = () => <b />;', '/repo/src/labs/widgets/b.tsx');
    expect(said?.code).toContain("from 'preact'");
  });
  it('leaves other files alone', async () => {
    expect(await p.transform('export const a = 1;', '/repo/src/labs/view/knobs.ts')).toBeNull();
    expect(await p.transform('export const a = <b />;', '/repo/node_modules/x/a.tsx')).toBeNull();
  });
});

describe('plainDynamicImports', () => {
  const p = plainDynamicImports();
  const check = (code: string): string[] => {
    const errors: string[] = [];
    p.generateBundle.call({ error: (m: string) => errors.push(m) }, {}, { 'a.js': { type: 'chunk', fileName: 'a.js', code } });
    return errors;
  };
  it('replaces Vite’s preload helper with a plain call, in the browser build only', async () => {
    expect(p.applyToEnvironment({ name: 'client' })).toBe(true);
    expect(p.applyToEnvironment({ name: 'ssr' })).toBe(false);
    expect(p.resolveId(HELPER)).toBe(HELPER);
    expect(p.resolveId('preact')).toBeNull();
    const code = p.load(HELPER) as string;
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { __vitePreload: (f: () => unknown) => unknown };
    expect(mod.__vitePreload(() => 42)).toBe(42);
    expect(p.load('/repo/src/x.ts')).toBeNull();
  });
  it('fails the build when a lazy chunk would need CSS, and lets JS dependencies through', () => {
    const js = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/engine.X.js","_astro/lab.Y.js"])))=>i.map(i=>d[i]);';
    const css = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/engine.X.js","_astro/lab.Y.css"])))=>i.map(i=>d[i]);';
    expect(check(js)).toEqual([]);
    expect(check('export const x = 1;')).toEqual([]);
    expect(check(css)).toHaveLength(1);
    expect(check(css)[0]).toContain('a.js');
  });
});

describe('inlineHelperChunk', () => {
  type Chunk = { type: string; fileName: string; code?: string; moduleIds?: string[]; imports?: string[] };
  const bundle = (page: string): Record<string, Chunk> => ({
    '_astro/preload-helper.abc.js': { type: 'chunk', fileName: '_astro/preload-helper.abc.js', code: 'var e=e=>e();export{e as t};', moduleIds: [HELPER] },
    '_astro/page.js': {
      type: 'chunk',
      fileName: '_astro/page.js',
      code: page,
      moduleIds: ['/repo/src/page.ts'],
      imports: ['_astro/preload-helper.abc.js', '_astro/x.js'],
    },
    '_astro/x.js': { type: 'chunk', fileName: '_astro/x.js', code: 'export const x = 1;', moduleIds: ['/repo/src/x.ts'] },
  });
  const run = (b: Record<string, Chunk>): string[] => {
    const errors: string[] = [];
    inlineHelperChunk(b, { error: (m: string) => errors.push(m) });
    return errors;
  };
  it('puts the plain helper into each importer and drops its chunk, keeping other imports', async () => {
    const b = bundle('import{t as n}from"./preload-helper.abc.js";import{x}from"./x.js";n(()=>import("./x.js"));');
    expect(run(b)).toEqual([]);
    expect(Object.keys(b)).toEqual(['_astro/page.js', '_astro/x.js']);
    expect(b['_astro/page.js']?.code).toBe('var n=f=>f();import{x}from"./x.js";n(()=>import("./x.js"));');
    expect(b['_astro/page.js']?.imports).toEqual(['_astro/x.js']);
  });
  it('fails the build on an import of the helper it cannot rewrite', () => {
    const errors = run(bundle('import*as h from"./preload-helper.abc.js";h.t(()=>0);'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('_astro/page.js');
  });
});

describe('oneChunkPerGroup', () => {
  const p = oneChunkPerGroup(['lab', 'engine']);
  const check = (bundle: Record<string, { type: string; name?: string; fileName: string; facadeModuleId?: string | null }>): string[] => {
    const errors: string[] = [];
    p.generateBundle.call({ error: (m: string) => errors.push(m) }, {}, bundle);
    return errors;
  };
  it('fails the browser build when two chunks carry one group name, naming both files and the stray entry', () => {
    expect(p.applyToEnvironment({ name: 'client' })).toBe(true);
    expect(p.applyToEnvironment({ name: 'ssr' })).toBe(false);
    const engine = { type: 'chunk', name: 'engine', fileName: '_astro/engine.A.js', facadeModuleId: null };
    const facade = { type: 'chunk', name: 'engine', fileName: '_astro/engine.B.js', facadeModuleId: '/repo/src/engine/index.ts' };
    const lab = { type: 'chunk', name: 'lab', fileName: '_astro/lab.C.js' };
    expect(check({ a: engine, c: lab, d: { type: 'asset', name: 'engine', fileName: 'engine.css' } })).toEqual([]);
    const errors = check({ a: engine, b: facade, c: lab });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('2 chunks are named "engine"');
    expect(errors[0]).toContain('_astro/engine.B.js (entry: src/engine/index.ts)');
  });
});

describe('build log filters', () => {
  const directive = (name: string) => ({
    code: 'MODULE_LEVEL_DIRECTIVE',
    message: `The semantics of the module level directive "${name}" in "content/en/x.mdx" may not be preserved when bundling.`,
  });
  const ineffective = {
    code: 'INEFFECTIVE_DYNAMIC_IMPORT',
    message: 'src/engine/x.ts is dynamically imported by a.tsx but also statically imported by A.astro',
  };
  const passed = (filter: typeof quietUpstreamWarnings, level: 'warn' | 'error', log: { code?: string; message: string }): boolean => {
    let seen = false;
    filter(level, log, () => void (seen = true));
    return seen;
  };
  it("drop only Astro's head-inject directive warning everywhere", () => {
    for (const f of [quietUpstreamWarnings, quietServerBundleWarnings]) {
      expect(passed(f, 'warn', directive('use astro:head-inject'))).toBe(false);
      expect(passed(f, 'warn', directive('use client'))).toBe(true);
      expect(passed(f, 'warn', { code: 'CIRCULAR_DEPENDENCY', message: 'x' })).toBe(true);
      expect(passed(f, 'error', directive('use astro:head-inject'))).toBe(true);
    }
  });
  it('keep INEFFECTIVE_DYNAMIC_IMPORT in the browser bundle, drop it in the build-time server bundle', () => {
    expect(passed(quietUpstreamWarnings, 'warn', ineffective)).toBe(true);
    expect(passed(quietServerBundleWarnings, 'warn', ineffective)).toBe(false);
  });
});
