import { describe, expect, it } from 'vitest';
import { BOX_INTERVAL_DAYS, boxCounts, dayOf, dueCards, gradeCard, gradeInProgress } from '../../src/quiz/model/leitner';
import { emptyProgress } from '../../src/quiz/model/progress';

describe('gradeCard', () => {
  it('good moves one box up and waits that box’s interval', () => {
    expect(gradeCard(undefined, 'good', 100)).toEqual({ box: 2, due: 100 + BOX_INTERVAL_DAYS[1], reviews: 1 });
    expect(gradeCard({ box: 4, due: 0, reviews: 3 }, 'good', 100)).toEqual({ box: 5, due: 116, reviews: 4 });
  });
  it('never goes above box 5', () => {
    expect(gradeCard({ box: 5, due: 0, reviews: 9 }, 'good', 100).box).toBe(5);
  });
  it('again sends a card back to box 1, due today', () => {
    expect(gradeCard({ box: 4, due: 90, reviews: 3 }, 'again', 100)).toEqual({ box: 1, due: 100, reviews: 4 });
  });
  it('hard keeps the box but is due no sooner than tomorrow', () => {
    expect(gradeCard({ box: 1, due: 90, reviews: 1 }, 'hard', 100)).toEqual({ box: 1, due: 101, reviews: 2 });
    expect(gradeCard({ box: 4, due: 90, reviews: 1 }, 'hard', 100).due).toBe(104);
  });
});

describe('dueCards', () => {
  const order = ['a', 'b', 'c', 'd'];
  it('shows every unseen card in book order', () => {
    expect(dueCards(order, {}, 10)).toEqual(order);
  });
  it('leaves out cards not yet due, puts missed (box 1, seen) cards first and higher boxes last', () => {
    const drill = {
      a: { box: 3, due: 10, reviews: 2 },
      b: { box: 2, due: 11, reviews: 1 },
      d: { box: 1, due: 9, reviews: 1 },
    };
    expect(dueCards(order, drill, 10)).toEqual(['d', 'c', 'a']);
  });
  it('grading a whole session with good empties today’s queue', () => {
    let p = emptyProgress();
    for (const id of dueCards(order, p.drill, 10)) p = gradeInProgress(p, id, 'good', 10);
    expect(dueCards(order, p.drill, 10)).toEqual([]);
    expect(dueCards(order, p.drill, 11)).toEqual(order);
    expect(boxCounts(order, p.drill)).toEqual([0, 4, 0, 0, 0]);
  });
});

it('dayOf counts UTC days', () => {
  expect(dayOf(86_400_000 * 3 + 5)).toBe(3);
});
