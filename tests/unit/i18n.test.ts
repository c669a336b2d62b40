import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';

/** Every namespace file of both languages (index.ts spreads them into one dictionary per language). */
const NAMESPACES = import.meta.glob<Record<string, unknown>>(['../../src/i18n/*/*.ts', '!../../src/i18n/*/index.ts'], { eager: true });
/** Each namespace file's keys (its one exported dictionary object). */
function keysOf(mod: Record<string, unknown>): string[] {
  return Object.values(mod).flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : []));
}

describe('UI dictionaries', () => {
  it('fills placeholders', () => {
    expect(t('en', 'site.title')).toBe(en['site.title']);
  });
  it('ko has exactly the keys of en, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ko)) expect(v.trim(), k).not.toBe('');
  });
  // The dictionaries are the namespaces spread into one object, so a key in two files silently keeps
  // the later one: the page showed the lab strings' title, not the one written beside the nav link.
  it.each(['en', 'ko'])('%s: no key is defined in two namespace files', (lang) => {
    const files = Object.entries(NAMESPACES).filter(([path]) => path.includes(`/i18n/${lang}/`));
    expect(files.length).toBeGreaterThan(3);
    const where = new Map<string, string[]>();
    for (const [file, mod] of files) for (const k of keysOf(mod)) where.set(k, [...(where.get(k) ?? []), file.split('/').pop() ?? file]);
    const twice = [...where].filter(([, fs]) => fs.length > 1).map(([k, fs]) => `${k} (${fs.join(', ')})`);
    expect(twice).toEqual([]);
  });
});
