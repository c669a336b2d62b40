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

function Row({
  id,
  title,
  error,
  remove,
  children,
}: {
  id: string;
  title: string;
  error: string | null;
  remove: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <li class={`ws-row${error ? ' is-bad' : ''}`}>
      <fieldset aria-describedby={error ? `${id}-err` : undefined} aria-invalid={error ? 'true' : undefined}>
        <legend>{title}</legend>
        <div class="ws-row-fields">{children}</div>
        {remove}
      </fieldset>
      {error ? (
        <p class="ws-row-error" id={`${id}-err`}>
          {error}
        </p>
      ) : null}
    </li>
  );
}

const sideOptions = (S: Strings) => SIDES.map((s) => [s, say(S, `workshop.side.${s}`)] as const);

export function CallRow({ id, n, item: c, S, error, onChange, onRemove }: RowProps<WorkshopCall>) {
  const set = (patch: Partial<WorkshopCall>): void => {
    const next = { ...c, ...patch };
    if (next.call === 'send') next.bytes ??= 100;
    else delete next.bytes;
    onChange(next);
  };
  const title = say(S, 'workshop.call', { n });
  return (
    <Row
      id={id}
      title={title}
      error={error}
      remove={
        <button type="button" class="ws-remove" onClick={onRemove}>
          {say(S, 'workshop.call.remove', { n })}
        </button>
      }
    >
      <Select
        id={`${id}-side`}
        label={say(S, 'workshop.call.side')}
        value={c.side}
        options={sideOptions(S)}
        onChange={(v) => set({ side: v as WorkshopCall['side'] })}
      />
      <Select
        id={`${id}-call`}
        label={say(S, 'workshop.call.call')}
        value={c.call}
        options={CALL_KINDS.map((k) => [k, say(S, `workshop.call.${k}`)] as const)}
        onChange={(v) => set({ call: v as WorkshopCall['call'] })}
      />
      {c.call === 'send' ? (
        <NumberField
          id={`${id}-bytes`}
          label={say(S, 'workshop.call.bytes')}
          value={c.bytes ?? 0}
          min={1}
          max={LIMITS.bytes}
          onChange={(v) => set({ bytes: v })}
        />
      ) : null}
      <NumberField id={`${id}-at`} label={say(S, 'workshop.call.at')} value={c.at} min={0} max={LIMITS.atMs} onChange={(v) => set({ at: v })} />
      <Select
        id={`${id}-after`}
        label={say(S, 'workshop.call.after')}
        value={c.after}
        options={TIME_BASES.map((a) => [a, say(S, `workshop.after.${a}`)] as const)}
        onChange={(v) => set({ after: v as WorkshopCall['after'] })}
      />
    </Row>
  );
}

export function FaultRow({ id, n, item: f, S, error, onChange, onRemove }: RowProps<WorkshopFault>) {
  const set = (patch: Partial<WorkshopFault>): void => {
    const next = { ...f, ...patch };
    if (next.kind === 'drop') delete next.ms;
    else next.ms ??= 200;
    onChange(next);
  };
  const title = say(S, 'workshop.fault', { n });
  return (
    <Row
      id={id}
      title={title}
      error={error}
      remove={
        <button type="button" class="ws-remove" onClick={onRemove}>
          {say(S, 'workshop.fault.remove', { n })}
        </button>
      }
    >
      <Select
        id={`${id}-from`}
        label={say(S, 'workshop.fault.from')}
        value={f.from}
        options={sideOptions(S)}
        onChange={(v) => set({ from: v as WorkshopFault['from'] })}
      />
      <Select
        id={`${id}-segment`}
        label={say(S, 'workshop.fault.segment')}
        value={f.segment}
        options={SEGMENT_KINDS.map((k) => [k, say(S, `workshop.seg.${k}`)] as const)}
        onChange={(v) => set({ segment: v as WorkshopFault['segment'] })}
      />
      <NumberField id={`${id}-nth`} label={say(S, 'workshop.fault.nth')} value={f.nth} min={0} max={LIMITS.nth} onChange={(v) => set({ nth: v })} />
      <Select
        id={`${id}-kind`}
        label={say(S, 'workshop.fault.kind')}
        value={f.kind}
        options={FAULT_KINDS.map((k) => [k, say(S, `workshop.fault.${k}`)] as const)}
        onChange={(v) => set({ kind: v as WorkshopFault['kind'] })}
      />
      {f.kind !== 'drop' ? (
        <NumberField
          id={`${id}-ms`}
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
