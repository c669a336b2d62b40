/**
 * Running a workshop scenario: validation first, then the engine, never a throw. The run's
 * fingerprint (a hash of what went on the wire and the end states) travels in a shared link, so a
 * later engine that runs the same scenario differently can say so.
 *
 * The simulator is imported directly (not through the engine's index) so the workshop's first run
 * loads the simulator without the built-in scenarios and their texts. The optional engine parts
 * (engine/parts.ts) are the lab adapter's: in the browser a run that stops for one loads it and starts
 * again (runWorkshopInSlices, runWorkshopLoaded); build-time and Node callers pass every part to
 * runWorkshop (`ALL_PARTS`).
 */
import { simulation } from '../../engine/sim.ts';
import type { EngineParts } from '../../engine/index.ts';
import { loadedParts, missingPart, withParts } from '../../labs/view/engine-adapter.ts';
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
const steps = (s: WorkshopScenario, parts: EngineParts) => {
  const { def, knobs } = toEngine(s);
  return simulation(def, knobs, parts);
};

/** A run that throws when it stops for an engine part `parts` lacks (engine/parts.ts); any other stop is a problem. */
function runAll(s: WorkshopScenario, parts: EngineParts): WorkshopRun {
  const problems = validateScenario(s);
  if (problems.length) return { ok: false, problems };
  try {
    const run = steps(s, parts);
    for (;;) {
      const r = run.next();
      if (r.done) return finish(r.value);
    }
  } catch (e) {
    if (missingPart(e)) throw e;
    return stopped(e);
  }
}

/** Runs a scenario with the engine parts loaded so far: the trace and its fingerprint, or every problem that stops it. */
export function runWorkshop(s: WorkshopScenario, parts: EngineParts = loadedParts()): WorkshopRun {
  try {
    return runAll(s, parts);
  } catch (e) {
    return stopped(e);
  }
}

/** runWorkshop in the browser: loads first any optional engine part the run stops for. */
export const runWorkshopLoaded = (s: WorkshopScenario): Promise<WorkshopRun> => withParts(() => runAll(s, loadedParts()));

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
    // A run that stops for an engine part not loaded yet starts again once it is (withParts).
    return await withParts(async () => {
      if (o.stale()) return null;
      const run = steps(s, loadedParts());
      for (let t0 = o.now(); ;) {
        const r = run.next();
        if (r.done) return finish(r.value);
        if (o.now() - t0 < o.sliceMs) continue;
        await o.pause();
        if (o.stale()) return null;
        t0 = o.now();
      }
    });
  } catch (e) {
    return stopped(e);
  }
}
