/** @jsxImportSource preact */
/**
 * The sequence lab: a scenario's run as a two-lane sequence diagram the reader steps through,
 * with a sentence per step, both sides' variables and the chapter's knobs. Server-rendered it
 * shows the whole run (diagram + table) for readers without JS, print and search.
 */
import { Component, createRef } from 'preact';
import type { ScenarioDef, ScenarioKnobs, Side } from '../../engine/types.ts';
import { fmt, formatTime, stepSentence, type Strings } from '../view/explain.ts';
import { publish } from '../client/lab-bus.ts';
import { followLabBus } from '../client/state-diagram-live.ts';
import { parseLabHash, serializeLabHash } from '../view/lab-hash.ts';
import type { KnobRow } from '../../engine/knobs.ts';
import { DEFAULT_KNOBS, knobChoices, knobRow, knobValue, parseKnobList, sameKnobs, type KnobId, type Knobs } from '../view/knobs.ts';
import { arrowsAt, diagramHeight, rowY, SEQ, stateMarks } from '../view/sequence-layout.ts';
import { bases, clampStep, segmentLabel, showNumber, type LabView, type SideView } from '../view/trace-view.ts';

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
  /** The first run, computed at build time (engine-adapter's runForLab), so the engine loads only on a change. */
  initial: { ok: true; view: LabView; base: Knobs; losable?: string[] } | { ok: false; message: string };
  /** A capture to show instead of a scenario (the capture lab): no knobs, no links. */
  replay?: { title: string; view: LabView } | null;
}

const SPEEDS = { slow: 1800, normal: 1000, fast: 450 } as const;
type Speed = keyof typeof SPEEDS;

const VARS = [
  ['sndUna', 'SND.UNA'],
  ['sndNxt', 'SND.NXT'],
  ['rcvNxt', 'RCV.NXT'],
] as const;

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'SELECT' || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
}

interface LabState {
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
  note: string;
}

/**
 * The lab. All state lives here; drawing and wording come from the pure helpers in ./lib.
 * A class component, not hooks: it is the only component on most lab pages, and without hooks the
 * page does not load preact/hooks (measured 0.9 KB gz of the 25 KB lab budget).
 */
export default class SequenceLab extends Component<SequenceLabProps, LabState> {
  /** Whether the reader has done something (only then does the lab write its link into the URL). */
  touched = false;
  scroller = createRef<HTMLDivElement>();
  timer: ReturnType<typeof setTimeout> | undefined;
  onHash = (): void => void this.fromHash();

  constructor(props: SequenceLabProps) {
    super(props);
    const { initial } = props;
    const ranView = initial.ok ? initial.view : null;
    const view = props.replay?.view ?? ranView;
    const base = initial.ok ? initial.base : DEFAULT_KNOBS;
    this.state = {
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
    };
  }

  view(): LabView | null {
    return this.props.replay?.view ?? this.state.ranView;
  }

  /** The definition of `sc`: the page's own from the build, any other loaded when a link names it. */
  async scenarioDef(sc: string): Promise<ScenarioDef | null> {
    const { def, scenario } = this.props;
    if (def && sc === scenario) return def;
    const { loadScenario } = await import('../view/engine-adapter.ts');
    return loadScenario(sc);
  }

  /** Re-runs the engine (loaded on first use) and shows the result; keeps the last good run on failure. */
  async rerun(sc: string, wanted: Knobs | null, atStep: (v: LabView) => number): Promise<boolean> {
    const [{ runForLab }, def] = await Promise.all([import('../view/engine-adapter.ts'), this.scenarioDef(sc)]);
    if (!def) return false;
    const r = runForLab(def, this.props.engineKnobs ?? {}, wanted);
    if (!r.ok) {
      this.setState({ error: r.message });
      return false;
    }
    this.setState({ error: null, scenario: sc, base: r.base, knobs: r.knobs, applied: r.applied, ranView: r.view, losable: r.losable, step: atStep(r.view) });
    return true;
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
      void Promise.all([import('../view/engine-adapter.ts'), this.scenarioDef(l.scenario)]).then(([{ baseKnobs }, def]) => {
        if (!def) return;
        const again = parseLabHash(location.hash, id, own, baseKnobs(def, this.props.engineKnobs ?? {}));
        if (again) void this.rerun(l.scenario, again.link.knobs, (v) => clampStep(v, l.step));
      });
    }
    return true;
  }

  // Hydrated: start at the chapter's step (or the beginning), unless the URL names a step.
  componentDidMount(): void {
    // The page's state diagrams follow the labs from now on (they were static until a lab woke up).
    followLabBus(document);
    this.setState({ live: true });
    if (this.props.replay) {
      this.setState({ step: 0 });
      return;
    }
    const view = this.view();
    if (!this.fromHash()) this.setState({ step: view ? clampStep(view, this.props.step ?? 0) : 0 });
    addEventListener('hashchange', this.onHash);
  }

  componentWillUnmount(): void {
    removeEventListener('hashchange', this.onHash);
    clearTimeout(this.timer);
  }

  componentDidUpdate(_: SequenceLabProps, was: LabState): void {
    const { id, replay, strings: S } = this.props;
    const { step, live, absolute, knobs, scenario, base, playing, speed, applied, ranView } = this.state;
    const view = this.view();
    if (!view || !live) return;
    const last = view.steps.length - 1;
    const moved = step !== was.step || !was.live;
    // Tell the state diagram (and the capture lab) where we are.
    if (moved || ranView !== was.ranView) {
      const st = view.steps[step];
      // A capture replay may not know a state (null): the diagram then keeps its last position.
      const a = st?.A.state;
      const b = st?.B.state;
      if (st && a && b) {
        const pos = (side: Side) => ({
          state: side === 'A' ? a : b,
          from: st.last[side]?.from ?? null,
          changed: !!st.changed[side],
          name: fmt(S, `labs.lane.${side}`),
        });
        publish('position', { source: id, a: pos('A'), b: pos('B') });
        // Only a lab the reader used: one that merely scrolled past must not replace it.
        if (!replay && this.touched) publish('run', { source: id, title: this.title(), scenario, knobs: applied });
      }
    }
    // Keep the link in the address bar once the reader has done something.
    if (this.touched && !replay && (moved || absolute !== was.absolute || knobs !== was.knobs || scenario !== was.scenario)) {
      const hash = serializeLabHash({ lab: id, scenario, step, absolute, knobs }, base);
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    }
    // Play: one step per tick until the end.
    if (playing !== was.playing || moved || speed !== was.speed || ranView !== was.ranView) {
      clearTimeout(this.timer);
      if (playing) {
        if (step >= last) this.setState({ playing: false });
        else this.timer = setTimeout(() => this.setState((s) => ({ step: Math.min(s.step + 1, last) })), SPEEDS[speed]);
      }
    }
    // Keep the current row in view inside the diagram's own scroll box (never scroll the page).
    // Reading scrollTop here, right after Preact's DOM writes, lays the step out inside this task;
    // that is the step's only layout (the frame then has none), not an extra one, and it splits a
    // step into two shorter tasks. Deferring the read to requestAnimationFrame was measured (4x CPU,
    // Lighthouse mobile): the frame then carried layout + paint and became the longest task.
    const el = this.scroller.current;
    if (el && moved) {
      const y = rowY(step);
      if (y < el.scrollTop + 40 || y > el.scrollTop + el.clientHeight - 40) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    }
  }

  /** The title of what is shown: a replayed capture's, else the scenario's, or who closes first once the reader changed that. */
  title(): string {
    const { replay, title, strings: S } = this.props;
    const { knobs, base } = this.state;
    if (replay) return replay.title;
    return knobs.closer !== base.closer ? fmt(S, `labs.seq.closer.${knobs.closer}`) : title;
  }

  render(props: SequenceLabProps, state: LabState) {
    const { id, strings: S, replay } = props;
    const { scenario, base, knobs, error, step, live, absolute, playing, speed, note } = state;
    const view = this.view();
    const last = view ? view.steps.length - 1 : 0;
    const shown = parseKnobList(props.knobs).knobs;
    const setStep = (n: number) => this.setState({ step: n });
    const setPlaying = (b: boolean) => this.setState({ playing: b });
    const setNote = (t: string) => this.setState({ note: t });
    const setAbsolute = (b: boolean) => this.setState({ absolute: b });
    const setSpeed = (sp: Speed) => this.setState({ speed: sp });
    const touch = () => {
      this.touched = true;
    };

    if (!view) {
      return (
        <section class="lab seq-lab" id={id} data-pagefind-ignore>
          <p class="lab-error" role="alert">{fmt(S, 'labs.error.engine', { message: error ?? '?' })}</p>
        </section>
      );
    }

    const go = (n: number) => {
      touch();
      setStep(clampStep(view, n));
    };
    const changeKnobs = (next: Knobs) => {
      touch();
      setPlaying(false);
      void this.rerun(scenario, next, (v) => clampStep(v, step)).then((ok) => ok && setNote(fmt(S, 'labs.knob.rerun')));
    };
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const keys: Record<string, () => void> = {
        ArrowRight: () => go(step + 1),
        ArrowDown: () => go(step + 1),
        ArrowLeft: () => go(step - 1),
        ArrowUp: () => go(step - 1),
        Home: () => go(0),
        End: () => go(last),
      };
      const f = keys[e.key];
      if (f) {
        e.preventDefault();
        setPlaying(false);
        f();
      }
    };
    const copyLink = async () => {
      touch();
      const hash = serializeLabHash({ lab: id, scenario, step, absolute, knobs }, base);
      history.replaceState(history.state, '', hash);
      try {
        await navigator.clipboard.writeText(location.href);
        setNote(fmt(S, 'labs.ctl.linkCopied'));
      } catch {
        setNote(fmt(S, 'labs.ctl.linkInAddressBar'));
      }
    };

    const cur = view.steps[step] ?? view.steps[0]!;
    const prev = view.steps[step - 1];
    const relative = !absolute;
    const height = diagramHeight(view);
    const arrows = arrowsAt(view, step);
    const marks = stateMarks(view, step);
    const sentence = stepSentence(S, view, cur);
    const title = this.title();
    const stepText = fmt(S, 'labs.step', { n: step, total: last });
    const diagramLabel = fmt(S, 'labs.seq.diagram', { scenario: title });
    const varCell = (side: Side, key: (typeof VARS)[number][0]) => {
      const base = key === 'rcvNxt' ? view.iss[side === 'A' ? 'B' : 'A'] : view.iss[side];
      const v = cur[side][key];
      const was = prev ? prev[side][key] : v;
      const changed = prev !== undefined && was !== v;
      return (
        <td class={changed ? 'lab-changed' : undefined}>
          {showNumber(v, base, relative)}
          {changed ? <span class="lab-was"> ▲ {fmt(S, 'labs.vars.was', { v: showNumber(was ?? null, base, relative) })}</span> : null}
        </td>
      );
    };
    const stateCell = (side: Side, sv: SideView) => {
      const ch = cur.changed[side];
      return (
        <td class={ch ? 'lab-changed' : undefined}>
          <strong>{sv.state ?? '?'}</strong>
          {ch ? <span class="lab-was"> ▲ {fmt(S, 'labs.vars.was', { v: ch.from })}</span> : null}
        </td>
      );
    };

    return (
      <section
        class={`lab seq-lab${live ? ' is-live' : ''}`}
        id={id}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-help`}
        onKeyDown={onKey}
        data-pagefind-ignore
      >
        <h3 class="lab-title" id={`${id}-title`}>{fmt(S, 'labs.seq.title', { scenario: title })}</h3>
        <p class="visually-hidden" id={`${id}-help`}>{fmt(S, 'labs.seq.region')}</p>
        <div class="lab-controls" role="group" aria-label={stepText}>
          <button type="button" onClick={() => go(0)} disabled={step === 0} aria-label={fmt(S, 'labs.ctl.reset')} title={fmt(S, 'labs.ctl.reset')}>|◀</button>
          <button type="button" onClick={() => go(step - 1)} disabled={step === 0} aria-label={fmt(S, 'labs.ctl.prev')} title={fmt(S, 'labs.ctl.prev')}>◀</button>
          <button
            type="button"
            class="lab-play"
            aria-pressed={playing}
            onClick={() => {
              touch();
              if (!playing && step >= last) setStep(0);
              setPlaying(!playing);
            }}
          >
            {playing ? `⏸ ${fmt(S, 'labs.ctl.pause')}` : `▶ ${fmt(S, 'labs.ctl.play')}`}
          </button>
          <button type="button" onClick={() => go(step + 1)} disabled={step >= last} aria-label={fmt(S, 'labs.ctl.next')} title={fmt(S, 'labs.ctl.next')}>▶</button>
          <span class="lab-step">{stepText}</span>
          <label class="lab-field">
            {fmt(S, 'labs.ctl.speed')}{' '}
            <select value={speed} onChange={(e) => setSpeed((e.currentTarget as HTMLSelectElement).value as Speed)}>
              {(Object.keys(SPEEDS) as Speed[]).map((s) => (
                <option key={s} value={s}>{fmt(S, `labs.ctl.speed.${s}`)}</option>
              ))}
            </select>
          </label>
          <fieldset class="lab-field lab-toggle">
            <legend>{fmt(S, 'labs.ctl.numbers')}</legend>
            <label>
              <input type="radio" name={`${id}-num`} checked={relative} onChange={() => { touch(); setAbsolute(false); }} /> {fmt(S, 'labs.ctl.relative')}
            </label>
            <label>
              <input type="radio" name={`${id}-num`} checked={absolute} onChange={() => { touch(); setAbsolute(true); }} /> {fmt(S, 'labs.ctl.absolute')}
            </label>
          </fieldset>
          {replay ? null : (
            <button type="button" onClick={copyLink}>{fmt(S, 'labs.ctl.link')}</button>
          )}
        </div>
        {!replay && shown.length > 0 ? <KnobPanel id={id} shown={shown} knobs={knobs} strings={S} losable={state.losable} onChange={changeKnobs} /> : null}
        {error ? <p class="lab-error" role="alert">{fmt(S, 'labs.error.engine', { message: error })}</p> : null}
        <p class="lab-sentence" aria-live="polite" aria-atomic="true">
          <span class="lab-step-inline">{stepText} · {fmt(S, 'labs.time', { t: formatTime(cur.t) })}</span> {sentence}
        </p>
        <div class="lab-scroll seq-scroll" ref={this.scroller} tabIndex={0} aria-label={diagramLabel}>
          <svg class="seq-svg" viewBox={`0 0 ${SEQ.width} ${height}`} width={SEQ.width} height={height} role="img" aria-label={diagramLabel}>
            <defs>
              <marker id={`${id}-ah`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto">
                <path d="M0 0 L10 5 L0 10 z" class="seq-ah" />
              </marker>
            </defs>
            <rect class="seq-now" x="0" y={rowY(step) - SEQ.row / 2} width={SEQ.width} height={SEQ.row} />
            <text class="seq-now-mark" x="4" y={rowY(step) + 4}>▶ {step}</text>
            {(['A', 'B'] as const).map((side) => {
              const x = side === 'A' ? SEQ.laneA : SEQ.laneB;
              return (
                <g key={side} class={`seq-lane seq-lane-${side}`}>
                  <text x={x} y="16" text-anchor="middle" class="seq-lane-name">{fmt(S, `labs.lane.${side}`)}</text>
                  <text x={x} y="34" text-anchor="middle" class="seq-lane-state">{cur[side].state ?? '?'}</text>
                  <line x1={x} y1={SEQ.top - 14} x2={x} y2={height - SEQ.bottom} />
                </g>
              );
            })}
            {marks.map((m) => (
              <text
                key={`${m.side}-${m.step}`}
                x={m.side === 'A' ? m.x - 8 : m.x + 8}
                y={m.y + 4}
                text-anchor={m.side === 'A' ? 'end' : 'start'}
                class={`seq-state${m.changed ? ' seq-state-changed' : ''}${m.current ? ' seq-state-current' : ''}`}
              >
                {m.changed ? `→ ${m.state}` : m.state}
              </text>
            ))}
            {arrows.map((a) => {
              const seg = view.segments.find((s) => s.id === a.id)!;
              const tags = [seg.retransmit ? fmt(S, 'labs.retransmit') : '', seg.origin === 'old-duplicate' ? fmt(S, 'labs.oldDuplicate') : seg.origin === 'attacker' ? fmt(S, 'labs.attacker') : seg.origin === 'other-client' ? fmt(S, 'labs.otherClient') : '']
                .filter(Boolean)
                .join(', ');
              return (
                <g key={a.id} data-from={a.from} class={`seq-arrow${a.current ? ' seq-current' : ''}${a.dropped ? ' seq-dropped' : ''}${a.partial ? ' seq-partial' : ''}`} data-seg={a.id}>
                  <line x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} marker-end={a.dropped || a.partial ? undefined : `url(#${id}-ah)`} />
                  {a.dropped ? (
                    <text x={a.x2} y={a.y2 + 5} text-anchor="middle" class="seq-cross">✕ {fmt(S, 'labs.lost')}</text>
                  ) : null}
                  <text x={a.lx} y={a.ly - 5} text-anchor="middle" transform={`rotate(${a.angle} ${a.lx} ${a.ly})`} class="seq-label">
                    {`#${seg.id} ${segmentLabel(view, seg, relative)}${tags ? ` (${tags})` : ''}`}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
        <p class="lab-note" aria-live="polite">{note}</p>
        <div class="lab-scroll" tabIndex={0} role="group" aria-label={fmt(S, 'labs.vars.title')}>
        <table class="lab-vars">
          <caption>{fmt(S, 'labs.vars.title')}</caption>
          <thead>
            <tr>
              <td></td>
              <th scope="col">{fmt(S, 'labs.lane.A')}</th>
              <th scope="col">{fmt(S, 'labs.lane.B')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{fmt(S, 'labs.vars.state')}</th>
              {stateCell('A', cur.A)}
              {stateCell('B', cur.B)}
            </tr>
            {VARS.map(([key, name]) => (
              <tr key={key}>
                <th scope="row">{name}</th>
                {varCell('A', key)}
                {varCell('B', key)}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <TraceTable view={view} step={step} relative={relative} strings={S} />
      </section>
    );
  }
}

/** Every segment of the run with both states after it: the lab's text form, and all a reader without JS gets. */
function TraceTable({ view, step, relative, strings: S }: { view: LabView; step: number; relative: boolean; strings: Strings }) {
  return (
    <div class="lab-scroll" tabIndex={0} role="group" aria-label={fmt(S, 'labs.table.caption')}>
      <table class="lab-trace">
        <caption>{fmt(S, 'labs.table.caption')}</caption>
        <thead>
          <tr>
            {['n', 'time', 'dir', 'flags', 'seq', 'ack', 'len', 'fate', 'stateA', 'stateB'].map((c) => (
              <th scope="col" key={c}>{fmt(S, `labs.table.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.segments.map((s) => {
            const end = view.steps[s.endStep ?? view.steps.length - 1] ?? view.steps[view.steps.length - 1]!;
            const b = bases(view, s.from);
            const isCur = s.sendStep === step || s.endStep === step;
            const fate = s.fate === 'dropped' ? `✕ ${fmt(S, 'labs.lost')}` : s.fate === 'delivered' ? fmt(S, 'labs.table.delivered') : fmt(S, 'labs.table.inFlight');
            return (
              <tr key={s.id} class={isCur ? 'lab-row-current' : undefined} aria-current={isCur ? 'step' : undefined}>
                <td><span class="lab-cur-mark" aria-hidden={isCur ? undefined : 'true'}>▶ </span>{s.id}</td>
                <td>{formatTime(view.steps[s.sendStep]?.t ?? 0)}</td>
                <td>{s.from === 'A' ? 'A → B' : 'B → A'}</td>
                <td>{s.flags.join(', ') || '—'}</td>
                <td>{showNumber(s.seq, b.seq, relative)}</td>
                <td>{showNumber(s.ack, b.ack, relative)}</td>
                <td>{s.len}</td>
                <td>{fate}</td>
                <td>{end.A.state ?? '?'}</td>
                <td>{end.B.state ?? '?'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The chapter's knobs; each change re-runs the engine in the browser. */
function KnobPanel(p: { id: string; shown: KnobId[]; knobs: Knobs; strings: Strings; losable: string[]; onChange: (k: Knobs) => void }) {
  const { id, knobs: k, strings: S, onChange } = p;
  const set = (patch: Partial<Knobs>) => onChange({ ...k, ...patch });
  /** A labelled select of [value, text] options; `pick` turns the chosen value into the knob change. */
  const select = (kid: KnobId, label: string, value: string | number, options: Array<[string | number, string]>, pick: (v: string) => Partial<Knobs>) => (
    <label class="lab-field" key={kid}>
      {fmt(S, label)}{' '}
      <select value={String(value)} onChange={(e) => set(pick((e.currentTarget as HTMLSelectElement).value))}>
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>{text}</option>
        ))}
      </select>
    </label>
  );
  /** A labelled checkbox for a yes/no knob. */
  const check = (kid: KnobId, label: string, on: boolean, patch: (on: boolean) => Partial<Knobs>) => (
    <label class="lab-field" key={kid}>
      <input type="checkbox" checked={on} onChange={(e) => set(patch((e.currentTarget as HTMLInputElement).checked))} /> {fmt(S, label)}
    </label>
  );
  /** The select's [value, text] options for a knob, from its row of the knob table. */
  const options = (r: KnobRow, v: number | string): Array<[string | number, string]> => {
    const vals = r.values;
    if (vals.kind === 'one-of') return vals.values.map((o) => [o, fmt(S, `${r.label}.${o}`)]);
    if (vals.kind === 'segment') return [[0, fmt(S, `${r.label}.none`)], ...Array.from({ length: Math.max(p.losable.length, v as number) }, (_, i): [number, string] => [i + 1, p.losable[i] ?? `#${i + 1}`])];
    if (vals.kind === 'ms') return knobChoices(r, v as number).map((m) => [m, m === 0 && vals.min === 'above 0' ? '—' : formatTime(m)]);
    return [];
  };
  const knob = (kid: KnobId) => {
    const r = knobRow(kid);
    const v = knobValue(r, k);
    if (r.control === 'checkbox') return check(kid, r.label, v === true, (on) => ({ [r.field]: on }));
    if (r.control === 'select') return select(kid, r.label, v as number | string, options(r, v as number | string), (x) => ({ [r.field]: typeof v === 'number' ? Number(x) : x }));
    return (
      <span class="lab-field" key={kid}>
        {select(kid, r.label, k.isn === 'fixed' ? 'fixed' : 'random', [['fixed', fmt(S, `${r.label}.fixed`)], ['random', fmt(S, `${r.label}.random`)]], (x) => ({ isn: x === 'fixed' ? 'fixed' : newSeed() }))}
        {k.isn !== 'fixed' ? (
          <button type="button" onClick={() => set({ isn: newSeed() })}>{fmt(S, `${r.label}.reroll`)}</button>
        ) : null}
      </span>
    );
  };
  return (
    <fieldset class="lab-knobs" id={`${id}-knobs`}>
      <legend>{fmt(S, 'labs.knobs')}</legend>
      {p.shown.map(knob)}
    </fieldset>
  );
}

/** A fresh seed for random ISNs; the lab is not the engine, so it may use Math.random. */
function newSeed(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}
