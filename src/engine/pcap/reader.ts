import { CaptureError } from '../wire/capture-error.ts';
import { MAX_BLOCK_BYTES, MAX_CAPLEN, MAX_FILE_BYTES, MAX_INTERFACES, MAX_PACKETS, MAX_WARNINGS } from './limits.ts';

/** One captured frame as the file holds it, before any protocol decoding. */
export interface RawPacket {
  /** 1-based, as tshark numbers frames. */
  number: number;
  /** Byte offset of the packet's record (pcap) or block (pcapng) in the file. */
  offset: number;
  /** Timestamp split in whole seconds and nanoseconds: a double cannot hold epoch nanoseconds. */
  sec: number;
  nsec: number;
  linkType: number;
  interfaceId: number;
  data: Uint8Array;
  origLength: number;
}

/** A problem that did not stop the import, with its place, so readers can find it in their file. */
export interface CaptureWarning {
  code: string;
  message: string;
  offset?: number;
  packet?: number;
  /** On the 'too-many-warnings' summary only: how many warnings it stands for. */
  dropped?: number;
}

/** A parsed capture file. */
export interface CaptureFile {
  format: 'pcap' | 'pcapng';
  littleEndian: boolean;
  packets: RawPacket[];
  warnings: CaptureWarning[];
}

const PCAP_MAGIC_US = 0xa1b2c3d4;
const PCAP_MAGIC_NS = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BOM = 0x1a2b3c4d;

/** Collects warnings up to MAX_WARNINGS and counts the rest, so a broken file cannot flood memory. */
export class WarningLog {
  readonly list: CaptureWarning[] = [];
  private dropped = 0;
  add(w: CaptureWarning): void {
    // Another log's summary line (logs are merged): count what it stood for, never drop it.
    if (w.code === 'too-many-warnings' && w.dropped !== undefined) this.dropped += w.dropped;
    else if (this.list.length < MAX_WARNINGS) this.list.push(w);
    else this.dropped++;
  }
  finish(): CaptureWarning[] {
    const out = [...this.list];
    if (this.dropped > 0) out.push({ code: 'too-many-warnings', message: `${this.dropped} more warnings not shown`, dropped: this.dropped });
    return out;
  }
}

/** Renders a warning as one line: "packet 3, byte offset 120: message". */
export function formatWarning(w: CaptureWarning): string {
  return CaptureError.describe(w.message, { packet: w.packet, offset: w.offset });
}

/** What scanning a file found, without the packets themselves (they went to the callback). */
export interface CaptureSummary {
  format: 'pcap' | 'pcapng';
  littleEndian: boolean;
  packets: number;
  warnings: CaptureWarning[];
}

/**
 * Reads a classic pcap or pcapng file from memory. Throws CaptureError when the file cannot be
 * read at all (wrong magic, absurd lengths); a file cut short keeps the packets before the cut
 * and says where the cut is.
 */
export function readCapture(bytes: Uint8Array): CaptureFile {
  const packets: RawPacket[] = [];
  const s = scanCapture(bytes, (p) => packets.push(p));
  return { format: s.format, littleEndian: s.littleEndian, packets, warnings: s.warnings };
}

/**
 * Reads the next bytes of a capture into `into` (from where the last call stopped) and returns
 * how many it read; 0 at the end. The trace CLI passes one over a file descriptor, so a capture
 * is read as a stream and never held whole.
 */
export type ReadChunk = (into: Uint8Array) => number;

/** How much of a streamed capture is buffered at a time (a record or block is at most MAX_BLOCK_BYTES). */
const STREAM_CHUNK = 8 * 1024 * 1024;

/**
 * The bytes of a capture seen through a window that only moves forward, addressed by file
 * offset with DataView's methods: all of an in-memory file, or the current chunk of a stream.
 * A refill copies what is still needed into a fresh buffer, so the packet data already handed
 * out (views into older buffers) stays valid as long as someone holds it, and no longer.
 */
class Window {
  private buf: Uint8Array;
  private view: DataView;
  private base = 0;
  private len: number;
  private done: boolean;
  private readonly read: ReadChunk | null;
  private readonly limit: number;
  private readonly chunk: number;

  constructor(input: Uint8Array | ReadChunk, limit: number, chunk: number) {
    this.limit = limit;
    this.chunk = chunk;
    if (typeof input === 'function') {
      this.read = input;
      this.buf = new Uint8Array(0);
      this.len = 0;
      this.done = false;
    } else {
      this.read = null;
      this.buf = input;
      this.len = input.length;
      this.done = true;
    }
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** Bytes known so far; once has() has returned false, the size of the whole input. */
  get end(): number {
    return this.base + this.len;
  }

  /**
   * Makes bytes [at, at + n) available and returns true, or false when the input ends first.
   * Bytes before `at` may be dropped: readers only move forward.
   */
  has(at: number, n: number): boolean {
    if (at + n <= this.end) return true;
    if (this.done || !this.read) return false;
    const keep = Math.max(0, this.end - at);
    const next = new Uint8Array(Math.max(this.chunk, n));
    next.set(this.buf.subarray(this.len - keep, this.len));
    const start = this.end - keep;
    this.buf = next;
    this.base = start;
    this.len = keep;
    while (this.len < next.length) {
      const got = this.read(next.subarray(this.len));
      if (got === 0) {
        this.done = true;
        break;
      }
      this.len += got;
      if (this.end > this.limit) throw new CaptureError('too-large', `input is over ${this.limit} bytes, the limit`);
    }
    this.view = new DataView(next.buffer, 0, this.len);
    return at >= start && at + n <= this.end;
  }

  getUint8(at: number): number {
    return this.view.getUint8(at - this.base);
  }
  getUint16(at: number, le: boolean): number {
    return this.view.getUint16(at - this.base, le);
  }
  getUint32(at: number, le: boolean): number {
    return this.view.getUint32(at - this.base, le);
  }
  getBigInt64(at: number, le: boolean): bigint {
    return this.view.getBigInt64(at - this.base, le);
  }
  subarray(from: number, to: number): Uint8Array {
    return this.buf.subarray(from - this.base, to - this.base);
  }
}

/**
 * Like readCapture, but hands each packet to `onPacket` as it is found instead of keeping
 * them all: a large capture is then imported without a second copy of its packet list. The
 * input is the whole file, or a ReadChunk to read it as a stream, `chunk` bytes at a time (a
 * packet's data is then a view into its chunk). `limit` is the largest input read.
 */
export function scanCapture(input: Uint8Array | ReadChunk, onPacket: (p: RawPacket) => void, options: { limit?: number; chunk?: number } = {}): CaptureSummary {
  const limit = options.limit ?? MAX_FILE_BYTES;
  if (typeof input !== 'function' && input.length > limit) {
    throw new CaptureError('too-large', `file is ${input.length} bytes; the limit is ${limit} (MAX_FILE_BYTES)`);
  }
  const view = new Window(input, limit, options.chunk ?? STREAM_CHUNK);
  if (!view.has(0, 4)) throw new CaptureError('too-short', `file is ${view.end} bytes, too short to hold a capture header`, { offset: 0 });
  const magicBE = view.getUint32(0, false);
  if (magicBE === PCAPNG_SHB) return readPcapng(view, onPacket);
  const magicLE = view.getUint32(0, true);
  for (const [magic, le] of [
    [magicLE, true],
    [magicBE, false],
  ] as const) {
    if (magic === PCAP_MAGIC_US || magic === PCAP_MAGIC_NS) return readPcap(view, le, magic === PCAP_MAGIC_NS, onPacket);
  }
  const hex = Array.from(view.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new CaptureError(
    'bad-magic',
    `not a pcap or pcapng file: magic bytes ${hex} (expected d4 c3 b2 a1 / a1 b2 c3 d4 for pcap, 4d 3c b2 a1 for nanosecond pcap, 0a 0d 0d 0a for pcapng)`,
    { offset: 0 },
  );
}

function readPcap(view: Window, le: boolean, nano: boolean, onPacket: (p: RawPacket) => void): CaptureSummary {
  if (!view.has(0, 24)) throw new CaptureError('too-short', `pcap file header needs 24 bytes, file has ${view.end}`, { offset: 0 });
  const warnings = new WarningLog();
  const major = view.getUint16(4, le);
  if (major !== 2) warnings.add({ code: 'version', message: `pcap version ${major}.${view.getUint16(6, le)} (expected 2.4)`, offset: 4 });
  const snaplen = view.getUint32(16, le);
  if (snaplen > MAX_CAPLEN) {
    warnings.add({ code: 'snaplen', message: `snap length ${snaplen} exceeds ${MAX_CAPLEN}; packet lengths are checked against ${MAX_CAPLEN}`, offset: 16 });
  }
  const linkType = view.getUint32(20, le) & 0x0fffffff & 0xffff;
  let count = 0;
  let at = 24;
  while (view.has(at, 1)) {
    const number = count + 1;
    if (number > MAX_PACKETS) throw new CaptureError('too-many-packets', `more than ${MAX_PACKETS} packets (MAX_PACKETS)`, { offset: at, packet: number });
    if (!view.has(at, 16)) {
      warnings.add({ code: 'truncated', message: `file cut short inside a packet header (${view.end - at} of 16 bytes)`, offset: at, packet: number });
      break;
    }
    const sec = view.getUint32(at, le);
    const frac = view.getUint32(at + 4, le);
    const caplen = view.getUint32(at + 8, le);
    const origLength = view.getUint32(at + 12, le);
    if (caplen > MAX_CAPLEN) {
      throw new CaptureError('bad-length', `captured length ${caplen} exceeds the maximum ${MAX_CAPLEN} (MAX_CAPLEN); the file is corrupt`, {
        offset: at + 8,
        packet: number,
      });
    }
    if (frac >= (nano ? 1e9 : 1e6)) {
      warnings.add({ code: 'bad-timestamp', message: `sub-second timestamp ${frac} is out of range`, offset: at + 4, packet: number });
    }
    if (!view.has(at, 16 + caplen)) {
      warnings.add({
        code: 'truncated',
        message: `file cut short inside packet data (${view.end - at - 16} of ${caplen} bytes)`,
        offset: at + 16,
        packet: number,
      });
      break;
    }
    count++;
    onPacket({
      number,
      offset: at,
      sec,
      nsec: nano ? frac % 1e9 : (frac % 1e6) * 1000,
      linkType,
      interfaceId: 0,
      data: view.subarray(at + 16, at + 16 + caplen),
      origLength,
    });
    at += 16 + caplen;
  }
  return { format: 'pcap', littleEndian: le, packets: count, warnings: warnings.finish() };
}

interface Interface {
  linkType: number;
  snaplen: number;
  /** Timestamp units per second, as a power: 10^exp10 or 2^exp2. */
  unitsPerSecond: bigint;
  offsetSeconds: bigint;
  /** The same two as numbers, for pcapngTime's fast path. */
  ups: number;
  offset: number;
}

function parseIdbOptions(view: Window, start: number, end: number, le: boolean, blockOffset: number): { tsresol?: number; tsoffset?: bigint } {
  const out: { tsresol?: number; tsoffset?: bigint } = {};
  let at = start;
  while (at + 4 <= end) {
    const code = view.getUint16(at, le);
    const len = view.getUint16(at + 2, le);
    if (code === 0) break;
    if (at + 4 + len > end) throw new CaptureError('bad-block', `interface option ${code} of length ${len} runs past its block`, { offset: blockOffset });
    if (code === 9 && len >= 1) out.tsresol = view.getUint8(at + 4);
    if (code === 14 && len >= 8) out.tsoffset = view.getBigInt64(at + 4, le);
    at += 4 + Math.ceil(len / 4) * 4;
  }
  return out;
}

function unitsFromTsresol(r: number | undefined, blockOffset: number): bigint {
  if (r === undefined) return 1_000_000n;
  const exp = r & 0x7f;
  // 2^63 or 10^18 is already finer than anything a NIC stamps; beyond that the option is corrupt.
  if (r & 0x80 ? exp > 63 : exp > 18)
    throw new CaptureError('bad-block', `interface timestamp resolution byte 0x${r.toString(16)} is absurd`, { offset: blockOffset });
  return r & 0x80 ? 1n << BigInt(exp) : 10n ** BigInt(exp);
}

/** A pcapng block's length field, at `offset`: a multiple of 4 between 12 and MAX_BLOCK_BYTES. */
function checkBlockLength(length: number, offset: number): void {
  if (length < 12 || length % 4 !== 0 || length > MAX_BLOCK_BYTES) {
    // A block, not a packet: its length field is what is wrong, so only the offset is named.
    throw new CaptureError(
      'bad-block-length',
      `block length ${length} is invalid (must be a multiple of 4 between 12 and ${MAX_BLOCK_BYTES}, MAX_BLOCK_BYTES)`,
      { offset },
    );
  }
}

/** A packet block's 64-bit timestamp, in its interface's units, as seconds and nanoseconds. */
function pcapngTime(iface: Interface, tsHigh: number, tsLow: number): { sec: number; nsec: number } {
  // Fast path, the same numbers without BigInt: units of 10^-k s (k <= 9, microseconds by default)
  // and a count below 2^53, so every step below is exact in a double.
  const { ups, offset } = iface;
  const count = tsHigh * 0x1_0000_0000 + tsLow;
  if (1e9 % ups === 0 && count <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(offset)) {
    const whole = Math.floor(count / ups);
    return { sec: whole + offset, nsec: (count - whole * ups) * (1e9 / ups) };
  }
  const units = (BigInt(tsHigh) << 32n) | BigInt(tsLow);
  const whole = units / iface.unitsPerSecond;
  const rest = units % iface.unitsPerSecond;
  return { sec: Number(whole + iface.offsetSeconds), nsec: Number((rest * 1_000_000_000n) / iface.unitsPerSecond) };
}

function readPcapng(view: Window, onPacket: (p: RawPacket) => void): CaptureSummary {
  const warnings = new WarningLog();
  let count = 0;
  let interfaces: Interface[] = [];
  let le = true;
  let firstLe: boolean | undefined;
  let at = 0;
  while (view.has(at, 1)) {
    const blockOffset = at;
    if (!view.has(at, 12)) {
      warnings.add({ code: 'truncated', message: `file cut short inside a block header (${view.end - at} bytes left)`, offset: at });
      break;
    }
    const typeBE = view.getUint32(at, false);
    if (typeBE === PCAPNG_SHB) {
      const bomLE = view.getUint32(at + 8, true);
      if (bomLE === PCAPNG_BOM) le = true;
      else if (view.getUint32(at + 8, false) === PCAPNG_BOM) le = false;
      else throw new CaptureError('bad-magic', `section header has byte-order magic 0x${bomLE.toString(16)}, not 0x1a2b3c4d`, { offset: at + 8 });
      firstLe ??= le;
      interfaces = [];
    } else if (at === 0) {
      throw new CaptureError('bad-magic', 'pcapng file does not start with a section header block', { offset: 0 });
    }
    const type = view.getUint32(at, le);
    const length = view.getUint32(at + 4, le);
    checkBlockLength(length, at + 4);
    if (!view.has(at, length)) {
      warnings.add({
        code: 'truncated',
        message: `file cut short inside a block of ${length} bytes (${view.end - at} bytes left)`,
        offset: at,
        packet: count + 1,
      });
      break;
    }
    const trailer = view.getUint32(at + length - 4, le);
    if (trailer !== length) {
      throw new CaptureError('bad-length', `block length ${length} at its start but ${trailer} at its end`, { offset: at + length - 4 });
    }
    const body = at + 8;
    const bodyEnd = at + length - 4;
    const need = (n: number, what: string): void => {
      if (body + n > bodyEnd) throw new CaptureError('bad-block', `${what} needs ${n} bytes, block holds ${bodyEnd - body}`, { offset: blockOffset });
    };
    if (type === 1) {
      need(8, 'interface description block');
      if (interfaces.length >= MAX_INTERFACES)
        throw new CaptureError('too-many-interfaces', `more than ${MAX_INTERFACES} interfaces (MAX_INTERFACES)`, { offset: at });
      const opts = parseIdbOptions(view, body + 8, bodyEnd, le, blockOffset);
      const unitsPerSecond = unitsFromTsresol(opts.tsresol, blockOffset);
      const offsetSeconds = opts.tsoffset ?? 0n;
      interfaces.push({
        linkType: view.getUint16(body, le),
        snaplen: view.getUint32(body + 4, le),
        unitsPerSecond,
        offsetSeconds,
        ups: Number(unitsPerSecond),
        offset: Number(offsetSeconds),
      });
    } else if (type === 6 || type === 2 || type === 3) {
      const number = count + 1;
      if (number > MAX_PACKETS) throw new CaptureError('too-many-packets', `more than ${MAX_PACKETS} packets (MAX_PACKETS)`, { offset: at, packet: number });
      let ifId: number;
      let tsHigh = 0;
      let tsLow = 0;
      let caplen: number;
      let origLength: number;
      let dataAt: number;
      if (type === 3) {
        need(4, 'simple packet block');
        ifId = 0;
        origLength = view.getUint32(body, le);
        dataAt = body + 4;
        caplen = Math.min(origLength, bodyEnd - dataAt);
      } else {
        need(20, type === 6 ? 'enhanced packet block' : 'packet block');
        ifId = type === 6 ? view.getUint32(body, le) : view.getUint16(body, le);
        tsHigh = view.getUint32(body + 4, le);
        tsLow = view.getUint32(body + 8, le);
        caplen = view.getUint32(body + 12, le);
        origLength = view.getUint32(body + 16, le);
        dataAt = body + 20;
      }
      const iface = interfaces[ifId];
      if (!iface) {
        throw new CaptureError('bad-block', `packet refers to interface ${ifId}, but the section declares ${interfaces.length}`, {
          offset: at,
          packet: number,
        });
      }
      if (type === 3 && iface.snaplen > 0) caplen = Math.min(caplen, iface.snaplen);
      if (caplen > MAX_CAPLEN) {
        throw new CaptureError('bad-length', `captured length ${caplen} exceeds the maximum ${MAX_CAPLEN} (MAX_CAPLEN)`, { offset: body + 12, packet: number });
      }
      if (dataAt + caplen > bodyEnd) {
        throw new CaptureError('bad-length', `captured length ${caplen} runs past the end of its block`, { offset: body + 12, packet: number });
      }
      // A simple packet block has no timestamp.
      const { sec, nsec } = type === 3 ? { sec: 0, nsec: 0 } : pcapngTime(iface, tsHigh, tsLow);
      count++;
      onPacket({
        number,
        offset: at,
        sec,
        nsec,
        linkType: iface.linkType,
        interfaceId: ifId,
        data: view.subarray(dataAt, dataAt + caplen),
        origLength,
      });
    }
    // Other blocks (name resolution, statistics, custom, decryption secrets) carry no packets.
    at += length;
  }
  return { format: 'pcapng', littleEndian: firstLe ?? true, packets: count, warnings: warnings.finish() };
}
