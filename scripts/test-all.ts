/**
 * `npm test`: the whole suite, in order, with one summary at the end.
 *
 *   1. formatting      npm run format:check (Prettier; chapters and Markdown docs are not formatted)
 *   2. type check      npm run typecheck (astro check; tsc -p tsconfig.engine.json: the engine without DOM)
 *   3. unit tests      vitest (unit, engine, content, labs, quiz)
 *   4. build           npm run build (production build + search index + service worker)
 *   5. browser tests   Playwright in Debian's Chromium against that build
 *   6. kernel tests    npm run test:kernel (live comparison with Linux; needs root)
 *
 * A failing stage does not hide the others: every stage that can still run does, and the summary
 * lists each stage as PASS or FAIL with its time. Browser tests need the build, so they are
 * reported as FAIL ("not run") when it failed. The exit code is non-zero on any failure.
 *
 * A stage this machine cannot run (browser tests without Chromium, kernel tests without root) is
 * SKIPPED with the reason and the command that enables it; the run still passes, and says that CI
 * runs those stages. BOOK_TEST_STRICT=1 (set by .ci/run and the GitHub workflow) makes every stage
 * mandatory: a stage that would be skipped fails instead.
 *
 * Options: --only <stage,...> runs a subset (e.g. `npm test -- --only browser`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANDIDATES, findBrowser, installPlan } from './ensure-browser.ts';

interface Counts {
  passed: number;
  failed: number;
}

interface Stage {
  id: string;
  title: string;
  cmd: string[];
  env?: Record<string, string>;
  /** Reads passed/failed test counts from the runner's JSON report, if it wrote one. */
  counts?: () => Counts | undefined;
  needs?: string;
}

interface Result {
  stage: Stage;
  ok: boolean;
  /** Not run because the machine lacks what the stage needs (see preconditions). */
  skipped?: boolean;
  seconds: number;
  note: string;
  counts?: Counts;
}

const scratch = mkdtempSync(join(tmpdir(), 'book-test-'));
const vitestJson = join(scratch, 'vitest.json');
const playwrightJson = join(scratch, 'playwright.json');

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON reporter (Jest-compatible shape). */
function vitestCounts(): Counts | undefined {
  const r = readJson(vitestJson) as { numPassedTests?: number; numFailedTests?: number } | undefined;
  return r && typeof r.numPassedTests === 'number' ? { passed: r.numPassedTests, failed: r.numFailedTests ?? 0 } : undefined;
}

/** Playwright's JSON reporter: stats.expected are passes; unexpected and flaky count as failures. */
function playwrightCounts(): Counts | undefined {
  const r = readJson(playwrightJson) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
  return r?.stats ? { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped } : undefined;
}

const stages: Stage[] = [
  { id: 'format', title: 'formatting (Prettier: npm run format:check; npm run format fixes it)', cmd: ['npm', 'run', '--silent', 'format:check'] },
  { id: 'check', title: 'type check (astro check, then the engine without the DOM library)', cmd: ['npm', 'run', 'typecheck'] },
  {
    id: 'unit',
    title: 'unit, engine, content, lab and quiz tests (vitest)',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    counts: vitestCounts,
  },
  { id: 'build', title: 'production build (npm run build)', cmd: ['npm', 'run', 'build'] },
  {
    id: 'browser',
    title: 'browser tests (Playwright, Chromium)',
    cmd: ['npm', 'run', 'test:browser', '--', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    counts: playwrightCounts,
    needs: 'build',
  },
  { id: 'kernel', title: 'live kernel comparison (npm run test:kernel)', cmd: ['npm', 'run', 'test:kernel'] },
];

// On GitHub Actions, failures also become annotations on the pull request's lines.
if (process.env.GITHUB_ACTIONS === 'true') {
  for (const s of stages) {
    if (s.id === 'unit') s.cmd.push('--reporter=github-actions');
    if (s.id === 'browser') s.cmd[s.cmd.length - 1] = `${s.cmd.at(-1)},github`;
  }
}

/**
 * What a stage needs that a contributor's machine may lack: the reason it cannot run here and the
 * command that enables it, or null when it can run. Looked up by stage id.
 */
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const preconditions: Record<string, () => { reason: string; enable: string } | null> = {
  // As root on Debian/Ubuntu the browser stage installs Chromium itself (scripts/ensure-browser.ts).
  browser: () =>
    findBrowser() || installPlan().canRun
      ? null
      : {
          reason: process.env.CHROMIUM_PATH
            ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
            : `no Chromium (looked at ${CANDIDATES.join(', ')})`,
          enable: `${installPlan().command}, then: npm test -- --only browser`,
        },
  kernel: () => (isRoot ? null : { reason: 'needs root (network namespaces, nft and tc)', enable: 'sudo npm test -- --only kernel' }),
};
const strict = process.env.BOOK_TEST_STRICT === '1';

const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? new Set((process.argv[onlyIdx + 1] ?? '').split(',')) : undefined;
if (only) {
  const unknown = [...only].filter((id) => !stages.some((s) => s.id === id));
  if (unknown.length) {
    console.error(`--only: unknown stage(s) ${unknown.join(', ')}; stages are ${stages.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
}

/** Runs a command with its output shown live, keeping the last lines to read a closing count from. */
function runStreaming(cmd: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; signal: string | null; error?: Error; tail: string }> {
  return new Promise((done) => {
    const child = spawn(cmd[0] ?? '', cmd.slice(1), { env, stdio: ['inherit', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
      to.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', (c: Buffer) => keep(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => keep(c, process.stderr));
    child.on('error', (error) => done({ status: null, signal: null, error, tail }));
    child.on('close', (status, signal) => done({ status, signal, tail }));
  });
}

/** A runner's own closing line "N passed, M failed" (the kernel suite prints one), if any. */
function closingCounts(tail: string): Counts | undefined {
  const lines = tail
    .split('\n')
    .map((l) => l.trim())
    .reverse();
  for (const line of lines) {
    const m = /^(?:\w+: )?(\d+) passed, (\d+) failed/.exec(line);
    if (m) return { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return undefined;
}

const bar = (s: string): string => `\n${'━'.repeat(80)}\n▶ ${s}\n${'━'.repeat(80)}`;
const results: Result[] = [];

for (const stage of stages) {
  if (only && !only.has(stage.id)) continue;
  const dep = stage.needs ? results.find((r) => r.stage.id === stage.needs) : undefined;
  if (dep && !dep.ok) {
    results.push({ stage, ok: false, seconds: 0, note: `not run: ${dep.stage.id} failed` });
    continue;
  }
  const missing = preconditions[stage.id]?.();
  if (missing) {
    results.push({ stage, ok: !strict, skipped: true, seconds: 0, note: `${strict ? 'not run' : 'skipped'}: ${missing.reason}; enable: ${missing.enable}` });
    continue;
  }
  console.log(bar(`${stage.title}   $ ${stage.cmd.join(' ')}`));
  const start = performance.now();
  const r = await runStreaming(stage.cmd, { ...process.env, ...stage.env });
  const seconds = (performance.now() - start) / 1000;
  const counts = stage.counts?.() ?? closingCounts(r.tail);
  const ok = r.status === 0 && (counts === undefined || counts.failed === 0);
  const note = r.error ? `could not start: ${r.error.message}` : r.status === null ? `killed by ${r.signal}` : `exit ${r.status}`;
  results.push({ stage, ok, seconds, note, counts });
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log(bar('summary'));
for (const r of results) {
  if (r.skipped && r.ok) {
    skipped += 1;
    console.log(`SKIP  ${r.stage.id.padEnd(8)} ${'—'.padStart(6)}    ${r.stage.title} — ${r.note}`);
    continue;
  }
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    // A runner that crashed before reporting (or reported nothing) still counts as a failure.
    if (!r.ok && r.counts.failed === 0) failed += 1;
  } else if (r.ok) passed += 1;
  else failed += 1;
  const detail = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed` : r.note;
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.stage.id.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.stage.title} — ${detail}`);
}
const bad = results.filter((r) => !r.ok);
const notRun = results.filter((r) => r.skipped && r.ok);
if (bad.length) console.log(`\n✗ FAILED: ${bad.map((r) => r.stage.id).join(', ')}`);
else if (notRun.length) console.log(`\n✓ every stage this machine can run passed`);
else console.log('\n✓ all stages passed');
if (notRun.length) {
  console.log(
    `Skipped here: ${notRun.map((r) => r.stage.id).join(', ')} (the commands above enable them). CI runs every stage ` +
      '(.ci/run and the GitHub workflow set BOOK_TEST_STRICT=1, where a skipped stage fails).',
  );
}
if (strict && bad.some((r) => r.skipped)) console.log('BOOK_TEST_STRICT=1: every stage must run here; install what the FAIL lines name.');
// Counted checks: every test of vitest and Playwright, plus one per stage without its own tests.
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
rmSync(scratch, { recursive: true, force: true });
if (existsSync(scratch)) console.log(`(could not remove ${scratch})`);
process.exit(bad.length || results.length === 0 ? 1 : 0);
