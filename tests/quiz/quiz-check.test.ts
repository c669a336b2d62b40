import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkChoice, checkNumbers, checkOrder, parseSeqNumber, seededShuffle } from '../../src/quiz/model/check';

describe('checkChoice', () => {
  const single = [{ correct: false }, { correct: true }, { correct: false }];
  const multi = [{ correct: true }, { correct: false }, { correct: true }];
  it('single choice: right only on the correct option', () => {
    expect(checkChoice(single, [1]).correct).toBe(true);
    expect(checkChoice(single, [0])).toEqual({ correct: false, wrongPicks: [0], missed: [1] });
    expect(checkChoice(single, []).correct).toBe(false);
  });
  it('multiple choice: exactly the correct set, no partial credit', () => {
    expect(checkChoice(multi, [2, 0]).correct).toBe(true);
    expect(checkChoice(multi, [0]).missed).toEqual([2]);
    expect(checkChoice(multi, [0, 1, 2]).wrongPicks).toEqual([1]);
  });
  it('ignores out-of-range picks instead of crashing', () => {
    expect(checkChoice(single, [7, -1]).correct).toBe(false);
  });
});

describe('checkOrder', () => {
  it('finds the first misplaced segment', () => {
    expect(checkOrder(['SYN', 'SYN+ACK', 'ACK'], ['SYN', 'SYN+ACK', 'ACK']).correct).toBe(true);
    const r = checkOrder(['SYN', 'SYN+ACK', 'ACK'], ['SYN', 'ACK', 'SYN+ACK']);
    expect(r.correct).toBe(false);
    expect(r.firstWrong).toBe(1);
    expect(r.placed).toEqual([true, false, false]);
  });
  it('a shorter answer is never right', () => {
    expect(checkOrder(['A', 'B'], ['A']).correct).toBe(false);
  });
});

describe('parseSeqNumber / checkNumbers', () => {
  it('parses digits with separators and hex', () => {
    expect(parseSeqNumber(' 1,234 567 ')).toBe(1234567);
    expect(parseSeqNumber('0xFFFFFFFF')).toBe(4294967295);
    expect(parseSeqNumber('4294967296')).toBeNull();
    expect(parseSeqNumber('12a')).toBeNull();
    expect(parseSeqNumber('-1')).toBeNull();
    expect(parseSeqNumber('')).toBeNull();
  });
  it('checks seq and ack separately, wrapping modulo 2^32', () => {
    expect(checkNumbers({ seq: 100, ack: 2 ** 32 }, { seq: '100', ack: '0' })).toEqual({ correct: true, seq: 'right', ack: 'right' });
    expect(checkNumbers({ seq: 100, ack: 5 }, { seq: '101', ack: '5' })).toEqual({ correct: false, seq: 'wrong', ack: 'right' });
    expect(checkNumbers({ seq: 100, ack: 5 }, { seq: '100', ack: 'x' })).toEqual({ correct: false, seq: 'right', ack: 'invalid' });
  });
  it('ignores the ack when the segment carries no ACK flag', () => {
    expect(checkNumbers({ seq: 7, ack: null }, { seq: '7', ack: '' })).toEqual({ correct: true, seq: 'right', ack: 'skipped' });
  });
  it('any 32-bit number round-trips through its decimal form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => parseSeqNumber(n.toLocaleString('en-US')) === n),
      { numRuns: 200 },
    );
  });
});

describe('seededShuffle', () => {
  it('is stable for a seed, keeps every item, and never returns the solved order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 9 }), fc.string(), (items, seed) => {
        const a = seededShuffle(items, seed);
        expect(seededShuffle(items, seed)).toEqual(a);
        expect([...a].sort()).toEqual([...items].sort());
        expect(a).not.toEqual(items);
      }),
      { numRuns: 150 },
    );
  });
  it('uses the equality given, so equal labels do not count as a new order', () => {
    const items = ['SYN', 'SYN', 'ACK'];
    const out = seededShuffle(items, 'x');
    expect(out).not.toEqual(items);
  });
});
