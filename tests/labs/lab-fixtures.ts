/** Shared setup for the labs' component tests: strings in English and a first run as the wrappers compute it. */
import { en } from '../../src/i18n/en';
import { pickStrings } from '../../src/labs/view/explain.ts';
import { getScenario } from '../../src/engine/index.ts';
import { runForLab } from '../../src/labs/view/engine-adapter.ts';

/** Every labs string, English. */
export const S = pickStrings(en, ['labs.']);

/** The first run of a scenario, as SequenceLab.astro passes it. */
export function initialRun(scenario: string) {
  const r = runForLab(getScenario(scenario), {}, null);
  if (!r.ok) throw new Error(r.message);
  return { ok: true as const, view: r.view, base: r.base, losable: r.losable };
}
