import { CaptureError } from './capture-error.ts';

/** EtherTypes the importer understands. */
export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8, 0x9100];

/** Wraps an IP packet in an Ethernet II frame, as tcpdump on Linux loopback writes it. */
export function encodeEthernet(src: Uint8Array, dst: Uint8Array, etherType: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(14 + payload.length);
  out.set(dst, 0);
  out.set(src, 6);
  out[12] = etherType >> 8;
  out[13] = etherType & 0xff;
  out.set(payload, 14);
  return out;
}

/** Finds the EtherType and where the network layer starts, stepping over VLAN tags. */
export function decodeEthernet(bytes: Uint8Array): { etherType: number; offset: number } {
  if (bytes.length < 14) throw new CaptureError('truncated', `Ethernet header needs 14 bytes, only ${bytes.length} captured`);
  let at = 12;
  let type = (bytes[at]! << 8) | bytes[at + 1]!;
  while (ETHERTYPE_VLAN.includes(type)) {
    at += 4;
    if (at + 2 > bytes.length) throw new CaptureError('truncated', 'VLAN tag cut short', { offset: at });
    type = (bytes[at]! << 8) | bytes[at + 1]!;
  }
  return { etherType: type, offset: at + 2 };
}
