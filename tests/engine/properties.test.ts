// Property tests: random scenarios with random (bounded) loss, duplication and reordering.
// Locally the run count keeps `npx vitest run tests/engine` to seconds; CI (CI=true) runs 3000
// per property, over 10,000 random scenario runs in all (about 80 s on one busy core); set
// PROPERTY_RUNS=20000 for a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIGURE5_TRANSITIONS,
  SEQ_MOD,
  isAllowedTransition,
  seqAdd,
  seqDiff,
  seqGe,
  seqGt,
  seqInWindow,
  seqLe,
  seqLt,
  simulate,
  type Side,
  type Trace,
} from '../../src/engine/index.ts';
import { build, scenario, type Gen } from './property-gen.ts';

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.PROPERTY_RUNS ?? (env.CI === 'true' ? 3000 : 60));
/** Generous per-test time budget: the 2 shared cores may be busy. */
const BUDGET = Math.max(20_000, RUNS * 30);

function received(t: Trace, s: Side): string {
  return t.events
    .filter((e) => e.kind === 'app' && e.app === 'data' && e.side === s)
    .map((e) => e.detail ?? '')
    .join('');
}

function written(g: Gen, s: Side): string {
  return [...(s === 'A' ? g.writesA : g.writesB)]
    .sort((x, y) => x.at - y.at)
    .map((w) => w.text)
    .join('');
}

describe('engine properties (fast-check)', () => {
  it(
    `both sides reach CLOSED after both applications close, with finite loss (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(scenario, (g) => {
          const t = simulate(build(g));
          expect(t.final).toEqual({ A: 'CLOSED', B: 'CLOSED' });
        }),
        { numRuns: RUNS },
      );
    },
    BUDGET,
  );

  it(
    `the delivered byte stream equals what was sent, in order, nothing lost or doubled; only data after close() is cut, by a RST (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(scenario, (g) => {
          const t = simulate(build(g));
          // After shutdown(SHUT_WR) a side reads on, so everything arrives. Data reaching a side
          // after its close() draws a RST (§3.6.1), and from then on each side got a prefix.
          const reset = t.events.some((e) => e.reason === 'text-after-close-rst');
          if (g.shut) expect(reset).toBe(false);
          for (const [to, from] of [
            ['B', 'A'],
            ['A', 'B'],
          ] as const) {
            if (reset) expect(written(g, from).startsWith(received(t, to))).toBe(true);
            else expect(received(t, to)).toBe(written(g, from));
          }
        }),
        { numRuns: RUNS },
      );
    },
    BUDGET,
  );

  it(
    `no transition outside RFC 9293 Figure 5 (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(scenario, (g) => {
          const t = simulate(build(g));
          for (const e of t.events) {
            if (e.kind !== 'state' || !e.from || !e.to) continue;
            if (!isAllowedTransition(e.from, e.to)) throw new Error(`${e.side}: ${e.from} → ${e.to} (${e.reason}) is not in Figure 5`);
          }
        }),
        { numRuns: RUNS },
      );
    },
    BUDGET,
  );

  it(
    'a run is deterministic and its trace survives JSON unchanged',
    () => {
      fc.assert(
        fc.property(scenario, (g) => {
          const a = simulate(build(g));
          const b = simulate(build(g));
          expect(b).toEqual(a);
          expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        }),
        { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
      );
    },
    BUDGET,
  );

  it('Figure 5 list is itself sane: no self-loops, every state reachable from CLOSED', () => {
    expect(FIGURE5_TRANSITIONS.every(([f, t]) => f !== t)).toBe(true);
    const seen = new Set(['CLOSED']);
    for (let i = 0; i < 12; i++) for (const [f, t] of FIGURE5_TRANSITIONS) if (seen.has(f)) seen.add(t);
    expect(seen.size).toBe(11);
  });
});

describe('sequence arithmetic across the 2^32 wrap', () => {
  const u32 = fc.integer({ min: 0, max: SEQ_MOD - 1 });
  const step = fc.integer({ min: 1, max: 2 ** 31 - 1 });

  it('a + n is after a, and a is before a + n, for 0 < n < 2^31', () => {
    fc.assert(
      fc.property(u32, step, (a, n) => seqGt(seqAdd(a, n), a) && seqLt(a, seqAdd(a, n)) && seqDiff(seqAdd(a, n), a) === n),
      { numRuns: RUNS * 10 },
    );
  });

  it('seqLe / seqGe are the reflexive forms', () => {
    fc.assert(
      fc.property(u32, (a) => seqLe(a, a) && seqGe(a, a) && !seqLt(a, a)),
      { numRuns: RUNS * 10 },
    );
  });

  it('a window that straddles 2^32 contains exactly its lo … lo+len-1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: SEQ_MOD - 1000, max: SEQ_MOD - 1 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: -10, max: 5010 }),
        (lo, len, off) => {
          return seqInWindow(seqAdd(lo, off), lo, len) === (off >= 0 && off < len);
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });

  it('fixed examples at the wrap', () => {
    expect(seqAdd(0xffff_ffff, 1)).toBe(0);
    expect(seqLt(0xffff_fff0, 5)).toBe(true);
    expect(seqDiff(3, 0xffff_fffe)).toBe(5);
  });
});
