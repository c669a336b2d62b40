/**
 * Runs one case of the TIME-WAIT lab. It imports the engine, so the island loads this module
 * lazily (on the reader's first change); the wrapper calls it at build time for the first picture.
 */
import type { ScenarioDef, ScenarioKnobs } from '../../engine/types.ts';
import { runForLab } from './engine-adapter.ts';
import type { Knobs } from './knobs.ts';
import { timeWaitTimeline, type TimeWaitTimeline } from './time-wait-timeline.ts';
import type { LabView } from './trace-view.ts';

/** One case of the TIME-WAIT lab, ready to draw: the run's view, its knobs and its timeline. */
export type TimeWaitCaseRun = { ok: true; view: LabView; base: Knobs; timeline: TimeWaitTimeline } | { ok: false; message: string };

/** The case's run, view and timeline; never throws. */
export function runTimeWaitCase(def: ScenarioDef, knobs: ScenarioKnobs): TimeWaitCaseRun {
  const r = runForLab(def, knobs, null);
  if (!r.ok) return r;
  return { ok: true, view: r.view, base: r.base, timeline: timeWaitTimeline(r.trace) };
}
