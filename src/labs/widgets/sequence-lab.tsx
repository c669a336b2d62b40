/** @jsxImportSource preact */
// @labRender: in the browser this JSX is drawn by ../client/lab-render.ts, not by Preact (sequence-lab-host.tsx).
/**
 * The sequence lab: a scenario's run as a two-lane sequence diagram the reader steps through,
 * with a sentence per step, both sides' variables and the chapter's knobs. Server-rendered it
 * shows the whole run (diagram + table) for readers without JS, print and search.
 */
import { LabComponent, createRef } from '../client/lab-render.ts';
import { fmt } from '../view/explain.ts';
import { flushHash, isOwnHash, writeHashSoon } from '../client/hash-writer.ts';
import { publish } from '../client/lab-bus.ts';
import { followLabBus } from '../client/state-diagram-live.ts';
import { parseLabHash, serializeLabHash } from '../view/lab-hash.ts';
import { parseKnobList, sameKnobs, type Knobs } from '../view/knobs.ts';
import { clampStep, type LabView } from '../view/trace-view.ts';
import { KnobBox } from './knob-panel.tsx';
import { LabError, LabHeading, MoreControls, SPEEDS, StepBar, StepSentence } from './sequence-controls.tsx';
import { SequenceDiagram, keepStepInView } from './sequence-diagram.tsx';
import { TraceTable, VarsTable } from './sequence-tables.tsx';
import { initialState, isTyping, keyStep, labTitle, positionAt, rerunInTasks, scenarioDef, workshopHref } from './sequence-lab-state.ts';
import type { LabState, SequenceLabProps } from './sequence-lab-state.ts';

export type { SequenceLabProps };

/**
 * The lab. All state lives here; the parts are drawn by the components beside it, from the pure
 * helpers in ../view.
 * A class drawn by lab-render.ts in the browser (not Preact: the 25 KB lab budget, see there), and by
 * preact-render-to-string at build time. A Preact tree shows it through sequence-lab-host.tsx.
 */
export default class SequenceLab extends LabComponent<SequenceLabProps, LabState> {
  /** Whether the reader has done something (only then does the lab write its link into the URL). */
  touched = false;
  sentence = createRef<HTMLParagraphElement>();
  timer: ReturnType<typeof setTimeout> | undefined;
  // A hashchange that echoes the lab's own link (hash-writer.ts) is no news.
  onHash = (): void => void (isOwnHash() || this.fromHash());
  /** Counts re-runs: only the latest one may show its result (an older one can finish after it). */
  runs = 0;

  constructor(props: SequenceLabProps) {
    super(props);
    this.state = initialState(props);
  }

  view(): LabView | null {
    return this.props.replay?.view ?? this.state.ranView;
  }

  /** Re-runs the engine (loaded on first use) and shows the result; keeps the last good run on failure. */
  rerun(sc: string, wanted: Knobs | null, atStep: (v: LabView) => number): Promise<boolean> {
    const n = ++this.runs;
    return rerunInTasks(this.props, sc, wanted, () => n === this.runs, {
      error: (message) => this.setState({ error: message }),
      show: (r) => this.setState({ error: null, scenario: sc, base: r.base, knobs: r.knobs, applied: r.applied, ranView: r.view, step: atStep(r.view) }),
      list: (losable) => this.setState({ losable }),
    });
  }

  /** Applies the URL hash if it names this lab; false when it does not. */
  fromHash(): boolean {
    const { id, scenario: own } = this.props;
    const { base, scenario } = this.state;
    const view = this.view();
    // A link lists only the knobs that differ from its scenario's own values.
    const p = parseLabHash(location.hash, id, own, base);
    if (!p) return false;
    const l = p.link;
    this.setState({ absolute: l.absolute });
    if (l.scenario === scenario) {
      // Compared with the knobs of the run on screen, not the scenario's own: after a link with
      // other knobs (say drop=1), going back to one without them must re-run the plain scenario.
      if (sameKnobs(l.knobs, this.state.knobs) && view) this.setState({ step: clampStep(view, l.step) });
      else void this.rerun(scenario, l.knobs, (v) => clampStep(v, l.step));
    } else {
      void Promise.all([import('../view/engine-adapter.ts'), scenarioDef(this.props, l.scenario)]).then(([{ baseKnobs }, def]) => {
        if (!def) return;
        const again = parseLabHash(location.hash, id, own, baseKnobs(def, this.props.engineKnobs ?? {}));
        if (again) void this.rerun(l.scenario, again.link.knobs, (v) => clampStep(v, l.step));
      });
    }
    return true;
  }

  // Hydrated: start at the chapter's step (or the beginning), unless the URL names a step.
  componentDidMount(): void {
    followLabBus(document); // the page's state diagrams follow the labs from now on (static until a lab woke up)
    // A replay (a capture's connection, the workshop's run) goes live in a task after its first paint: drawing it and moving the state diagram are two tasks.
    if (this.props.replay) return void requestAnimationFrame(() => (this.timer = setTimeout(() => this.setState({ live: true, step: 0 }), 0)));
    this.setState({ live: true });
    const view = this.view();
    if (!this.fromHash()) this.setState({ step: view ? clampStep(view, this.props.step ?? 0) : 0 });
    addEventListener('hashchange', this.onHash);
  }

  componentWillUnmount(): void {
    removeEventListener('hashchange', this.onHash);
    clearTimeout(this.timer);
  }

  componentDidUpdate(prev: SequenceLabProps, was: LabState): void {
    const { id, replay, strings: S } = this.props;
    const { step, live, absolute, knobs, scenario, base, playing, speed, applied, ranView } = this.state;
    const view = this.view();
    if (!view || !live) return;
    const fed = prev.replay?.view !== replay?.view; // a new run given in place (the workshop's edits): start it at step 0
    if (fed && step !== 0) return this.setState({ step: 0, playing: false });
    const last = view.steps.length - 1;
    const moved = step !== was.step || !was.live;
    // Tell the state diagram (and the capture lab) where we are.
    const pos = moved || fed || ranView !== was.ranView ? positionAt(id, view, step, S) : null;
    if (pos) {
      publish('position', pos);
      // Only a lab the reader used: one that merely scrolled past must not replace it.
      if (!replay && this.touched) publish('run', { source: id, title: this.title(), scenario, knobs: applied });
    }
    // Keep the link in the address bar once the reader has done something (written after the step: hash-writer.ts).
    if (this.touched && !replay && (moved || absolute !== was.absolute || knobs !== was.knobs || scenario !== was.scenario))
      writeHashSoon(serializeLabHash({ lab: id, scenario, step, absolute, knobs }, base));
    // Play: one step per tick until the end.
    if (playing !== was.playing || moved || fed || speed !== was.speed || ranView !== was.ranView) {
      clearTimeout(this.timer);
      if (playing) {
        if (step >= last) this.setState({ playing: false });
        else this.timer = setTimeout(() => this.setState((s) => ({ step: Math.min(s.step + 1, last) })), SPEEDS[speed]);
      }
    }
    // Once the reader steps, the step comes on screen (sequence-diagram.tsx), measured in a task after the frame that drew it.
    const [el, root] = [this.sentence.current, this.base as HTMLElement | undefined];
    if (el && root && moved && this.touched) requestAnimationFrame(() => setTimeout(() => keepStepInView(root, el), 0));
  }

  title = (): string => labTitle(this.props, this.state);

  go(n: number): void {
    const view = this.view();
    if (!view) return;
    this.touched = true;
    this.setState({ step: clampStep(view, n) });
  }

  onKey = (e: KeyboardEvent): void => {
    const n = isTyping(e.target) ? null : keyStep(e.key, this.state.step, (this.view()?.steps.length ?? 1) - 1);
    if (n === null) return;
    e.preventDefault();
    this.setState({ playing: false });
    this.go(n);
  };

  play = (): void => {
    const { playing, step } = this.state;
    const last = (this.view()?.steps.length ?? 1) - 1;
    this.touched = true;
    this.setState({ playing: !playing, ...(!playing && step >= last ? { step: 0 } : {}) });
  };

  changeKnobs = (next: Knobs): void => {
    const S = this.props.strings;
    this.touched = true;
    // The controls show the new values at once, so a second change made before this run ends builds on them.
    this.setState({ playing: false, knobs: next });
    void this.rerun(this.state.scenario, next, (v) => clampStep(v, this.state.step)).then((ok) => ok && this.setState({ note: fmt(S, 'labs.knob.rerun') }));
  };

  copyLink = async (): Promise<void> => {
    const { scenario, step, absolute, knobs, base } = this.state;
    this.touched = true;
    flushHash(serializeLabHash({ lab: this.props.id, scenario, step, absolute, knobs }, base));
    try {
      await navigator.clipboard.writeText(location.href);
      this.setState({ linkNote: fmt(this.props.strings, 'labs.ctl.linkCopied') });
    } catch {
      this.setState({ linkNote: fmt(this.props.strings, 'labs.ctl.linkInAddressBar') });
    }
  };

  render(props: SequenceLabProps, state: LabState) {
    const { id, strings: S, replay } = props;
    const { knobs, error, step, live, absolute, playing, speed, note, linkNote } = state;
    const view = this.view();
    if (!view) {
      return (
        <section class="lab seq-lab" id={id} data-pagefind-ignore>
          <LabError strings={S} message={error ?? '?'} />
        </section>
      );
    }
    const last = view.steps.length - 1;
    const shown = parseKnobList(props.knobs).knobs;
    const cur = view.steps[step] ?? view.steps[0]!;
    const relative = !absolute;
    const title = this.title();
    const tables = { view, step, relative, strings: S, limit: props.tableRows };
    return (
      <section
        class={`lab seq-lab${live ? ' is-live' : ''}`}
        id={id}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-help`}
        onKeyDown={this.onKey}
        data-pagefind-ignore
      >
        <LabHeading id={id} strings={S} title={title} />
        <StepBar strings={S} step={step} last={last} playing={playing} states={{ A: cur.A.state, B: cur.B.state }} go={(n) => this.go(n)} play={this.play} />
        {error ? <LabError strings={S} message={error} /> : null}
        <SequenceDiagram
          id={id}
          view={view}
          relative={relative}
          step={step}
          openStep={replay ? 0 : clampStep(view, props.step ?? 0)}
          title={title}
          strings={S}
        />
        <StepSentence strings={S} view={view} step={step} sentenceRef={this.sentence} />
        {!replay && shown.length > 0 ? (
          <KnobBox id={id} shown={shown} knobs={knobs} strings={S} losable={state.losable} onChange={this.changeKnobs} note={note} />
        ) : null}
        <MoreControls
          id={id}
          strings={S}
          speed={speed}
          absolute={absolute}
          copyLink={replay ? null : () => void this.copyLink()}
          linkNote={linkNote}
          workshopHref={workshopHref(props, state)}
          setSpeed={(sp) => this.setState({ speed: sp })}
          setAbsolute={(b) => {
            this.touched = true;
            this.setState({ absolute: b });
          }}
        />
        <VarsTable {...tables} />
        <TraceTable {...tables} />
      </section>
    );
  }
}
