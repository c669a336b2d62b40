/** @jsxImportSource preact */
/**
 * The chapter's knobs under a sequence lab: a select or a checkbox per knob the chapter lists.
 * Each change hands the lab a new set of knobs, and the lab re-runs the engine in the browser.
 */
import { fmt, formatTime, type Strings } from '../view/explain.ts';
import { CLOSE_DELAYS, PROFILES, mslChoices, type KnobId, type Knobs } from '../view/knobs.ts';

/** The chapter's knobs; each change re-runs the engine in the browser. */
export function KnobPanel(p: { id: string; shown: KnobId[]; knobs: Knobs; strings: Strings; losable: string[]; onChange: (k: Knobs) => void }) {
  const { id, knobs: k, strings: S, onChange } = p;
  const set = (patch: Partial<Knobs>) => onChange({ ...k, ...patch });
  /** A labelled select of [value, text] options; `pick` turns the chosen value into the knob change. */
  const select = (kid: KnobId, value: string | number, options: Array<[string | number, string]>, pick: (v: string) => Partial<Knobs>) => (
    <label class="lab-field" key={kid}>
      {fmt(S, `labs.knob.${kid}`)}{' '}
      <select value={String(value)} onChange={(e) => set(pick((e.currentTarget as HTMLSelectElement).value))}>
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>{text}</option>
        ))}
      </select>
    </label>
  );
  /** A labelled checkbox for a yes/no knob. */
  const check = (kid: KnobId, on: boolean, patch: (on: boolean) => Partial<Knobs>) => (
    <label class="lab-field" key={kid}>
      <input type="checkbox" checked={on} onChange={(e) => set(patch((e.currentTarget as HTMLInputElement).checked))} /> {fmt(S, `labs.knob.${kid}`)}
    </label>
  );
  const knob = (kid: KnobId) => {
    switch (kid) {
      case 'drop':
        return select(kid, k.drop, [[0, fmt(S, 'labs.knob.drop.none')], ...Array.from({ length: Math.max(p.losable.length, k.drop) }, (_, i): [number, string] => [i + 1, p.losable[i] ?? `#${i + 1}`])], (v) => ({ drop: Number(v) }));
      case 'closer':
        return select(kid, k.closer, (['client', 'server', 'both'] as const).map((c) => [c, fmt(S, `labs.knob.closer.${c}`)]), (v) => ({ closer: v as Knobs['closer'] }));
      case 'close-delay':
        return select(kid, k.closeDelay, [...new Set([...CLOSE_DELAYS, k.closeDelay])].sort((a, b) => a - b).map((d) => [d, `${d} ms`]), (v) => ({ closeDelay: Number(v) }));
      case 'isn':
        return (
          <span class="lab-field" key={kid}>
            {select(kid, k.isn === 'fixed' ? 'fixed' : 'random', [['fixed', fmt(S, 'labs.knob.isn.fixed')], ['random', fmt(S, 'labs.knob.isn.random')]], (v) => ({ isn: v === 'fixed' ? 'fixed' : newSeed() }))}
            {k.isn !== 'fixed' ? (
              <button type="button" onClick={() => set({ isn: newSeed() })}>{fmt(S, 'labs.knob.isn.reroll')}</button>
            ) : null}
          </span>
        );
      case 'profile':
        return select(kid, k.profile, PROFILES.map((pr) => [pr, fmt(S, `labs.knob.profile.${pr}`)]), (v) => ({ profile: v as Knobs['profile'] }));
      case 'simultaneous':
        return check(kid, k.simultaneous, (on) => ({ simultaneous: on }));
      case 'rfc1337':
        return check(kid, k.rfc1337, (on) => ({ rfc1337: on }));
      case 'msl':
        return select(kid, k.mslMs, mslChoices(k.mslMs).map((m) => [m, m === 0 ? '—' : formatTime(m)]), (v) => ({ mslMs: Number(v) }));
    }
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
