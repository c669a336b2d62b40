/**
 * Running a workshop scenario: validation first, then the engine, never a throw. The run's
 * fingerprint (a hash of what went on the wire and the end states) travels in a shared link, so a
 * later engine that runs the same scenario differently can say so.
 *
 * The simulator is imported directly (not through the engine's index) so the workshop's first run
 * loads the simulator without the built-in scenarios and their texts.
 */
import { ALL_PARTS } from '../../engine/parts/all.ts';
import { simulation } from '../../engine/sim.ts';
import { wireSegments } from '../../engine/wire-segments.ts';
import type { Trace } from '../../engine/types.ts';
import { toEngine, validateScenario, type Problem, type WorkshopScenario } from './scenario.ts';

/** A run: the trace, its fingerprint, and how many segments went on the wire and were lost. */
export type WorkshopRun = { ok: true; trace: Trace; fingerprint: string; segments: number; lost: number } | { ok: false; problems: Problem[] };

/** FNV-1a (32 bits) of a string, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What identifies a run: every segment on the wire (time, sender, flags, numbers, length, lost or not) and the end states. */
export function fingerprint(trace: Trace): string {
  const wire = wireSegments(trace).map(
    (w) =>
      `${w.t}${w.from}${w.dropped ? 'x' : ''}${Object.entries(w.segment.flags)
        .filter(([, on]) => on)
        .map(([f]) => f[0])
        .join('')}${w.segment.seq}/${w.segment.ack}/${w.segment.payload.length}`,
  );
  return fnv1a(`${wire.join(' ')}|${trace.final.A}|${trace.final.B}`);
}

const finish = (trace: Trace): WorkshopRun => {
  const wire = wireSegments(trace);
  return { ok: true, trace, fingerprint: fingerprint(trace), segments: wire.length, lost: wire.filter((w) => w.dropped).length };
};
const stopped = (e: unknown): WorkshopRun => ({
  ok: false,
  problems: [{ part: 'run', code: 'engine', vars: { message: e instanceof Error ? e.message : String(e) } }],
});
const steps = (s: WorkshopScenario) => {
  const { def, knobs } = toEngine(s);
  return simulation(def, knobs, ALL_PARTS);
};

/** Runs a scenario: the trace and its fingerprint, or every problem that stops it. */
export function runWorkshop(s: WorkshopScenario): WorkshopRun {
  const problems = validateScenario(s);
  if (problems.length) return { ok: false, problems };
  try {
    const run = steps(s);
    for (;;) {
      const r = run.next();
      if (r.done) return finish(r.value);
    }
  } catch (e) {
    return stopped(e);
  }
}

/** How a page drives a run in slices: its clock (ms), how it waits between slices, and whether a newer run made this one stale. */
export interface Slices {
  now: () => number;
  pause: () => Promise<void>;
  sliceMs: number;
  stale: () => boolean;
}

/**
 * The run of `runWorkshop`, in slices of about `sliceMs` with a `pause` before each (the first too, so
 * the run starts after what asked for it), so a long run never holds the page for one long task;
 * null when a newer run made this one stale.
 */
export async function runWorkshopInSlices(s: WorkshopScenario, o: Slices): Promise<WorkshopRun | null> {
  await o.pause();
  if (o.stale()) return null;
  const problems = validateScenario(s);
  if (problems.length) return { ok: false, problems };
  try {
    const run = steps(s);
    for (let t0 = o.now(); ;) {
      const r = run.next();
      if (r.done) return finish(r.value);
      if (o.now() - t0 < o.sliceMs) continue;
      await o.pause();
      if (o.stale()) return null;
      t0 = o.now();
    }
  } catch (e) {
    return stopped(e);
  }
}
