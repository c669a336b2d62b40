import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/data/glossary';
import { aliasTable } from '../../src/search/aliases';
import { bestOf, chapterBoost, combine, excerpt, fallbacks, groupByChapter, prepareQuery } from '../../src/search/query';

const ko = aliasTable(glossary, 'ko');
const en = aliasTable(glossary, 'en');
const alts = (q: string, lang: 'ko' | 'en') => prepareQuery(q, lang, lang === 'ko' ? ko : en).map((u) => u.alternatives);

describe('query units', () => {
  it('maps the spellings readers type to the term the prose uses, keeping what was typed', () => {
    expect(alts('타임웨이트', 'ko')).toEqual([['타임웨이트', 'TIME-WAIT']]);
    expect(alts('TIME_WAIT', 'en')).toEqual([['TIME_WAIT', 'TIME-WAIT']]);
    expect(alts('핸드쉐이크', 'ko')[0]).toContain('3-way 핸드셰이크');
    expect(alts('time wait', 'en')).toEqual([['time wait', 'TIME-WAIT']]);
    expect(alts('SYN_RECV', 'en')).toEqual([['SYN_RECV', 'SYN-RECEIVED']]);
  });
  it('drops Korean particles after a Latin term', () => {
    expect(alts('TIME_WAIT가 왜 필요해', 'ko')).toEqual([['TIME_WAIT', 'TIME-WAIT'], ['왜'], ['필요해']]);
    expect(alts('CLOSE_WAIT가', 'ko')).toEqual([['CLOSE_WAIT', 'CLOSE-WAIT']]);
  });
  it('drops English words that carry no meaning, keeps question words', () => {
    expect(alts('why does TIME_WAIT exist', 'en')).toEqual([['TIME_WAIT', 'TIME-WAIT'], ['why'], ['exist']]);
  });
  it('does not find a spelling inside a longer word', () => {
    expect(alts('FINISHED', 'en')).toEqual([['FINISHED']]);
  });
  it('retries a Korean word with its ending cut, down to one syllable', () => {
    expect(fallbacks('쌓이는')).toEqual(['쌓이', '쌓']);
    expect(fallbacks('TIME')).toEqual([]);
    expect(fallbacks('왜')).toEqual([]);
  });
});

describe('ranking and excerpts', () => {
  it('ranks a section that matches every unit above one that repeats a single unit', () => {
    const ranked = combine([
      new Map([
        ['a', 1],
        ['b', 5],
      ]),
      new Map([['a', 1]]),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b']);
  });
  it('ignores units that match nothing anywhere', () => {
    expect(combine([new Map([['a', 2]]), new Map()])[0]).toMatchObject({ id: 'a', score: 2 });
  });
  it('cuts the excerpt around the matched words and marks them', () => {
    const text = 'one two three four five six seven eight nine ten eleven TIME-WAIT lasts twice the MSL because of old duplicates';
    const parts = excerpt(text, ['TIME-WAIT', 'MSL'], 8);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['TIME-WAIT', 'MSL']);
    expect(parts[0]!.text.startsWith('… ')).toBe(true);
  });
  it('groups sections by chapter, best chapter first, best sections first', () => {
    const g = groupByChapter([
      { url: '/en/a/#x', title: 'x', chapter: 'A', score: 1 },
      { url: '/en/b/#y', title: 'y', chapter: 'B', score: 3 },
      { url: '/en/a/#z', title: 'z', chapter: 'A', score: 2 },
    ]);
    expect(g.map((c) => c.chapter)).toEqual(['B', 'A']);
    expect(g[1]!.sections.map((s) => s.title)).toEqual(['z', 'x']);
  });
});

describe('question words', () => {
  it('drops Korean question endings, keeps 왜', () => {
    expect(alts('tcp_tw_reuse 써도 되나', 'ko')).toEqual([['tcp_tw_reuse']]);
    expect(alts('SYN 유실되면 어떻게 돼', 'ko').map((a) => a[0])).toEqual(['SYN', '유실되면']);
    expect(alts('왜 세 번', 'ko').map((a) => a[0])).toContain('왜');
  });
  it('searches a query of nothing but such words as typed', () => {
    expect(alts('is the', 'en')).toEqual([['is'], ['the']]);
  });
});

describe('spellings', () => {
  const m = (pairs: [string, number][]) => new Map(pairs);
  it('prefers sections with the spelling as typed when the book has it', () => {
    const best = bestOf(
      [
        m([['glossary', 5]]),
        m([
          ['glossary', 1],
          ['interview', 16],
        ]),
      ],
      'TCP_SYN_RECV',
    );
    expect(best.get('glossary')).toBe(5);
    expect(best.get('interview')).toBe(4);
  });
  it('ignores a typed spelling that pagefind answered with its parts', () => {
    const best = bestOf(
      [
        m([
          ['a', 7],
          ['b', 6],
          ['c', 5],
        ]),
        m([['d', 9]]),
      ],
      'SYN_RCVD',
    );
    expect([...best.keys()]).toEqual(['d']);
  });
  it('takes the best of a synonym and the book term alike', () => {
    expect(
      bestOf(
        [
          m([['a', 2]]),
          m([
            ['a', 5],
            ['b', 1],
          ]),
        ],
        '3-way handshake',
      ),
    ).toEqual(
      m([
        ['a', 5],
        ['b', 1],
      ]),
    );
  });
  it('lifts sections of the chapter that explains a term', () => {
    const units = [{ typed: 'SYN_RCVD', alternatives: ['SYN_RCVD', 'SYN-RECEIVED'], chapters: ['three-way-handshake'] }];
    expect(chapterBoost('/en/three-way-handshake/#three-steps', units, [0])).toBeGreaterThan(1);
    expect(chapterBoost('/en/syn-flood/', units, [0])).toBe(1);
  });
});
