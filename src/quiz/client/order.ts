/**
 * <quiz-order>: put a scenario's segments in order. Mouse and touch users drag; keyboard and
 * screen-reader users press each item's Up / Down buttons, and every move is announced
 * ("SYN, ACK: now 2 of 3"). The true order was computed from the engine at build time.
 */
import { checkOrder } from '../model/check.ts';
import { fill } from '../../i18n/fill.ts';
import { QuizElement, el } from './base.ts';

class QuizOrder extends QuizElement {
  private list: HTMLOListElement | null = null;
  private moves: HTMLElement | null = null;
  private dragged: HTMLLIElement | null = null;

  protected setup(): void {
    this.list = this.querySelector('.quiz-order-list');
    this.moves = this.querySelector('.quiz-moves');
    if (!this.list) return;
    this.list.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
      const li = b?.closest('li');
      if (b && li) this.move(li, b.dataset.move === 'up' ? -1 : 1, b.dataset.move ?? 'up');
    });
    this.list.addEventListener('keydown', (e) => {
      const li = (e.target as HTMLElement).closest('li');
      if (!li || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      this.move(li, e.key === 'ArrowUp' ? -1 : 1, e.key === 'ArrowUp' ? 'up' : 'down');
    });
    // Pointer events rather than HTML5 drag and drop: one code path for mouse, touch and pen.
    this.list.addEventListener('pointerdown', (e) => {
      const li = (e.target as HTMLElement).closest('li');
      if (!li || this.locked() || (e.target as HTMLElement).closest('button') || e.button !== 0) return;
      e.preventDefault();
      this.dragged = li as HTMLLIElement;
      li.dataset.dragging = '';
      this.list?.setPointerCapture(e.pointerId);
    });
    this.list.addEventListener('pointermove', (e) => {
      const d = this.dragged;
      if (!d || !this.list) return;
      const over = this.items().find((li) => {
        const r = li.getBoundingClientRect();
        return li !== d && e.clientY >= r.top && e.clientY <= r.bottom;
      });
      if (!over) return;
      const r = over.getBoundingClientRect();
      this.list.insertBefore(d, e.clientY < r.top + r.height / 2 ? over : over.nextSibling);
    });
    const drop = (): void => {
      const d = this.dragged;
      if (!d) return;
      delete d.dataset.dragging;
      this.dragged = null;
      this.renumber();
      const items = this.items();
      if (this.moves) this.moves.textContent = fill(this.s.moved ?? '', { item: d.dataset.label ?? '', pos: items.indexOf(d) + 1, total: items.length });
    };
    this.list.addEventListener('pointerup', drop);
    this.list.addEventListener('pointercancel', drop);
    this.renumber();
  }

  private items(): HTMLLIElement[] {
    return this.list ? [...this.list.querySelectorAll<HTMLLIElement>(':scope > li')] : [];
  }

  private locked(): boolean {
    return this.dataset.result !== undefined;
  }

  private move(li: HTMLLIElement, by: -1 | 1, dir: string): void {
    if (this.locked() || !this.list) return;
    const items = this.items();
    const i = items.indexOf(li);
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    const other = items[j] as HTMLLIElement;
    if (by < 0) this.list.insertBefore(li, other);
    else this.list.insertBefore(other, li);
    this.renumber();
    // keep focus on the same control so repeated presses keep moving the same item
    const again = li.querySelector<HTMLButtonElement>(`button[data-move="${dir}"]`);
    (again && !again.disabled ? again : li.querySelector<HTMLButtonElement>('button[data-move]:not([disabled])'))?.focus();
    if (this.moves) this.moves.textContent = fill(this.s.moved ?? '', { item: li.dataset.label ?? '', pos: j + 1, total: items.length });
  }

  private renumber(): void {
    const items = this.items();
    items.forEach((li, i) => {
      const pos = li.querySelector('.pos');
      if (pos) pos.textContent = `${i + 1}.`;
      const up = li.querySelector<HTMLButtonElement>('button[data-move="up"]');
      const down = li.querySelector<HTMLButtonElement>('button[data-move="down"]');
      if (up) up.disabled = i === 0 || this.locked();
      if (down) down.disabled = i === items.length - 1 || this.locked();
    });
  }

  protected evaluate(): { correct: boolean; detail: Node[] } {
    const expected = JSON.parse(this.dataset.expected ?? '[]') as string[];
    const items = this.items();
    const r = checkOrder(
      expected,
      items.map((li) => li.dataset.key ?? ''),
    );
    this.dataset.result = 'pending';
    items.forEach((li, i) => li.setAttribute('data-mark', r.placed[i] ? 'right' : 'wrong'));
    this.renumber();
    const detail: Node[] = [];
    if (!r.correct) detail.push(el('p', fill(this.s.firstWrong ?? '', { n: r.firstWrong + 1 })));
    else {
      detail.push(el('p', this.s.truth ?? ''));
      const ol = el('ol', undefined, 'quiz-segments');
      for (const li of items) ol.append(el('li', li.dataset.label ?? ''));
      detail.push(ol);
    }
    return { correct: r.correct, detail };
  }

  protected resetAnswer(): void {
    for (const li of this.items()) li.removeAttribute('data-mark');
    delete this.dataset.result;
    this.renumber();
    if (this.moves) this.moves.textContent = '';
  }
}

if (!customElements.get('quiz-order')) customElements.define('quiz-order', QuizOrder);
