import { formatAddress } from '../wire/address.ts';
import type { TcpOption } from '../wire/tcp.ts';
import type { Address, Segment, Side, TcpOptions } from '../types.ts';
import { MAX_CONNECTIONS } from './limits.ts';
import type { CapturedSegment } from './packets.ts';
import type { CaptureWarning } from './reader.ts';

/** A captured segment assigned to a connection and a side. */
export interface ConnectionSegment {
  /** Seconds since the first packet of the file. */
  t: number;
  from: Side;
  /** The segment in the engine's own shape, so it can be fed to engine endpoints. */
  segment: Segment;
  /** Where it is in the file. */
  number: number;
  offset: number;
  /** The TCP checksum; null when it could not be checked (cut) or was not (analyseCapture skips it). */
  checksumOk: boolean | null;
  /** Payload bytes missing from the capture (snap length); the segment's payload is then stand-in zeros. */
  cut: number;
}

/** One TCP connection found in a capture. A is the side that sent the first SYN. */
export interface CapturedConnection {
  a: string;
  b: string;
  segments: ConnectionSegment[];
  /** No SYN from A was seen: the capture started mid-connection (A is then the first sender). */
  midConnection: boolean;
}

/** Engine options from wire options (the engine models MSS, WS, SACK-permitted and timestamps). */
export function engineOptions(options: TcpOption[]): TcpOptions {
  const out: TcpOptions = {};
  for (const o of options) {
    if (o.kind === 'MSS') out.mss = o.mss;
    else if (o.kind === 'WS') out.windowScale = o.shift;
    else if (o.kind === 'SACK_PERM') out.sackPermitted = true;
    else if (o.kind === 'TS') out.timestamps = { tsval: o.value, tsecr: o.echo };
  }
  return out;
}

interface Building {
  conn: CapturedConnection;
  /** A's and B's addresses, shared by all the connection's segments. */
  addr: Record<Side, Address>;
  /** Endpoint key of A (the first SYN's sender, or the first sender). */
  aKey: string;
  aIsn: number | null;
  /** Saw FIN or RST: a later SYN from A with a new ISN starts a new incarnation. */
  ended: boolean;
  /** Only SYNs from A so far (a new ISN then means the client gave up and tried again). */
  onlySyns: boolean;
}

const ZEROS = new Uint8Array(65536);
/**
 * Payload of a segment the snap length cut: zeros of the length the IP header gives, so its
 * sequence space is right (states never depend on payload bytes). Shared, so a cut capture of
 * a large transfer costs no memory per segment.
 */
const STAND_INS = new Map<number, Uint8Array>();
function standIn(n: number): Uint8Array {
  if (n > ZEROS.length) return new Uint8Array(n);
  let v = STAND_INS.get(n);
  if (!v) STAND_INS.set(n, (v = ZEROS.subarray(0, n)));
  return v;
}

/** The 32 flag combinations, one shared object each: a segment's flags are never changed in place. */
const FLAGS = Array.from({ length: 32 }, (_, m) => Object.freeze({ SYN: !!(m & 1), ACK: !!(m & 2), FIN: !!(m & 4), RST: !!(m & 8), PSH: !!(m & 16) }));
const NO_OPTIONS: TcpOptions = Object.freeze({});

/** An IPv4 address as one number. */
const ipv4 = (b: Uint8Array): number => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

/** Address text by value, so a capture of a million packets formats each address once. */
class AddressNames {
  private readonly v4 = new Map<number, string>();
  name(b: Uint8Array): string {
    if (b.length !== 4) return formatAddress(b);
    const key = b[0]! * 0x1000000 + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
    let n = this.v4.get(key);
    if (n === undefined) {
      n = formatAddress(b);
      this.v4.set(key, n);
    }
    return n;
  }
}

/**
 * Splits segments into connections by 4-tuple, one segment at a time. A SYN from the same
 * client after the old connection ended (FIN or RST seen), or with a different ISN while only
 * SYNs were seen, starts a new connection: a new incarnation on the same 4-tuple.
 */
export class ConnectionSplitter {
  readonly connections: CapturedConnection[] = [];
  private readonly open = new Map<string, Building>();
  private readonly names = new AddressNames();
  private readonly warn: (w: CaptureWarning) => void;
  /** Where segments wait without their payload (keepPayload false); null: in their connections' lists. */
  private readonly store: SegmentStore | null;
  private readonly maxConnections: number;
  private limitWarned = false;

  /**
   * `keepPayload: false` gives every segment stand-in zeros of its length instead of a view of
   * the captured bytes (states never depend on payload bytes, and a streamed capture's chunks
   * can then be freed as soon as they are read) and keeps it compact until it is read.
   */
  constructor(warn: (w: CaptureWarning) => void, options: { keepPayload?: boolean; maxConnections?: number } = {}) {
    this.warn = warn;
    this.store = (options.keepPayload ?? true) ? null : new SegmentStore();
    this.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  }

  /**
   * The last IPv4 segment's connection and 4-tuple: the next segment of the same connection (most
   * of them, in a transfer) finds it without building its key. A SYN always takes the long way
   * (it may start a new incarnation), and the long way always updates this.
   */
  private last: { b: Building; src: number; dst: number; srcPort: number; dstPort: number; from: Side } | null = null;

  add(s: CapturedSegment): void {
    const t = s.tcp;
    const last = this.last;
    if (last && !(t.flags.syn && !t.flags.ack) && s.src.length === 4 && s.dst.length === 4) {
      const src = ipv4(s.src);
      const dst = ipv4(s.dst);
      if (src === last.src && dst === last.dst && t.srcPort === last.srcPort && t.dstPort === last.dstPort) return this.append(last.b, s, last.from);
      if (src === last.dst && dst === last.src && t.srcPort === last.dstPort && t.dstPort === last.srcPort)
        return this.append(last.b, s, last.from === 'A' ? 'B' : 'A');
    }
    const srcIp = this.names.name(s.src);
    const dstIp = this.names.name(s.dst);
    const srcKey = s.src.length === 16 ? `[${srcIp}]:${t.srcPort}` : `${srcIp}:${t.srcPort}`;
    const dstKey = s.dst.length === 16 ? `[${dstIp}]:${t.dstPort}` : `${dstIp}:${t.dstPort}`;
    const key = srcKey < dstKey ? `${srcKey}|${dstKey}` : `${dstKey}|${srcKey}`;
    const isSyn = t.flags.syn && !t.flags.ack;
    let b = this.open.get(key);
    // A new SYN from A after a FIN or RST is a new incarnation even with the same ISN (lessons
    // use fixed ISNs); before that, only a different ISN while nothing but SYNs were seen.
    if (b && isSyn && b.aKey === srcKey && (b.ended || (b.onlySyns && b.aIsn !== null && b.aIsn !== t.seq))) b = undefined;
    if (!b) {
      if (this.connections.length >= this.maxConnections) {
        if (!this.limitWarned)
          this.warn({
            code: 'too-many-connections',
            message: `more than ${this.maxConnections} connections (${this.maxConnections === MAX_CONNECTIONS ? 'MAX_CONNECTIONS' : 'MAX_STREAM_CONNECTIONS'}); the rest are ignored`,
            packet: s.number,
            offset: s.offset,
          });
        this.limitWarned = true;
        return;
      }
      const src = { ip: srcIp, port: t.srcPort };
      const dst = { ip: dstIp, port: t.dstPort };
      const addr = { A: src, B: dst };
      const conn: CapturedConnection = this.store
        ? new StoredConnection(this.store, srcKey, dstKey, !isSyn, addr)
        : { a: srcKey, b: dstKey, segments: [], midConnection: !isSyn };
      if (!isSyn) {
        this.warn({
          code: 'mid-connection',
          message: `connection ${srcKey} ↔ ${dstKey} starts mid-connection (first segment is not a SYN); A is the first sender, states before the capture are guessed`,
          packet: s.number,
          offset: s.offset,
        });
      }
      b = { conn, addr, aKey: srcKey, aIsn: isSyn ? t.seq : null, ended: false, onlySyns: true };
      this.open.set(key, b);
      this.connections.push(conn);
    }
    const from: Side = srcKey === b.aKey ? 'A' : 'B';
    this.last = s.src.length === 4 && s.dst.length === 4 ? { b, src: ipv4(s.src), dst: ipv4(s.dst), srcPort: t.srcPort, dstPort: t.dstPort, from } : null;
    this.append(b, s, from);
  }

  /** Adds segment `s`, sent by `from`, to connection `b`. */
  private append(b: Building, s: CapturedSegment, from: Side): void {
    const t = s.tcp;
    if (t.flags.fin || t.flags.rst) b.ended = true;
    if (!(from === 'A' && t.flags.syn)) b.onlySyns = false;
    if (b.conn instanceof StoredConnection) {
      const c = b.conn;
      c.last = this.store!.add(s, from === 'B', c.last);
      if (c.first < 0) c.first = c.last;
      return;
    }
    const segment: Segment = {
      src: b.addr[from],
      dst: b.addr[from === 'A' ? 'B' : 'A'],
      seq: t.seq,
      ack: t.ack,
      flags: flagsOf(t.flags),
      window: t.window,
      options: t.options.length === 0 ? NO_OPTIONS : engineOptions(t.options),
      payload: s.length === t.payload.length ? t.payload : standIn(s.length),
    };
    b.conn.segments.push({ t: s.time, from, segment, number: s.number, offset: s.offset, checksumOk: t.checksumOk, cut: s.length - t.payload.length });
  }
}

const flagsOf = (f: CapturedSegment['tcp']['flags']): Segment['flags'] => FLAGS[+f.syn | (+f.ack << 1) | (+f.fin << 2) | (+f.rst << 3) | (+f.psh << 4)]!;

/** Segments per page of SegmentStore: pages are allocated whole, so the store never copies itself to grow. */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
/** `opt` column values below OPT_TABLE: no options, or timestamps only (in the tsval/tsecr columns). */
const OPT_NONE = 0;
const OPT_TS = 1;
const OPT_TABLE = 2;
/** `bits` column: the 5 flag bits of FLAGS, then the sender, then checksumOk (0 null, 1 true, 2 false). */
const FROM_B = 1 << 5;
const CHECKSUM_SHIFT = 6;

/**
 * The 32-bit fields of a segment in a Page's `u32`, at k * U32 + field. OPT holds OPT_NONE,
 * OPT_TS, or OPT_TABLE + the options' index in SegmentStore's side table.
 */
const [NUMBER, SEQ, ACK, LENGTH, CUT, TSVAL, TSECR, OPT, U32] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** One page of columns: segment k of the page is at index k (times its stride) of each array. */
class Page {
  /** Capture time and file offset, at 2k and 2k + 1. */
  readonly f64 = new Float64Array(PAGE * 2);
  readonly u32 = new Uint32Array(PAGE * U32);
  /** Index of the connection's next segment in the store, -1 at its last. */
  readonly next = new Int32Array(PAGE);
  readonly window = new Uint16Array(PAGE);
  readonly bits = new Uint8Array(PAGE);
}

/**
 * Every segment of a capture in columns of typed arrays (52 bytes a segment, no object
 * per segment), each connection's segments chained through `next` in the order they were read.
 * A large capture's segments all wait here for their connection's analysis; the engine-shaped
 * ConnectionSegment objects are built only then, for one connection at a time (`list`).
 * Options other than timestamps alone (SYNs, mostly) go to a side table of shared objects.
 */
class SegmentStore {
  private readonly pages: Page[] = [];
  private readonly options: TcpOptions[] = [];
  private size = 0;

  /** Appends a segment after `prev` (the connection's last, or -1) and returns its index. */
  add(s: CapturedSegment, fromB: boolean, prev: number): number {
    const i = this.size++;
    const k = i & (PAGE - 1);
    if (k === 0) this.pages.push(new Page());
    const p = this.pages[i >>> PAGE_BITS]!;
    const t = s.tcp;
    const f = t.flags;
    const u = p.u32;
    const at = k * U32;
    p.f64[2 * k] = s.time;
    p.f64[2 * k + 1] = s.offset;
    u[at + NUMBER] = s.number;
    u[at + SEQ] = t.seq;
    u[at + ACK] = t.ack;
    u[at + LENGTH] = s.length;
    u[at + CUT] = s.length - t.payload.length;
    p.window[k] = t.window;
    p.next[k] = -1;
    const check = t.checksumOk === null ? 0 : t.checksumOk ? 1 : 2;
    p.bits[k] = +f.syn | (+f.ack << 1) | (+f.fin << 2) | (+f.rst << 3) | (+f.psh << 4) | (fromB ? FROM_B : 0) | (check << CHECKSUM_SHIFT);
    const o = t.options.length === 0 ? NO_OPTIONS : engineOptions(t.options);
    const ts = o.timestamps;
    const tsOnly = o.mss === undefined && o.windowScale === undefined && o.sackPermitted === undefined;
    if (tsOnly && ts === undefined) u[at + OPT] = OPT_NONE;
    else if (tsOnly && ts !== undefined) {
      u[at + OPT] = OPT_TS;
      u[at + TSVAL] = ts.tsval;
      u[at + TSECR] = ts.tsecr;
    } else {
      u[at + OPT] = OPT_TABLE + this.options.length;
      this.options.push(o);
    }
    if (prev >= 0) this.pages[prev >>> PAGE_BITS]!.next[prev & (PAGE - 1)] = i;
    return i;
  }

  /** The segments chained from `first`, as engine-shaped segments with stand-in payloads. */
  list(first: number, addr: Record<Side, Address>): ConnectionSegment[] {
    const out: ConnectionSegment[] = [];
    for (let i = first; i >= 0;) {
      const p = this.pages[i >>> PAGE_BITS]!;
      const k = i & (PAGE - 1);
      const bits = p.bits[k]!;
      const from: Side = bits & FROM_B ? 'B' : 'A';
      const u = p.u32;
      const at = k * U32;
      const opt = u[at + OPT]!;
      const check = bits >>> CHECKSUM_SHIFT;
      const segment: Segment = {
        src: addr[from],
        dst: addr[from === 'A' ? 'B' : 'A'],
        seq: u[at + SEQ]!,
        ack: u[at + ACK]!,
        flags: FLAGS[bits & 31]!,
        window: p.window[k]!,
        options:
          opt === OPT_NONE ? NO_OPTIONS : opt === OPT_TS ? { timestamps: { tsval: u[at + TSVAL]!, tsecr: u[at + TSECR]! } } : this.options[opt - OPT_TABLE]!,
        payload: standIn(u[at + LENGTH]!),
      };
      const checksumOk = check === 0 ? null : check === 1;
      out.push({ t: p.f64[2 * k]!, from, segment, number: u[at + NUMBER]!, offset: p.f64[2 * k + 1]!, checksumOk, cut: u[at + CUT]! });
      i = p.next[k]!;
    }
    return out;
  }
}

/**
 * A connection whose segments are in a SegmentStore: `segments` builds them from the columns on
 * each read (analyseCapture reads them once, then sets them to [] to let them go).
 */
class StoredConnection implements CapturedConnection {
  readonly a: string;
  readonly b: string;
  readonly midConnection: boolean;
  /** First and last segment in the store (-1: none, or released). */
  first = -1;
  last = -1;
  private readonly store: SegmentStore;
  private readonly addr: Record<Side, Address>;

  constructor(store: SegmentStore, a: string, b: string, midConnection: boolean, addr: Record<Side, Address>) {
    this.store = store;
    this.a = a;
    this.b = b;
    this.midConnection = midConnection;
    this.addr = addr;
  }

  get segments(): ConnectionSegment[] {
    return this.store.list(this.first, this.addr);
  }

  /** Setting it (to []) releases the connection's segments: later reads find none. */
  set segments(list: ConnectionSegment[]) {
    if (list.length > 0) throw new Error('a stored connection takes no segments from outside');
    this.first = this.last = -1;
  }
}

/** Splits a whole segment list (see ConnectionSplitter). */
export function splitConnections(segments: CapturedSegment[], warn: (w: CaptureWarning) => void): CapturedConnection[] {
  const splitter = new ConnectionSplitter(warn);
  for (const s of segments) splitter.add(s);
  return splitter.connections;
}
