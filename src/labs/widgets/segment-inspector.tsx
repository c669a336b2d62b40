/** @jsxImportSource preact */
/**
 * "Every byte explained": the real IPv4+TCP header of one segment, as the engine's encoder
 * writes it, in rows of 32 bits like the RFC's header diagrams. Pointing at a byte or focusing a
 * field lights up the field's bytes and explains it.
 */
import { useMemo, useState } from 'preact/hooks';
import { fmt, type Strings } from '../view/explain.ts';
import { fieldAt, hexBytes, layoutPacket, type HeaderField } from '../view/field-layout.ts';

/** One segment the reader can pick, with its bytes from the encoder. */
export interface InspectorPacket {
  label: string;
  bytes: number[];
}

export interface SegmentInspectorProps {
  id: string;
  packets: InspectorPacket[];
  /** Index into `packets` to open at. */
  initial: number;
  title: string;
  strings: Strings;
}

/** Explanation key of a field: per-bit flags share their own keys, option kinds theirs. */
const nameKey = (f: HeaderField) => `labs.fieldname.${f.id}`;
const explainKey = (f: HeaderField) => `labs.field.${f.id}`;

/** The inspector; picking a segment and a field is all the state it has. */
export default function SegmentInspector({ id, packets, initial, title, strings: S }: SegmentInspectorProps) {
  const [index, setIndex] = useState(Math.min(Math.max(0, initial), Math.max(0, packets.length - 1)));
  const [sel, setSel] = useState<string | null>(null);
  const packet = packets[index];
  const bytes = useMemo(() => Uint8Array.from(packet?.bytes ?? []), [packet]);
  const layout = useMemo(() => layoutPacket(bytes), [bytes]);
  if (!packet)
    return (
      <section class="lab si" id={id}>
        <p class="lab-error">{fmt(S, 'labs.si.none')}</p>
      </section>
    );
  if (!layout.ok) {
    return (
      <section class="lab si" id={id}>
        <p class="lab-error" role="alert">
          {fmt(S, 'labs.si.bad', { error: layout.error, at: layout.at })}
        </p>
      </section>
    );
  }
  const fields = layout.fields;
  const key = (f: HeaderField) => `${f.id}@${f.start}`;
  const current = fields.find((f) => key(f) === sel) ?? fields.find((f) => f.id === 'tcp.seq') ?? fields[0]!;
  const on = (i: number) => i >= current.start && i < current.end;
  const hex = hexBytes(bytes);
  const rows: number[] = [];
  for (let i = 0; i < Math.min(bytes.length, layout.payloadStart + 8); i += 4) rows.push(i);
  const bitsOf = (f: HeaderField) => {
    if (!f.bits) return null;
    const b = (bytes[f.start] ?? 0).toString(2).padStart(8, '0');
    return [...b].map((c, i) => (f.bits![i] === '1' ? `[${c}]` : c)).join('');
  };
  return (
    <section class="lab si is-live" id={id} aria-label={fmt(S, 'labs.si.title', { title })} data-pagefind-ignore>
      <h3 class="lab-title">{fmt(S, 'labs.si.title', { title })}</h3>
      <label class="lab-field">
        {fmt(S, 'labs.si.pick')}{' '}
        <select value={String(index)} onChange={(e) => setIndex(Number((e.currentTarget as HTMLSelectElement).value))}>
          {packets.map((p, i) => (
            <option key={i} value={String(i)}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <p class="lab-note">{fmt(S, 'labs.si.hint')}</p>
      <div class="si-layout">
        <div class="lab-scroll">
          <div class="si-grid" role="img" aria-label={fmt(S, 'labs.si.hex', { n: bytes.length })}>
            {rows.map((r) => [
              <span key={`o${r}`} class="si-off">
                {r.toString().padStart(2, '0')}
              </span>,
              ...[0, 1, 2, 3].map((k) => {
                const i = r + k;
                if (i >= bytes.length) return <span key={i} />;
                const f = fieldAt(fields, i);
                return (
                  <span key={i} class={`si-byte si-${f?.group ?? 'data'}${on(i) ? ' si-on' : ''}`} data-byte={i} onMouseEnter={() => f && setSel(key(f))}>
                    {hex[i]}
                  </span>
                );
              }),
            ])}
          </div>
          {bytes.length > layout.payloadStart + 8 ? <p class="lab-note">{fmt(S, 'labs.si.more', { n: bytes.length - layout.payloadStart - 8 })}</p> : null}
        </div>
        <div>
          <ul class="si-fields">
            {fields.map((f) => (
              <li key={key(f)}>
                <button
                  type="button"
                  aria-pressed={f === current}
                  aria-describedby={f === current ? `${id}-explain` : undefined}
                  data-field={f.id}
                  onFocus={() => setSel(key(f))}
                  onMouseEnter={() => setSel(key(f))}
                  onClick={() => setSel(key(f))}
                >
                  {fmt(S, nameKey(f))}: {f.value || '—'}
                </button>
                {/* Right under the field the reader picked, so it is on screen where the tap was. */}
                {f === current ? (
                  <div class="si-explain" id={`${id}-explain`} aria-live="polite">
                    <strong>{fmt(S, nameKey(current))}</strong>: <code>{current.value || '—'}</code>{' '}
                    <span class="si-where">{fmt(S, 'labs.si.bytes', { from: current.start, to: current.end - 1 })}</span>
                    {current.bits ? <span class="si-bits"> · {bitsOf(current)}</span> : null}
                    <br />
                    {fmt(S, explainKey(current))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
