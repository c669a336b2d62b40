/**
 * What the sequence lab is given and what it keeps: its props (the wrapper's contract), its state
 * and the state it starts with, and the keys that move it.
 */
import type { ScenarioDef, ScenarioKnobs, Side } from '../../engine/types.ts';
import { fmt, type Strings } from '../view/explain.ts';
import type { LabPosition } from '../client/lab-bus.ts';
import { DEFAULT_KNOBS, type Knobs } from '../view/knobs.ts';
import { clampStep, type LabView } from '../view/trace-view.ts';
import { unpackView, type PackedView } from '../view/view-pack.ts';
import { workshopHash } from '../view/workshop-link.ts';
import type { ShownRun } from '../view/engine-adapter.ts';
import { nextTask } from '../client/next-task.ts';
import type { Speed } from './sequence-controls.tsx';

export interface SequenceLabProps {
  /** DOM id and deep-link name; unique on the page. */
  id: string;
  scenario: string;
  /** Comma-separated knob ids the chapter shows (ARCHITECTURE.md). */
  knobs?: string;
  /** Step to open at (the chapter's choice); a deep link overrides it. */
  step?: number;
  /** Scenario title in the page's language. */
  title: string;
  strings: Strings;
  /** Engine knobs set by an enclosing lab (the TIME-WAIT lab's MSL and RFC 1337 switch), applied to every run. */
  engineKnobs?: ScenarioKnobs;
  /** The scenario's definition, from the build: a knob change then loads the simulator without the scenario list. */
  def?: ScenarioDef;
  /**
   * The first run, computed at build time (engine-adapter's runForLab), so the engine loads only on a
   * change; packed (view-pack.ts) in the page's props.
   */
  initial: { ok: true; view: LabView | PackedView; base: Knobs; losable?: string[] } | { ok: false; message: string };
  /** The workshop page's address: the lab links "open in workshop" there with its scenario and knobs. */
  workshop?: string;
  /** For a scenario built in the workshop: its link back there ("open in workshop" opens exactly it). */
  workshopLink?: string;
  /** A capture to show instead of a scenario (the capture lab): no knobs, no links. */
  replay?: { title: string; view: LabView } | null;
  /**
   * How many segments the trace table lists (all when absent): the capture lab adds a replay's rows
   * a few per frame. At 0 the lab draws neither table (a replay's first frame).
   */
  tableRows?: number;
}

export function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'SELECT' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
}

export interface LabState {
  scenario: string;
  base: Knobs;
  knobs: Knobs;
  applied: ScenarioKnobs;
  ranView: LabView | null;
  /** The "lose segment" choices for this run's knobs (engine-adapter's losableSegments). */
  losable: string[];
  error: string | null;
  step: number;
  live: boolean;
  absolute: boolean;
  playing: boolean;
  speed: Speed;
  /** What the last knob change did, shown under the knobs. */
  note: string;
  /** What the link button did, shown beside it. */
  linkNote: string;
}

/** The state before hydration: the build's run at the chapter's step (the whole run when none), nothing touched. */
export function initialState(props: SequenceLabProps): LabState {
  const { initial } = props;
  const ranView = initial.ok ? unpackView(initial.view) : null;
  const view = props.replay?.view ?? ranView;
  const base = initial.ok ? initial.base : DEFAULT_KNOBS;
  return {
    scenario: props.scenario,
    base,
    knobs: base,
    applied: props.engineKnobs ?? {},
    ranView,
    losable: (initial.ok && initial.losable) || [],
    error: initial.ok ? null : initial.message,
    step: view ? clampStep(view, props.step ?? view.steps.length - 1) : 0,
    live: false,
    absolute: false,
    playing: false,
    speed: 'normal',
    note: '',
    linkNote: '',
  };
}

/** The step a key moves to (arrows one step, Home and End to either end), or null for any other key. */
export function keyStep(key: string, step: number, last: number): number | null {
  const to: Record<string, number> = { ArrowRight: step + 1, ArrowDown: step + 1, ArrowLeft: step - 1, ArrowUp: step - 1, Home: 0, End: last };
  return to[key] ?? null;
}

/** The title of what is shown: a replayed capture's, else the scenario's, or who closes first once the reader changed that. */
export function labTitle(props: SequenceLabProps, state: LabState): string {
  if (props.replay) return props.replay.title;
  return state.knobs.closer !== state.base.closer ? fmt(props.strings, `labs.seq.closer.${state.knobs.closer}`) : props.title;
}

/** Where both endpoints are at `step`, as the state diagram reads it from the lab bus. */
export function positionAt(id: string, view: LabView, step: number, S: Strings): LabPosition | null {
  const st = view.steps[step];
  // A capture replay may not know a state (null): the diagram then keeps its last position.
  const [a, b] = [st?.A.state, st?.B.state];
  if (!st || !a || !b) return null;
  const pos = (side: Side) => ({
    state: side === 'A' ? a : b,
    from: st.last[side]?.from ?? null,
    changed: !!st.changed[side],
    name: fmt(S, `labs.lane.${side}`),
  });
  return { source: id, a: pos('A'), b: pos('B') };
}

/** "Open in workshop": the workshop page with this lab's scenario and the engine knobs of the run on screen; null for a replay. */
export const workshopHref = (props: SequenceLabProps, state: LabState): string | null =>
  props.replay || !props.workshop ? null : (props.workshopLink ?? props.workshop + workshopHash(state.scenario, state.applied));

/** The definition of scenario `sc`: the lab's own from the build, any other loaded when a link names it. */
export async function scenarioDef(props: SequenceLabProps, sc: string): Promise<ScenarioDef | null> {
  if (props.def && sc === props.scenario) return props.def;
  const { loadScenario } = await import('../view/engine-adapter.ts');
  return loadScenario(sc);
}

/** What rerunInTasks hands the lab, each in a task of its own. */
export interface RerunSteps {
  error(message: string): void;
  show(run: Extract<ShownRun, { ok: true }>): void;
  list(losable: string[]): void;
}

/**
 * Runs scenario `sc` with the reader's `wanted` knobs for the lab of `props`, spread over tasks:
 * loading the engine, the run (with any optional engine part it loads), drawing it (`show`) and the "lose segment" choices (`list`) each
 * take one of their own, since in one task they took over 50 ms on a phone's CPU (the first knob
 * change). Stops once `current()` is false (a newer run replaced this one); resolves to whether
 * the run was shown.
 */
export async function rerunInTasks(props: SequenceLabProps, sc: string, wanted: Knobs | null, current: () => boolean, to: RerunSteps): Promise<boolean> {
  const [{ runLoaded, losableLoaded }, def] = await Promise.all([import('../view/engine-adapter.ts'), scenarioDef(props, sc)]);
  await nextTask();
  if (!def || !current()) return false;
  const r = await runLoaded(def, props.engineKnobs ?? {}, wanted);
  if (!r.ok) {
    to.error(r.message);
    return false;
  }
  await nextTask();
  if (!current()) return false;
  to.show(r);
  await nextTask();
  const losable = await losableLoaded(def, r.applied, r.view, r.knobs.drop);
  if (current()) to.list(losable);
  return true;
}
