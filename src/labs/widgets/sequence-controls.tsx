/** @jsxImportSource preact */
// @labRender: in the browser this JSX is drawn by ../client/lab-render.ts, not by Preact (sequence-lab-host.tsx).
/**
 * The sequence lab's bar that stays on screen while the reader scrolls the lab: the step buttons
 * and the two lane headers with each side's state now. Below the diagram, the secondary controls
 * (speed, numbering, link), each with its feedback beside it.
 */
import type { TcpState } from '../../engine/types.ts';
import type { RefObject } from 'preact';
import { fmt, formatTime, stepSentence, type Strings } from '../view/explain.ts';
import type { LabView } from '../view/trace-view.ts';

export const SPEEDS = { slow: 1800, normal: 1000, fast: 450 } as const;
export type Speed = keyof typeof SPEEDS;

export interface StepBarProps {
  strings: Strings;
  step: number;
  last: number;
  playing: boolean;
  /** null in a capture replay when the capture cannot prove the state (shown as "?"). */
  states: { A: TcpState | null; B: TcpState | null };
  go: (n: number) => void;
  play: () => void;
}

/** Step buttons, the step count and the lane headers; sticky under the site header. */
export function StepBar({ strings: S, step, last, playing, states, go, play }: StepBarProps) {
  const stepText = fmt(S, 'labs.step', { n: step, total: last });
  const button = (label: string, text: string, n: number, off: boolean) => (
    <button type="button" class="lab-icon" onClick={() => go(n)} disabled={off} aria-label={fmt(S, label)} title={fmt(S, label)}>
      {text}
    </button>
  );
  const head = (side: 'A' | 'B') => (
    <span class="seq-head">
      <span class="seq-head-name">{fmt(S, `labs.lane.${side}`)}</span>
      <span class="seq-head-state">{states[side] ?? '?'}</span>
    </span>
  );
  return (
    <div class="seq-bar">
      <div class="lab-controls" role="group" aria-label={stepText}>
        {button('labs.ctl.reset', '|◀', 0, step === 0)}
        {button('labs.ctl.prev', '◀', step - 1, step === 0)}
        <button type="button" class="lab-play" aria-pressed={playing} onClick={play}>
          {playing ? `⏸ ${fmt(S, 'labs.ctl.pause')}` : `▶ ${fmt(S, 'labs.ctl.play')}`}
        </button>
        {button('labs.ctl.next', '▶', step + 1, step >= last)}
      </div>
      <div class="seq-heads" aria-hidden="true">
        {head('A')}
        <span class="lab-step">{stepText}</span>
        {head('B')}
      </div>
    </div>
  );
}

export interface MoreControlsProps {
  id: string;
  strings: Strings;
  speed: Speed;
  absolute: boolean;
  /** Null where there is nothing to link to (a replayed capture). */
  copyLink: (() => void) | null;
  /** What the link button just did, shown beside it. */
  linkNote: string;
  /** "Open in workshop": the link to the workshop with this run's scenario and knobs; null where there is none. */
  workshopHref: string | null;
  setSpeed: (s: Speed) => void;
  setAbsolute: (b: boolean) => void;
}

/** Speed, relative/absolute numbers and the link to this step. */
export function MoreControls({ id, strings: S, speed, absolute, copyLink, linkNote, workshopHref, setSpeed, setAbsolute }: MoreControlsProps) {
  return (
    <div class="lab-controls seq-more">
      <label class="lab-field">
        {fmt(S, 'labs.ctl.speed')}{' '}
        <select value={speed} onChange={(e) => setSpeed((e.currentTarget as HTMLSelectElement).value as Speed)}>
          {(Object.keys(SPEEDS) as Speed[]).map((s) => (
            <option value={s}>{fmt(S, `labs.ctl.speed.${s}`)}</option>
          ))}
        </select>
      </label>
      <fieldset class="lab-field lab-toggle">
        <legend>{fmt(S, 'labs.ctl.numbers')}</legend>
        <label>
          <input type="radio" name={`${id}-num`} checked={!absolute} onChange={() => setAbsolute(false)} /> {fmt(S, 'labs.ctl.relative')}
        </label>
        <label>
          <input type="radio" name={`${id}-num`} checked={absolute} onChange={() => setAbsolute(true)} /> {fmt(S, 'labs.ctl.absolute')}
        </label>
      </fieldset>
      {copyLink ? (
        <span class="seq-link">
          <button type="button" onClick={copyLink}>
            {fmt(S, 'labs.ctl.link')}
          </button>
          <span class="lab-note" role="status">
            {linkNote}
          </span>
        </span>
      ) : null}
      {workshopHref ? (
        <a class="seq-workshop" href={workshopHref}>
          {fmt(S, 'labs.ctl.workshop')}
        </a>
      ) : null}
    </div>
  );
}

/** The step's number, time and sentence under the diagram (announced to screen readers). */
export function StepSentence(p: { strings: Strings; view: LabView; step: number; sentenceRef: RefObject<HTMLParagraphElement> }) {
  const { strings: S, view, step } = p;
  const cur = view.steps[step] ?? view.steps[0]!;
  return (
    <p class="lab-sentence" aria-live="polite" aria-atomic="true" ref={p.sentenceRef}>
      <span class="lab-step-inline">
        {fmt(S, 'labs.step', { n: step, total: view.steps.length - 1 })} · {fmt(S, 'labs.time', { t: formatTime(cur.t) })}
      </span>{' '}
      {stepSentence(S, view, cur)}
    </p>
  );
}

/** The lab's title, and the keyboard help screen readers hear when they enter it. */
export function LabHeading({ id, strings: S, title }: { id: string; strings: Strings; title: string }) {
  return (
    <>
      <h3 class="lab-title" id={`${id}-title`}>
        {fmt(S, 'labs.seq.title', { scenario: title })}
      </h3>
      <p class="visually-hidden" id={`${id}-help`}>
        {fmt(S, 'labs.seq.region')}
      </p>
    </>
  );
}

/** The engine's error, in the reader's language. */
export function LabError({ strings: S, message }: { strings: Strings; message: string }) {
  return (
    <p class="lab-error" role="alert">
      {fmt(S, 'labs.error.engine', { message })}
    </p>
  );
}
