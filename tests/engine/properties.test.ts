// Property tests: random scenarios with random (bounded) loss, duplication and reordering.
// Default run count keeps `npx vitest run tests/engine` to seconds; set PROPERTY_RUNS=20000 for
// the long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIGURE5_TRANSITIONS, SEQ_MOD, isAllowedTransition, seqAdd, seqDiff, seqGe, seqGt, seqInWindow, seqLe, seqLt, simulate,
  type AppAction, type FaultRule, type ProfileName, type ScenarioDef, type Side, type Trace,
} from '../../src/engine/index.ts';

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.PROPERTY_RUNS ?? 60);
/** Generous per-test time budget: the 2 shared cores may be busy. */
const BUDGET = Math.max(20_000, RUNS * 30);

/** ISNs anywhere, but often within a few thousand of 2^32 so the connection wraps. */
const isn = fc.oneof(fc.integer({ min: 0, max: SEQ_MOD - 1 }), fc.integer({ min: SEQ_MOD - 3000, max: SEQ_MOD - 1 }));
const side = fc.constantFrom<Side>('A', 'B');
const text = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 40 });
const bigText = fc.integer({ min: 1400, max: 3500 }).map((n) => 'x'.repeat(n));

const scenario = fc.record({
  isnA: isn,
  isnB: isn,
  profile: fc.constantFrom<ProfileName>('rfc', 'linux', 'windows', 'macos'),
  latency: fc.integer({ min: 1, max: 60 }),
  writesA: fc.array(fc.record({ at: fc.integer({ min: 0, max: 20_000 }), text: fc.oneof(text, bigText) }), { maxLength: 4 }),
  writesB: fc.array(fc.record({ at: fc.integer({ min: 10_000, max: 20_000 }), text: fc.oneof(text, bigText) }), { maxLength: 4 }),
  closeA: fc.integer({ min: 0, max: 5_000 }),
  closeB: fc.integer({ min: 0, max: 5_000 }),
  drops: fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { maxLength: 2 }),
  dups: fc.array(fc.record({ from: side, nth: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 2 }),
  delays: fc.array(fc.record({ from: side, nth: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 1, max: 300 }) }), { maxLength: 2 }),
});

type Gen = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/**
 * Build a ScenarioDef: both apps write, then close. A's writes may start before the handshake
 * ends; A closes at 8 s at the earliest (after the handshake even with two losses), often
 * before B has finished writing (half-close).
 */
function build(g: Gen): ScenarioDef {
  const lastA = Math.max(8_000, ...g.writesA.map((w) => w.at));
  const lastB = Math.max(10_000, ...g.writesB.map((w) => w.at));
  const actions: AppAction[] = [
    { at: 0, side: 'B', call: 'OPEN-passive' },
    { at: 0, side: 'A', call: 'OPEN-active' },
    ...g.writesA.map((w): AppAction => ({ at: w.at, side: 'A', call: 'SEND', text: w.text })),
    ...g.writesB.map((w): AppAction => ({ at: w.at, side: 'B', call: 'SEND', text: w.text })),
    { at: lastA + g.closeA, side: 'A', call: 'CLOSE' },
    { at: lastB + g.closeB, side: 'B', call: 'CLOSE' },
  ];
  const faults: FaultRule[] = [
    ...g.drops.map((wireId): FaultRule => ({ kind: 'drop', wireId })),
    ...g.dups.map((d): FaultRule => ({ kind: 'duplicate', match: { from: d.from, nth: d.nth }, extraDelayMs: d.extra })),
    ...g.delays.map((d): FaultRule => ({ kind: 'delay', match: { from: d.from, nth: d.nth }, extraDelayMs: d.extra })),
  ];
  return {
    id: 'property',
    title: { ko: '', en: '' },
    description: { ko: '', en: '' },
    knobs: [],
    profile: g.profile,
    seed: 1,
    latencyMs: g.latency,
    a: { ip: '10.0.0.1', port: 50000 },
    b: { ip: '10.0.0.2', port: 80 },
    fixedIsn: { A: g.isnA, B: g.isnB },
    isn: 'fixed',
    actions,
    reactions: { A: { closeOnEofAfterMs: null }, B: { closeOnEofAfterMs: null } },
    faults,
    untilMs: 1_000_000,
  };
}

function received(t: Trace, s: Side): string {
  return t.events.filter((e) => e.kind === 'app' && e.app === 'data' && e.side === s).map((e) => e.detail ?? '').join('');
}

function written(g: Gen, s: Side): string {
  return [...(s === 'A' ? g.writesA : g.writesB)].sort((x, y) => x.at - y.at).map((w) => w.text).join('');
}

describe('engine properties (fast-check)', () => {
  it(`both sides reach CLOSED after both applications close, with finite loss (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const t = simulate(build(g));
        expect(t.final).toEqual({ A: 'CLOSED', B: 'CLOSED' });
      }),
      { numRuns: RUNS },
    );
  }, BUDGET);

  it(`the delivered byte stream equals what was sent, in order, nothing lost or doubled (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const t = simulate(build(g));
        expect(received(t, 'B')).toBe(written(g, 'A'));
        expect(received(t, 'A')).toBe(written(g, 'B'));
      }),
      { numRuns: RUNS },
    );
  }, BUDGET);

  it(`no transition outside RFC 9293 Figure 5 (${RUNS} runs)`, () => {
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
  }, BUDGET);

  it('a run is deterministic and its trace survives JSON unchanged', () => {
    fc.assert(
      fc.property(scenario, (g) => {
        const a = simulate(build(g));
        const b = simulate(build(g));
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  }, BUDGET);

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
    fc.assert(fc.property(u32, step, (a, n) => seqGt(seqAdd(a, n), a) && seqLt(a, seqAdd(a, n)) && seqDiff(seqAdd(a, n), a) === n), { numRuns: RUNS * 10 });
  });

  it('seqLe / seqGe are the reflexive forms', () => {
    fc.assert(fc.property(u32, (a) => seqLe(a, a) && seqGe(a, a) && !seqLt(a, a)), { numRuns: RUNS * 10 });
  });

  it('a window that straddles 2^32 contains exactly its lo … lo+len-1', () => {
    fc.assert(
      fc.property(fc.integer({ min: SEQ_MOD - 1000, max: SEQ_MOD - 1 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -10, max: 5010 }), (lo, len, off) => {
        return seqInWindow(seqAdd(lo, off), lo, len) === (off >= 0 && off < len);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('fixed examples at the wrap', () => {
    expect(seqAdd(0xffff_ffff, 1)).toBe(0);
    expect(seqLt(0xffff_fff0, 5)).toBe(true);
    expect(seqDiff(3, 0xffff_fffe)).toBe(5);
  });
});
