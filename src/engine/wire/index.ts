/**
 * Public API of the wire layer: real IPv4/IPv6/TCP bytes for the segment inspector, pcap
 * export and import. Import from here; the files behind it may be reorganized.
 */
export { CaptureError } from './capture-error.ts';
export { internetChecksum, pseudoHeaderSum } from './checksum.ts';
export { formatAddress, formatEndpoint, parseIpv4 } from './address.ts';
export { encodeEthernet, decodeEthernet, ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ethernet.ts';
export { encodeIpv4, decodeIpv4, decodeIpv6, decodeIp, IPPROTO_TCP } from './ip.ts';
export type { DecodedIp, Ipv4Fields } from './ip.ts';
export { encodeTcp, decodeTcp, decodeOptions, optionLength, flagNames, NO_FLAGS } from './tcp.ts';
export type { TcpOption, TcpFlags, TcpSegmentFields, DecodedTcp } from './tcp.ts';
