import { parseIpv4 } from '../wire/address.ts';
import { encodeEthernet, ETHERTYPE_IPV4 } from '../wire/ethernet.ts';
import { encodeIpv4, IPPROTO_TCP } from '../wire/ip.ts';
import { encodeTcp, NO_FLAGS, type TcpOption } from '../wire/tcp.ts';
import { wireSegments } from '../wire-segments.ts';
import type { Segment, Side, Trace } from '../types.ts';
import { LINKTYPE } from './linktype.ts';
import { writePcap, type FrameToWrite } from './writer.ts';

/**
 * Wire options in the order Linux writes them, so an exported SYN looks byte for byte like the
 * kernel's (MSS, SACK_PERM, TS, NOP, WS = 20 bytes) and later segments carry NOP, NOP, TS.
 */
export function wireOptions(seg: Pick<Segment, 'options' | 'flags'>): TcpOption[] {
  const o = seg.options;
  const out: TcpOption[] = [];
  if (o.mss !== undefined) out.push({ kind: 'MSS', mss: o.mss });
  if (o.timestamps && o.sackPermitted) {
    out.push({ kind: 'SACK_PERM' }, { kind: 'TS', value: o.timestamps.tsval, echo: o.timestamps.tsecr });
  } else if (o.timestamps) {
    out.push({ kind: 'NOP' }, { kind: 'NOP' }, { kind: 'TS', value: o.timestamps.tsval, echo: o.timestamps.tsecr });
  } else if (o.sackPermitted) {
    out.push({ kind: 'NOP' }, { kind: 'NOP' }, { kind: 'SACK_PERM' });
  }
  if (o.windowScale !== undefined) out.push({ kind: 'NOP' }, { kind: 'WS', shift: o.windowScale });
  return out;
}

/** Made-up, locally administered MAC addresses for the two sides (and injected segments). */
const MAC: Record<Side | 'other', Uint8Array> = {
  A: Uint8Array.of(0x02, 0, 0, 0, 0, 0x0a),
  B: Uint8Array.of(0x02, 0, 0, 0, 0, 0x0b),
  other: Uint8Array.of(0x02, 0, 0, 0, 0, 0xee),
};

/**
 * One engine segment as an Ethernet/IPv4/TCP frame with correct IPv4 and TCP checksums and
 * Don't-Fragment set, as Linux sends TCP. `ipId` lets the caller count per sender like Linux.
 */
export function segmentFrame(seg: Segment, ipId: number, from: Side | 'other', to: Side | 'other'): Uint8Array {
  const src = parseIpv4(seg.src.ip);
  const dst = parseIpv4(seg.dst.ip);
  const f = seg.flags;
  const tcp = encodeTcp(
    {
      srcPort: seg.src.port,
      dstPort: seg.dst.port,
      seq: seg.seq,
      ack: f.ACK ? seg.ack : 0,
      flags: { ...NO_FLAGS, syn: f.SYN, ack: f.ACK, fin: f.FIN, rst: f.RST, psh: f.PSH },
      window: seg.window,
      urgent: 0,
      options: wireOptions(seg),
      payload: seg.payload,
    },
    src,
    dst,
  );
  const ip = encodeIpv4({ src, dst, id: ipId, ttl: 64, dontFragment: true, protocol: IPPROTO_TCP, payload: tcp });
  return encodeEthernet(MAC[from], MAC[to], ETHERTYPE_IPV4, ip);
}

/**
 * The frames of a Trace: every segment put on the wire, at its send time, including ones the
 * simulated link later dropped: the capture point is the sender's interface, as in
 * synsent.pcap. `rename` may map addresses (tests put many scenarios in one file).
 */
export function traceFrames(trace: Trace, rename: (ip: string) => string = (ip) => ip): FrameToWrite[] {
  const ids: Record<string, number> = { A: 0, B: 0, other: 0 };
  const frames: FrameToWrite[] = [];
  for (const w of wireSegments(trace)) {
    const from: Side | 'other' = w.origin ? 'other' : w.from;
    const toA = w.segment.dst.ip === trace.a.ip && w.segment.dst.port === trace.a.port;
    const to: Side | 'other' = w.origin ? (toA ? 'A' : 'B') : w.from === 'A' ? 'B' : 'A';
    ids[from] = (ids[from]! + 1) & 0xffff;
    const seg = { ...w.segment, src: { ...w.segment.src, ip: rename(w.segment.src.ip) }, dst: { ...w.segment.dst, ip: rename(w.segment.dst.ip) } };
    frames.push({ time: w.t / 1000, data: segmentFrame(seg, ids[from]!, from, to) });
  }
  return frames;
}

/** A Trace as a classic pcap (Ethernet, microseconds); times start at 0 s like the virtual clock. */
export function traceToPcap(trace: Trace): Uint8Array {
  return writePcap(traceFrames(trace), { linkType: LINKTYPE.ETHERNET });
}
