/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4, RFC 1982 style). Every comparison of
 * sequence numbers in the engine goes through here so that a connection whose ISN is near
 * 2^32 behaves exactly like one whose ISN is 0.
 */

/** 2^32: sequence space size. */
export const SEQ_MOD = 0x1_0000_0000;

/** a + n mod 2^32; n may be negative. Used wherever the RFC writes "SEG.SEQ+SEG.LEN". */
export function seqAdd(a: number, n: number): number {
  return (((a + n) % SEQ_MOD) + SEQ_MOD) % SEQ_MOD;
}

/** Signed distance b→a in (-2^31, 2^31]: positive when a is "after" b. */
export function seqDiff(a: number, b: number): number {
  const d = seqAdd(a, -b);
  return d > 0x7fff_ffff ? d - SEQ_MOD : d;
}

/** a < b in sequence space. */
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

/** a <= b in sequence space. */
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

/** a > b in sequence space. */
export function seqGt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** a >= b in sequence space. */
export function seqGe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}

/**
 * lo <= x < lo+len (a window test, as in §3.10.7.4's acceptability table). Works when the window
 * straddles 2^32 because it only measures the distance from lo.
 */
export function seqInWindow(x: number, lo: number, len: number): boolean {
  const d = seqAdd(x, -lo);
  return d < len;
}

/** lo < x <= hi: the "SND.UNA < SEG.ACK =< SND.NXT" test of §3.10.7.4. */
export function seqBetweenExclIncl(lo: number, x: number, hi: number): boolean {
  return seqLt(lo, x) && seqLe(x, hi);
}
