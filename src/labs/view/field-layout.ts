/**
 * Maps the bytes of one IPv4+TCP packet to named fields, so the inspector can light up the bytes
 * of a field and explain it. It reads the bytes it is given (from the engine's encoder or from a
 * capture) instead of trusting a separate description, so what is highlighted is what is there.
 */

/** Which header a field belongs to. */
export type FieldGroup = 'ip' | 'tcp' | 'flag' | 'option' | 'data';

/** One field: bytes [start, end), an optional bit mask inside them, and its decoded value. */
export interface HeaderField {
  /** Stable id; also the dictionary key suffix of its explanation (`labs.field.<id>`). */
  id: string;
  group: FieldGroup;
  start: number;
  end: number;
  /** For fields narrower than a byte (version, IHL, data offset, flag bits): the bits within the first byte (or 16-bit word for the fragment field). */
  bits?: string;
  /** The value as shown next to the field's name. */
  value: string;
}

/** The result, or the reason the bytes are not an IPv4+TCP packet. */
export type FieldLayout = { ok: true; fields: HeaderField[]; tcpStart: number; payloadStart: number } | { ok: false; error: string; at: number };

/** TCP flag bits of byte 13, most significant first (RFC 9293 §3.1, RFC 3168). */
export const FLAG_BITS = ['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN'] as const;

const u16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number): number => u16(b, i) * 65536 + u16(b, i + 2);
const hex = (n: number, w: number): string => `0x${n.toString(16).padStart(w, '0')}`;
const ip = (b: Uint8Array, i: number): string => `${b[i]}.${b[i + 1]}.${b[i + 2]}.${b[i + 3]}`;

/** Lays out a packet that starts with an IPv4 header. Never throws: malformed input yields `ok: false` naming the byte. */
export function layoutPacket(b: Uint8Array): FieldLayout {
  if (b.length < 20) return { ok: false, error: 'short-ip', at: b.length };
  const v0 = b[0] ?? 0;
  if (v0 >> 4 !== 4) return { ok: false, error: 'not-ipv4', at: 0 };
  const ihl = (v0 & 0x0f) * 4;
  if (ihl < 20 || ihl > b.length) return { ok: false, error: 'bad-ihl', at: 0 };
  if (b[9] !== 6) return { ok: false, error: 'not-tcp', at: 9 };
  const f: HeaderField[] = [
    { id: 'ip.version', group: 'ip', start: 0, end: 1, bits: '11110000', value: String(v0 >> 4) },
    { id: 'ip.ihl', group: 'ip', start: 0, end: 1, bits: '00001111', value: `${v0 & 0x0f} × 4 = ${ihl}` },
    { id: 'ip.tos', group: 'ip', start: 1, end: 2, value: hex(b[1] ?? 0, 2) },
    { id: 'ip.len', group: 'ip', start: 2, end: 4, value: String(u16(b, 2)) },
    { id: 'ip.id', group: 'ip', start: 4, end: 6, value: hex(u16(b, 4), 4) },
    { id: 'ip.frag', group: 'ip', start: 6, end: 8, value: fragText(u16(b, 6)) },
    { id: 'ip.ttl', group: 'ip', start: 8, end: 9, value: String(b[8]) },
    { id: 'ip.proto', group: 'ip', start: 9, end: 10, value: '6 (TCP)' },
    { id: 'ip.csum', group: 'ip', start: 10, end: 12, value: hex(u16(b, 10), 4) },
    { id: 'ip.src', group: 'ip', start: 12, end: 16, value: ip(b, 12) },
    { id: 'ip.dst', group: 'ip', start: 16, end: 20, value: ip(b, 16) },
  ];
  if (ihl > 20) f.push({ id: 'ip.options', group: 'ip', start: 20, end: ihl, value: `${ihl - 20} B` });
  const t = ihl;
  if (b.length < t + 20) return { ok: false, error: 'short-tcp', at: b.length };
  const off = ((b[t + 12] ?? 0) >> 4) * 4;
  if (off < 20 || t + off > b.length) return { ok: false, error: 'bad-offset', at: t + 12 };
  const flags = b[t + 13] ?? 0;
  f.push(
    { id: 'tcp.sport', group: 'tcp', start: t, end: t + 2, value: String(u16(b, t)) },
    { id: 'tcp.dport', group: 'tcp', start: t + 2, end: t + 4, value: String(u16(b, t + 2)) },
    { id: 'tcp.seq', group: 'tcp', start: t + 4, end: t + 8, value: String(u32(b, t + 4)) },
    { id: 'tcp.ack', group: 'tcp', start: t + 8, end: t + 12, value: String(u32(b, t + 8)) },
    { id: 'tcp.off', group: 'tcp', start: t + 12, end: t + 13, bits: '11110000', value: `${off / 4} × 4 = ${off}` },
    { id: 'tcp.res', group: 'tcp', start: t + 12, end: t + 13, bits: '00001111', value: String((b[t + 12] ?? 0) & 0x0f) },
  );
  FLAG_BITS.forEach((name, i) => {
    const mask = 0x80 >> i;
    f.push({
      id: `flag.${name.toLowerCase()}`,
      group: 'flag',
      start: t + 13,
      end: t + 14,
      bits: mask.toString(2).padStart(8, '0'),
      value: flags & mask ? '1' : '0',
    });
  });
  f.push(
    { id: 'tcp.win', group: 'tcp', start: t + 14, end: t + 16, value: String(u16(b, t + 14)) },
    { id: 'tcp.csum', group: 'tcp', start: t + 16, end: t + 18, value: hex(u16(b, t + 16), 4) },
    { id: 'tcp.urp', group: 'tcp', start: t + 18, end: t + 20, value: String(u16(b, t + 18)) },
  );
  const optErr = layoutOptions(b, t + 20, t + off, f);
  if (optErr) return optErr;
  const total = Math.min(b.length, Math.max(u16(b, 2), t + off));
  if (total > t + off) f.push({ id: 'data', group: 'data', start: t + off, end: total, value: `${total - t - off} B` });
  return { ok: true, fields: f, tcpStart: t, payloadStart: t + off };
}

function fragText(w: number): string {
  const parts: string[] = [];
  if (w & 0x4000) parts.push('DF');
  if (w & 0x2000) parts.push('MF');
  parts.push(`offset ${w & 0x1fff}`);
  return parts.join(', ');
}

/** TCP options (RFC 9293 §3.2, RFC 7323, RFC 2018), one field each; a bad length names its byte. */
function layoutOptions(b: Uint8Array, from: number, to: number, out: HeaderField[]): FieldLayout | null {
  let i = from;
  while (i < to) {
    const kind = b[i] ?? 0;
    if (kind === 0) {
      out.push({ id: 'opt.eol', group: 'option', start: i, end: to, value: '' });
      return null;
    }
    if (kind === 1) {
      out.push({ id: 'opt.nop', group: 'option', start: i, end: i + 1, value: '' });
      i += 1;
      continue;
    }
    const len = b[i + 1] ?? 0;
    if (len < 2 || i + len > to) return { ok: false, error: 'bad-option', at: i + 1 };
    out.push({ id: optionId(kind), group: 'option', start: i, end: i + len, value: optionValue(b, kind, i, len) });
    i += len;
  }
  return null;
}

function optionId(kind: number): string {
  switch (kind) {
    case 2:
      return 'opt.mss';
    case 3:
      return 'opt.ws';
    case 4:
      return 'opt.sackperm';
    case 5:
      return 'opt.sack';
    case 8:
      return 'opt.ts';
    default:
      return 'opt.other';
  }
}

function optionValue(b: Uint8Array, kind: number, i: number, len: number): string {
  if (kind === 2 && len === 4) return String(u16(b, i + 2));
  if (kind === 3 && len === 3) return `${b[i + 2]} (× ${2 ** (b[i + 2] ?? 0)})`;
  if (kind === 8 && len === 10) return `${u32(b, i + 2)} / ${u32(b, i + 6)}`;
  if (kind === 5) {
    const blocks: string[] = [];
    for (let j = i + 2; j + 8 <= i + len; j += 8) blocks.push(`${u32(b, j)}–${u32(b, j + 4)}`);
    return blocks.join(', ');
  }
  return kind === 4 ? '' : `kind ${kind}, ${len} B`;
}

/** The field a byte belongs to, preferring the narrowest (a flag bit over its whole byte is not wanted, so bit fields lose to none: the first match wins). */
export function fieldAt(fields: readonly HeaderField[], byte: number): HeaderField | undefined {
  return fields.find((f) => byte >= f.start && byte < f.end);
}

/** Two-digit hex of each byte, for the grid. */
export function hexBytes(b: Uint8Array): string[] {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0'));
}
