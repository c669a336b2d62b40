/**
 * The one place that knows how the engine wants its options. The labs speak `Knobs`
 * (knobs.ts); this turns them into the engine's ScenarioKnobs and catches what a run may throw,
 * so a bad combination shows a message instead of breaking the page.
 */
import { isScenarioId, runScenario } from '../../engine/index.ts';
import type { ScenarioKnobs, Trace } from '../../engine/types.ts';
import { DEFAULT_KNOBS, KNOB_IDS, knobToString, type KnobId, type Knobs, type ProfileId } from './knobs.ts';

/** A run, or why there is none. */
export type LabRunResult = { ok: true; trace: Trace } | { ok: false; message: string };

/** Knob values a trace was run with, as the lab's controls show them (scenario defaults included). */
export function knobsOfTrace(trace: Trace): Knobs {
  const k = trace.knobs;
  return {
    drop: k.drop ?? 0,
    closer: k.closer ?? DEFAULT_KNOBS.closer,
    closeDelay: k.closeDelayMs ?? DEFAULT_KNOBS.closeDelay,
    isn: k.isn === 'random' ? (k.seed ?? trace.seed) >>> 0 : 'fixed',
    profile: (trace.profile ?? k.profile ?? DEFAULT_KNOBS.profile) as ProfileId,
    simultaneous: k.simultaneous ?? false,
    mslMs: k.mslMs ?? 0,
    rfc1337: k.rfc1337 ?? false,
  };
}

/**
 * Engine knobs for what the reader changed: only knobs that differ from `base` (the scenario's
 * own run) are passed, so an untouched control never overrides a scenario's default.
 */
export function toScenarioKnobs(k: Knobs, base: Knobs): ScenarioKnobs {
  const out: ScenarioKnobs = {};
  const differs = (id: KnobId) => knobToString(id, k) !== knobToString(id, base);
  for (const id of KNOB_IDS) {
    if (!differs(id)) continue;
    switch (id) {
      case 'drop':
        if (k.drop > 0) out.drop = k.drop;
        break;
      case 'closer':
        out.closer = k.closer;
        break;
      case 'close-delay':
        out.closeDelayMs = k.closeDelay;
        break;
      case 'isn':
        if (k.isn === 'fixed') out.isn = 'fixed';
        else {
          out.isn = 'random';
          out.seed = k.isn;
        }
        break;
      case 'profile':
        out.profile = k.profile;
        break;
      case 'simultaneous':
        out.simultaneous = k.simultaneous;
        break;
      case 'msl':
        if (k.mslMs > 0) out.mslMs = k.mslMs;
        break;
      case 'rfc1337':
        out.rfc1337 = k.rfc1337;
        break;
    }
  }
  return out;
}

/** Runs a scenario; never throws. */
export function runLab(scenario: string, knobs: ScenarioKnobs = {}): LabRunResult {
  if (!isScenarioId(scenario)) return { ok: false, message: `unknown scenario "${scenario}"` };
  try {
    return { ok: true, trace: runScenario(scenario, knobs) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Whether a link's scenario id may be run (links are untrusted input). */
export function knownScenario(id: string): boolean {
  return isScenarioId(id);
}
