import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';

describe('UI dictionaries', () => {
  it('fills placeholders', () => {
    expect(t('en', 'site.title')).toBe(en['site.title']);
  });
  it('ko has exactly the keys of en, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ko)) expect(v.trim(), k).not.toBe('');
  });
});
