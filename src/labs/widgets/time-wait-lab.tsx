/** @jsxImportSource preact */
/**
 * The TIME-WAIT lab: why the active closer waits 2×MSL, as three runnable cases on a virtual-clock
 * timeline. The reader picks a case, an OS preset and the MSL; every change re-runs the engine,
 * and the run below is an ordinary sequence lab the reader can step through.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProfileName } from '../../engine/types.ts';
import type { Knobs } from '../view/knobs.ts';
import { fmt, formatTime, type Strings } from '../view/explain.ts';
import type { TimeWaitTimeline } from '../view/time-wait-timeline.ts';
import { TimeWaitChart } from './time-wait-chart.tsx';
import type { TimeWaitCaseRun } from '../view/time-wait-run.ts';
import SequenceLab from './sequence-lab-host.tsx';

/** The cases, each an engine scenario. */
export const TW_CASES = ['lost-final-ack', 'time-wait-too-short', 'rst-in-time-wait'] as const;
export type TwCase = (typeof TW_CASES)[number];

/** An OS preset: its MSL and TIME-WAIT length from the engine's profiles. */
export interface TwPreset {
  id: ProfileName;
  mslMs: number;
  timeWaitMs: number;
}

export interface TimeWaitLabProps {
  id: string;
  /** The first case (lost final ACK, Linux) run at build time; later runs load the engine. */
  initial: TimeWaitCaseRun;
  presets: TwPreset[];
  titles: Record<string, string>;
  strings: Strings;
  /** The workshop page's address, for the run's "open in workshop" link. */
  workshop?: string;
}

/** MSL slider range per case: the too-short case lives in milliseconds (its old duplicate is 770 ms late). */
function mslRange(c: TwCase, preset: TwPreset | undefined): { min: number; max: number; step: number; start: number } {
  if (c === 'time-wait-too-short') return { min: 10, max: 1000, step: 10, start: 50 };
  return { min: 1000, max: 120_000, step: 1000, start: preset?.mslMs ?? 30_000 };
}

/**
 * A preset's option text. The selected one names its TIME-WAIT only while the slider still holds
 * its MSL; once the reader moves the slider (or the case sets its own MSL) it says so instead.
 */
function presetText(S: Strings, p: TwPreset, custom: boolean): string {
  const os = fmt(S, `labs.knob.profile.${p.id}`);
  return custom ? fmt(S, 'labs.tw.presetCustom', { os }) : fmt(S, 'labs.tw.presetOption', { os, tw: formatTime(p.timeWaitMs) });
}

/** Why TIME-WAIT ended before its 2×MSL timer was due (a RST ended it), or null when it ran its course. */
function earlyEnd(S: Strings, tl: TimeWaitTimeline): string | null {
  const { start, end, due } = tl;
  if (start === null || end === null || due === null || end >= due) return null;
  const rst = tl.marks.find((m) => m.kind === 'rst' && m.t === end);
  if (!rst) return null;
  return fmt(S, 'labs.tw.early', { len: formatTime(end - start), tw: formatTime(due - start), t: formatTime(rst.t) });
}

/** The lab. */
export default function TimeWaitLab({ id, presets, titles, strings: S, initial, workshop }: TimeWaitLabProps) {
  const [live, setLive] = useState(false);
  const [which, setWhich] = useState<TwCase>('lost-final-ack');
  const [profile, setProfile] = useState<ProfileName>('linux');
  const preset = presets.find((p) => p.id === profile) ?? presets[0];
  const [mslMs, setMsl] = useState(preset?.mslMs ?? 30_000);
  const [rfc1337, setRfc1337] = useState(false);
  useEffect(() => setLive(true), []);

  const scenario = which === 'rst-in-time-wait' && rfc1337 ? 'rst-in-time-wait-rfc1337' : which;
  const range = mslRange(which, preset);
  // The reader's changes as lab knobs; the MSL only when it is not the preset's own (0: the profile's).
  const changes: Partial<Knobs> = useMemo(
    () => ({
      profile,
      mslMs: which === 'time-wait-too-short' || (preset && mslMs !== preset.mslMs) ? mslMs : 0,
      rfc1337: which === 'rst-in-time-wait' && rfc1337,
    }),
    [profile, mslMs, rfc1337, which, preset],
  );
  // What is on screen: the run of which scenario and settings (the controls may already be ahead
  // of it while the engine loads and runs; the lab is aria-busy until the run catches up).
  const asked = `${scenario} ${JSON.stringify(changes)}`;
  const [shownCase, setShown] = useState({ run: initial, scenario: 'lost-final-ack', n: 0, asked });
  const run = shownCase.run;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let stale = false;
    void Promise.all([import('../view/time-wait-run.ts'), import('../view/engine-adapter.ts')]).then(async ([{ runTimeWaitCase }, { loadScenario }]) => {
      const def = await loadScenario(scenario);
      if (!stale && def) setShown((old) => ({ run: runTimeWaitCase(def, changes), scenario, n: old.n + 1, asked }));
    });
    return () => {
      stale = true;
    };
  }, [scenario, changes]);
  const tl = run.ok ? run.timeline : null;
  // With 2×MSL longer than the old segment's delay, the duplicate finds the closer still in TIME-WAIT.
  const dup = tl?.marks.find((m) => m.kind === 'old-duplicate');
  const safe = shownCase.scenario === 'time-wait-too-short' && !!dup && (tl?.end === null || (tl?.end ?? 0) >= dup.t);
  const explainKey = `labs.tw.explain.${shownCase.scenario}${safe ? '.safe' : ''}`;
  const early = tl ? earlyEnd(S, tl) : null;

  return (
    <section
      class={`lab tw${live ? ' is-live' : ''}`}
      id={id}
      aria-label={fmt(S, 'labs.tw.title')}
      aria-busy={live && shownCase.asked !== asked ? 'true' : 'false'}
      data-pagefind-ignore
    >
      <h3 class="lab-title">{fmt(S, 'labs.tw.title')}</h3>
      <div class="tw-controls">
        <CaseChoice
          id={id}
          strings={S}
          which={which}
          pick={(c) => {
            setWhich(c);
            setMsl(mslRange(c, preset).start);
          }}
        />
        <PresetChoice
          strings={S}
          presets={presets}
          profile={profile}
          mslMs={mslMs}
          pick={(p) => {
            setProfile(p.id);
            if (which !== 'time-wait-too-short') setMsl(p.mslMs);
          }}
        />
        <label class="lab-field">
          {fmt(S, 'labs.tw.msl', { msl: formatTime(mslMs), tw: formatTime(2 * mslMs) })}{' '}
          <input
            type="range"
            min={range.min}
            max={range.max}
            step={range.step}
            value={mslMs}
            onInput={(e) => setMsl(Number((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
        {which === 'rst-in-time-wait' ? (
          <label class="lab-field">
            <input type="checkbox" checked={rfc1337} onChange={(e) => setRfc1337((e.currentTarget as HTMLInputElement).checked)} />{' '}
            {fmt(S, 'labs.knob.rfc1337')}
          </label>
        ) : null}
      </div>
      <p class="lab-sentence" aria-live="polite">
        {fmt(S, explainKey)}
        {early ? ` ${early}` : null}
      </p>
      {!run.ok ? (
        <p class="lab-error" role="alert">
          {fmt(S, 'labs.error.engine', { message: run.message })}
        </p>
      ) : null}
      {tl ? <TimeWaitChart tl={tl} strings={S} /> : null}
      <SequenceLab
        key={shownCase.n}
        id={`${id}-run`}
        scenario={shownCase.scenario}
        title={`TIME-WAIT · ${titles[shownCase.scenario] ?? shownCase.scenario}`}
        strings={S}
        engineKnobs={run.ok ? run.applied : {}}
        workshop={workshop}
        initial={run.ok ? { ok: true, view: run.view, base: run.base } : run}
      />
    </section>
  );
}

/** The radio buttons that choose which TIME-WAIT case runs. */
function CaseChoice({ id, strings: S, which, pick }: { id: string; strings: TimeWaitLabProps['strings']; which: TwCase; pick: (c: TwCase) => void }) {
  return (
    <fieldset class="lab-toggle">
      <legend>{fmt(S, 'labs.tw.case')}</legend>
      {TW_CASES.map((c) => (
        <label key={c}>
          <input type="radio" name={`${id}-case`} checked={which === c} onChange={() => pick(c)} /> {fmt(S, `labs.tw.case.${c}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The OS preset: picking one sets the MSL to that system's (the too-short case keeps its own). */
function PresetChoice(p: { strings: Strings; presets: TwPreset[]; profile: ProfileName; mslMs: number; pick: (p: TwPreset) => void }) {
  const { strings: S, presets, profile, mslMs } = p;
  return (
    <label class="lab-field">
      {fmt(S, 'labs.tw.preset')}{' '}
      <select
        value={profile}
        onChange={(e) => {
          const pr = presets.find((q) => q.id === (e.currentTarget as HTMLSelectElement).value);
          if (pr) p.pick(pr);
        }}
      >
        {presets.map((q) => (
          <option key={q.id} value={q.id}>
            {presetText(S, q, q.id === profile && q.mslMs !== mslMs)}
          </option>
        ))}
      </select>
    </label>
  );
}
