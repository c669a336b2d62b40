/**
 * Public API of the TCP engine. Import from here only ('src/engine/index.ts'); the other modules
 * may be reorganized. Everything is pure: no DOM, no Date.now, no Math.random.
 *
 * Quick use:
 *   const trace = runScenario('close-3-segment', { profile: 'linux', isn: 'fixed' });
 *   for (const e of trace.events) if (e.kind === 'send') console.log(e.t, e.side, e.segment?.flags);
 *
 * Driving an endpoint by hand (what the simulator does):
 *   let a = makeEndpoint('A', { ip: '10.0.0.1', port: 50000 }, { profile: 'rfc', isn: { kind: 'fixed', value: 100 } });
 *   const r = step(a, { kind: 'user', call: { call: 'OPEN', mode: 'active', local: a.local, remote: B } }, { now: 0 });
 *   a = r.endpoint; // r.effects holds { kind: 'send', segment } for the SYN, a timer-set, a state change …
 */
export type * from './types.ts';
import type { Endpoint, ScenarioDef, ScenarioKnobs, StepContext, StepInput, StepResult, Trace } from './types.ts';
import type { EngineParts } from './parts.ts';
import { step as stepWith } from './endpoint.ts';
import { simulate as simulateWith } from './sim.ts';
import { ALL_PARTS } from './parts/all.ts';
export { TCP_STATES, STATE_NAMES, isTcpState, parseStateName, isSynchronized, FIGURE5_TRANSITIONS, isAllowedTransition } from './states.ts';
export { SEQ_MOD, seqAdd, seqDiff, seqLt, seqLe, seqGt, seqGe, seqInWindow } from './seq.ts';
export { PROFILES, getProfile } from './profiles.ts';
export { PROFILE_SOURCES } from './profile-sources.ts';
export { computeIsn, sipHash24 } from './isn.ts';
export { PRINT_ORDER, printedFlags, flagNotation } from './segment.ts';
export { FLAG_ORDER, flags, flagList, flagString, segLen, toHex, segmentToJSON, textBytes } from './segment-data.ts';
export { makeEndpoint, nextTimer, snapshot } from './endpoint.ts';
export type { EndpointOptions } from './endpoint.ts';
export { normalize, signature } from './normalize.ts';
export type { NormalizedSegment } from './normalize.ts';
export { getScenario, isScenarioId, SCENARIO_IDS, KERNEL_CAPTURES, runScenario, runKernelCapture } from './scenarios.ts';
export { scenarios, SCENARIO_TEXT } from './scenario-text.ts';
export { validateKnobs, applyKnobs } from './sim.ts';
export { wireSegments, fromHex, segmentFromJSON } from './wire-segments.ts';
export { matches as segmentMatches } from './parts/faults.ts';
export { ALL_PARTS } from './parts/all.ts';
export type { EngineParts, PartName } from './parts.ts';
export type { WireSegment } from './wire-segments.ts';
// observe() (state inference for captured segments) is imported from './observe.ts' directly, not
// re-exported here: it pulls in the pcap inference (pcap/infer.ts), and a re-export made the
// browser's lazily loaded engine chunk share a chunk with it (+2.6 KB gz the labs never run).

/** step (endpoint.ts) with every optional engine part (parts.ts) at hand. */
export function step(endpoint: Endpoint, input: StepInput, ctx: StepContext): StepResult {
  return stepWith(endpoint, input, { parts: ALL_PARTS, ...ctx });
}

/** simulate (sim.ts) with every optional engine part (parts.ts) at hand. */
export function simulate(scenario: ScenarioDef, knobs: ScenarioKnobs = {}, parts: EngineParts = ALL_PARTS): Trace {
  return simulateWith(scenario, knobs, parts);
}
