/**
 * Runs and checks shared by the export/import properties (roundtrip.test.ts): random runs of
 * built-in scenarios with random knobs and of random scenarios, and what "the import gives back
 * the run" means.
 */
import fc from 'fast-check';
import { getScenario, SCENARIO_IDS, simulate, type ScenarioKnobs, type Side, type Trace } from '../../../src/engine/index.ts';
import { analyseCapture, traceReport, traceToPcap, type TraceConnection } from '../../../src/engine/pcap/index.ts';
import { seqGt } from '../../../src/engine/seq.ts';
import { build, scenario, type Gen } from '../property-gen.ts';

/**
 * Scenarios whose capture cannot show what the engine shows, by design (the per-scenario
 * import test in export.test.ts gives the reasons): the RFC 1337 switch, listener-side states of
 * SYN floods and a full accept queue, and an old duplicate SYN split into a connection of its own.
 */
const NOT_COMPARABLE = new Set(['rst-in-time-wait-rfc1337', 'syn-flood', 'syn-flood-cookies', 'accept-queue-full', 'old-duplicate-syn']);

const knobs = fc.record(
  {
    simultaneous: fc.boolean(),
    closer: fc.constantFrom<'client' | 'server' | 'both'>('client', 'server', 'both'),
    closeDelayMs: fc.integer({ min: 0, max: 400 }),
    profile: fc.constantFrom<'rfc' | 'linux' | 'windows' | 'macos'>('rfc', 'linux', 'windows', 'macos'),
    isn: fc.constantFrom<'random' | 'fixed'>('random', 'fixed'),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  },
  { requiredKeys: [] },
);

/**
 * time-wait-reopen where the TIME-WAIT side refuses the new SYN (every profile but Linux): the
 * import starts the second connection afresh at the new SYN, so the refusing side's TIME-WAIT
 * before it is not part of that connection (the first connection's table shows it).
 */
const comparable = ({ id, k }: { id: string; k: ScenarioKnobs }): boolean => id !== 'time-wait-reopen' || (k.profile ?? 'linux') === 'linux';

const lossy = (id: string): boolean => getScenario(id).faults.some((f) => f.kind === 'drop' || f.kind === 'drop-match');

/** A run: a built-in scenario with the random knobs it accepts, or a random scenario with some. */
export interface Run {
  label: string;
  run: () => Trace;
}

const builtIn = (id: string, k: ScenarioKnobs): Run => ({ label: `${id} ${JSON.stringify(k)}`, run: () => simulate(getScenario(id), accepted(id, k)) });
const random = (g: Gen, k: ScenarioKnobs): Run => ({ label: `random ${JSON.stringify(g)} ${JSON.stringify(k)}`, run: () => simulate(build(g), k) });
const ids = SCENARIO_IDS.filter((id) => !NOT_COMPARABLE.has(id));
const simultaneous = fc.record({ simultaneous: fc.boolean() }, { requiredKeys: [] });

/** Runs without loss. Delays, duplicates and crossings are in. */
export const run = fc.oneof(
  fc
    .record({ id: fc.constantFrom(...ids.filter((id) => !lossy(id))), k: knobs })
    .filter(comparable)
    .map(({ id, k }) => builtIn(id, k)),
  fc.record({ g: scenario.map((g) => ({ ...g, drops: [] })), k: simultaneous }).map(({ g, k }) => random(g, k)),
);

/**
 * Runs with loss: built-in scenarios that lose a segment (their own drop rules or a random drop
 * knob where they accept one) and random scenarios with one or two drops. Some drops hit
 * nothing (the n-th segment is never sent); the property skips runs in which nothing was lost.
 * A simultaneous open may lose both first SYNs: the import must show those states or say unknown
 * too. Random applications end with shutdown() or close() (data arriving after close() draws an RST).
 */
export const lossyRun = fc.oneof(
  fc
    .record({
      id: fc.constantFrom(...ids.filter((id) => lossy(id) || getScenario(id).knobs.includes('drop'))),
      k: knobs,
      drop: fc.integer({ min: 1, max: 40 }),
    })
    .map(({ id, k, drop }) => ({ id, k: lossy(id) ? k : { ...k, drop } }))
    .filter(comparable)
    .map(({ id, k }) => builtIn(id, k)),
  fc.record({ g: scenario.filter((g) => g.drops.length > 0), k: simultaneous }).map(({ g, k }) => random(g, k)),
);

/** True when the link lost a segment in the run. */
export const lost = (trace: Trace): boolean => trace.events.some((e) => e.kind === 'drop');

/** Only the knobs a scenario lists (the lab offers no others for it). */
function accepted(id: string, k: ScenarioKnobs): ScenarioKnobs {
  const names = new Set<string>(getScenario(id).knobs);
  const byKnob: Record<string, (keyof ScenarioKnobs)[]> = {
    simultaneous: ['simultaneous'],
    drop: ['drop'],
    closer: ['closer'],
    'close-delay': ['closeDelayMs'],
    profile: ['profile'],
    isn: ['isn', 'seed'],
  };
  const out: ScenarioKnobs = {};
  for (const [knob, fields] of Object.entries(byKnob)) {
    if (!names.has(knob)) continue;
    for (const f of fields) if (k[f] !== undefined) (out as Record<string, unknown>)[f] = k[f];
  }
  return out;
}

/**
 * The states a side goes through down the rows, once each in a row; leading CLOSED/LISTEN left
 * out (a capture cannot see a side before it acts). An unknown imported state (null) is never
 * wrong: it stands for the engine's own state at that row.
 */
function path(rows: TraceConnection['segments'], side: 'stateA' | 'stateB', truth?: TraceConnection['segments']): string[] {
  const states = rows.map((r, i) => r[side] ?? truth?.[i]?.[side] ?? 'null').filter((s, i, all) => i === 0 || s !== all[i - 1]);
  while (states[0] === 'CLOSED' || states[0] === 'LISTEN') states.shift();
  return states;
}

/**
 * True when a sender's segments reached the other side in another order than they were sent (a
 * delay or a late duplicate overtaken by later segments). The capture is taken where segments
 * are sent, so it cannot show that; the import takes segments to arrive in the order sent.
 */
export function reorderedInFlight(trace: Trace): boolean {
  const last: Record<string, number> = {};
  const seen = new Set<number>();
  for (const e of trace.events) {
    if (e.kind !== 'deliver' || e.wireId === undefined || !e.segment || seen.has(e.wireId)) continue;
    seen.add(e.wireId);
    const from = `${e.segment.src.ip}:${e.segment.src.port}`;
    if ((last[from] ?? -1) > e.wireId) return true;
    last[from] = e.wireId;
  }
  return false;
}

/**
 * True when a segment that acknowledged something new (so its receiver may take an RTT sample
 * from it, RFC 6298 §3) spent more than a round trip on its way: held up by the delay knob
 * without being overtaken. A capture shows when segments were sent, not when they arrived, so
 * the import reads each side's RTT from send times plus one handshake round trip for the unseen
 * way back (see src/engine/pcap/rto.ts); a longer hold-up gives the side a longer RTO than the
 * capture can show, and silence within it proves nothing the import could know.
 */
export function heldUpInFlight(trace: Trace): boolean {
  const sent = new Map<number, number>();
  const seen = new Set<number>();
  for (const e of trace.events) {
    if (e.wireId === undefined || !e.segment) continue;
    if ((e.kind === 'send' || e.kind === 'duplicate') && !sent.has(e.wireId)) sent.set(e.wireId, e.t);
    if (e.kind !== 'deliver' || seen.has(e.wireId)) continue;
    seen.add(e.wireId);
    const una = e.snapshot[e.side].sndUna;
    const advances = e.segment.flags.ACK && una !== null && seqGt(e.segment.ack, una);
    if (advances && e.t - (sent.get(e.wireId) ?? e.t) > 2 * trace.latencyMs) return true;
  }
  return false;
}

const wire = (c: TraceConnection): string[] => c.segments.map((r) => `${r.packet} ${r.from} ${r.flags.join(',')} ${r.seq} ${r.ack} ${r.len}`);

/**
 * What is wrong with the import of a run's capture, or null. Where segments cross, a capture
 * cannot tell which arrived first: a row may show a side before a crossing segment reached it
 * (one state earlier than the table), or after it (two of the table's states in one row). So:
 * the same connections, sides and segments; each side's imported states are states the engine
 * went through, in its order; the table's first is among them, and both end the same. An
 * unknown imported state (null) stands for the engine's own state at that row.
 */
export function roundtripProblem(trace: Trace, label: string): string | null {
  const truth = traceReport(trace).connections;
  const imported = analyseCapture(traceToPcap(trace), undefined, { profile: trace.profile }).report.connections;
  const pairs = (cs: TraceConnection[]): string => cs.map((c) => `${c.a} ${c.b}`).join(', ');
  if (pairs(imported) !== pairs(truth)) return `${label}: connections ${pairs(imported)}, engine ${pairs(truth)}`;
  for (const [k, c] of truth.entries()) {
    const mine = imported[k]!;
    if (wire(mine).join('\n') !== wire(c).join('\n')) return `${label}: connection ${k + 1} segments differ`;
    for (const side of ['A', 'B'] as const) {
      const key = side === 'A' ? 'stateA' : 'stateB';
      const got = path(mine.segments, key, c.segments);
      const want = path(c.segments, key);
      const where = `${label}: connection ${k + 1} ${side}: imported ${got.join(' → ')}, engine table ${want.join(' → ')}`;
      if (c === truth.find((t) => t.a === `${trace.a.ip}:${trace.a.port}`)) {
        const filled = mine.segments.map((r, i) => ({ ...r, [key]: r[key] ?? c.segments[i]![key] }));
        const back = backInTime(filled, side, timeline(trace, side));
        if (back !== null) return `${where}: row ${back + 1} is not in the engine's order`;
      }
      if (want.length > 0 && !got.includes(want[0]!)) return `${where}: the table's first state is missing`;
      if (got.at(-1) !== want.at(-1)) return `${where}: ends differently`;
    }
  }
  return null;
}

/** A side's states in the order the engine went through them (each change once). */
export function timeline(trace: Trace, side: Side): string[] {
  const out: string[] = [];
  for (const e of trace.events) if (out.at(-1) !== e.snapshot[side].state) out.push(e.snapshot[side].state);
  if (out.at(-1) !== trace.final[side]) out.push(trace.final[side]);
  return out;
}

/** The first row whose state for `side` comes before the row above in the engine's order, or null. */
export function backInTime(rows: TraceConnection['segments'], side: Side, order: string[]): number | null {
  let at = 0;
  for (const [i, r] of rows.entries()) {
    const s = side === 'A' ? r.stateA : r.stateB;
    let next = at;
    while (next < order.length && order[next] !== s) next++;
    if (next === order.length) return i;
    at = next;
  }
  return null;
}
