/**
 * The one place that knows how the engine wants its options. The labs speak `Knobs`
 * (knobs.ts); this turns them into the engine's ScenarioKnobs and catches what a run may throw,
 * so a bad combination shows a message instead of breaking the page.
 *
 * Runs take a scenario's definition, not its id: a lab gets its own scenario's definition from
 * the build (a prop), so a knob change loads the simulator without the other scenarios
 * (1.1 KB gz of the 25 KB lab budget); `loadScenario` fetches one a link names. Hence the direct
 * import of sim.ts instead of the engine's index.
 *
 * The optional engine parts (engine/parts.ts: SYN queue, keepalive, fault rules other than "drop
 * segment #n", a SYN meeting TIME-WAIT, the rarer user calls) are not in that chunk: `withParts` (and
 * `runLoaded`, `losableLoaded`) load the one a run stops for and run it again.
 * Build-time and Node callers hand them all over once with `addParts(ALL_PARTS)`.
 */
import { flagNotation } from '../../engine/segment.ts';
import type { EngineParts, PartName } from '../../engine/index.ts';
import { simulate } from '../../engine/sim.ts';
import type { ScenarioDef, ScenarioKnobs, Trace } from '../../engine/types.ts';
import { viewOfTrace, type LabView } from './trace-view.ts';
import { KNOBS, type KnobRow } from '../../engine/knobs.ts';
import { DEFAULT_KNOBS, knobToString, knobValue, type Knobs, type ProfileId } from './knobs.ts';

/** A run, or why there is none. */
export type LabRunResult = { ok: true; trace: Trace } | { ok: false; message: string };

/** Knob values a scenario runs with when nobody changes anything, read from its definition. */
export function scenarioKnobs(def: ScenarioDef): Knobs {
  const closes = def.actions.filter((a) => a.call === 'CLOSE');
  const firstAt = closes.length ? Math.min(...closes.map((a) => a.at)) : null;
  const closers = new Set(closes.filter((a) => a.at === firstAt).map((a) => a.side));
  const closer: Knobs['closer'] = closers.size === 2 ? 'both' : closers.has('B') ? 'server' : 'client';
  const passive = closer === 'server' ? 'A' : 'B';
  const drop = def.faults.find((f) => f.kind === 'drop');
  const k: Knobs = {
    ...DEFAULT_KNOBS,
    drop: drop && drop.kind === 'drop' ? drop.wireId : 0,
    closer,
    closeDelayMs: def.reactions[passive].closeOnEofAfterMs ?? 0,
    isn: def.isn === 'random' ? def.seed >>> 0 : 'fixed',
    profile: def.profile as ProfileId,
    simultaneous: def.actions.some((a) => a.side === 'B' && a.call === 'OPEN-active'),
    rfc1337: !!(def.config?.A?.rfc1337 || def.config?.B?.rfc1337),
  };
  return overlay(k, def.knobsDefaults ?? {});
}

/** A lab knob value that means "not set" to the engine: 0 for an MSL (the profile's own). */
const unset = (r: KnobRow, v: unknown): boolean => v === 0 && r.values.kind === 'ms' && r.values.min === 'above 0';

/** `k` with every knob `s` sets. */
function overlay(k: Knobs, s: ScenarioKnobs): Knobs {
  const out: Record<string, unknown> = { ...k };
  for (const r of KNOBS) {
    const v = s[r.field];
    if (v !== undefined) out[r.field] = r.control === 'isn' ? (v === 'random' ? (s.seed ?? 1) >>> 0 : 'fixed') : v;
  }
  return out as unknown as Knobs;
}

/**
 * Engine knobs for what the reader changed: only knobs that differ from `base` (the scenario's
 * own run) are passed, so an untouched control never overrides a scenario's default. A drop of
 * 0 is passed (lose nothing, replacing the scenario's own loss); an MSL of 0 is not.
 */
export function toScenarioKnobs(k: Knobs, base: Knobs): ScenarioKnobs {
  const out: Record<string, unknown> = {};
  for (const r of KNOBS) {
    if (knobToString(r.id, k) === knobToString(r.id, base)) continue;
    const v = knobValue(r, k);
    if (r.control === 'isn') {
      out.isn = v === 'fixed' ? 'fixed' : 'random';
      if (v !== 'fixed') out.seed = v;
    } else if (!unset(r, v)) out[r.field] = v;
  }
  return out as ScenarioKnobs;
}

/** The optional engine parts loaded so far (runs take them from here). */
const loaded: EngineParts = {};

/** Makes engine parts available to the runs of this module (Node and build-time callers pass ALL_PARTS). */
export function addParts(parts: EngineParts): void {
  Object.assign(loaded, parts);
}

/** Each optional engine part's own lazily loaded chunk. */
const PART_CHUNKS: Record<PartName, () => Promise<EngineParts[PartName]>> = {
  listenQueue: () => import('../../engine/parts/listen-queue.ts'),
  keepalive: () => import('../../engine/parts/keepalive.ts'),
  faults: () => import('../../engine/parts/faults.ts'),
  timeWaitSyn: () => import('../../engine/parts/time-wait-syn.ts'),
  rareCalls: () => import('../../engine/parts/rare-calls.ts'),
};

/** The optional engine part a run stopped for (engine/parts.ts names it in the error's `part`), if that is why it stopped. */
export const missingPart = (e: unknown): PartName | undefined => (e as { part?: PartName } | null)?.part;

/**
 * After a run stopped with `e`: when `e` says an optional engine part is missing (engine/parts.ts),
 * loads that part (its own chunk) for this module's runs and says true; false for any other error.
 */
async function loadMissingPart(e: unknown): Promise<boolean> {
  const name = missingPart(e);
  if (!name || loaded[name]) return false;
  addParts({ [name]: await PART_CHUNKS[name]() });
  return true;
}

/** The optional engine parts this module's runs have (the workshop's runs share them). */
export const loadedParts = (): EngineParts => loaded;

/**
 * `run()` in the browser: when it stops for an optional engine part not loaded yet, loads that part
 * and runs again. Only the first knob change of a page whose scenario needs a part pays this: one
 * more request after the engine's, and a run cut short.
 */
export async function withParts<T>(run: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await run();
    } catch (e) {
      if (!(await loadMissingPart(e))) throw e;
    }
  }
}

/**
 * Runs a scenario; throws only when the run needs an optional engine part nobody provided (see
 * withParts), never for a bad scenario or knob.
 */
export function runLab(def: ScenarioDef, knobs: ScenarioKnobs = {}): LabRunResult {
  try {
    return { ok: true, trace: simulate(def, knobs, loaded) };
  } catch (e) {
    if (missingPart(e)) throw e;
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** A scenario's knob values under an enclosing lab's preset: what a link's missing knobs mean. */
export function baseKnobs(def: ScenarioDef, preset: ScenarioKnobs): Knobs {
  return overlay(scenarioKnobs(def), preset);
}

/**
 * A run as the islands need it: the lab view, the knobs it ran with, the engine knobs applied and
 * `losable`, the "lose segment" choices ("#5 B→A FIN").
 */
export type LabRunView =
  | { ok: true; scenario: string; trace: Trace; view: LabView; base: Knobs; knobs: Knobs; applied: ScenarioKnobs; losable: string[] }
  | { ok: false; message: string };

/**
 * What each "lose segment #n" choice would lose. Losing #n leaves segments 1…n as they are in the
 * run that loses nothing, so the names come from that run (not from the shown one, whose own loss
 * already changed what follows it).
 */
export function losableSegments(def: ScenarioDef, applied: ScenarioKnobs, shown: LabView, drop: number): string[] {
  let intact = shown;
  if (drop !== 0) {
    const r = runLab(def, { ...applied, drop: 0 });
    if (r.ok) intact = viewOfTrace(r.trace);
  }
  return intact.segments.map((s) => `#${s.id} ${s.from === 'A' ? 'A→B' : 'B→A'} ${flagNotation(s.flags)}`);
}

/** A lab's run without its "lose segment" choices (losableSegments), which a lab may list in a task of its own. */
export type ShownRun = Exclude<LabRunView, { ok: true }> | Omit<Extract<LabRunView, { ok: true }>, 'losable'>;

/** The knobs a lab runs with: the scenario's own (`base`), the reader's (`knobs`) and the engine knobs applied. */
function applyWanted(def: ScenarioDef, preset: ScenarioKnobs, wanted: Knobs | null) {
  const base = baseKnobs(def, preset);
  const knobs = wanted ?? base;
  return { base, knobs, applied: { ...preset, ...toScenarioKnobs(knobs, base) } };
}

/** runForLab without the "lose segment" choices: the run with a lose-segment knob set runs once, not twice. */
export function runShown(def: ScenarioDef, preset: ScenarioKnobs, wanted: Knobs | null): ShownRun {
  const { base, knobs, applied } = applyWanted(def, preset, wanted);
  const r = runLab(def, applied);
  return r.ok ? { ok: true, scenario: def.id, trace: r.trace, view: viewOfTrace(r.trace), base, knobs, applied } : r;
}

/** runShown, loading first any optional engine part the run needs (withParts). */
export const runLoaded = (def: ScenarioDef, preset: ScenarioKnobs, wanted: Knobs | null): Promise<ShownRun> => withParts(() => runShown(def, preset, wanted));

/** losableSegments, loading first any optional engine part its run needs (withParts). */
export const losableLoaded = (def: ScenarioDef, applied: ScenarioKnobs, shown: LabView, drop: number): Promise<string[]> =>
  withParts(() => losableSegments(def, applied, shown, drop));

/**
 * Runs a scenario with an enclosing lab's `preset` and the reader's `wanted` knobs (null: none
 * changed). Islands import this module lazily, so the engine loads only when a reader changes
 * something; at build time the wrappers call it directly for the first picture.
 */
export function runForLab(def: ScenarioDef, preset: ScenarioKnobs, wanted: Knobs | null): LabRunView {
  const r = runShown(def, preset, wanted);
  return r.ok ? { ...r, losable: losableSegments(def, r.applied, r.view, r.knobs.drop) } : r;
}

/**
 * A scenario's definition for a run the page did not prepare (a link naming another scenario, a
 * capture export); loads the scenario list once. Null for an id that is not a scenario (links
 * are untrusted input). The id is checked after the list has loaded, not before: the id list in
 * the knob-change chunk cost 0.18 KB gz of the lab budget on every lab page, for links that name
 * no scenario (and lab-hash.ts already turns away ids that are not kebab-case words).
 */
export async function loadScenario(id: string): Promise<ScenarioDef | null> {
  const { getScenario, isScenarioId } = await import('../../engine/scenarios.ts');
  return isScenarioId(id) ? getScenario(id) : null;
}
