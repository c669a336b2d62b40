/**
 * What every quiz element shares: its strings, the Check / Try again buttons, the live feedback
 * region with the proof link, and saving the result. Each kind only decides "right or wrong, and
 * why". Quizzes are custom elements (no framework) because four of the five kinds need no engine
 * at run time: their answers are computed at build time.
 */
import { fill } from '../../i18n/fill.ts';
import { recordAnswer } from '../model/progress.ts';
import { PROGRESS_EVENT, isReadOnly, noticeText, progress, setProgress } from './store.ts';

/** Creates an element with text, the one DOM helper the quiz scripts need. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Base class of the quiz elements: subclasses implement `evaluate` and `resetAnswer`. */
export abstract class QuizElement extends HTMLElement {
  protected s: Record<string, string> = {};
  protected checkBtn: HTMLButtonElement | null = null;
  protected retryBtn: HTMLButtonElement | null = null;
  protected live: HTMLElement | null = null;

  /** Judges the current answer; returns null when there is nothing to judge yet (the element has said why). */
  protected abstract evaluate(): { correct: boolean; detail: Node[] } | null;
  /** Makes the answer editable again for a retry. */
  protected abstract resetAnswer(): void;
  /** Called once after the shared parts are wired. */
  protected abstract setup(): void;

  connectedCallback(): void {
    if (this.dataset.ready) return;
    try {
      this.s = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    } catch {
      this.s = {};
    }
    this.checkBtn = this.querySelector('[data-act="check"]');
    this.retryBtn = this.querySelector('[data-act="retry"]');
    this.live = this.querySelector('.quiz-feedback');
    this.checkBtn?.addEventListener('click', () => this.check());
    this.retryBtn?.addEventListener('click', () => this.retry());
    this.setup();
    this.querySelector('.quiz-noscript')?.remove();
    this.dataset.ready = '1';
    this.showStatus();
    window.addEventListener(PROGRESS_EVENT, () => this.showStatus());
  }

  /** The quiz id and chapter slug the result is saved under. */
  protected get quizId(): string {
    return this.dataset.quizId ?? this.id;
  }

  /** Runs the check: feedback at once, result saved, Try again offered when wrong. */
  check(): void {
    const r = this.evaluate();
    if (!r) return;
    this.showFeedback(r.correct, r.detail);
    this.dataset.result = r.correct ? 'right' : 'wrong';
    const kept = setProgress(recordAnswer(progress(), this.quizId, this.dataset.chapter ?? '', r.correct, Date.now()));
    // said next to the answer too: the page-top notice may be far above this quiz
    if (kept !== 'saved' && !isReadOnly() && this.live) this.live.append(el('p', noticeText('save-failed').text, 'quiz-save-failed'));
    if (this.checkBtn) this.checkBtn.hidden = true;
    if (this.retryBtn) {
      this.retryBtn.hidden = r.correct;
      if (!this.retryBtn.hidden) this.retryBtn.focus();
    }
  }

  /** Clears the feedback and lets the reader answer again. */
  retry(): void {
    this.resetAnswer();
    delete this.dataset.result;
    if (this.live) this.live.replaceChildren();
    this.querySelectorAll('.quiz-explain').forEach((e) => e.remove());
    if (this.checkBtn) this.checkBtn.hidden = false;
    if (this.retryBtn) this.retryBtn.hidden = true;
    (this.querySelector('input:not([disabled]), [data-focus-first]') as HTMLElement | null)?.focus();
  }

  /** Writes "Right." / "Not quite.", the reasons and the proof link into the live region, which screen readers announce. */
  protected showFeedback(correct: boolean, detail: Node[]): void {
    if (!this.live) return;
    const head = el('p', correct ? (this.s.right ?? 'Right.') : (this.s.wrong ?? 'Not quite.'), 'quiz-verdict');
    head.dataset.verdict = correct ? 'right' : 'wrong';
    const parts: Node[] = [head, ...detail];
    const proof = this.dataset.proof;
    if (proof) {
      const p = el('p', undefined, 'quiz-proof');
      const a = el('a', this.s.proof ?? 'Where the book shows this');
      a.href = proof;
      p.append(a);
      parts.push(p);
    }
    this.live.replaceChildren(...parts);
  }

  /** Shows, under the question, whether it was answered before (so progress visibly survives a reload). */
  protected showStatus(): void {
    const line = this.querySelector('.quiz-status');
    if (!line) return;
    // answered on this page just now: the feedback says it all
    const rec = this.dataset.result ? undefined : progress().quizzes[this.quizId];
    line.textContent = rec ? fill(rec.correct ? (this.s.statusRight ?? '') : (this.s.statusWrong ?? ''), { n: rec.attempts }) : '';
    (line as HTMLElement).hidden = !rec;
  }
}
