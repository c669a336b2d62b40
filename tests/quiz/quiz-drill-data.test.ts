import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cards } from '../../src/data/drill/cards';

const root = join(import.meta.dirname, '..', '..');
const CHAPTERS = ['tcp-basics', 'three-way-handshake', 'four-way-handshake', 'time-wait', 'when-things-go-wrong', 'syn-flood', 'interview', 'glossary'];

describe('drill cards', () => {
  it('cover all twenty interview questions', () => {
    expect([...new Set(cards.map((c) => c.n))].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
  it('have unique kebab-case ids, and follow-up links that resolve', () => {
    const ids = cards.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cards) {
      expect(c.id, c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      if (c.parent) expect(ids, `${c.id}.parent`).toContain(c.parent);
      if (c.next) expect(ids, `${c.id}.next`).toContain(c.next);
    }
  });
  it('contain the follow-up chains 2 → 4 → old duplicates, 10 → 11 → 14, 7 → 8 → finding the leak', () => {
    const next = (id: string) => cards.find((c) => c.id === id)?.next;
    expect([next('q02-why-three'), next('q04-isn')]).toEqual(['q04-isn', 'q04-old-duplicates']);
    expect([next('q10-why-time-wait'), next('q11-two-msl')]).toEqual(['q11-two-msl', 'q14-many-time-wait']);
    expect([next('q07-four-or-three'), next('q08-close-wait')]).toEqual(['q08-close-wait', 'q08-find-leak']);
  });
  it('have a question, a 30-second answer and a deep answer in both languages; Korean in 합니다 style', () => {
    for (const c of cards) {
      for (const lang of ['ko', 'en'] as const) {
        expect(c[lang].q.trim(), `${c.id} ${lang}.q`).not.toBe('');
        expect(c[lang].a.length, `${c.id} ${lang}.a`).toBeGreaterThan(0);
        for (const p of c[lang].a) expect(p.trim(), `${c.id} ${lang}.a`).not.toBe('');
        expect(c[lang].short.trim(), `${c.id} ${lang}.short`).not.toBe('');
      }
      for (const p of [c.ko.short, ...c.ko.a]) expect(p, `${c.id} ko`).toMatch(/[다요]\.(\)|”|")?$|\)\.$/);
    }
  });
  it('link to a book chapter, and to a section that exists in both languages when the chapter is written', () => {
    for (const c of cards) {
      expect(CHAPTERS, c.id).toContain(c.proof.slug);
      for (const lang of ['ko', 'en']) {
        const file = join(root, 'content', lang, `${c.proof.slug}.mdx`);
        if (!existsSync(file)) continue; // chapter not written yet: the link still goes to /<lang>/<slug>/
        expect(readFileSync(file, 'utf8'), `${c.id}: content/${lang}/${c.proof.slug}.mdx has no {#${c.proof.anchor}}`).toContain(`{#${c.proof.anchor}}`);
      }
    }
  });
});
