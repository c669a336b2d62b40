/**
 * Runs one case of the TIME-WAIT lab. It imports the engine, so the island loads this module
 * lazily (on the reader's first change); the wrapper calls it at build time for the first picture.
 */
import type { ScenarioDef, ScenarioKnobs } from '../../engine/types.ts';
import { baseKnobs, runForLab } from './engine-adapter.ts';
import type { Knobs } from './knobs.ts';
import { timeWaitTimeline, type TimeWaitTimeline } from './time-wait-timeline.ts';
import type { LabView } from './trace-view.ts';

/**
 * One case of the TIME-WAIT lab, ready to draw: the run's view and timeline, the engine knobs it
 * ran with (`applied`, handed to the sequence lab below as its preset) and the knob values they mean.
 */
export type TimeWaitCaseRun = { ok: true; view: LabView; base: Knobs; applied: ScenarioKnobs; timeline: TimeWaitTimeline } | { ok: false; message: string };

/**
 * The case run with the reader's `changes` over the scenario's own knobs: the same path as the
 * sequence lab's controls (knobs that equal the scenario's own are not passed). Never throws.
 */
export function runTimeWaitCase(def: ScenarioDef, changes: Partial<Knobs>): TimeWaitCaseRun {
  const r = runForLab(def, {}, { ...baseKnobs(def, {}), ...changes });
  if (!r.ok) return r;
  return { ok: true, view: r.view, base: baseKnobs(def, r.applied), applied: r.applied, timeline: timeWaitTimeline(r.trace) };
}
