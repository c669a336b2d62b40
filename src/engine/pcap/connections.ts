import { formatAddress, formatEndpoint } from '../wire/address.ts';
import type { TcpOption } from '../wire/tcp.ts';
import type { Segment, Side, TcpOptions } from '../types.ts';
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

function toEngineSegment(s: CapturedSegment): Segment {
  const t = s.tcp;
  return {
    src: { ip: formatAddress(s.src), port: t.srcPort },
    dst: { ip: formatAddress(s.dst), port: t.dstPort },
    seq: t.seq,
    ack: t.ack,
    flags: { SYN: t.flags.syn, ACK: t.flags.ack, FIN: t.flags.fin, RST: t.flags.rst, PSH: t.flags.psh },
    window: t.window,
    options: engineOptions(t.options),
    payload: t.payload,
  };
}

interface Building {
  conn: CapturedConnection;
  /** Endpoint key of A (the first SYN's sender, or the first sender). */
  aKey: string;
  aIsn: number | null;
  /** Saw FIN or RST: a later SYN from A with a new ISN starts a new incarnation. */
  ended: boolean;
}

/**
 * Splits segments into connections by 4-tuple. A SYN from the same client with a different
 * ISN after the old connection ended (FIN or RST seen), or while only SYNs were seen, starts a
 * new connection: that is a new incarnation on the same 4-tuple (TIME-WAIT lessons).
 */
export function splitConnections(segments: CapturedSegment[], warn: (w: CaptureWarning) => void): CapturedConnection[] {
  const open = new Map<string, Building>();
  const all: CapturedConnection[] = [];
  let limitWarned = false;
  for (const s of segments) {
    const srcKey = formatEndpoint(s.src, s.tcp.srcPort);
    const dstKey = formatEndpoint(s.dst, s.tcp.dstPort);
    const key = srcKey < dstKey ? `${srcKey}|${dstKey}` : `${dstKey}|${srcKey}`;
    const isSyn = s.tcp.flags.syn && !s.tcp.flags.ack;
    let b = open.get(key);
    if (b && isSyn && b.aKey === srcKey && b.aIsn !== null && b.aIsn !== s.tcp.seq) {
      const onlySyns = b.conn.segments.every((x) => x.from === 'A' && x.segment.flags.SYN);
      if (b.ended || onlySyns) b = undefined;
    }
    if (!b) {
      if (all.length >= MAX_CONNECTIONS) {
        if (!limitWarned) warn({ code: 'too-many-connections', message: `more than ${MAX_CONNECTIONS} connections (MAX_CONNECTIONS); the rest are ignored`, packet: s.number, offset: s.offset });
        limitWarned = true;
        continue;
      }
      const mid = !isSyn;
      const conn: CapturedConnection = { a: srcKey, b: dstKey, segments: [], midConnection: mid };
      if (mid) {
        warn({
          code: 'mid-connection',
          message: `connection ${srcKey} ↔ ${dstKey} starts mid-connection (first segment is not a SYN); A is the first sender, states before the capture are guessed`,
          packet: s.number, offset: s.offset,
        });
      }
      b = { conn, aKey: srcKey, aIsn: isSyn ? s.tcp.seq : null, ended: false };
      open.set(key, b);
      all.push(conn);
    }
    const from: Side = srcKey === b.aKey ? 'A' : 'B';
    if (s.tcp.flags.fin || s.tcp.flags.rst) b.ended = true;
    b.conn.segments.push({ t: s.time, from, segment: toEngineSegment(s), number: s.number, offset: s.offset, checksumOk: s.tcp.checksumOk });
  }
  return all;
}
