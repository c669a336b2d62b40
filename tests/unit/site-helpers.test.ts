import { describe, expect, it } from 'vitest';
import { absoluteHref, editHref, href, normalizeBase, stripBase } from '../../src/site/urls';
import { sitemapAlternates } from '../../src/site/sitemap-alternates.mjs';
import { spellingVariants } from '../../src/search/search-keywords';
import { glossary } from '../../src/data/glossary';
import { serviceWorkerOptions } from '../../scripts/service-worker.ts';

describe('URL helper', () => {
  it('normalises any base spelling', () => {
    for (const b of ['tcp-book', '/tcp-book', '/tcp-book/', ' tcp-book// ']) expect(normalizeBase(b)).toBe('/tcp-book/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
  });
  it('prefixes the base exactly once', () => {
    expect(href('ko/tcp-basics/', '/tcp-book/')).toBe('/tcp-book/ko/tcp-basics/');
    expect(href('/ko/', '/tcp-book/')).toBe('/tcp-book/ko/');
    expect(href('', '/')).toBe('/');
    expect(absoluteHref('en/', 'https://x.org/', '/b/')).toBe('https://x.org/b/en/');
  });
  it('strips the base to find the page path', () => {
    expect(stripBase('/tcp-book/ko/x/', '/tcp-book/')).toBe('ko/x/');
    expect(stripBase('/tcp-book', '/tcp-book/')).toBe('');
    expect(stripBase('/en/', '/')).toBe('en/');
  });
  it('builds the edit link to the chapter source', () => {
    expect(editHref('ko', 'time-wait', 'https://github.com/o/r/', 'main')).toBe('https://github.com/o/r/edit/main/content/ko/time-wait.mdx');
  });
});

describe('sitemap alternates', () => {
  it('gives a chapter its ko/en/x-default alternates under the base path', () => {
    expect(sitemapAlternates('https://x.org/b/en/time-wait/', 'https://x.org', '/b/', ['ko', 'en'])).toEqual([
      { url: 'https://x.org/b/ko/time-wait/', lang: 'ko' },
      { url: 'https://x.org/b/en/time-wait/', lang: 'en' },
      { url: 'https://x.org/b/', lang: 'x-default' },
    ]);
  });
  it('treats / as the chooser, not as a language', () => {
    expect(sitemapAlternates('https://x.org/', 'https://x.org', '/', ['ko', 'en']).map((a) => a.url)).toEqual([
      'https://x.org/ko/',
      'https://x.org/en/',
      'https://x.org/',
    ]);
  });
});

describe('search aliases from the glossary', () => {
  it('generates separator variants', () => {
    expect(spellingVariants('TIME-WAIT').sort()).toEqual(['TIME WAIT', 'TIME-WAIT', 'TIMEWAIT', 'TIME_WAIT'].sort());
    expect(spellingVariants('FIN-WAIT-1')).toContain('FIN_WAIT_1');
    expect(spellingVariants('핸드셰이크')).toEqual(['핸드셰이크']);
  });
  it('has unique kebab-case ids and the eleven RFC states', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(glossary.filter((e) => e.spellings?.rfc && e.id.startsWith('state-'))).toHaveLength(11);
  });
});

describe('service worker options', () => {
  it('ignores pagefind\'s ts parameter, precaches the index, and waits before taking over', () => {
    const o = serviceWorkerOptions('/out', '/b/');
    expect(o.ignoreURLParametersMatching?.some((r) => r.test('ts'))).toBe(true);
    expect(o.globPatterns?.join()).toMatch(/pf_meta.*pf_index.*pf_fragment|pagefind/);
    expect(o.skipWaiting).toBe(false);
    expect(o.modifyURLPrefix).toEqual({ '': '/b/' });
  });
});
