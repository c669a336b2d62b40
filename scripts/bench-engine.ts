// Engine benchmark: scenarios simulated per second, property-test runs per second, peak memory.
// Run: node scripts/bench-engine.ts   (Node 24: type stripping). Prints one JSON object.
// Env: BENCH_SECONDS (default 2) per measurement. The *PerCpuSec figures divide by CPU time
// used instead of wall time, for comparisons on a busy shared machine.
import fc from 'fast-check';
import { SCENARIO_IDS, isAllowedTransition, runScenario, simulate } from '../src/engine/index.ts';
import { build, scenario } from '../tests/engine/property-gen.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);

/**
 * Call `fn` repeatedly for about `seconds`; return calls per wall-clock second and per CPU
 * second (the second stays meaningful when other jobs share the cores).
 */
function rate(fn: (i: number) => void): [number, number] {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  while (performance.now() < end) fn(n++);
  const cpu = process.cpuUsage(cpu0);
  return [n / ((performance.now() - start) / 1000), n / ((cpu.user + cpu.system) / 1e6)];
}

const [scenariosPerSec, scenariosPerCpuSec] = rate((i) => {
  runScenario(SCENARIO_IDS[i % SCENARIO_IDS.length] ?? 'normal-open');
});

// One property run = generate a random lossy scenario, simulate it, check the Figure 5 and
// CLOSED properties (what tests/engine/properties.test.ts does per run).
const samples = fc.sample(scenario, { numRuns: 500, seed: 1 });
const [propertyRunsPerSec, propertyRunsPerCpuSec] = rate((i) => {
  const g = samples[i % samples.length];
  if (!g) return;
  const t = simulate(build(g));
  for (const e of t.events) if (e.kind === 'state' && e.from && e.to && !isAllowedTransition(e.from, e.to)) throw new Error('bad transition');
  if (t.final.A !== 'CLOSED' || t.final.B !== 'CLOSED') throw new Error('not closed');
});

const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    scenariosPerSec: Math.round(scenariosPerSec),
    propertyRunsPerSec: Math.round(propertyRunsPerSec),
    peakRssMB,
    scenariosPerCpuSec: Math.round(scenariosPerCpuSec),
    propertyRunsPerCpuSec: Math.round(propertyRunsPerCpuSec),
  }),
);
