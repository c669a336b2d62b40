/**
 * How the book writes a segment's flags for a reader (figures, lab tables, step sentences, capture
 * rows). Kept apart from the engine's segment helpers (segment-data.ts) so the labs' and quizzes'
 * eager chunks carry only this, not the engine's JSON and byte helpers.
 */
import type { FlagName, TcpFlags } from './types.ts';

/** The order Wireshark's Info column prints flags in: bit order, FIN (0x01) first, ACK (0x10) last. */
export const PRINT_ORDER: readonly FlagName[] = ['FIN', 'SYN', 'RST', 'PSH', 'ACK'];

/** The set flags in PRINT_ORDER, from flag bits or from names in any order. */
export function printedFlags(f: Readonly<TcpFlags> | readonly FlagName[]): FlagName[] {
  const has = (n: FlagName): boolean => (Array.isArray(f) ? (f as readonly FlagName[]).includes(n) : (f as TcpFlags)[n]);
  return PRINT_ORDER.filter(has);
}

/**
 * The book's one flag notation, for every figure, lab table, step sentence and capture row: Wireshark's
 * order, comma-separated ("SYN, ACK", "FIN, ACK", "PSH, ACK"), and "—" for a segment with no flag set,
 * so a reader who opens the same exchange in Wireshark sees the same letters (TRANSLATING.md).
 */
export function flagNotation(f: Readonly<TcpFlags> | readonly FlagName[]): string {
  return printedFlags(f).join(', ') || '—';
}
