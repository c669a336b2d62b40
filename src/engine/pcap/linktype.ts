import { CaptureError } from '../wire/capture-error.ts';
import { decodeEthernet, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from '../wire/ethernet.ts';

/** LINKTYPE_* values (tcpdump.org/linktypes.html) the importer supports. */
export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  /** DLT_RAW as OpenBSD numbers it; libpcap writes it as 12 on some systems. */
  RAW_12: 12,
  RAW: 101,
  LINUX_SLL: 113,
  LOOP: 108,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

/** Result of unwrapping the link layer: where the IP packet starts, or why there is none. */
export type LinkResult = { ip: Uint8Array } | { skip: string };

/** BSD loopback address families for IPv4/IPv6 (IPv6 differs between BSDs). */
const AF_INET = 2;
const AF_INET6 = [10, 24, 28, 30];

const ETHERTYPE_PPPOE_SESSION = 0x8864;
const ETHERTYPE_MPLS = [0x8847, 0x8848];
/** PPP protocol numbers of IPv4 and IPv6 (RFC 1332, RFC 5072). */
const PPP_IPV4 = 0x0021;
const PPP_IPV6 = 0x0057;

function byEtherType(type: number, bytes: Uint8Array, offset: number): LinkResult {
  if (type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6) return { ip: bytes.subarray(offset) };
  if (type === ETHERTYPE_PPPOE_SESSION) {
    // RFC 2516: version/type, code, session id, length (6 bytes), then the PPP protocol (2).
    if (bytes.length < offset + 8)
      throw new CaptureError('truncated', `PPPoE header needs 8 bytes, only ${Math.max(0, bytes.length - offset)} captured`, { offset });
    const proto = (bytes[offset + 6]! << 8) | bytes[offset + 7]!;
    if (proto === PPP_IPV4 || proto === PPP_IPV6) return { ip: bytes.subarray(offset + 8) };
    return { skip: `PPPoE carries PPP protocol 0x${proto.toString(16).padStart(4, '0')}, not IP` };
  }
  if (ETHERTYPE_MPLS.includes(type)) {
    // RFC 3032: 4-byte label stack entries up to the one with the bottom-of-stack bit; the
    // payload's first nibble then tells IPv4 from IPv6 (as Wireshark guesses it).
    let at = offset;
    for (;;) {
      if (bytes.length < at + 4) throw new CaptureError('truncated', 'MPLS label stack cut short', { offset: at });
      const bottom = (bytes[at + 2]! & 1) === 1;
      at += 4;
      if (bottom) break;
    }
    const v = (bytes[at] ?? 0) >> 4;
    if (v === 4 || v === 6) return { ip: bytes.subarray(at) };
    return { skip: 'MPLS payload is not IP (a pseudowire or other payload)' };
  }
  return { skip: `EtherType 0x${type.toString(16).padStart(4, '0')} is not IP` };
}

/**
 * Strips the link-layer header of one frame. Throws CaptureError for a cut header, returns
 * `skip` for frames that are fine but not IP (ARP, say), so the caller can count them.
 */
export function unwrapLink(linkType: number, bytes: Uint8Array): LinkResult {
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      const { etherType, offset } = decodeEthernet(bytes);
      return byEtherType(etherType, bytes, offset);
    }
    case LINKTYPE.RAW:
    case LINKTYPE.RAW_12:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6:
      return { ip: bytes };
    case LINKTYPE.LINUX_SLL: {
      if (bytes.length < 16) throw new CaptureError('truncated', `Linux cooked (SLL) header needs 16 bytes, only ${bytes.length} captured`);
      return byEtherType((bytes[14]! << 8) | bytes[15]!, bytes, 16);
    }
    case LINKTYPE.LINUX_SLL2: {
      if (bytes.length < 20) throw new CaptureError('truncated', `Linux cooked v2 (SLL2) header needs 20 bytes, only ${bytes.length} captured`);
      return byEtherType((bytes[0]! << 8) | bytes[1]!, bytes, 20);
    }
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (bytes.length < 4) throw new CaptureError('truncated', `loopback header needs 4 bytes, only ${bytes.length} captured`);
      // NULL is in the capturing host's byte order, LOOP always big-endian: accept either.
      const be = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
      const le = ((bytes[3]! << 24) | (bytes[2]! << 16) | (bytes[1]! << 8) | bytes[0]!) >>> 0;
      const family = linkType === LINKTYPE.LOOP ? be : be < 256 ? be : le;
      if (family === AF_INET || AF_INET6.includes(family)) return { ip: bytes.subarray(4) };
      return { skip: `loopback address family ${family} is not IP` };
    }
    default:
      return {
        skip: `link type ${linkType} is not supported (supported: Ethernet 1 with VLAN, PPPoE and MPLS, raw IP 12/101/228/229, Linux SLL 113, SLL2 276, NULL 0, LOOP 108)`,
      };
  }
}
