// @vitest-environment happy-dom
/**
 * lab-loader.ts wakes server-rendered sequence labs without Astro's island runtime. The browser's
 * IntersectionObserver is replaced by one the test drives (happy-dom has none that fires); the
 * real one is exercised by tests/browser/island.spec.ts.
 */
import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SequenceLab, { type SequenceLabProps } from '../../src/labs/widgets/sequence-lab.tsx';
import { watchLabs } from '../../src/labs/client/lab-loader.ts';
import { resetBus } from '../../src/labs/client/lab-bus.ts';
import { S, initialRun } from './lab-fixtures.ts';

const observed: Element[] = [];
let fire: (targets: Element[]) => void = () => {};

class FakeObserver {
  constructor(cb: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {
    fire = (targets) => cb(targets.map((target) => ({ isIntersecting: true, target })));
  }
  observe(t: Element) {
    observed.push(t);
  }
  unobserve() {}
  disconnect() {}
}

const props = (id: string): SequenceLabProps => ({ id, scenario: 'normal-open', title: 'normal-open', strings: S, initial: initialRun('normal-open') });

/** A lab as SequenceLab.astro writes it: the rendered lab in a root, its props as JSON beside it. */
function page(id: string, json: string | null): Element {
  const p = props(id);
  document.body.insertAdjacentHTML(
    'beforeend',
    `<div class="lab-root" data-lab-root="${id}" data-lab-kind="sequence">${render(h(SequenceLab as never, p))}</div>` +
      (json === null ? '' : `<script type="application/json" data-lab-props="${id}">${json}</script>`),
  );
  return document.querySelector(`[data-lab-root="${id}"]`)!;
}

beforeEach(() => {
  resetBus();
  observed.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  history.replaceState(null, '', '/en/labs/');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('lab loader', () => {
  it('watches each lab’s drawing and wakes the lab once it is in view', async () => {
    const root = page('lab-a', JSON.stringify(props('lab-a')).replace(/</g, '\\u003c'));
    watchLabs(document);
    expect(observed).toEqual([root.firstElementChild]);
    expect(root.querySelector('.seq-lab')!.classList.contains('is-live')).toBe(false);
    fire(observed);
    await vi.waitFor(() => expect(root.querySelector('.seq-lab')!.classList.contains('is-live')).toBe(true));
    expect(root.hasAttribute('data-lab-awake')).toBe(true);
    // Awake: it steps.
    (root.querySelector('button[aria-label="Next step"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('.lab-step')!.textContent).toMatch(/Step 1 of/));
  });

  it('puts a lab’s strings together from the sets of the language’s strings file, fetched once', async () => {
    const half = Object.keys(S).length >> 1;
    const file = { one: Object.fromEntries(Object.entries(S).slice(0, half)), two: Object.fromEntries(Object.entries(S).slice(half)) };
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (fetched.push(url), new Response(JSON.stringify(file))));
    const labs = ['lab-s', 'lab-t'].map((id) =>
      page(id, JSON.stringify({ ...props(id), strings: undefined, stringSets: ['one', 'two'], stringsFrom: '/en/lab-strings.json' })),
    );
    watchLabs(document);
    fire(observed);
    for (const root of labs) {
      await vi.waitFor(() => expect(root.hasAttribute('data-lab-awake')).toBe(true));
      (root.querySelector('button[aria-label="Next step"]') as HTMLButtonElement).click();
      await vi.waitFor(() => expect(root.querySelector('.lab-sentence')!.textContent).toMatch(/^Step 1 of \d+/));
    }
    expect(fetched).toEqual(['/en/lab-strings.json']);
  });

  it('names the strings file when it fails or lacks a set, and leaves the lab as rendered', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal('fetch', async (url: string) => (url.includes('gone') ? new Response('', { status: 404 }) : new Response('{"one":{}}')));
    page('lab-gone', JSON.stringify({ ...props('lab-gone'), strings: undefined, stringSets: ['one'], stringsFrom: '/gone.json' }));
    page('lab-lacks', JSON.stringify({ ...props('lab-lacks'), strings: undefined, stringSets: ['one', 'two'], stringsFrom: '/en/x.json' }));
    watchLabs(document);
    fire(observed);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    expect(error.mock.calls.map((c) => String(c[0])).sort()).toEqual([
      'lab lab-gone: stays static (/gone.json answered 404)',
      'lab lab-lacks: stays static (no string set "two" in /en/x.json)',
    ]);
  });

  it('leaves a lab with broken or missing props as rendered, and names it in the console', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = page('lab-broken', '{"id": "lab-broken", oops');
    const missing = page('lab-missing', null);
    const before = [broken.innerHTML, missing.innerHTML];
    watchLabs(document);
    fire(observed);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    expect(error.mock.calls.map((c) => String(c[0])).sort()).toEqual([
      expect.stringMatching(/^lab lab-broken: stays static \(.*JSON/),
      'lab lab-missing: stays static (no props)',
    ]);
    expect([broken.innerHTML, missing.innerHTML]).toEqual(before);
    expect(broken.hasAttribute('data-lab-awake') || missing.hasAttribute('data-lab-awake')).toBe(false);
  });

  it('names an unknown lab kind instead of guessing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const root = page('lab-odd', JSON.stringify(props('lab-odd')));
    root.setAttribute('data-lab-kind', 'toString');
    watchLabs(document);
    fire(observed);
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('lab lab-odd: stays static (unknown lab kind "toString")'));
  });
});
