/**
 * What the parts of one simulation run share: the scenario, the virtual clock, a tie-break
 * counter and the trace being written. The link (link.ts), the application driver
 * (app-driver.ts) and the event loop (sim.ts) each get this and nothing else of one another.
 */
import type { EngineParts } from './parts.ts';
import type { Address, ScenarioDef, Side, TraceEvent } from './types.ts';

/** A trace event before the run stamps its index, time and both endpoints' snapshots. */
export type EventBody = Omit<TraceEvent, 'i' | 't' | 'snapshot'>;

export interface RunContext {
  /** The scenario with the knobs applied. */
  readonly def: ScenarioDef;
  /** The optional engine parts this run was given (parts.ts). */
  readonly parts: EngineParts;
  /** The trace so far. */
  readonly events: readonly TraceEvent[];
  /** Virtual ms: only the event loop moves it. */
  now: number;
  /** Things due at the same instant run in the order of this counter (lower first). */
  nextOrder(): number;
  /** Appends an event to the trace, stamped with the current time and both endpoints' state. */
  record(e: EventBody): void;
}

export const other = (s: Side): Side => (s === 'A' ? 'B' : 'A');

export function sameAddr(a: Address, b: Address): boolean {
  return a.ip === b.ip && a.port === b.port;
}
