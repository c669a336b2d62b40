/** @jsxImportSource preact */
// @labRender: in the browser this JSX is drawn by ../client/lab-render.ts, not by Preact (sequence-lab-host.tsx).
/**
 * The chapter's knobs under a sequence lab: a control per knob the chapter lists, each drawn from
 * its row of the knob table. Each change hands the lab a new set of knobs, and the lab re-runs
 * the engine in the browser.
 */
import type { KnobRow } from '../../engine/knobs.ts';
import { fmt, formatTime, type Strings } from '../view/explain.ts';
import { knobChoices, knobRow, knobValue, type KnobId, type Knobs } from '../view/knobs.ts';

/** The chapter's knobs; each change re-runs the engine in the browser. */
export function KnobPanel(p: { id: string; shown: KnobId[]; knobs: Knobs; strings: Strings; losable: string[]; onChange: (k: Knobs) => void }) {
  const { id, knobs: k, strings: S, onChange } = p;
  const set = (patch: Partial<Knobs>) => onChange({ ...k, ...patch });
  /** A labelled select of [value, text] options; `pick` turns the chosen value into the knob change. */
  const select = (kid: KnobId, label: string, value: string | number, options: Array<[string | number, string]>, pick: (v: string) => Partial<Knobs>) => (
    <label class="lab-field" key={kid}>
      {fmt(S, label)}{' '}
      <select value={String(value)} onChange={(e) => set(pick((e.currentTarget as HTMLSelectElement).value))}>
        {options.map(([v, text]) => (
          <option key={v} value={String(v)}>
            {text}
          </option>
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
    if (vals.kind === 'segment')
      return [
        [0, fmt(S, `${r.label}.none`)],
        ...Array.from({ length: Math.max(p.losable.length, v as number) }, (_, i): [number, string] => [i + 1, p.losable[i] ?? `#${i + 1}`]),
      ];
    if (vals.kind === 'ms') return knobChoices(r, v as number).map((m) => [m, m === 0 && vals.min === 'above 0' ? '—' : formatTime(m)]);
    return [];
  };
  const knob = (kid: KnobId) => {
    const r = knobRow(kid);
    const v = knobValue(r, k);
    if (r.control === 'checkbox') return check(kid, r.label, v === true, (on) => ({ [r.field]: on }));
    if (r.control === 'select')
      return select(kid, r.label, v as number | string, options(r, v as number | string), (x) => ({ [r.field]: typeof v === 'number' ? Number(x) : x }));
    return (
      <span class="lab-field" key={kid}>
        {select(
          kid,
          r.label,
          k.isn === 'fixed' ? 'fixed' : 'random',
          [
            ['fixed', fmt(S, `${r.label}.fixed`)],
            ['random', fmt(S, `${r.label}.random`)],
          ],
          (x) => ({ isn: x === 'fixed' ? 'fixed' : newSeed() }),
        )}
        {k.isn !== 'fixed' ? (
          <button type="button" onClick={() => set({ isn: newSeed() })}>
            {fmt(S, `${r.label}.reroll`)}
          </button>
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

/** The knob panel with the note the lab shows after a re-run. */
export function KnobBox(p: Parameters<typeof KnobPanel>[0] & { note: string }) {
  return (
    <div class="lab-knob-box">
      <KnobPanel {...p} />
      <p class="lab-note" role="status">
        {p.note}
      </p>
    </div>
  );
}

/** A fresh seed for random ISNs; the lab is not the engine, so it may use Math.random. */
function newSeed(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}
