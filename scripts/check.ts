/**
 * `npm run check`: the contributor's check before a pull request, everything that needs neither root
 * nor a browser, stopping at the first failing step:
 *
 *   1. content checks   pairs, components, quizzes, links, sources, spellings, lab props (~1 s)
 *   2. formatting       Prettier over code and docs (npm run format fixes what it reports)
 *   3. type check       astro check (also validates every chapter's frontmatter), then the engine
 *                       without the DOM library (tsconfig.engine.json)
 *   4. build            npm run build (astro, search index, service worker)
 *
 * `npm test` runs all of this and the browser and kernel suites; CI runs everything.
 */
import { spawnSync } from 'node:child_process';

const steps: { name: string; cmd: string[] }[] = [
  { name: 'content checks', cmd: ['node', 'scripts/check-content.ts'] },
  { name: 'formatting', cmd: ['npm', 'run', '--silent', 'format:check'] },
  { name: 'type check', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build', cmd: ['npm', 'run', 'build', '--silent'] },
];

const started = performance.now();
const secs = (from: number): string => ((performance.now() - from) / 1000).toFixed(1);
for (const step of steps) {
  const t0 = performance.now();
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const r = spawnSync(step.cmd[0] as string, step.cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n✗ npm run check: ${step.name} failed (${secs(t0)} s); fix the messages above and run it again.`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${secs(t0)} s)`);
}
console.log(`\n✓ npm run check passed in ${secs(started)} s. Browser and kernel tests run in CI (or locally: npm test).`);
