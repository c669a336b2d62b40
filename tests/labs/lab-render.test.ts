// @vitest-environment happy-dom
/**
 * lab-render.ts, the sequence lab's renderer in the browser: the cases Preact's diff handled for
 * the lab and a small renderer gets wrong first. Written with its own h() (what the browser build's
 * JSX calls); the lab itself is tested through it in sequence-lab.test.tsx.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef, flushLabRenders, h, LabComponent, renderLab, unmountLab } from '../../src/labs/client/lab-render.ts';
import { Memo } from '../../src/labs/widgets/memo.ts';

interface ViewProps {
  draw: (state: Record<string, any>) => unknown;
}

/** A root whose render is whatever the test gives it, with a public setState. */
class View extends LabComponent<ViewProps, Record<string, any>> {
  render(p: ViewProps, s: Record<string, any>) {
    return p.draw(s);
  }
}

function box(html = ''): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

function mount(el: HTMLElement, draw: ViewProps['draw']): View {
  renderLab(View, { draw }, el);
  return (el as unknown as { _lab: View })._lab;
}

function set(v: View, s: Record<string, any>): void {
  v.setState(s);
  flushLabRenders();
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('lab-render', () => {
  it('wakes server markup without rebuilding it: adjacent text is one node, as the HTML has it', () => {
    const el = box('<p class="s">Step 1 of 5 · 20 ms</p><ul><li>a</li></ul>');
    const [p, text, li] = [el.querySelector('p')!, el.querySelector('p')!.firstChild, el.querySelector('li')];
    const draw = (s: Record<string, any>) => [h('p', { class: 's' }, 'Step ', s.n ?? 1, ' of ', 5, ' · ', '20 ms'), h('ul', null, h('li', null, 'a'))];
    const v = mount(el, draw);
    expect(el.querySelector('p')).toBe(p);
    expect(el.querySelector('li')).toBe(li);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(text);
    set(v, { n: 2 });
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(text);
    expect(p.textContent).toBe('Step 2 of 5 · 20 ms');
  });

  it('removes an attribute whose value goes (undefined, false, or no longer given), and keeps aria-* "false"', () => {
    const el = box();
    const v = mount(el, (s) =>
      s.other ? h('p', { id: 'x' }) : h('p', { id: 'x', class: s.on ? 'lab-changed' : undefined, hidden: !!s.on, 'aria-pressed': !!s.on, title: 't' }),
    );
    const p = el.querySelector('p')!;
    expect(p.hasAttribute('class')).toBe(false);
    expect(p.hasAttribute('hidden')).toBe(false);
    expect(p.getAttribute('aria-pressed')).toBe('false');
    set(v, { on: true });
    expect([p.getAttribute('class'), p.getAttribute('hidden'), p.getAttribute('aria-pressed')]).toEqual(['lab-changed', '', 'true']);
    set(v, { on: false });
    expect(p.hasAttribute('class')).toBe(false);
    expect(p.hasAttribute('hidden')).toBe(false);
    set(v, { other: true });
    expect(el.querySelector('p')).toBe(p);
    expect(p.getAttributeNames()).toEqual(['id']);
  });

  it('replaces a handler in place: one listener per event, the newest handler only, none once it goes', () => {
    const el = box();
    const first = vi.fn();
    const second = vi.fn();
    const v = mount(el, (s) => h('button', { type: 'button', onClick: s.handler }, 'go'));
    set(v, { handler: first });
    el.querySelector('button')!.click();
    set(v, { handler: second });
    el.querySelector('button')!.click();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    set(v, { handler: undefined });
    el.querySelector('button')!.click();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps the focused control focused across a re-render that adds and removes what is around it', () => {
    const el = box();
    const v = mount(el, (s) =>
      h(
        'div',
        null,
        s.error ? h('p', { role: 'alert' }, 'bad') : null,
        h(
          'select',
          { value: s.speed ?? 'normal' },
          ['slow', 'normal', 'fast'].map((o) => h('option', { value: o }, o)),
        ),
        h('span', null, `speed ${s.speed ?? 'normal'}`),
      ),
    );
    const select = el.querySelector('select')!;
    expect(select.value).toBe('normal');
    select.focus();
    set(v, { error: true, speed: 'fast' });
    set(v, { error: false, speed: 'slow' });
    expect(el.querySelector('select')).toBe(select);
    expect(document.activeElement).toBe(select);
    expect(select.value).toBe('slow');
    expect(el.querySelector('span')!.textContent).toBe('speed slow');
  });

  it('keeps keyed nodes with their keys when a list grows and reorders, keys scoped per list', () => {
    const el = box();
    const v = mount(el, (s: Record<string, any>) =>
      h(
        'svg',
        null,
        (s.ids as string[] | undefined)?.map((id) => h('line', { key: id, 'data-id': id })),
        (s.ids as string[] | undefined)?.map((id) => h('text', { key: id }, id)),
      ),
    );
    set(v, { ids: ['1', '2'] });
    const line2 = el.querySelector('[data-id="2"]');
    expect(line2?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    set(v, { ids: ['2', '1', '3'] });
    expect(el.querySelector('[data-id="2"]')).toBe(line2);
    expect([...el.querySelector('svg')!.children].map((c) => `${c.localName}${c.getAttribute('data-id') ?? c.textContent}`)).toEqual([
      'line2',
      'line1',
      'line3',
      'text2',
      'text1',
      'text3',
    ]);
  });

  it('draws a memo component again only when a prop changed, and sets refs', () => {
    const el = box();
    class Row extends Memo<{ n: number; on: boolean }> {
      render(p: { n: number; on: boolean }) {
        return h('li', { class: p.on ? 'on' : undefined }, p.n);
      }
    }
    const draws = vi.spyOn(Row.prototype, 'render');
    const ref = createRef<HTMLUListElement>();
    const v = mount(el, (s) =>
      h(
        'ul',
        { ref },
        [1, 2, 3].map((n) => h(Row, { key: n, n, on: n === s.at })),
      ),
    );
    set(v, { at: 1 });
    draws.mockClear();
    set(v, { at: 2 });
    expect(draws.mock.calls.map((c) => c[0].n)).toEqual([1, 2]);
    expect(ref.current).toBe(el.querySelector('ul'));
    expect(el.querySelector('.on')!.textContent).toBe('2');
  });

  it('batches setState to one render, then componentDidUpdate with the previous props and state; unmount stops it', async () => {
    const el = box();
    const seen: string[] = [];
    class Counter extends LabComponent<{ label: string }, { n: number }> {
      state = { n: 0 };
      render(p: { label: string }, s: { n: number }) {
        seen.push(`render ${p.label} ${s.n}`);
        return h('p', null, p.label, s.n);
      }
      componentDidMount() {
        seen.push('mount');
      }
      componentDidUpdate(prev: { label: string }, was: { n: number }) {
        seen.push(`update from ${prev.label} ${was.n}`);
      }
      componentWillUnmount() {
        seen.push('unmount');
      }
    }
    renderLab(Counter, { label: 'a' }, el);
    const c = (el as unknown as { _lab: Counter })._lab;
    c.setState({ n: 1 });
    c.setState((s) => ({ n: s.n + 1 }));
    expect(el.textContent).toBe('a0');
    await Promise.resolve();
    expect(el.textContent).toBe('a2');
    renderLab(Counter, { label: 'b' }, el);
    unmountLab(el);
    c.setState({ n: 5 });
    await Promise.resolve();
    expect(el.textContent).toBe('b2');
    expect(seen).toEqual(['render a 0', 'mount', 'render a 2', 'update from a 0', 'render b 2', 'update from a 2', 'unmount']);
  });
});
