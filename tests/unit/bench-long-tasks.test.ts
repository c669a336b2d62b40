/**
 * The bench's long-task figures come from a Chromium trace cut by performance marks: check that
 * only the page's main-thread RunTasks between the marks count, and how the two sources combine.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, lighthouseMobile, longestThreadTime, phaseStats, traceTasks, type TraceEvent } from '../../scripts/bench-long-tasks.ts';

const ev = (name: string, ts: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ name, ph: 'X', pid: 1, tid: 10, ts, ...extra });

describe('traceTasks', () => {
  const events: TraceEvent[] = [
    ev('RunTask', 500, { dur: 90_000 }), // before the start mark: hydration, not stepping
    ev('bench:step-start', 1_000, { ph: 'R' }),
    ev('RunTask', 2_000, { dur: 12_500 }),
    ev('Paint', 2_100, { dur: 9_000 }), // inside a task, not a task
    ev('RunTask', 20_000, { dur: 61_000 }),
    ev('RunTask', 30_000, { dur: 200_000, tid: 11 }), // another thread of the renderer
    ev('RunTask', 30_000, { dur: 300_000, pid: 2 }), // another process (the browser)
    ev('bench:step-end', 100_000, { ph: 'R' }),
    ev('RunTask', 120_000, { dur: 80_000 }), // after the end mark
  ];

  it('takes the main-thread top-level tasks between the marks, in ms', () => {
    expect(traceTasks(events, 'bench:step-start', 'bench:step-end')).toEqual([12.5, 61]);
  });

  it('fails when a mark is missing rather than measuring nothing', () => {
    expect(() => traceTasks(events, 'bench:knob-start', 'bench:knob-end')).toThrow(/no bench:knob-start/);
  });

  it('gives the longest of the same tasks by thread time, in ms', () => {
    const timed = events.map((e) => (e.name === 'RunTask' ? { ...e, tdur: (e.dur ?? 0) / 2 } : e));
    timed.push(ev('RunTask', 40_000, { dur: 45_000, tdur: 44_000 })); // shorter on the clock, longer on the CPU than 61 ms / 2
    expect(longestThreadTime(timed, 'bench:step-start', 'bench:step-end')).toBe(44);
    expect(() => longestThreadTime(timed, 'bench:knob-start', 'bench:knob-end')).toThrow(/no bench:knob-start/);
  });
});

describe('phaseStats', () => {
  it('reports the trace longest and counts over 50 ms from whichever source saw more', () => {
    const observed = [
      { start: 5, duration: 60 },
      { start: 7, duration: 51 },
      { start: 50, duration: 400 }, // outside the phase
    ];
    expect(phaseStats([12.5, 61], observed, 0, 10)).toEqual({ longest: 61, over: 2, observed: 60 });
    expect(phaseStats([12, 30], [], 0, 10)).toEqual({ longest: 30, over: 0, observed: 0 });
  });
});

// Lighthouse is bench/'s own dependency, installed by `npm run bench`; without it this is skipped.
describe.skipIf(!existsSync(join(BENCH_DIR, 'node_modules', 'lighthouse')))('lighthouseMobile (needs bench/ installed: npm install --prefix bench)', () => {
  it("is Lighthouse 13's mobile device (read from lighthouse itself)", async () => {
    const device = await lighthouseMobile();
    expect(device).toMatchObject({ width: 412, height: 823, deviceScaleFactor: 1.75, cpuSlowdown: 4 });
    expect(device.userAgent).toMatch(/Android .* Mobile Safari/);
  });
});
