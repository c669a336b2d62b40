/**
 * scripts/first-paint.ts: what a page sends before its first paint (the browser side is
 * tests/browser/first-paint.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  bookOrder,
  deferScript,
  gatherLabProps,
  isLabChapter,
  inlineIcons,
  joinedName,
  layoutScript,
  linkOneStylesheet,
  loaderFor,
  selectorsOf,
  stylesheetsOf,
} from '../../scripts/first-paint.ts';

const props = (id: string) => `<script type="application/json" data-lab-props="${id}">{"id":"${id}"}</script>`;
const sheet = (href: string) => `<link rel="stylesheet" href="${href}">`;
const moduleScript = (src: string) => `<script type="module" src="${src}"></script>`;

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

describe('one stylesheet per page', () => {
  const head = `<head>${sheet('/book/_astro/site.A.css')}${sheet('/book/_astro/labs.B.css')}<title>t</title>${sheet('/book/_astro/quiz.C.css')}</head>`;
  it('reads the stylesheets in page order, with the base they are linked under', () => {
    expect(stylesheetsOf(head)).toEqual({ base: '/book/', files: ['_astro/site.A.css', '_astro/labs.B.css', '_astro/quiz.C.css'] });
    expect(stylesheetsOf('<head></head>')).toEqual({ base: '', files: [] });
  });
  it('links the joined file where the first one was and drops the others', () => {
    expect(linkOneStylesheet(head, '/book/', '_astro/page.x.css')).toBe(`<head>${sheet('/book/_astro/page.x.css')}<title>t</title></head>`);
  });
  it('names a joined file by its content', () => {
    expect(joinedName('a{}b{}')).toBe(joinedName('a{}b{}'));
    expect(joinedName('a{}b{}')).not.toBe(joinedName('b{}a{}'));
    expect(joinedName('a{}')).toMatch(/^_astro\/book\.[0-9a-f]{10}\.css$/);
  });
  it('reads the selectors a stylesheet styles, in at-rules too, not the at-rules or keyframe steps', () => {
    const css = '/* a{} */.a,.b>p{color:red}@media (width<40rem){.c{x:y}}@keyframes k{from{o:0}50%{o:1}}';
    expect([...selectorsOf(css)].sort()).toEqual(['.a', '.b>p', '.c']);
  });
  it('puts every stylesheet in one order that keeps each page’s', () => {
    const css = (f: string) => `.${f}{}`;
    expect(bookOrder([['site'], ['site', 'quiz'], ['site', 'labs', 'quiz']], css)).toEqual(['site', 'labs', 'quiz']);
  });
  it('accepts two stylesheets in both orders only when they style different selectors', () => {
    const pages = [
      ['site', 'quiz', 'labs'],
      ['site', 'labs', 'quiz'],
    ];
    expect(bookOrder(pages, (f) => `.${f}{}`)).toEqual(['site', 'quiz', 'labs']);
    expect(() => bookOrder(pages, (f) => (f === 'site' ? '.site{}' : `.shared{x:${f}}`))).toThrow(/labs and quiz are linked in both orders.*\.shared/);
  });
  it('refuses stylesheets linked under two bases', () => {
    expect(() => stylesheetsOf(sheet('/a/_astro/x.css') + sheet('/b/_astro/y.css'))).toThrow(/several bases/);
  });
});

describe('the layout script after the first paint', () => {
  const layout = '/_astro/BaseLayout.x.js';
  it('is the one module script every page with scripts requests', () => {
    const pages = [moduleScript(layout), moduleScript('/_astro/drill.y.js') + moduleScript(layout), '<p>no scripts</p>'];
    expect(layoutScript(pages)).toBe(layout);
  });
  it('fails the build when no script or two are on every page', () => {
    expect(() => layoutScript([moduleScript('/a.js'), moduleScript('/b.js')])).toThrow(/found 0/);
    expect(() => layoutScript([moduleScript('/a.js') + moduleScript('/b.js')])).toThrow(/found 2/);
  });
  it('replaces the parser’s request with the loader, and only that one', () => {
    const html = `<head>${moduleScript('/_astro/drill.y.js')}${moduleScript(layout)}</head>`;
    const out = deferScript(html, layout);
    expect(out).toBe(`<head>${moduleScript('/_astro/drill.y.js')}${loaderFor(layout)}</head>`);
    expect(() => deferScript('<head></head>', layout)).toThrow(/does not request/);
  });
  it('imports the script once, after the first contentful paint, else after 3 s, else at once', async () => {
    // The loader's text, run with its browser globals handed in (import() renamed: a Function body has none).
    const body = /^<script>([\s\S]*)<\/script>$/.exec(loaderFor(layout))?.[1] ?? '';
    const loader = (): ((...globals: unknown[]) => void) =>
      new Function('PerformanceObserver', 'PerformancePaintTiming', 'setTimeout', 'importScript', body.replace(/\bimport\(/, 'importScript(')) as (
        ...globals: unknown[]
      ) => void;
    const imported: string[] = [];
    const timers: (() => void)[] = [];
    let observer: ((list: { getEntriesByName: (n: string) => unknown[] }) => void) | undefined;
    class FakeObserver {
      constructor(cb: typeof observer) {
        observer = cb;
      }
      observe(o: { type: string; buffered: boolean }): void {
        expect(o).toEqual({ type: 'paint', buffered: true });
      }
    }
    loader()(
      FakeObserver,
      class PaintTiming {},
      (f: () => void) => timers.push(f),
      (u: string) => {
        imported.push(u);
        return Promise.resolve();
      },
    );
    expect(imported, 'nothing before a paint').toEqual([]);
    expect(timers.length, 'the 3 s fallback').toBe(1);
    observer?.({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [] : [{}]) });
    expect(timers.length, 'first-paint is not first-contentful-paint').toBe(1);
    observer?.({ getEntriesByName: () => [{}] });
    timers.forEach((f) => f());
    expect(imported, 'once, after the contentful paint or the fallback, whichever comes first').toEqual([layout]);

    // Without paint timing, or without PerformanceObserver at all: at once, with no timer run.
    const atOnce = (observerClass: unknown): string[] => {
      const seen: string[] = [];
      loader()(
        observerClass,
        undefined,
        () => undefined,
        (u: string) => (seen.push(u), Promise.resolve()),
      );
      return seen;
    };
    expect(atOnce(FakeObserver), 'a browser without paint timing').toEqual([layout]);
    expect(atOnce(undefined), 'a browser without PerformanceObserver').toEqual([layout]);
  });
});

describe('favicons in the page', () => {
  it('writes a small PNG icon into the page as a data: URL and leaves a large one linked', () => {
    const bytes: Record<string, Buffer> = { 'icons/icon-32.png': Buffer.from([1, 2, 3]), 'icons/icon-192.png': Buffer.alloc(5000) };
    const html = '<link rel="icon" href="/book/icons/icon-32.png" sizes="32x32"><link rel="icon" href="/book/icons/icon-192.png" sizes="192x192">';
    expect(inlineIcons(html, (f) => bytes[f] ?? Buffer.alloc(0))).toBe(
      '<link rel="icon" href="data:image/png;base64,AQID" sizes="32x32"><link rel="icon" href="/book/icons/icon-192.png" sizes="192x192">',
    );
  });
});
