/** @jsxImportSource preact */
/**
 * The workshop's form controls: a labelled select or whole-number input, and one row per call
 * and per fault. Native controls only (keyboard, screen readers and touch work as the platform
 * makes them), each with a visible label.
 */
import type { ComponentChildren } from 'preact';
import { fill } from '../../i18n/fill.ts';
import { CALL_KINDS, FAULT_KINDS, LIMITS, SEGMENT_KINDS, SIDES, TIME_BASES, type WorkshopCall, type WorkshopFault } from '../model/scenario.ts';
import type { Strings } from '../model/describe.ts';

export const say = (S: Strings, key: string, vars?: Record<string, string | number>): string => fill(S[key] ?? key, vars);

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}
export function Select({ id, label, value, options, onChange }: SelectProps) {
  return (
    <label class="ws-field">
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

interface NumberProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
}
/** A whole number; what the reader types is passed on as it is (validation names a bad value). */
export function NumberField({ id, label, value, min, max, onChange }: NumberProps) {
  return (
    <label class="ws-field">
      <span>{label}</span>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={String(value)}
        onChange={(e) => onChange(Number((e.currentTarget as HTMLInputElement).value))}
      />
    </label>
  );
}

interface RowProps<T> {
  id: string;
  n: number;
  item: T;
  S: Strings;
  error: string | null;
  onChange: (next: T) => void;
  onRemove: () => void;
}

/**
 * One call's or fault's fieldset: its numbered title (`<what>` string), its fields, the button that
 * removes it (`<what>.remove`) and its error, if any.
 */
function Row({
  id,
  what,
  n,
  S,
  error,
  onRemove,
  children,
}: {
  id: string;
  what: 'workshop.call' | 'workshop.fault';
  n: number;
  S: Strings;
  error: string | null;
  onRemove: () => void;
  children: ComponentChildren;
}) {
  return (
    <li class={`ws-row${error ? ' is-bad' : ''}`}>
      <fieldset aria-describedby={error ? `${id}-err` : undefined} aria-invalid={error ? 'true' : undefined}>
        <legend>{say(S, what, { n })}</legend>
        <div class="ws-row-fields">{children}</div>
        <button type="button" class="ws-remove" onClick={onRemove}>
          {say(S, `${what}.remove`, { n })}
        </button>
      </fieldset>
      {error ? (
        <p class="ws-row-error" id={`${id}-err`}>
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** A field's element id (`<row id>-<name>`) and its label (the `<what>.<name>` string), spread into Select or NumberField. */
const fieldOf =
  (id: string, S: Strings, what: 'workshop.call' | 'workshop.fault') =>
  (name: string): { id: string; label: string } => ({ id: `${id}-${name}`, label: say(S, `${what}.${name}`) });

/** A row's change handler: the item with `patch` applied, tidied (a field only some kinds have is added or dropped), passed on. */
const setter =
  <T extends object>(item: T, onChange: (next: T) => void, tidy: (next: T) => void) =>
  (patch: Partial<T>): void => {
    const next = { ...item, ...patch };
    tidy(next);
    onChange(next);
  };

const sideOptions = (S: Strings) => SIDES.map((s) => [s, say(S, `workshop.side.${s}`)] as const);

export function CallRow({ id, n, item: c, S, error, onChange, onRemove }: RowProps<WorkshopCall>) {
  const set = setter(c, onChange, (next) => {
    if (next.call === 'send') next.bytes ??= 100;
    else delete next.bytes;
  });
  const field = fieldOf(id, S, 'workshop.call');
  return (
    <Row id={id} what="workshop.call" n={n} S={S} error={error} onRemove={onRemove}>
      <Select {...field('side')} value={c.side} options={sideOptions(S)} onChange={(v) => set({ side: v as WorkshopCall['side'] })} />
      <Select
        {...field('call')}
        value={c.call}
        options={CALL_KINDS.map((k) => [k, say(S, `workshop.call.${k}`)] as const)}
        onChange={(v) => set({ call: v as WorkshopCall['call'] })}
      />
      {c.call === 'send' ? <NumberField {...field('bytes')} value={c.bytes ?? 0} min={1} max={LIMITS.bytes} onChange={(v) => set({ bytes: v })} /> : null}
      <NumberField {...field('at')} value={c.at} min={0} max={LIMITS.atMs} onChange={(v) => set({ at: v })} />
      <Select
        {...field('after')}
        value={c.after}
        options={TIME_BASES.map((a) => [a, say(S, `workshop.after.${a}`)] as const)}
        onChange={(v) => set({ after: v as WorkshopCall['after'] })}
      />
    </Row>
  );
}

export function FaultRow({ id, n, item: f, S, error, onChange, onRemove }: RowProps<WorkshopFault>) {
  const set = setter(f, onChange, (next) => {
    if (next.kind === 'drop') delete next.ms;
    else next.ms ??= 200;
  });
  const field = fieldOf(id, S, 'workshop.fault');
  return (
    <Row id={id} what="workshop.fault" n={n} S={S} error={error} onRemove={onRemove}>
      <Select {...field('from')} value={f.from} options={sideOptions(S)} onChange={(v) => set({ from: v as WorkshopFault['from'] })} />
      <Select
        {...field('segment')}
        value={f.segment}
        options={SEGMENT_KINDS.map((k) => [k, say(S, `workshop.seg.${k}`)] as const)}
        onChange={(v) => set({ segment: v as WorkshopFault['segment'] })}
      />
      <NumberField {...field('nth')} value={f.nth} min={0} max={LIMITS.nth} onChange={(v) => set({ nth: v })} />
      <Select
        {...field('kind')}
        value={f.kind}
        options={FAULT_KINDS.map((k) => [k, say(S, `workshop.fault.${k}`)] as const)}
        onChange={(v) => set({ kind: v as WorkshopFault['kind'] })}
      />
      {f.kind !== 'drop' ? (
        <NumberField
          {...field('ms')}
          label={say(S, f.kind === 'reorder' ? 'workshop.fault.ms.reorder' : 'workshop.fault.ms')}
          value={f.ms ?? 0}
          min={1}
          max={LIMITS.faultMs}
          onChange={(v) => set({ ms: v })}
        />
      ) : null}
    </Row>
  );
}
