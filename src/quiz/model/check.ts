/**
 * Answer checking for every quiz kind, kept free of the DOM so the rules that decide
 * "right" can be unit-tested and shared by the custom elements.
 */

/** What a choice question needs to know about one option. */
export interface ChoiceOption {
  correct: boolean;
}

/** Outcome of a choice question: which picks were wrong and which right options were missed, so feedback can explain each. */
export interface ChoiceResult {
  correct: boolean;
  wrongPicks: number[];
  missed: number[];
}

/**
 * A single-choice answer is right when the one pick is a correct option; a multiple-choice
 * answer is right only when the picks are exactly the correct set (no partial credit: an
 * interviewer does not give any either).
 */
export function checkChoice(options: readonly ChoiceOption[], picked: readonly number[]): ChoiceResult {
  const chosen = new Set(picked.filter((i) => i >= 0 && i < options.length));
  const wrongPicks: number[] = [];
  const missed: number[] = [];
  options.forEach((o, i) => {
    if (chosen.has(i) && !o.correct) wrongPicks.push(i);
    if (!chosen.has(i) && o.correct) missed.push(i);
  });
  return { correct: chosen.size > 0 && wrongPicks.length === 0 && missed.length === 0, wrongPicks, missed };
}

/** Outcome of ordering: the first misplaced position helps the reader see where the story goes wrong. */
export interface OrderResult {
  correct: boolean;
  /** index of the first position holding the wrong item, or -1 */
  firstWrong: number;
  /** per position: is the item there the expected one */
  placed: boolean[];
}

/**
 * Compares the reader's order with the true order. Items are compared by their label, so two
 * segments that read the same (e.g. two retransmitted SYNs) may be placed in either order.
 */
export function checkOrder(expected: readonly string[], given: readonly string[]): OrderResult {
  const placed = expected.map((label, i) => given[i] === label);
  const sameLength = expected.length === given.length;
  const firstWrong = placed.indexOf(false);
  return { correct: sameLength && firstWrong === -1, firstWrong: sameLength ? firstWrong : Math.max(firstWrong, 0), placed };
}

const MOD = 2 ** 32;

/**
 * Parses a typed sequence or acknowledgment number. Accepts digits with spaces, commas or
 * underscores as thousands separators and a 0x prefix; returns null for anything else so the
 * UI can ask for a number instead of marking the answer wrong.
 */
export function parseSeqNumber(input: string): number | null {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s,_]/g, '');
  if (/^0x[0-9a-f]+$/i.test(s)) {
    const n = parseInt(s.slice(2), 16);
    return n < MOD ? n : null;
  }
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n < MOD ? n : null;
}

/** Per-field verdict of a seq/ack prediction; `invalid` means "not a number", not "wrong". */
export type NumberVerdict = 'right' | 'wrong' | 'invalid' | 'skipped';

/** Outcome of a seq/ack prediction. */
export interface NumbersResult {
  correct: boolean;
  seq: NumberVerdict;
  ack: NumberVerdict;
}

/**
 * Checks a predicted seq and ack. A segment without the ACK flag has no meaningful ack field;
 * pass `ack: null` and the ack answer is ignored.
 */
export function checkNumbers(expected: { seq: number; ack: number | null }, given: { seq: string; ack: string }): NumbersResult {
  const judge = (want: number, typed: string): NumberVerdict => {
    const n = parseSeqNumber(typed);
    if (n === null) return 'invalid';
    return n === ((want % MOD) + MOD) % MOD ? 'right' : 'wrong';
  };
  const seq = judge(expected.seq, given.seq);
  const ack = expected.ack === null ? 'skipped' : judge(expected.ack, given.ack);
  return { correct: seq === 'right' && (ack === 'right' || ack === 'skipped'), seq, ack };
}

/**
 * A deterministic shuffle (mulberry32 seeded by a string hash). Server-rendered order must be
 * stable across builds so the HTML does not change on every build, and it must never start
 * already solved.
 */
export function seededShuffle<T>(items: readonly T[], seed: string, same: (a: T, b: T) => boolean = (a, b) => a === b): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let attempt = 0; attempt < 8; attempt++) {
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    if (out.length < 2 || out.some((x, i) => !same(x, items[i] as T))) return out;
  }
  // Every attempt came out solved (only possible with very few distinct items): rotate by one.
  return [...items.slice(1), items[0] as T];
}
