import { CaptureError } from '../wire/capture-error.ts';
import { decodeEthernet, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from '../wire/ethernet.ts';

/** LINKTYPE_* values (tcpdump.org/linktypes.html) the importer supports. */
export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
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

function byEtherType(type: number, bytes: Uint8Array, offset: number): LinkResult {
  if (type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6) return { ip: bytes.subarray(offset) };
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
    case LINKTYPE.RAW: case LINKTYPE.IPV4: case LINKTYPE.IPV6:
      return { ip: bytes };
    case LINKTYPE.LINUX_SLL: {
      if (bytes.length < 16) throw new CaptureError('truncated', `Linux cooked (SLL) header needs 16 bytes, only ${bytes.length} captured`);
      return byEtherType((bytes[14]! << 8) | bytes[15]!, bytes, 16);
    }
    case LINKTYPE.LINUX_SLL2: {
      if (bytes.length < 20) throw new CaptureError('truncated', `Linux cooked v2 (SLL2) header needs 20 bytes, only ${bytes.length} captured`);
      return byEtherType((bytes[0]! << 8) | bytes[1]!, bytes, 20);
    }
    case LINKTYPE.NULL: case LINKTYPE.LOOP: {
      if (bytes.length < 4) throw new CaptureError('truncated', `loopback header needs 4 bytes, only ${bytes.length} captured`);
      // NULL is in the capturing host's byte order, LOOP always big-endian: accept either.
      const be = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
      const le = ((bytes[3]! << 24) | (bytes[2]! << 16) | (bytes[1]! << 8) | bytes[0]!) >>> 0;
      const family = linkType === LINKTYPE.LOOP ? be : (be < 256 ? be : le);
      if (family === AF_INET || AF_INET6.includes(family)) return { ip: bytes.subarray(4) };
      return { skip: `loopback address family ${family} is not IP` };
    }
    default:
      throw new CaptureError('unsupported-linktype', `link type ${linkType} is not supported (supported: Ethernet 1, raw IP 101/228/229, Linux SLL 113, SLL2 276, NULL 0, LOOP 108)`);
  }
}
