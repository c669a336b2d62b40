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
}

/**
 * Decodes every raw packet down to TCP. Packets that are not TCP, or that are damaged, become
 * warnings naming the packet and its offset; they never stop the import.
 */
export function decodeSegments(packets: RawPacket[], log: WarningLog = new WarningLog()): { segments: CapturedSegment[]; warnings: CaptureWarning[] } {
  const segments: CapturedSegment[] = [];
  const first = packets[0];
  const sec0 = first?.sec ?? 0;
  const nsec0 = first?.nsec ?? 0;
  let nonTcp = 0;
  let firstNonTcp: { packet: number; offset: number; why: string } | undefined;
  for (const p of packets) {
    try {
      const link = unwrapLink(p.linkType, p.data);
      let why: string | undefined;
      if ('skip' in link) why = link.skip;
      else {
        const ip = decodeIp(link.ip);
        if (ip.protocol !== IPPROTO_TCP) why = `IP protocol ${ip.protocol} is not TCP`;
        else if (ip.fragment) why = 'IP fragment (reassembly is not supported)';
        else {
          const tcp = decodeTcp(ip.payload, ip.payloadLength, ip.src, ip.dst);
          segments.push({
            number: p.number, offset: p.offset,
            time: (p.sec - sec0) + (p.nsec - nsec0) / 1e9,
            src: ip.src, dst: ip.dst, ipVersion: ip.version, ipChecksumOk: ip.checksumOk, tcp,
          });
        }
      }
      if (why !== undefined) {
        nonTcp++;
        firstNonTcp ??= { packet: p.number, offset: p.offset, why };
      }
    } catch (e) {
      if (!(e instanceof CaptureError)) throw e;
      log.add({ code: e.code, message: `damaged packet skipped: ${e.detail}`, packet: p.number, offset: p.offset });
    }
  }
  if (firstNonTcp) {
    log.add({
      code: 'non-tcp',
      message: `${nonTcp} packet(s) are not TCP and were skipped; the first: ${firstNonTcp.why}`,
      packet: firstNonTcp.packet, offset: firstNonTcp.offset,
    });
  }
  return { segments, warnings: log.finish() };
}
