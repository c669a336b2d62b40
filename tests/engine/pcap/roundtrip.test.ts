/**
 * Properties of export and import over random runs: random scenarios of the property generator
 * and built-in scenarios with random knobs (simultaneous open, the closer, the close delay, the
 * profile, the ISNs):
 *   - export → import is the identity: the capture of a run, read back, has the same connections
 *     with the same sides, the same segments, and each side goes through the engine's states,
 *     in its order, from the same first to the same last (runs whose segments were reordered
 *     after the capture point are left out: a capture cannot show that);
 *   - no row goes back in time: each side's states down a scenario's table follow the order in
 *     which the engine went through them.
 *   - with loss, the import is never wrong: for runs in which a segment was lost after the
 *     capture point (the export captures every segment where it is sent, dropped ones too),
 *     the same holds, where a state the capture cannot prove must be unknown (null) rather
 *     than guessed. Applications end with shutdown() or close(). Runs in which a segment that
 *     acknowledged something new spent more than a round trip on its way are left out too
 *     (heldUpInFlight): the import reads RTOs from send times, and a capture cannot show such a
 *     hold-up, which lengthens its receiver's RTO.
 * The second property also covers runs with lost segments. Locally 40 runs per property; CI
 * (CI=true) 3000 lossless and 10,000 lossy; PROPERTY_RUNS sets both.
 *
 * The lossy property runs from a fixed seed (1; LOSSY_SEED=<n> picks another), in CI too, so that
 * a commit's CI result does not depend on chance. Random seeds (LOSSY_SEED=random) are how it is
 * explored: they found a wrong state in about 1 in 4,600 lossy runs checked before the fixes its
 * regression cases record, and none in 133,000 checked (380,000 drawn) after them. A failure
 * prints fast-check's seed: reproduce it with LOSSY_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceReport } from '../../../src/engine/pcap/index.ts';
import { simulate } from '../../../src/engine/index.ts';
import { build, type Gen } from '../property-gen.ts';
import { backInTime, heldUpInFlight, lost, lossyRun, reorderedInFlight, roundtripProblem, run, timeline } from './roundtrip-runs.ts';

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.PROPERTY_RUNS ?? (env.CI === 'true' ? 3000 : 40));
const BUDGET = Math.max(30_000, RUNS * 120);
const LOSSY_RUNS = Number(env.PROPERTY_RUNS ?? (env.CI === 'true' ? 10_000 : 40));
const LOSSY_SEED = env.LOSSY_SEED === 'random' ? undefined : Number(env.LOSSY_SEED ?? 1);

describe('export → import over random runs', () => {
  it(
    `gives back the same connections, sides, segments and state paths (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(run, ({ label, run: go }) => {
          const trace = go();
          fc.pre(!reorderedInFlight(trace));
          expect(roundtripProblem(trace, label)).toBeNull();
        }),
        { numRuns: RUNS },
      );
    },
    BUDGET,
  );
});

describe('export → import over random runs with a lost segment', () => {
  it(
    `gives the engine's state or says unknown, never a wrong state (${LOSSY_RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(lossyRun, ({ label, run: go }) => {
          const trace = go();
          fc.pre(lost(trace) && !reorderedInFlight(trace) && !heldUpInFlight(trace));
          expect(roundtripProblem(trace, label)).toBeNull();
        }),
        // about half the drops hit a segment (the rest name one the run never sends)
        { numRuns: LOSSY_RUNS, maxSkipsPerRun: 10, ...(LOSSY_SEED === undefined ? {} : { seed: LOSSY_SEED }) },
      );
    },
    Math.max(30_000, LOSSY_RUNS * 240),
  );

  // Found by the property with a random seed: the SYN was sent twice, so A's RTO for its FIN starts
  // at 3 s (RFC 6298 §5.7), and B's ACK of that FIN, lost after the capture point, went unnoticed
  // until B's FIN 1.8 s later. The import showed A in FIN-WAIT-2; it cannot know, so it says unknown.
  it("a FIN's ACK lost after a handshake that sent its SYN twice leaves the FIN's sender unknown, not FIN-WAIT-2", () => {
    const g = {
      isnA: 4294964296,
      isnB: 4294964296,
      profile: 'rfc',
      latency: 1,
      writesA: [],
      writesB: [],
      closeA: 1,
      closeB: 0,
      shut: true,
      drops: [2, 8],
      dups: [{ from: 'A', nth: 3, extra: 0 }],
      delays: [],
    } as unknown as Gen;
    const trace = simulate(build(g), {});
    expect(lost(trace)).toBe(true);
    expect(roundtripProblem(trace, 'SYN sent twice, FIN ACK lost')).toBeNull();
  });
});

/**
 * Lossy runs the property found with random seeds, minimised: each made the import show a state
 * the engine never went through. Writes are "at:length" (the text is 'x' repeated).
 */
const FOUND: {
  why: string;
  g: Partial<Omit<Gen, 'writesA' | 'writesB'>> & { profile: string; latency: number; writesA?: string; writesB?: string };
  k?: object;
}[] = [
  {
    why: "data sent again after its RTO doubled the FIN's timer: a lost ACK of that FIN is unproven 1 s later (was FIN-WAIT-2)",
    g: { profile: 'rfc', latency: 1, writesA: '8000:1793 8000:2326 0:3249', closeB: 250, drops: [8, 18] },
  },
  {
    why: 'a lost handshake ACK makes the server time its SYN,ACK to the first data, 0.5 s: its RTO is longer than the handshake shows (was FIN-WAIT-2)',
    g: { profile: 'macos', latency: 8, writesA: '542:1', closeA: 3200, shut: true, drops: [3, 7] },
  },
  {
    why: 'data lost twice before a FIN: both copies held the FIN back, not only the latest (was CLOSING)',
    g: { profile: 'macos', latency: 1, writesA: '10000:2659', closeA: 1500, closeB: 2100, shut: true, drops: [7, 10] },
    k: { simultaneous: true },
  },
  {
    why: 'data lost once before a FIN and once after it: the copy after the FIN held it back too (was CLOSING)',
    g: { profile: 'macos', latency: 1, writesA: '0:2452 5000:1 9000:1775', closeB: 1, shut: true, drops: [12, 17] },
    k: { simultaneous: true },
  },
  {
    why: "after close(), the peer's data and FIN, then a bare ACK, then an RST: either may have drawn the RST (was CLOSING)",
    g: { profile: 'macos', latency: 44, writesB: '19839:1', closeA: 12797, drops: [4] },
  },
  {
    why: "an ACK of B's FIN lost, then A's data that fills the gap behind its own FIN: B goes from FIN-WAIT-1 straight to TIME-WAIT (was FIN-WAIT-2)",
    g: {
      profile: 'rfc',
      latency: 1,
      writesA: '10000:1 18000:3140 1000:1',
      writesB: '16000:2535',
      closeB: 2200,
      drops: [13, 21],
      dups: [{ from: 'B', nth: 5, extra: 1 }],
    },
  },
  {
    why: "B's FIN duplicated in flight: A in TIME-WAIT ACKs the copy after B's RST, so that RST (lost) had not arrived (was CLOSED)",
    g: {
      profile: 'macos',
      latency: 1,
      drops: [16, 14],
      dups: [
        { from: 'B', nth: 5, extra: 1 },
        { from: 'B', nth: 5, extra: 4 },
      ],
    },
    k: { simultaneous: true },
  },
];

describe('export → import of lossy runs the property found', () => {
  it.each(FOUND)('$why', ({ g, k }) => {
    const writes = (w = ''): Gen['writesA'] => (w ? w.split(' ') : []).map((x) => ({ at: Number(x.split(':')[0]), text: 'x'.repeat(Number(x.split(':')[1])) }));
    const all = {
      isnA: 0,
      isnB: 0,
      closeA: 0,
      closeB: 0,
      shut: false,
      drops: [],
      dups: [],
      delays: [],
      ...g,
      writesA: writes(g.writesA),
      writesB: writes(g.writesB),
    };
    const trace = simulate(build(all as Gen), k ?? {});
    expect(lost(trace) && !reorderedInFlight(trace) && !heldUpInFlight(trace)).toBe(true);
    expect(roundtripProblem(trace, 'found')).toBeNull();
  });
});

describe("a scenario's table over random runs", () => {
  it(
    `never shows a side in a state older than the row above (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(run, ({ label, run: go }) => {
          const trace = go();
          const main = traceReport(trace).connections.find((c) => c.a === `${trace.a.ip}:${trace.a.port}` && c.b === `${trace.b.ip}:${trace.b.port}`);
          if (!main) return;
          for (const side of ['A', 'B'] as const) expect(backInTime(main.segments, side, timeline(trace, side)), `${label}: ${side}`).toBeNull();
        }),
        { numRuns: RUNS },
      );
    },
    BUDGET,
  );
});
