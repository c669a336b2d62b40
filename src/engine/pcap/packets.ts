import { CaptureError } from '../wire/capture-error.ts';
import { decodeIp, IPPROTO_TCP } from '../wire/ip.ts';
import { decodeTcp, type DecodedTcp } from '../wire/tcp.ts';
import { unwrapLink } from './linktype.ts';
import { type CaptureWarning, type RawPacket, WarningLog } from './reader.ts';

/** A TCP segment found in a capture, with where it came from in the file. */
export interface CapturedSegment {
  number: number;
  offset: number;
  /** Seconds since the first packet of the file. */
  time: number;
  src: Uint8Array;
  dst: Uint8Array;
  ipVersion: 4 | 6;
  ipChecksumOk: boolean | null;
  tcp: DecodedTcp;
  /**
   * TCP payload bytes as the IP header counts them: more than `tcp.payload.length` when the
   * snap length cut the packet. Sequence space follows this, not the captured bytes.
   */
  length: number;
}

/**
 * Decodes raw packets one at a time down to TCP. Packets that are not TCP, or that are damaged,
 * become warnings naming the packet and its offset; they never stop the import. One instance
 * per file: it remembers the first packet's time and counts the non-TCP packets.
 */
export class SegmentDecoder {
  private readonly log: WarningLog;
  private sec0: number | undefined;
  private nsec0 = 0;
  /** Skipped packets by reason: each reason becomes one warning line with its count and first packet. */
  private readonly skipped = new Map<string, { count: number; packet: number; offset: number }>();
  private readonly checksums: boolean;

  /**
   * `checksums: false` skips the TCP checksum (a pass over every payload byte): `tcp.checksumOk`
   * is then null. analyseCapture does, since no state depends on it, and tshark does not check
   * it either by default (captures taken on the sending host carry offloaded, unfilled checksums).
   */
  constructor(log: WarningLog, options: { checksums?: boolean } = {}) {
    this.log = log;
    this.checksums = options.checksums ?? true;
  }

  /** The packet's TCP segment, or null when it has none (counted or logged). */
  decode(p: RawPacket): CapturedSegment | null {
    if (this.sec0 === undefined) {
      this.sec0 = p.sec;
      this.nsec0 = p.nsec;
    }
    try {
      const link = unwrapLink(p.linkType, p.data);
      let why: string;
      if ('skip' in link) why = link.skip;
      else {
        const ip = decodeIp(link.ip);
        if (ip.protocol !== IPPROTO_TCP) why = `IP protocol ${ip.protocol} is not TCP`;
        else if (ip.fragment) why = 'IP fragment (reassembly is not supported)';
        else {
          const tcp = this.checksums ? decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst) : decodeTcp(ip.payload, ip.payloadLength);
          return {
            number: p.number,
            offset: p.offset,
            time: p.sec - this.sec0 + (p.nsec - this.nsec0) / 1e9,
            src: ip.src,
            dst: ip.dst,
            ipVersion: ip.version,
            ipChecksumOk: ip.checksumOk,
            tcp,
            length: Math.max(tcp.payload.length, ip.payloadLength - tcp.headerLength),
          };
        }
      }
      const seen = this.skipped.get(why);
      if (seen) seen.count++;
      else this.skipped.set(why, { count: 1, packet: p.number, offset: p.offset });
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      this.log.add({ code: e.code, message: `damaged packet skipped: ${e.detail}`, packet: p.number, offset: p.offset });
    }
    return null;
  }

  /** Adds one warning line per reason packets were skipped (not TCP, or a case not supported). */
  finish(): void {
    for (const [why, s] of this.skipped) {
      this.log.add({
        code: why.includes('not supported') || why.includes('reassembly') ? 'unsupported' : 'non-tcp',
        message: `${s.count} packet(s) skipped: ${why}`,
        packet: s.packet,
        offset: s.offset,
      });
    }
  }
}

/** Decodes a whole packet list (see SegmentDecoder). */
export function decodeSegments(packets: RawPacket[], log: WarningLog = new WarningLog()): { segments: CapturedSegment[]; warnings: CaptureWarning[] } {
  const decoder = new SegmentDecoder(log);
  const segments: CapturedSegment[] = [];
  for (const p of packets) {
    const s = decoder.decode(p);
    if (s) segments.push(s);
  }
  decoder.finish();
  return { segments, warnings: log.finish() };
}
