/** @jsxImportSource preact */
/**
 * The sequence lab's bar that stays on screen while the reader scrolls the lab: the step buttons
 * and the two lane headers with each side's state now. Below the diagram, the secondary controls
 * (speed, numbering, link), each with its feedback beside it.
 */
import type { TcpState } from '../../engine/types.ts';
import { fmt, type Strings } from '../view/explain.ts';

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
  setSpeed: (s: Speed) => void;
  setAbsolute: (b: boolean) => void;
}

/** Speed, relative/absolute numbers and the link to this step. */
export function MoreControls({ id, strings: S, speed, absolute, copyLink, linkNote, setSpeed, setAbsolute }: MoreControlsProps) {
  return (
    <div class="lab-controls seq-more">
      <label class="lab-field">
        {fmt(S, 'labs.ctl.speed')}{' '}
        <select value={speed} onChange={(e) => setSpeed((e.currentTarget as HTMLSelectElement).value as Speed)}>
          {(Object.keys(SPEEDS) as Speed[]).map((s) => (
            <option key={s} value={s}>
              {fmt(S, `labs.ctl.speed.${s}`)}
            </option>
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
    </div>
  );
}
