import { CaptureError } from './capture-error.ts';
import { finishChecksum, pseudoHeaderSum, sumWords } from './checksum.ts';

/**
 * One TCP option, in wire order. A list (not a record) because the order and the NOP padding
 * are part of what the segment inspector shows byte by byte, and Linux's SYN layout
 * (MSS, SACK_PERM, TS, NOP, WS) must survive a decode/encode round trip.
 */
export type TcpOption =
  | { kind: 'EOL' }
  | { kind: 'NOP' }
  | { kind: 'MSS'; mss: number }
  | { kind: 'WS'; shift: number }
  | { kind: 'SACK_PERM' }
  | { kind: 'SACK'; blocks: Array<{ left: number; right: number }> }
  | { kind: 'TS'; value: number; echo: number }
  | { kind: 'UNKNOWN'; type: number; data: Uint8Array };

/** The flag bits by name, so no caller has to remember that FIN is 0x01 and RST 0x04. */
export interface TcpFlags {
  fin: boolean;
  syn: boolean;
  rst: boolean;
  psh: boolean;
  ack: boolean;
  urg: boolean;
  ece: boolean;
  cwr: boolean;
}

/** A TCP segment as fields: what the encoder takes and the decoder gives back. */
export interface TcpSegmentFields {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: TcpFlags;
  window: number;
  urgent: number;
  options: TcpOption[];
  payload: Uint8Array;
}

/** A decoded segment plus what only decoding can know. */
export interface DecodedTcp extends TcpSegmentFields {
  headerLength: number;
  checksum: number;
  /** null when the segment was cut by the snap length, so the checksum cannot be verified. */
  checksumOk: boolean | null;
}

/** All flags off; spread it and set the few you need. */
export const NO_FLAGS: TcpFlags = Object.freeze({
  fin: false,
  syn: false,
  rst: false,
  psh: false,
  ack: false,
  urg: false,
  ece: false,
  cwr: false,
});

/** Flag names in the order the trace JSON contract fixes: SYN, ACK, FIN, RST, PSH. */
export function flagNames(flags: TcpFlags): string[] {
  const out: string[] = [];
  if (flags.syn) out.push('SYN');
  if (flags.ack) out.push('ACK');
  if (flags.fin) out.push('FIN');
  if (flags.rst) out.push('RST');
  if (flags.psh) out.push('PSH');
  return out;
}

function flagsFromByte(b: number): TcpFlags {
  return {
    fin: (b & 0x01) !== 0,
    syn: (b & 0x02) !== 0,
    rst: (b & 0x04) !== 0,
    psh: (b & 0x08) !== 0,
    ack: (b & 0x10) !== 0,
    urg: (b & 0x20) !== 0,
    ece: (b & 0x40) !== 0,
    cwr: (b & 0x80) !== 0,
  };
}

function flagsToByte(f: TcpFlags): number {
  return (
    (f.fin ? 0x01 : 0) |
    (f.syn ? 0x02 : 0) |
    (f.rst ? 0x04 : 0) |
    (f.psh ? 0x08 : 0) |
    (f.ack ? 0x10 : 0) |
    (f.urg ? 0x20 : 0) |
    (f.ece ? 0x40 : 0) |
    (f.cwr ? 0x80 : 0)
  );
}

/** Bytes one option takes on the wire. */
export function optionLength(o: TcpOption): number {
  switch (o.kind) {
    case 'EOL':
    case 'NOP':
      return 1;
    case 'MSS':
      return 4;
    case 'WS':
      return 3;
    case 'SACK_PERM':
      return 2;
    case 'SACK':
      return 2 + 8 * o.blocks.length;
    case 'TS':
      return 10;
    case 'UNKNOWN':
      return 2 + o.data.length;
  }
}

/** Writes options at `at`; returns the end offset. */
function writeOptions(out: Uint8Array, view: DataView, at: number, options: TcpOption[]): number {
  for (const o of options) {
    switch (o.kind) {
      case 'EOL':
        out[at++] = 0;
        break;
      case 'NOP':
        out[at++] = 1;
        break;
      case 'MSS':
        out[at] = 2;
        out[at + 1] = 4;
        view.setUint16(at + 2, o.mss);
        at += 4;
        break;
      case 'WS':
        out[at] = 3;
        out[at + 1] = 3;
        out[at + 2] = o.shift;
        at += 3;
        break;
      case 'SACK_PERM':
        out[at] = 4;
        out[at + 1] = 2;
        at += 2;
        break;
      case 'SACK':
        out[at] = 5;
        out[at + 1] = 2 + 8 * o.blocks.length;
        at += 2;
        for (const b of o.blocks) {
          view.setUint32(at, b.left >>> 0);
          view.setUint32(at + 4, b.right >>> 0);
          at += 8;
        }
        break;
      case 'TS':
        out[at] = 8;
        out[at + 1] = 10;
        view.setUint32(at + 2, o.value >>> 0);
        view.setUint32(at + 6, o.echo >>> 0);
        at += 10;
        break;
      case 'UNKNOWN':
        out[at] = o.type;
        out[at + 1] = 2 + o.data.length;
        out.set(o.data, at + 2);
        at += 2 + o.data.length;
        break;
    }
  }
  return at;
}

/**
 * Encodes a segment with a correct checksum over the pseudo-header of `src`/`dst` (4 or 16
 * bytes each). Options are padded with EOL to a 4-byte boundary, as RFC 9293 §3.1 asks.
 */
export function encodeTcp(seg: TcpSegmentFields, src: Uint8Array, dst: Uint8Array): Uint8Array {
  let optLen = 0;
  for (const o of seg.options) optLen += optionLength(o);
  const headerLength = 20 + Math.ceil(optLen / 4) * 4;
  if (headerLength > 60) throw new CaptureError('options-too-long', `TCP options take ${optLen} bytes; at most 40 fit`);
  const out = new Uint8Array(headerLength + seg.payload.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, seg.srcPort);
  view.setUint16(2, seg.dstPort);
  view.setUint32(4, seg.seq >>> 0);
  view.setUint32(8, seg.ack >>> 0);
  out[12] = (headerLength / 4) << 4;
  out[13] = flagsToByte(seg.flags);
  view.setUint16(14, seg.window);
  view.setUint16(18, seg.urgent);
  writeOptions(out, view, 20, seg.options); // the rest stays 0 = EOL padding
  out.set(seg.payload, headerLength);
  const sum = sumWords(out, 0, out.length, pseudoHeaderSum(src, dst, out.length));
  view.setUint16(16, finishChecksum(sum));
  return out;
}

/** Big-endian reads without a DataView: decoding runs once per packet of a large capture. */
function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u32(b: Uint8Array, i: number): number {
  return b[i]! * 0x1000000 + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
}

/** Options whose length RFC 9293 / RFC 7323 fix: MSS, WS, SACK_PERM, TS. */
const FIXED_OPTION_LENGTH: Readonly<Record<number, number>> = { 2: 4, 3: 3, 4: 2, 8: 10 };

/** Parses the option area; a malformed option ends parsing with a precise error. */
export function decodeOptions(bytes: Uint8Array, start: number, end: number): TcpOption[] {
  const options: TcpOption[] = [];
  let at = start;
  while (at < end) {
    const type = bytes[at]!;
    if (type === 0) {
      options.push({ kind: 'EOL' });
      break;
    }
    if (type === 1) {
      options.push({ kind: 'NOP' });
      at++;
      continue;
    }
    if (at + 1 >= end) throw new CaptureError('bad-option', `TCP option ${type} has no length byte`, { offset: at });
    const len = bytes[at + 1]!;
    if (len < 2 || at + len > end) {
      throw new CaptureError('bad-option', `TCP option ${type} has length ${len}, which does not fit the header`, { offset: at });
    }
    const want = FIXED_OPTION_LENGTH[type];
    if (want !== undefined && len !== want) {
      throw new CaptureError('bad-option', `TCP option ${type} must be ${want} bytes long, not ${len}`, { offset: at });
    }
    if (type === 2) options.push({ kind: 'MSS', mss: u16(bytes, at + 2) });
    else if (type === 3) options.push({ kind: 'WS', shift: bytes[at + 2]! });
    else if (type === 4) options.push({ kind: 'SACK_PERM' });
    else if (type === 8) options.push({ kind: 'TS', value: u32(bytes, at + 2), echo: u32(bytes, at + 6) });
    else if (type === 5 && (len - 2) % 8 === 0) {
      const blocks: Array<{ left: number; right: number }> = [];
      for (let b = at + 2; b < at + len; b += 8) blocks.push({ left: u32(bytes, b), right: u32(bytes, b + 4) });
      options.push({ kind: 'SACK', blocks });
    } else options.push({ kind: 'UNKNOWN', type, data: bytes.slice(at + 2, at + len) });
    at += len;
  }
  return options;
}

/**
 * Decodes a TCP segment. `tcpLength` is the length the IP header claims (may exceed the
 * captured bytes when the snap length cut the packet; then the checksum is not checked and
 * the payload is what was captured). Pass no addresses to skip the checksum.
 */
export function decodeTcp(bytes: Uint8Array, tcpLength: number = bytes.length, src?: Uint8Array, dst?: Uint8Array): DecodedTcp {
  if (bytes.length < 20) throw new CaptureError('truncated', `TCP header needs 20 bytes, only ${bytes.length} captured`);
  const headerLength = (bytes[12]! >> 4) * 4;
  if (headerLength < 20) throw new CaptureError('bad-header', `TCP data offset ${headerLength / 4} is below the minimum 5`, { offset: 12 });
  if (headerLength > bytes.length) {
    throw new CaptureError('truncated', `TCP header says ${headerLength} bytes, only ${bytes.length} captured`, { offset: 12 });
  }
  if (headerLength > tcpLength) {
    throw new CaptureError('bad-header', `TCP header length ${headerLength} exceeds the segment length ${tcpLength}`, { offset: 12 });
  }
  const complete = bytes.length >= tcpLength;
  const payload = bytes.subarray(headerLength, Math.min(bytes.length, tcpLength));
  let checksumOk: boolean | null = null;
  if (complete && src && dst) {
    checksumOk = finishChecksum(sumWords(bytes, 0, tcpLength, pseudoHeaderSum(src, dst, tcpLength))) === 0;
  }
  return {
    srcPort: u16(bytes, 0),
    dstPort: u16(bytes, 2),
    seq: u32(bytes, 4),
    ack: u32(bytes, 8),
    flags: flagsFromByte(bytes[13]!),
    window: u16(bytes, 14),
    checksum: u16(bytes, 16),
    urgent: u16(bytes, 18),
    options: decodeOptions(bytes, 20, headerLength),
    payload,
    headerLength,
    checksumOk,
  };
}
