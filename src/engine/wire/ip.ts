import { CaptureError } from './capture-error.ts';
import { internetChecksum } from './checksum.ts';

/** IP protocol number of TCP; anything else in a capture is reported as non-TCP. */
export const IPPROTO_TCP = 6;

/** What the TCP layer needs from either IP version, plus what the inspector shows. */
export interface DecodedIp {
  version: 4 | 6;
  src: Uint8Array;
  dst: Uint8Array;
  protocol: number;
  ttl: number;
  headerLength: number;
  /** Bytes of the upper-layer packet the header announces (may exceed what was captured). */
  payloadLength: number;
  /** The captured upper-layer bytes. */
  payload: Uint8Array;
  /** IPv4 only: header checksum verified; null for IPv6 (it has none). */
  checksumOk: boolean | null;
  /** IPv4 only: this is a fragment other than an unfragmented packet. */
  fragment: boolean;
}

/** Fields for building an IPv4 header around a TCP segment. */
export interface Ipv4Fields {
  src: Uint8Array;
  dst: Uint8Array;
  id: number;
  ttl: number;
  /** Don't-Fragment: Linux sets it on TCP, so exports look like real captures. */
  dontFragment: boolean;
  protocol: number;
  payload: Uint8Array;
}

/** Builds an IPv4 packet (20-byte header, no options) with a correct header checksum. */
export function encodeIpv4(f: Ipv4Fields): Uint8Array {
  const total = 20 + f.payload.length;
  if (total > 0xffff) throw new CaptureError('too-large', `IPv4 packet of ${total} bytes exceeds 65535`);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out[0] = 0x45;
  view.setUint16(2, total);
  view.setUint16(4, f.id & 0xffff);
  view.setUint16(6, f.dontFragment ? 0x4000 : 0);
  out[8] = f.ttl;
  out[9] = f.protocol;
  out.set(f.src, 12);
  out.set(f.dst, 16);
  view.setUint16(10, internetChecksum(out, 0, 20));
  out.set(f.payload, 20);
  return out;
}

/** Decodes an IPv4 header; the payload is cut at Total Length (Ethernet padding dropped). */
export function decodeIpv4(bytes: Uint8Array): DecodedIp {
  if (bytes.length < 20) throw new CaptureError('truncated', `IPv4 header needs 20 bytes, only ${bytes.length} captured`);
  const version = bytes[0]! >> 4;
  if (version !== 4) throw new CaptureError('bad-header', `IP version ${version} where 4 was expected`, { offset: 0 });
  const headerLength = (bytes[0]! & 0x0f) * 4;
  if (headerLength < 20) throw new CaptureError('bad-header', `IPv4 header length ${headerLength} is below 20`, { offset: 0 });
  if (headerLength > bytes.length) {
    throw new CaptureError('truncated', `IPv4 header says ${headerLength} bytes, only ${bytes.length} captured`, { offset: 0 });
  }
  let total = (bytes[2]! << 8) | bytes[3]!;
  // Total length 0: a segment captured before TCP segmentation offload split it (TSO/GRO);
  // the captured length is the real one, as Wireshark takes it.
  if (total === 0) total = bytes.length;
  if (total < headerLength) {
    throw new CaptureError('bad-header', `IPv4 total length ${total} is shorter than its header (${headerLength})`, { offset: 2 });
  }
  const flagsFrag = (bytes[6]! << 8) | bytes[7]!;
  return {
    version: 4,
    src: bytes.subarray(12, 16),
    dst: bytes.subarray(16, 20),
    protocol: bytes[9]!,
    ttl: bytes[8]!,
    headerLength,
    payloadLength: total - headerLength,
    payload: bytes.subarray(headerLength, Math.min(total, bytes.length)),
    checksumOk: internetChecksum(bytes, 0, headerLength) === 0,
    fragment: (flagsFrag & 0x2000) !== 0 || (flagsFrag & 0x1fff) !== 0,
  };
}

/** Extension headers we step over to find TCP (hop-by-hop, routing, destination options). */
const IPV6_SKIPPABLE = new Set([0, 43, 60]);
const IPV6_FRAGMENT = 44;

/** Decodes an IPv6 header and walks the usual extension headers to the upper layer. */
export function decodeIpv6(bytes: Uint8Array): DecodedIp {
  if (bytes.length < 40) throw new CaptureError('truncated', `IPv6 header needs 40 bytes, only ${bytes.length} captured`);
  const version = bytes[0]! >> 4;
  if (version !== 6) throw new CaptureError('bad-header', `IP version ${version} where 6 was expected`, { offset: 0 });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloadLen = view.getUint16(4);
  let next = bytes[6]!;
  let at = 40;
  let fragment = false;
  let end = 40 + payloadLen;
  // Bounded: each step advances at least 8 bytes and stops at the captured end.
  while (IPV6_SKIPPABLE.has(next) || next === IPV6_FRAGMENT) {
    if (at + 8 > bytes.length) throw new CaptureError('truncated', `IPv6 extension header cut short`, { offset: at });
    const len = next === IPV6_FRAGMENT ? 8 : (bytes[at + 1]! + 1) * 8;
    if (next === IPV6_FRAGMENT) {
      // An atomic fragment (offset 0, no more fragments; RFC 6946) is a whole packet.
      const offsetAndM = view.getUint16(at + 2);
      if ((offsetAndM & 0xfff9) !== 0) fragment = true;
    }
    if (next === 0 && payloadLen === 0 && at + len <= bytes.length) {
      // A jumbogram (RFC 2675): payload length 0 and the real one in a hop-by-hop option 0xC2.
      const jumbo = jumboLength(bytes, at + 2, at + len);
      if (jumbo !== null) end = 40 + jumbo;
    }
    next = bytes[at]!;
    at += len;
  }
  if (at > end) throw new CaptureError('bad-header', `IPv6 extension headers run past the payload length ${payloadLen}`, { offset: 4 });
  return {
    version: 6,
    src: bytes.subarray(8, 24),
    dst: bytes.subarray(24, 40),
    protocol: next,
    ttl: bytes[7]!,
    headerLength: at,
    payloadLength: end - at,
    payload: bytes.subarray(Math.min(at, bytes.length), Math.min(end, bytes.length)),
    checksumOk: null,
    fragment,
  };
}

/** The Jumbo Payload option's length in a hop-by-hop header's options [from, to), or null. */
function jumboLength(bytes: Uint8Array, from: number, to: number): number | null {
  let at = from;
  while (at < to) {
    const type = bytes[at]!;
    if (type === 0) {
      at++;
      continue;
    } // Pad1
    if (at + 2 > to) break;
    const len = bytes[at + 1]!;
    if (type === 0xc2 && len === 4 && at + 6 <= to) return ((bytes[at + 2]! << 24) | (bytes[at + 3]! << 16) | (bytes[at + 4]! << 8) | bytes[at + 5]!) >>> 0;
    at += 2 + len;
  }
  return null;
}

/** Decodes either IP version by its first nibble (raw-IP link types carry both). */
export function decodeIp(bytes: Uint8Array): DecodedIp {
  if (bytes.length < 1) throw new CaptureError('truncated', 'empty IP packet');
  const version = bytes[0]! >> 4;
  if (version === 4) return decodeIpv4(bytes);
  if (version === 6) return decodeIpv6(bytes);
  throw new CaptureError('bad-header', `IP version ${version} is neither 4 nor 6`, { offset: 0 });
}
