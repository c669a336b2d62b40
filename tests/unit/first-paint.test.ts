/**
 * scripts/first-paint.ts: what a chapter with labs sends before its first paint (the browser side is
 * tests/browser/first-paint.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { gatherLabProps, isLabChapter, LATER_ATTR, sharedStylesheets, splitStylesheets } from '../../scripts/first-paint.ts';

const props = (id: string) => `<script type="application/json" data-lab-props="${id}">{"id":"${id}"}</script>`;

describe('gatherLabProps', () => {
  it('moves every lab props script to the end of the body, in page order', () => {
    const html = `<html><body><div data-lab-root="a"></div>${props('a')}<p>text</p><div data-lab-root="b"></div>${props('b')}</body></html>`;
    expect(gatherLabProps(html)).toBe(
      `<html><body><div data-lab-root="a"></div><p>text</p><div data-lab-root="b"></div>${props('a')}${props('b')}</body></html>`,
    );
  });
  it('leaves a page without labs as it is', () => {
    expect(gatherLabProps('<body><p>x</p></body>')).toBe('<body><p>x</p></body>');
  });
});

describe('splitStylesheets', () => {
  const page = '<head><link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/labs.css"></head><body></body>';
  const read = (href: string) => (href === '/_astro/site.css' ? 'p{color:red}' : '.lab{}');
  it('inlines the shared stylesheet and names the others in a noscript read by the switch script', () => {
    const out = splitStylesheets(page, new Set(['/_astro/site.css']), read);
    expect(out).toContain('<style>p{color:red}</style>');
    expect(out).not.toMatch(/<link rel="stylesheet" href="\/_astro\/site\.css">/);
    expect(out).toContain(`<noscript ${LATER_ATTR}><link rel="stylesheet" href="/_astro/labs.css"></noscript><script>`);
    // Outside the noscript, no stylesheet link is left for the parser.
    expect(out.replace(/<noscript[\s\S]*?<\/noscript>/g, '')).not.toContain('rel="stylesheet"');
  });
  it('keeps a stylesheet from closing its <style>', () => {
    expect(splitStylesheets(page, new Set(['/_astro/site.css', '/_astro/labs.css']), () => 'a::after{content:"</style>"}')).not.toMatch(/"<\/style>"/);
  });
});

describe('sharedStylesheets and isLabChapter', () => {
  it('finds the stylesheets every page links', () => {
    const a = '<link rel="stylesheet" href="/s.css"><link rel="stylesheet" href="/q.css">';
    const b = '<link rel="stylesheet" href="/s.css">';
    expect([...sharedStylesheets([a, b])]).toEqual(['/s.css']);
  });
  it('is a chapter with a lab only with both a lab root and a chapter body', () => {
    expect(isLabChapter('<article data-pagefind-body><div data-lab-root="x">')).toBe(true);
    expect(isLabChapter('<main><div data-lab-root="x">')).toBe(false);
  });
});
