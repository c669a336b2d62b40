import type { ScenarioDef, ScenarioId, ScenarioKnobs, Segment, Side, Trace } from './types.ts';

/** A segment as it went on the wire, for pcap export and segment lists (OrderSegments quiz). */
export interface WireSegment {
  /** 1-based, in send order over both directions (the `drop` knob counts these). */
  wireId: number;
  /** Virtual ms when it left the sender. */
  t: number;
  from: Side;
  segment: Segment;
  retransmit: boolean;
  /** Removed by a fault rule (a capture at the sender still sees it, as synsent.pcap does). */
  dropped: boolean;
  /** Injected by the scenario (attacker SYNs, an old duplicate), not sent by A or B. */
  origin?: 'attacker' | 'old-duplicate';
}

/** Run a scenario definition with knobs applied. Deterministic: same def + knobs → same Trace. */
export function simulate(_def: ScenarioDef, _knobs: ScenarioKnobs = {}): Trace {
  throw new Error('not implemented yet');
}

/** Run a built-in scenario by id (ARCHITECTURE.md lists the ids). Throws on an unknown id. */
export function runScenario(_id: ScenarioId | string, _knobs: ScenarioKnobs = {}): Trace {
  throw new Error('not implemented yet');
}

/** Every segment put on the wire in a trace, in order (dropped ones flagged). */
export function wireSegments(_trace: Trace): WireSegment[] {
  throw new Error('not implemented yet');
}

/**
 * Run the scenario that reproduces a kernel capture (file name as in ../shared/kernel-traces,
 * e.g. 'normal.pcap'); see KERNEL_CAPTURES. Throws for an unknown file name.
 */
export function runKernelCapture(_file: string): Trace {
  throw new Error('not implemented yet');
}
