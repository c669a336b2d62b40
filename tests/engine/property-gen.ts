// Random scenario generator shared by the property tests and scripts/bench-engine.ts.
import fc from 'fast-check';
import { SEQ_MOD, type AppAction, type FaultRule, type ProfileName, type ScenarioDef, type Side } from '../../src/engine/index.ts';

/** ISNs anywhere, but often within a few thousand of 2^32 so the connection wraps. */
export const isn = fc.oneof(fc.integer({ min: 0, max: SEQ_MOD - 1 }), fc.integer({ min: SEQ_MOD - 3000, max: SEQ_MOD - 1 }));
const side = fc.constantFrom<Side>('A', 'B');
const text = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 40 });
const bigText = fc.integer({ min: 1400, max: 3500 }).map((n) => 'x'.repeat(n));

export const scenario = fc.record({
  isnA: isn,
  isnB: isn,
  profile: fc.constantFrom<ProfileName>('rfc', 'linux', 'windows', 'macos'),
  latency: fc.integer({ min: 1, max: 60 }),
  writesA: fc.array(fc.record({ at: fc.integer({ min: 0, max: 20_000 }), text: fc.oneof(text, bigText) }), { maxLength: 4 }),
  writesB: fc.array(fc.record({ at: fc.integer({ min: 10_000, max: 20_000 }), text: fc.oneof(text, bigText) }), { maxLength: 4 }),
  closeA: fc.integer({ min: 0, max: 5_000 }),
  closeB: fc.integer({ min: 0, max: 5_000 }),
  /** Both applications end with shutdown(SHUT_WR) and read on (true), or with close() (false). */
  shut: fc.boolean(),
  drops: fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { maxLength: 2 }),
  dups: fc.array(fc.record({ from: side, nth: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 2 }),
  delays: fc.array(fc.record({ from: side, nth: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 1, max: 300 }) }), { maxLength: 2 }),
});

export type Gen = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/**
 * Build a ScenarioDef: both apps write, then shut down their direction or close. A's writes may
 * start before the handshake ends; A closes at 8 s at the earliest (after the handshake even with
 * two losses), often before B has finished writing: a half-close when it shuts down, a RST for
 * B's later data when it closes (except under the RFC profile, whose CLOSE still reads).
 */
export function build(g: Gen): ScenarioDef {
  const lastA = Math.max(8_000, ...g.writesA.map((w) => w.at));
  const lastB = Math.max(10_000, ...g.writesB.map((w) => w.at));
  const actions: AppAction[] = [
    { at: 0, side: 'B', call: 'OPEN-passive' },
    { at: 0, side: 'A', call: 'OPEN-active' },
    ...g.writesA.map((w): AppAction => ({ at: w.at, side: 'A', call: 'SEND', text: w.text })),
    ...g.writesB.map((w): AppAction => ({ at: w.at, side: 'B', call: 'SEND', text: w.text })),
    { at: lastA + g.closeA, side: 'A', call: g.shut ? 'SHUTDOWN' : 'CLOSE' },
    { at: lastB + g.closeB, side: 'B', call: g.shut ? 'SHUTDOWN' : 'CLOSE' },
  ];
  const faults: FaultRule[] = [
    ...g.drops.map((wireId): FaultRule => ({ kind: 'drop', wireId })),
    ...g.dups.map((d): FaultRule => ({ kind: 'duplicate', match: { from: d.from, nth: d.nth }, extraDelayMs: d.extra })),
    ...g.delays.map((d): FaultRule => ({ kind: 'delay', match: { from: d.from, nth: d.nth }, extraDelayMs: d.extra })),
  ];
  return {
    id: 'property',
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
