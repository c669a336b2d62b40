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
  private readonly keepPayload: boolean;
  private readonly maxConnections: number;
  private limitWarned = false;

  /**
   * `keepPayload: false` gives every segment stand-in zeros of its length instead of a view of
   * the captured bytes (states never depend on payload bytes, and a streamed capture's chunks
   * can then be freed as soon as they are read) and keeps it compact until it is read.
   */
  constructor(warn: (w: CaptureWarning) => void, options: { keepPayload?: boolean; maxConnections?: number } = {}) {
    this.warn = warn;
    this.keepPayload = options.keepPayload ?? true;
    this.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  }

  add(s: CapturedSegment): void {
    const srcIp = this.names.name(s.src);
    const dstIp = this.names.name(s.dst);
    const t = s.tcp;
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
      const conn: CapturedConnection = { a: srcKey, b: dstKey, segments: [], midConnection: !isSyn };
      if (!isSyn) {
        this.warn({
          code: 'mid-connection',
          message: `connection ${srcKey} ↔ ${dstKey} starts mid-connection (first segment is not a SYN); A is the first sender, states before the capture are guessed`,
          packet: s.number,
          offset: s.offset,
        });
      }
      const src = { ip: srcIp, port: t.srcPort };
      const dst = { ip: dstIp, port: t.dstPort };
      b = { conn, addr: { A: src, B: dst }, aKey: srcKey, aIsn: isSyn ? t.seq : null, ended: false, onlySyns: true };
      this.open.set(key, b);
      this.connections.push(conn);
    }
    const from: Side = srcKey === b.aKey ? 'A' : 'B';
    if (t.flags.fin || t.flags.rst) b.ended = true;
    if (!(from === 'A' && t.flags.syn)) b.onlySyns = false;
    if (!this.keepPayload) {
      b.conn.segments.push(new LeanSegment(s, from, b.addr));
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

/**
 * A captured segment kept in a few plain fields (no payload bytes) until the analysis reads it:
 * a capture's segments all wait for their connection's analysis, and the engine-shaped Segment
 * (several objects each) is built only then, once, and goes with the connection's segments.
 */
class LeanSegment implements ConnectionSegment {
  readonly t: number;
  readonly from: Side;
  readonly number: number;
  readonly offset: number;
  readonly checksumOk: boolean | null;
  readonly cut: number;
  private readonly addr: Record<Side, Address>;
  private readonly seq: number;
  private readonly ack: number;
  private readonly flags: Segment['flags'];
  private readonly window: number;
  private readonly length: number;
  /** The options; with timestamps only (most segments), just TSval here and TSecr in `tsecr`. */
  private readonly options: TcpOptions | number;
  private readonly tsecr: number;
  private built: Segment | null = null;

  constructor(s: CapturedSegment, from: Side, addr: Record<Side, Address>) {
    const t = s.tcp;
    this.t = s.time;
    this.from = from;
    this.number = s.number;
    this.offset = s.offset;
    this.checksumOk = t.checksumOk;
    this.cut = s.length - t.payload.length;
    this.addr = addr;
    this.seq = t.seq;
    this.ack = t.ack;
    this.flags = flagsOf(t.flags);
    this.window = t.window;
    this.length = s.length;
    const o = t.options.length === 0 ? NO_OPTIONS : engineOptions(t.options);
    const ts = o.timestamps;
    const tsOnly = ts !== undefined && o.mss === undefined && o.windowScale === undefined && o.sackPermitted === undefined;
    this.options = tsOnly ? ts.tsval : o;
    this.tsecr = tsOnly ? ts.tsecr : 0;
  }

  get segment(): Segment {
    this.built ??= {
      src: this.addr[this.from],
      dst: this.addr[this.from === 'A' ? 'B' : 'A'],
      seq: this.seq,
      ack: this.ack,
      flags: this.flags,
      window: this.window,
      options: typeof this.options === 'number' ? { timestamps: { tsval: this.options, tsecr: this.tsecr } } : this.options,
      payload: standIn(this.length),
    };
    return this.built;
  }
}

/** Splits a whole segment list (see ConnectionSplitter). */
export function splitConnections(segments: CapturedSegment[], warn: (w: CaptureWarning) => void): CapturedConnection[] {
  const splitter = new ConnectionSplitter(warn);
  for (const s of segments) splitter.add(s);
  return splitter.connections;
}
