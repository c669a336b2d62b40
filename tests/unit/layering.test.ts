/**
 * The layering rules of ARCHITECTURE.md, checked on every import in src/:
 *   - the engine (src/engine) imports nothing outside itself: no package, no Node module, no labs,
 *     quiz or site code;
 *   - pure logic (src/labs/view, src/quiz/model) imports no Preact, no browser code (client/,
 *     widgets/, .tsx, .astro; types from them are fine) and touches no browser global;
 *   - code outside the engine uses its public entry points, or one of the deep imports listed in
 *     SANCTIONED_DEEP_IMPORTS below, each with the reason it exists.
 * The engine's freedom from the DOM types is checked separately: `npm run check` type-checks it
 * with tsconfig.engine.json (no DOM library).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The engine's public entry points: anything may import these. */
const ENGINE_ENTRY_POINTS = ['src/engine/index.ts', 'src/engine/types.ts', 'src/engine/pcap/index.ts'];

/**
 * Deep imports of engine modules from outside the engine, all for bundle size or build-time
 * speed: engine module → the files allowed to import it directly, and why.
 */
export const SANCTIONED_DEEP_IMPORTS: Record<string, { importers: string[]; why: string }> = {
  'src/engine/sim.ts': {
    importers: ['src/labs/view/engine-adapter.ts', 'src/workshop/model/run.ts'],
    why: 'a knob change (or a workshop run) loads the simulator without the scenario list',
  },
  ...Object.fromEntries(
    readdirSync(join(ROOT, 'src/engine/parts'))
      .filter((f) => f !== 'all.ts')
      .map((f) => [
        `src/engine/parts/${f}`,
        {
          importers: ['src/labs/view/engine-adapter.ts'],
          why: 'an optional engine part: a knob change loads it (its own chunk) only when the run needs it, not with the engine chunk',
        },
      ]),
  ),
  'src/engine/parts/all.ts': {
    importers: ['src/quiz/client/predict.ts'],
    why: 'every optional engine part without the engine index: the scenario a predict quiz runs may need any',
  },
  'src/engine/wire-segments.ts': { importers: ['src/workshop/model/run.ts'], why: 'a workshop run lists its segments without the scenario list' },
  'src/engine/scenarios.ts': {
    importers: ['src/labs/view/engine-adapter.ts', 'src/content-checks/quiz.ts', 'src/quiz/client/predict.ts'],
    why: 'the scenario list, loaded lazily by the labs and the predict-the-numbers quiz (through index.ts it was a second chunk named engine); the quiz check needs no more of the engine',
  },
  'src/engine/knobs.ts': {
    importers: [
      'src/labs/view/knobs.ts',
      'src/labs/view/engine-adapter.ts',
      'src/labs/widgets/knob-panel.tsx',
      'src/labs/view/workshop-link.ts',
      'src/workshop/model/scenario.ts',
      'src/workshop/model/from-link.ts',
    ],
    why: 'the knob table rides in the eager lab chunk (and the workshop builder); the engine loads on the first knob change (first run)',
  },
  'src/engine/states.ts': { importers: ['src/quiz/model/states.ts'], why: 'quiz pages check state names without the engine' },
  'src/engine/segment.ts': {
    importers: [
      'src/labs/view/engine-adapter.ts',
      'src/labs/view/explain.ts',
      'src/labs/view/inspector-packets.ts',
      'src/labs/view/sequence-layout.ts',
      'src/labs/view/trace-view.ts',
      'src/labs/widgets/capture-rows.tsx',
      'src/labs/widgets/sequence-tables.tsx',
      'src/quiz/model/scenario.ts',
    ],
    why: 'flagNotation, the one flag notation, rides in the eager lab and quiz chunks without the engine (segment.ts imports only types)',
  },
  'src/engine/pcap/export.ts': {
    importers: ['src/labs/widgets/capture-lab.tsx', 'src/workshop/widgets/output.tsx'],
    why: 'the pcap writer loads only when the reader downloads a capture',
  },
};

const SOURCE = /\.(ts|tsx|mts|mjs|astro)$/;
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return files(rel);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });

/** Every module specifier a file imports (static, side-effect, re-export and dynamic imports); `typeOnly` for `import type`. */
export function importsOf(source: string): Array<{ spec: string; typeOnly: boolean }> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of code.matchAll(
    /(?:^|[\s;])(import|export)\s+(type\s)?[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    out.push({ spec: (m[3] ?? m[4] ?? m[5]) as string, typeOnly: !!m[2] });
  }
  return out;
}

/** A relative specifier resolved to a repository path (with the extension it lacks, if any); null for packages. */
function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec.split('?')[0] as string))
    .split('\\')
    .join('/');
  for (const ext of ['', '.ts', '.tsx', '.mjs', '/index.ts'])
    if (existsSync(join(ROOT, base + ext)) && statSync(join(ROOT, base + ext)).isFile()) return base + ext;
  return base;
}

interface Edge {
  from: string;
  spec: string;
  to: string | null;
  typeOnly?: boolean;
}
const edgesOf = (file: string): Edge[] =>
  importsOf(readFileSync(join(ROOT, file), 'utf8')).map(({ spec, typeOnly }) => ({ from: file, spec, to: resolveSpec(file, spec), typeOnly }));

/** What is wrong with one import, by the rules above; null when it is fine. */
export function violation(e: Edge): string | null {
  const inside = (dir: string, p: string | null) => p !== null && p.startsWith(`${dir}/`);
  if (inside('src/engine', e.from)) {
    if (!inside('src/engine', e.to)) return `${e.from} imports '${e.spec}': the engine imports only from src/engine`;
    return null;
  }
  const pure = inside('src/labs/view', e.from) || inside('src/quiz/model', e.from) || inside('src/workshop/model', e.from);
  if (pure) {
    if (/^(preact|@preact)(\/|$)/.test(e.spec)) return `${e.from} imports '${e.spec}': pure logic imports no Preact`;
    // A type import brings no code along: the message types of the lab bus are fine.
    if (e.to && !e.typeOnly && (/\/(client|widgets)\//.test(e.to) || /\.(tsx|astro)$/.test(e.to)))
      return `${e.from} imports '${e.spec}': pure logic imports no browser code (client/, widgets/, components)`;
  }
  if (inside('src/engine', e.to) && !ENGINE_ENTRY_POINTS.includes(e.to as string)) {
    const ok = SANCTIONED_DEEP_IMPORTS[e.to as string]?.importers.includes(e.from);
    if (!ok)
      return `${e.from} imports '${e.spec}' directly: use src/engine/index.ts, or list the deep import in SANCTIONED_DEEP_IMPORTS (tests/unit/layering.test.ts) with its reason`;
  }
  return null;
}

/** Browser globals pure logic must not touch (comments and strings aside, roughly). */
const BROWSER_GLOBAL = /(?<![\w.'"`])(document|window|localStorage|sessionStorage|location|navigator|HTMLElement)\b(?=\s*[.[(]|\s+instanceof)/;

const all = files('src');
const edges = all.flatMap(edgesOf);

describe('layering', () => {
  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.from === 'src/labs/view/engine-adapter.ts' && e.to === 'src/engine/sim.ts')).toBe(true);
  });

  it('no import breaks a rule', () => {
    expect(edges.map(violation).filter(Boolean)).toEqual([]);
  });

  it('every sanctioned deep import is still used', () => {
    const unused = Object.entries(SANCTIONED_DEEP_IMPORTS).flatMap(([to, { importers }]) =>
      importers.filter((from) => !edges.some((e) => e.from === from && e.to === to)).map((from) => `${from} → ${to}`),
    );
    expect(unused).toEqual([]);
  });

  it('pure logic touches no browser global', () => {
    const pure = all.filter((f) => f.startsWith('src/labs/view/') || f.startsWith('src/quiz/model/') || f.startsWith('src/workshop/model/'));
    const bad = pure.flatMap((f) => {
      const code = readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const m = BROWSER_GLOBAL.exec(code);
      return m ? [`${f}: ${m[1]}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    expect(violation({ from: 'src/engine/sim.ts', spec: '../labs/view/knobs.ts', to: 'src/labs/view/knobs.ts' })).toMatch(/engine imports only/);
    expect(violation({ from: 'src/engine/sim.ts', spec: 'node:fs', to: null })).toMatch(/engine imports only/);
    expect(violation({ from: 'src/labs/view/trace-view.ts', spec: 'preact/hooks', to: null })).toMatch(/no Preact/);
    expect(violation({ from: 'src/quiz/model/check.ts', spec: '../client/store.ts', to: 'src/quiz/client/store.ts' })).toMatch(/no browser code/);
    expect(violation({ from: 'src/labs/view/explain.ts', spec: '../../engine/arrive.ts', to: 'src/engine/arrive.ts' })).toMatch(/SANCTIONED_DEEP_IMPORTS/);
    expect(violation({ from: 'src/labs/view/explain.ts', spec: '../../engine/index.ts', to: 'src/engine/index.ts' })).toBeNull();
  });
});
