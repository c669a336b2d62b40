/** "Did you mean" for the content checks: the valid value closest to a typo, and the message that lists them all. */

/** Edit distance (insert, delete, substitute, swap two neighbours), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The valid value closest to `wrong`, if it is close enough to be a typo (or contains it / is contained in it). */
export function didYouMean(wrong: string, valid: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const v of valid) {
    const dist = distance(wrong, v);
    if (dist < bestD) [best, bestD] = [v, dist];
  }
  if (best !== null && bestD <= Math.max(2, Math.floor(wrong.length / 3))) return best;
  return valid.find((v) => wrong.length >= 3 && (v.startsWith(wrong) || wrong.startsWith(v))) ?? null;
}

/** `unknown scenario "normal-opne". Did you mean "normal-open"? Valid: a, b, c`. */
export function unknownValue(what: string, wrong: string, valid: readonly string[]): string {
  const guess = didYouMean(wrong, valid);
  return `unknown ${what} "${wrong}".${guess ? ` Did you mean "${guess}"?` : ''} Valid: ${valid.join(', ')}`;
}
