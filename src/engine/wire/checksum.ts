/**
 * The Internet checksum (RFC 1071): IPv4 header and TCP pseudo-header sums. Kept separate so
 * the encoder and the decoder use the very same arithmetic (a mismatch would show as "bad
 * checksum" in tshark, which the export test would catch).
 */

/** Adds 16-bit big-endian words of `bytes[start, end)` to `sum` (odd tail padded with zero). */
export function sumWords(bytes: Uint8Array, start: number, end: number, sum = 0): number {
  let i = start;
  for (; i + 1 < end; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) sum += bytes[i]! << 8;
  return sum;
}

/** Folds a running sum into the final one's-complement 16-bit checksum. */
export function finishChecksum(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** The checksum of a byte range, e.g. an IPv4 header with its checksum field zeroed. */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return finishChecksum(sumWords(bytes, start, end));
}

/**
 * The TCP pseudo-header sum (RFC 9293 §3.1 for IPv4, RFC 8200 §8.1 for IPv6): source and
 * destination address, protocol 6 and the TCP length. Addresses of 4 or 16 bytes.
 */
export function pseudoHeaderSum(src: Uint8Array, dst: Uint8Array, tcpLength: number): number {
  let sum = sumWords(src, 0, src.length);
  sum = sumWords(dst, 0, dst.length, sum);
  sum += 6;
  sum += Math.floor(tcpLength / 0x10000) + (tcpLength & 0xffff);
  return sum;
}
