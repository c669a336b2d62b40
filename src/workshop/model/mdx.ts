/**
 * A workshop scenario in a chapter: "copy as MDX" gives a contributor (`mdxTag` in url.ts)
 *
 *   <SequenceLab workshop="w=2;p=linux.linux;…;h=1a2b3c4d" title="…" />
 *
 * and SequenceLab.astro runs it at build time through `labFromWorkshop`. The link's fingerprint
 * (`h`) is the run the contributor saw and wrote the chapter's text about: when the engine later
 * runs the scenario differently, the build stops and says so, instead of the chapter silently
 * describing another run.
 */
import type { ScenarioDef, ScenarioKnobs } from '../../engine/types.ts';
import { runWorkshop } from './run.ts';
import { problemText, toEngine } from './scenario.ts';
import { decodeErrorText, decodeScenario } from './url.ts';

/** The id a workshop scenario's lab runs under (it is not a built-in scenario). */
export const WORKSHOP_SCENARIO_ID = 'workshop';

/** A chapter's `workshop="…"` as the lab's definition and engine knobs, or why it cannot be one. */
export function labFromWorkshop(link: string): { ok: true; def: ScenarioDef; knobs: ScenarioKnobs; fingerprint: string } | { ok: false; message: string } {
  const d = decodeScenario(link);
  if (!d.ok) return { ok: false, message: decodeErrorText(d.error) };
  const r = runWorkshop(d.scenario);
  if (!r.ok) return { ok: false, message: r.problems.map((p) => problemText(p)).join('; ') };
  if (d.fingerprint && d.fingerprint !== r.fingerprint)
    return {
      ok: false,
      message: `the engine now runs this scenario differently (fingerprint ${d.fingerprint} in the chapter, ${r.fingerprint} today): check the chapter's text against the run in the workshop, then update h=`,
    };
  const { def, knobs } = toEngine(d.scenario);
  return { ok: true, def: { ...def, id: WORKSHOP_SCENARIO_ID }, knobs, fingerprint: r.fingerprint };
}
