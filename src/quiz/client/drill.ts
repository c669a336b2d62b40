/**
 * <quiz-drill>: the interview flashcards. Shows one due card at a time; the reader answers,
 * reveals the model answer and grades themself; Leitner boxes decide when the card returns.
 * Everything is in the page and in localStorage, so the drill works offline.
 */
import { boxCounts, dayOf, dueCards, gradeInProgress, type Grade } from '../model/leitner.ts';
import { fill } from '../../i18n/fill.ts';
import { PROGRESS_EVENT, progress, setProgress } from './store.ts';

class QuizDrill extends HTMLElement {
  private s: Record<string, string> = {};
  private order: string[] = [];
  private queue: string[] = [];
  private cards = new Map<string, HTMLElement>();

  connectedCallback(): void {
    if (this.dataset.ready !== undefined) return;
    try {
      this.s = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    } catch {
      this.s = {};
    }
    this.cards = new Map([...this.querySelectorAll<HTMLElement>('[data-card]')].map((c) => [c.dataset.card ?? '', c]));
    this.order = [...this.cards.keys()];
    this.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-act]');
      if (!b) return;
      const act = b.dataset.act;
      if (act === 'show') this.reveal();
      else if (act === 'again' || act === 'hard' || act === 'good') this.grade(act);
      else if (act === 'all') this.start(true);
    });
    this.dataset.ready = '';
    this.start(false);
    window.addEventListener(PROGRESS_EVENT, () => this.paintBoxes());
  }

  private today(): number {
    return dayOf(Date.now());
  }

  /** Starts a session: today's due cards, or every card when the reader asks to practise anyway. */
  private start(all: boolean): void {
    this.queue = all ? [...this.order] : dueCards(this.order, progress().drill, this.today());
    this.show(true);
  }

  private current(): HTMLElement | undefined {
    return this.cards.get(this.queue[0] ?? '');
  }

  private show(quiet = false): void {
    for (const c of this.cards.values()) {
      c.hidden = true;
      delete c.dataset.current;
      c.querySelector<HTMLElement>('.drill-answer')?.setAttribute('hidden', '');
      c.querySelector<HTMLElement>('[data-grade]')?.setAttribute('hidden', '');
      const show = c.querySelector<HTMLButtonElement>('[data-act="show"]');
      if (show) {
        show.hidden = false;
        show.setAttribute('aria-expanded', 'false');
      }
    }
    const card = this.current();
    const done = this.querySelector<HTMLElement>('[data-done]');
    if (done) done.hidden = card !== undefined;
    if (card) {
      card.hidden = false;
      card.dataset.current = '';
      const draft = card.querySelector('textarea');
      if (draft) draft.value = ''; // a card that comes back is answered afresh
      const pos = card.querySelector('[data-pos]');
      const box = progress().drill[card.dataset.card ?? '']?.box ?? 1;
      if (pos) pos.textContent = `${fill(this.s.card ?? '', { n: 1, total: this.queue.length })} · ${fill(this.s.box ?? '', { n: box })}`;
      if (!quiet) card.querySelector<HTMLElement>('h2')?.focus();
    } else if (!quiet) done?.querySelector<HTMLElement>('button')?.focus();
    this.paintBoxes();
  }

  private reveal(): void {
    const card = this.current();
    if (!card) return;
    card.querySelector('.drill-answer')?.removeAttribute('hidden');
    const show = card.querySelector<HTMLButtonElement>('[data-act="show"]');
    if (show) {
      show.setAttribute('aria-expanded', 'true');
      show.hidden = true;
    }
    const grade = card.querySelector<HTMLElement>('[data-grade]');
    grade?.removeAttribute('hidden');
    grade?.querySelector<HTMLButtonElement>('button')?.focus();
  }

  private grade(g: Grade): void {
    const id = this.queue[0];
    if (!id) return;
    setProgress(gradeInProgress(progress(), id, g, this.today()));
    this.queue.shift();
    // a card the reader did not know comes back at the end of this session
    if (g === 'again') this.queue.push(id);
    this.show();
  }

  private paintBoxes(): void {
    const counts = boxCounts(this.order, progress().drill);
    this.querySelectorAll<HTMLElement>('[data-box]').forEach((li) => {
      const n = Number(li.dataset.box);
      const v = li.querySelector('[data-count]');
      if (v) v.textContent = String(counts[n - 1] ?? 0);
    });
    const due = this.querySelector('[data-due]');
    if (due) due.textContent = fill(this.s.due ?? '', { n: this.queue.length });
  }
}

if (!customElements.get('quiz-drill')) customElements.define('quiz-drill', QuizDrill);
