/**
 * scripts/first-paint.ts: what a chapter with labs sends before its first paint (the browser side is
 * tests/browser/first-paint.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { gatherLabProps, isLabChapter } from '../../scripts/first-paint.ts';

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

describe('isLabChapter', () => {
  it('is a chapter with a lab only with both a lab root and a chapter body', () => {
    expect(isLabChapter('<article data-pagefind-body><div data-lab-root="x">')).toBe(true);
    expect(isLabChapter('<main><div data-lab-root="x">')).toBe(false);
  });
});
