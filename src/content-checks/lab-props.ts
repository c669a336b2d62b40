/**
 * Checks the props of the labs a chapter embeds (ARCHITECTURE.md, "Components a chapter may use"),
 * so a typo in a scenario id, a knob name or a step fails the content checks at `file:line`, with
 * the closest valid value and the list of valid ones, instead of failing the build later on the
 * page with a stack trace.
 *
 * The valid values come from where the labs take them: the engine's scenario ids, the labs' knob
 * list, and the engine's own run of the scenario for the step ranges.
 */
import { ALL_PARTS, getScenario, isScenarioId, SCENARIO_IDS } from '../engine/index.ts';
import { KNOB_IDS, parseKnobList } from '../labs/view/knobs.ts';
import { addParts, runForLab, runLab } from '../labs/view/engine-adapter.ts';
import { inspectorPackets } from '../labs/view/inspector-packets.ts';
import type { ScenarioId } from '../engine/types.ts';

addParts(ALL_PARTS);
import { jsxTags, propText, type PropValue } from './mdx-source.ts';
import { unknownValue } from './suggest.ts';
import { labFromWorkshop } from '../workshop/model/mdx.ts';

/** A wrong lab prop; `line` is the line of the prop (or of the tag when the prop is missing). */
export interface LabPropIssue {
  file: string;
  line: number;
  message: string;
}

/** A whole number ≥ 0 written as `{n}` (or "n"), else null. */
function wholeNumber(p: PropValue | undefined): number | null {
  const t = propText(p);
  return t !== null && /^\d+$/.test(t) ? Number(t) : null;
}

/** Number of lab steps of a scenario's run (0 = before anything happens), cached per scenario. */
const stepCounts = new Map<ScenarioId, number>();
function labSteps(id: ScenarioId): number {
  let n = stepCounts.get(id);
  if (n === undefined) {
    const run = runForLab(getScenario(id), {}, null);
    n = run.ok ? run.view.steps.length : 0;
    stepCounts.set(id, n);
  }
  return n;
}

/** Number of segments on the wire in a scenario's run, cached per scenario. */
const segmentCounts = new Map<ScenarioId, number>();
function wireSegments(id: ScenarioId): number {
  let n = segmentCounts.get(id);
  if (n === undefined) {
    const run = runLab(getScenario(id));
    n = run.ok ? inspectorPackets(run.trace).length : 0;
    segmentCounts.set(id, n);
  }
  return n;
}

/** Which props each lab takes: whether `scenario` is required and what `step` counts. */
const LABS: Record<string, { scenario: 'required' | 'optional'; step?: (id: ScenarioId) => { count: number; what: string } }> = {
  SequenceLab: { scenario: 'required', step: (id) => ({ count: labSteps(id), what: 'lab steps (0 = before anything happens)' }) },
  SegmentInspector: { scenario: 'required', step: (id) => ({ count: wireSegments(id), what: 'segments on the wire (0 = the first SYN)' }) },
  CaptureLab: { scenario: 'optional' },
};

/** Every wrong lab prop in one chapter. */
export function checkLabProps(file: string, source: string): LabPropIssue[] {
  const issues: LabPropIssue[] = [];
  for (const tag of jsxTags(source, Object.keys(LABS))) {
    const rule = LABS[tag.name];
    const a = tag.attributes;
    if (!rule || 'error' in a) continue; // a malformed tag: the build's MDX error names it
    const at = (prop: string): number => a.lines[prop] ?? tag.line;
    const issue = (prop: string, message: string): void => void issues.push({ file, line: at(prop), message: `<${tag.name}> ${message}` });
    const scenario = propText(a.props.scenario);
    let id: ScenarioId | null = null;
    // A scenario built in the workshop ("copy as MDX"): its link must run, as the run it was copied from.
    const workshop = tag.name === 'SequenceLab' && a.props.workshop ? propText(a.props.workshop) : null;
    if (tag.name === 'SequenceLab' && a.props.workshop) {
      if (workshop === null) issue('workshop', 'workshop must be a string: the link "copy as MDX" gives, workshop="w=2;…"');
      else {
        const r = labFromWorkshop(workshop);
        if (!r.ok) issue('workshop', `workshop="…": ${r.message}`);
      }
      if (scenario !== null) issue('scenario', 'give either scenario="…" or workshop="…", not both');
    } else if (scenario === null) {
      if (rule.scenario === 'required') issue('scenario', `needs scenario="…". Valid: ${SCENARIO_IDS.join(', ')}`);
    } else if (isScenarioId(scenario)) id = scenario;
    else issue('scenario', unknownValue('scenario', scenario, SCENARIO_IDS));

    if (tag.name === 'SequenceLab' && a.props.knobs) {
      const knobs = propText(a.props.knobs);
      if (knobs === null) issue('knobs', 'knobs must be a string such as knobs="drop,closer"');
      else for (const k of parseKnobList(knobs).unknown) issue('knobs', unknownValue('knob', k, KNOB_IDS));
    }

    if (rule.step && a.props.step) {
      const step = wholeNumber(a.props.step);
      if (step === null) issue('step', `step must be a whole number ≥ 0, written step={3}`);
      else if (id) {
        const { count, what } = rule.step(id);
        if (step >= count) issue('step', `step={${step}} is past the end: scenario "${id}" has ${count} ${what}, so step is 0 to ${count - 1}`);
      }
    }
  }
  return issues;
}

/** `file:line: message`. */
export function formatLabPropIssue(i: LabPropIssue): string {
  return `${i.file}:${i.line}: ${i.message}`;
}
