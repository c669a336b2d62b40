/**
 * Leitner-box scheduling for the interview drill. Five boxes; a card the reader knew moves up
 * one box and comes back after a longer pause, a card they missed goes back to box 1 and comes
 * back the same session. Time is passed in (no Date.now here) so the schedule is testable.
 */
import { MAX_BOX, type CardRecord, type Progress } from './progress.ts';

/** Days to wait before a card in box N (index N-1) is due again. Box 1 is due again at once. */
export const BOX_INTERVAL_DAYS = [0, 1, 3, 7, 16] as const;

/** How the reader graded themself: `again` (did not know), `hard` (partly), `good` (knew it). */
export type Grade = 'again' | 'hard' | 'good';

/** The day number (UTC days since the epoch) of a moment; the drill schedules whole days. */
export function dayOf(ms: number): number {
  return Math.floor(ms / 86_400_000);
}

/** Moves a card according to the grade: again → box 1, hard → same box, good → one box up. */
export function gradeCard(prev: CardRecord | undefined, grade: Grade, today: number): CardRecord {
  const box0 = prev?.box ?? 1;
  const box = grade === 'again' ? 1 : grade === 'good' ? Math.min(MAX_BOX, box0 + 1) : box0;
  const wait = BOX_INTERVAL_DAYS[box - 1] ?? 0;
  // "hard" must not hold a card in place forever: it comes back at least tomorrow.
  const due = today + (grade === 'hard' ? Math.max(1, Math.ceil(wait / 2)) : wait);
  return { box, due, reviews: (prev?.reviews ?? 0) + 1 };
}

/** Applies a grade to the stored progress (new object). */
export function gradeInProgress(progress: Progress, cardId: string, grade: Grade, today: number): Progress {
  return { ...progress, drill: { ...progress.drill, [cardId]: gradeCard(progress.drill[cardId], grade, today) } };
}

/**
 * The cards due today, in the order to show them: lower boxes first (weakest knowledge), then
 * never-seen cards in book order, then by due day. `order` is the book order of card ids.
 */
export function dueCards(order: readonly string[], drill: Readonly<Record<string, CardRecord>>, today: number): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return order
    .filter((id) => {
      const c = drill[id];
      return !c || c.due <= today;
    })
    .sort((a, b) => {
      const ca = drill[a];
      const cb = drill[b];
      const boxA = ca?.box ?? 1;
      const boxB = cb?.box ?? 1;
      if (boxA !== boxB) return boxA - boxB;
      // seen-and-due before never-seen within a box: what was missed comes back first
      if (!!ca !== !!cb) return ca ? -1 : 1;
      return (ca?.due ?? 0) - (cb?.due ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
    });
}

/** How many cards sit in each box (index 0 = box 1), counting unseen cards as box 1, for the drill's overview. */
export function boxCounts(order: readonly string[], drill: Readonly<Record<string, CardRecord>>): number[] {
  const counts = new Array<number>(MAX_BOX).fill(0);
  for (const id of order) {
    const b = drill[id]?.box ?? 1;
    counts[b - 1] = (counts[b - 1] ?? 0) + 1;
  }
  return counts;
}
