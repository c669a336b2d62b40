/** @jsxImportSource preact */
/**
 * The workshop's form controls: a labelled select or whole-number input, and one row per call
 * and per fault. Native controls only (keyboard, screen readers and touch work as the platform
 * makes them), each with a visible label.
 */
import { Component, type ComponentChildren } from 'preact';
import { fill } from '../../i18n/fill.ts';
import { CALL_KINDS, FAULT_KINDS, LIMITS, SEGMENT_KINDS, SIDES, TIME_BASES, type WorkshopCall, type WorkshopFault } from '../model/scenario.ts';
import type { Strings } from '../model/describe.ts';

export const say = (S: Strings, key: string, vars?: Record<string, string | number>): string => fill(S[key] ?? key, vars);

/** A select's options: value and text. */
export type Options = readonly (readonly [string, string])[];

const sameOptions = (a: Options, b: Options): boolean => a.length === b.length && a.every(([v, t], i) => v === b[i]?.[0] && t === b[i]?.[1]);

/**
 * A control that draws again only when what it shows changed. An edit redraws the form around it
 * with new handlers and new option lists; a handler is read when its event fires (`this.props`, which
 * Preact updates even when it skips a render), so a new handler alone is no change, and options
 * compare by content. Without this, each edit redrew every control and option of the form.
 */
abstract class Field<P extends object> extends Component<P> {
  shouldComponentUpdate(next: P): boolean {
    for (const k in next) {
      const a: unknown = next[k];
      const b: unknown = this.props[k];
      if (a === b || typeof a === 'function') continue;
      if (Array.isArray(a) && Array.isArray(b) && sameOptions(a as Options, b as Options)) continue;
      return true;
    }
    return false;
  }
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: Options;
  onChange: (v: string) => void;
}
export class Select extends Field<SelectProps> {
  render({ id, label, value, options }: SelectProps) {
    return (
      <label class="ws-field">
        <span>{label}</span>
        <select id={id} value={value} onChange={(e) => this.props.onChange((e.currentTarget as HTMLSelectElement).value)}>
          {options.map(([v, text]) => (
            <option key={v} value={v} selected={v === value}>
              {text}
            </option>
          ))}
        </select>
      </label>
    );
  }
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
export class NumberField extends Field<NumberProps> {
  render({ id, label, value, min, max }: NumberProps) {
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
          onChange={(e) => this.props.onChange(Number((e.currentTarget as HTMLInputElement).value))}
        />
      </label>
    );
  }
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

/**
 * A row's fields, one helper per control kind: `choose` a select over a list of kinds (each
 * labelled by its `<prefix>.<kind>` string), `number` a whole number; both write their field of the row.
 */
function rowFields<T extends object>(id: string, S: Strings, what: 'workshop.call' | 'workshop.fault', item: T, set: (patch: Partial<T>) => void) {
  const field = fieldOf(id, S, what);
  return {
    choose: (name: keyof T & string, kinds: readonly string[], prefix: string) => (
      <Select
        {...field(name)}
        value={String(item[name])}
        options={kinds.map((k) => [k, say(S, `${prefix}.${k}`)] as const)}
        onChange={(v) => set({ [name]: v } as Partial<T>)}
      />
    ),
    number: (name: keyof T & string, min: number, max: number, label?: string) => (
      <NumberField
        {...field(name)}
        {...(label ? { label } : {})}
        value={Number(item[name] ?? 0)}
        min={min}
        max={max}
        onChange={(v) => set({ [name]: v } as Partial<T>)}
      />
    ),
  };
}

export function CallRow({ id, n, item: c, S, error, onChange, onRemove }: RowProps<WorkshopCall>) {
  const f = rowFields(
    id,
    S,
    'workshop.call',
    c,
    setter(c, onChange, (next) => {
      if (next.call === 'send') next.bytes ??= 100;
      else delete next.bytes;
    }),
  );
  return (
    <Row id={id} what="workshop.call" n={n} S={S} error={error} onRemove={onRemove}>
      {f.choose('side', SIDES, 'workshop.side')}
      {f.choose('call', CALL_KINDS, 'workshop.call')}
      {c.call === 'send' ? f.number('bytes', 1, LIMITS.bytes) : null}
      {f.number('at', 0, LIMITS.atMs)}
      {f.choose('after', TIME_BASES, 'workshop.after')}
    </Row>
  );
}

export function FaultRow({ id, n, item: x, S, error, onChange, onRemove }: RowProps<WorkshopFault>) {
  const f = rowFields(
    id,
    S,
    'workshop.fault',
    x,
    setter(x, onChange, (next) => {
      if (next.kind === 'drop') delete next.ms;
      else next.ms ??= 200;
    }),
  );
  return (
    <Row id={id} what="workshop.fault" n={n} S={S} error={error} onRemove={onRemove}>
      {f.choose('from', SIDES, 'workshop.side')}
      {f.choose('segment', SEGMENT_KINDS, 'workshop.seg')}
      {f.number('nth', 0, LIMITS.nth)}
      {f.choose('kind', FAULT_KINDS, 'workshop.fault')}
      {x.kind !== 'drop' ? f.number('ms', 1, LIMITS.faultMs, say(S, x.kind === 'reorder' ? 'workshop.fault.ms.reorder' : 'workshop.fault.ms')) : null}
    </Row>
  );
}
