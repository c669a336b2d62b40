/**
 * State inference for captured connections, in the engine's public units (ms). There is one
 * inference, pcap/infer.ts's inferStates, which the pcap import, the trace CLI and the capture
 * views use; this is only its entry point from src/engine/index.ts, so the two can never
 * disagree again (they once did on lost segments).
 */
import { inferStates, type InferOptions } from './pcap/infer.ts';
import type { ObservedSegment, ObservedStep } from './types.ts';

/** Options for observe(): the profile whose timers (TIME-WAIT, FIN-WAIT-2) the inference runs, default 'linux'. */
export type ObserveOptions = InferOptions;

/**
 * Both sides' states after every captured segment of one connection, with `t` in ms as in a
 * Trace. Feed the segments in capture order with `from` = 'A' for the side that sent the first
 * SYN (or the first segment, for a capture that starts mid-connection). Segments lost after the
 * capture point, segments crossing on the wire, a mid-connection start and a new connection on
 * the same ports are inferred and explained in `notes` (see inferStates).
 */
export function observe(segments: readonly ObservedSegment[], options: ObserveOptions = {}): ObservedStep[] {
  const steps = inferStates(
    segments.map((o) => ({ t: o.t / 1000, from: o.from, segment: o.segment })),
    options,
  );
  return steps.map((s, i) => ({ t: segments[i]!.t, from: segments[i]!.from, ...s }));
}
