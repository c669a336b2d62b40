/**
 * Optional engine parts: code that only some scenarios run (the SYN queue, SYN cookies and accept
 * queue of the SYN-flood lessons, keepalive, the fault rules other than "drop segment #n", a SYN
 * that meets TIME-WAIT, ABORT, FORGET and close() after shutdown()). They live in
 * src/engine/parts/ and reach the engine through the run's context (StepContext.parts, the third
 * argument of simulate), so a page's first knob change loads only the parts its runs need
 * (labs/view/engine-adapter.ts). The engine's index passes them all (parts/all.ts); a run
 * that needs a part it was not given stops with an error naming the part (in its `part` field).
 */
import type * as Faults from './parts/faults.ts';
import type * as Keepalive from './parts/keepalive.ts';
import type * as ListenQueue from './parts/listen-queue.ts';
import type * as RareCalls from './parts/rare-calls.ts';
import type * as TimeWaitSyn from './parts/time-wait-syn.ts';

export interface EngineParts {
  listenQueue?: typeof ListenQueue;
  keepalive?: typeof Keepalive;
  faults?: typeof Faults;
  timeWaitSyn?: typeof TimeWaitSyn;
  rareCalls?: typeof RareCalls;
}
export type PartName = keyof EngineParts;

/** Part `name` of `parts`; throws an Error whose `part` names it when it is missing. */
export function part<N extends PartName>(parts: EngineParts, name: N): NonNullable<EngineParts[N]> {
  const p = parts[name];
  if (p) return p;
  throw Object.assign(new Error(`engine part ${name} not loaded`), { part: name });
}
