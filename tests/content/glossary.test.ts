import { describe, expect, it } from 'vitest';
import { readChapters } from './read-chapters';
import { glossary } from '../../src/data/glossary';
import { definitions } from '../../src/data/glossary-definitions';
import { chapterIds } from '../../src/content-checks/links';
import { unbreakableRuns, variantsOf } from '../../src/site/glossary-table';

const chapters = readChapters('content');
const idsOf = (lang: string, slug: string) => {
  const c = chapters.find((x) => x.path === `content/${lang}/${slug}.mdx`);
  return c ? chapterIds(c.source) : null;
};

describe('glossary data behind the glossary chapter', () => {
  it('gives every entry a definition in both languages, and defines nothing that is not an entry', () => {
    const ids = glossary.map((e) => e.id);
    expect(ids.filter((id) => !definitions[id]), 'entries without a definition').toEqual([]);
    expect(Object.keys(definitions).filter((id) => !ids.includes(id)), 'definitions without an entry').toEqual([]);
    for (const [id, d] of Object.entries(definitions)) {
      expect(d.ko.trim(), `${id}.ko`).not.toBe('');
      expect(d.en.trim(), `${id}.en`).not.toBe('');
      expect(/[가-힣]/.test(d.ko), `${id}.ko is Korean`).toBe(true);
      expect(/[가-힣]/.test(d.en), `${id}.en has no Korean`).toBe(false);
    }
  });

  it('links every definition to a heading that exists in both languages', () => {
    const broken: string[] = [];
    for (const [id, d] of Object.entries(definitions)) {
      if (!d.see) continue;
      const [slug, anchor] = d.see.split('#') as [string, string | undefined];
      for (const lang of ['en', 'ko']) {
        const ids = idsOf(lang, slug);
        if (!ids) broken.push(`${id}: no chapter ${lang}/${slug}`);
        else if (anchor && !ids.has(anchor)) broken.push(`${id}: ${lang}/${slug} has no heading id "${anchor}"`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has unique ids and ko/en terms', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(glossary.filter((e) => !e.ko.trim() || !e.en.trim()).map((e) => e.id)).toEqual([]);
  });

  it('shows aliases and tool spellings once, without repeating the term', () => {
    const synAck = glossary.find((e) => e.id === 'syn-ack');
    expect(synAck && variantsOf(synAck, 'en')).toEqual(['SYN-ACK', 'SYN/ACK', 'SYNACK', '[SYN, ACK]']);
    const seq = glossary.find((e) => e.id === 'sequence-number');
    expect(seq && variantsOf(seq, 'ko')).toContain('tcp.seq');
    const closeWait = glossary.find((e) => e.id === 'state-close-wait');
    expect(closeWait && variantsOf(closeWait, 'en')).toEqual([]);
  });

  it('is what the glossary chapter renders, in both languages', () => {
    for (const lang of ['en', 'ko']) {
      const src = chapters.find((c) => c.path === `content/${lang}/glossary.mdx`)?.source ?? '';
      expect(src, `content/${lang}/glossary.mdx`).toMatch(/<GlossaryTable kind="states" \/>[\s\S]*<GlossaryTable kind="terms" \/>/);
    }
  });
});

describe('unbreakableRuns (glossary cells keep hyphenated words whole)', () => {
  it('marks words with an inner hyphen or a call, and leaves the rest to the browser', () => {
    expect(unbreakableRuns('A SYN-RECEIVED를 거쳐 close()하기를 기다림')).toEqual([
      { text: 'A ', keep: false },
      { text: 'SYN-RECEIVED를', keep: true },
      { text: ' 거쳐 ', keep: false },
      { text: 'close()하기를', keep: true },
      { text: ' 기다림', keep: false },
    ]);
    expect(unbreakableRuns('큐(ESTABLISHED)가 찹니다')).toEqual([
      { text: '큐(ESTABLISHED)가', keep: true },
      { text: ' 찹니다', keep: false },
    ]);
    expect(unbreakableRuns('the 4-tuple, again')).toEqual([
      { text: 'the ', keep: false },
      { text: '4-tuple,', keep: true },
      { text: ' again', keep: false },
    ]);
  });
  it('loses no character and keeps plain text and dashes as they are', () => {
    for (const s of ['', 'plain words only', 'a - b', '— x —', 'TIME-WAIT']) {
      expect(unbreakableRuns(s).map((r) => r.text).join('')).toBe(s);
    }
    expect(unbreakableRuns('a - b').some((r) => r.keep)).toBe(false);
  });
});
