import { CaptureError } from './capture-error.ts';

/** Formats a 4-byte IPv4 or 16-byte IPv6 address the way tshark and `ss` print it. */
export function formatAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  // RFC 5952: compress the longest run (length >= 2) of zero groups, lower case hex.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

/** Parses a dotted IPv4 address; the export needs bytes for headers and checksums. */
export function parseIpv4(text: string): Uint8Array {
  const parts = text.split('.');
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (bytes.length !== 4 || bytes.some((b) => !(b >= 0 && b <= 255))) {
    throw new CaptureError('bad-address', `"${text}" is not an IPv4 address`);
  }
  return Uint8Array.from(bytes);
}

/** "ip:port", with brackets around IPv6 so the port stays unambiguous. */
export function formatEndpoint(address: Uint8Array, port: number): string {
  const ip = formatAddress(address);
  return address.length === 16 ? `[${ip}]:${port}` : `${ip}:${port}`;
}
