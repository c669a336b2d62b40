/**
 * A segment as the engine builds and records it: its flags, SEG.LEN, the JSON form traces store and
 * the byte helpers. How flags are written for a reader is segment.ts.
 */
import type { Address, FlagName, Segment, SegmentJSON, TcpFlags, TcpOptions } from './types.ts';

/** Flag names in the engine's order, for the trace CLI's JSON `flags` arrays (a schema, not for display: see segment.ts's flagNotation). */
export const FLAG_ORDER: readonly FlagName[] = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'];

/** Build a TcpFlags from names, e.g. flags('SYN', 'ACK'). */
export function flags(...names: FlagName[]): TcpFlags {
  return { SYN: names.includes('SYN'), ACK: names.includes('ACK'), FIN: names.includes('FIN'), RST: names.includes('RST'), PSH: names.includes('PSH') };
}

/** The set flags in FLAG_ORDER (the CLI's JSON; display goes through segment.ts's printedFlags or flagNotation). */
export function flagList(f: TcpFlags): FlagName[] {
  return FLAG_ORDER.filter((n) => f[n]);
}

/** tcpdump-style short form: S, S., F., R., P. … ("." = ACK), handy in tests and labels. */
export function flagString(f: TcpFlags): string {
  return (f.SYN ? 'S' : '') + (f.FIN ? 'F' : '') + (f.RST ? 'R' : '') + (f.PSH ? 'P' : '') + (f.ACK ? '.' : '');
}

/** SEG.LEN of §3.4: payload bytes plus one for SYN and one for FIN. */
export function segLen(s: Pick<Segment, 'flags' | 'payload'>): number {
  return s.payload.length + (s.flags.SYN ? 1 : 0) + (s.flags.FIN ? 1 : 0);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of bytes (the JSON form of payloads; fromHex in wire-segments.ts reads it). Table-driven: traces hex every segment. */
export function toHex(b: Uint8Array): string {
  const parts = new Array<string>(b.length);
  for (let i = 0; i < b.length; i++) parts[i] = HEX[b[i] ?? 0] ?? '00';
  return parts.join('');
}

function copyAddr(a: Address): Address {
  return { ip: a.ip, port: a.port };
}

function copyOptions(o: TcpOptions): TcpOptions {
  const r: TcpOptions = {};
  if (o.mss !== undefined) r.mss = o.mss;
  if (o.windowScale !== undefined) r.windowScale = o.windowScale;
  if (o.sackPermitted !== undefined) r.sackPermitted = o.sackPermitted;
  if (o.timestamps !== undefined) r.timestamps = { tsval: o.timestamps.tsval, tsecr: o.timestamps.tsecr };
  return r;
}

/** The header fields a Segment and its JSON form share, copied (no object of `s` is shared). */
export function copyHeader(s: Omit<Segment, 'payload'>): Omit<Segment, 'payload'> {
  return { src: copyAddr(s.src), dst: copyAddr(s.dst), seq: s.seq, ack: s.ack, flags: { ...s.flags }, window: s.window, options: copyOptions(s.options) };
}

/** Segment → JSON-safe form (payload hex). Traces store segments this way. */
export function segmentToJSON(s: Segment): SegmentJSON {
  return { ...copyHeader(s), payload: toHex(s.payload), len: s.payload.length };
}

/** UTF-8 bytes of a string (scenario scripts write text like "ping"). */
export function textBytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Join two byte arrays into a new one (buffers are never written in place). */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
