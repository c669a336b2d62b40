/**
 * <quiz-choice>: single and multiple choice, and "spot the error" (a choice about a claim).
 * Every option carries its own explanation in a <template>, so nothing is shown (or indexed)
 * before the reader answers. A wrong answer explains only the picked options, so a retry is
 * still worth something; a right answer explains every option.
 */
import { checkChoice } from '../model/check.ts';
import { QuizElement, el } from './base.ts';

class QuizChoice extends QuizElement {
  private inputs: HTMLInputElement[] = [];
  private templates: (HTMLTemplateElement | null)[] = [];

  protected setup(): void {
    this.inputs = [...this.querySelectorAll<HTMLInputElement>('.quiz-option input')];
    this.templates = [...this.querySelectorAll('.quiz-option')].map((li) => li.querySelector('template'));
    this.inputs.forEach((input) => input.addEventListener('change', () => this.querySelector('.quiz-hint')?.remove()));
  }

  private explanation(i: number): DocumentFragment {
    const t = this.templates[i];
    return t ? (t.content.cloneNode(true) as DocumentFragment) : document.createDocumentFragment();
  }

  /** Marks an option right or wrong; `inline` also shows its explanation under it (for options not already explained in the feedback). */
  private explain(i: number, verdict: 'right' | 'wrong', inline: boolean): void {
    const li = this.inputs[i]?.closest('.quiz-option');
    if (!li) return;
    li.setAttribute('data-mark', verdict);
    if (!inline) return;
    const p = el('div', undefined, 'quiz-explain');
    p.append(this.explanation(i));
    li.append(p);
  }

  protected evaluate(): { correct: boolean; detail: Node[] } | null {
    const picked = this.inputs.flatMap((input, i) => (input.checked ? [i] : []));
    if (picked.length === 0) {
      if (this.live) this.live.replaceChildren(el('p', this.s.pickFirst ?? 'Choose an answer first.', 'quiz-hint'));
      return null;
    }
    const options = this.templates.map((t) => ({ correct: t?.hasAttribute('data-correct') ?? false }));
    const r = checkChoice(options, picked);
    this.inputs.forEach((input) => (input.disabled = true));
    const detail: Node[] = [];
    if (r.correct) {
      options.forEach((o, i) => this.explain(i, o.correct ? 'right' : 'wrong', !picked.includes(i)));
      for (const i of picked) detail.push(this.explanationParagraph(i));
    } else {
      for (const i of r.wrongPicks) {
        this.explain(i, 'wrong', false);
        detail.push(this.explanationParagraph(i));
      }
      for (const i of picked.filter((i) => !r.wrongPicks.includes(i))) this.explain(i, 'right', false);
      // only a multiple-choice answer can be "partly right"; for a single choice the pick's explanation says it all
      if (r.missed.length > 0 && this.inputs[0]?.type === 'checkbox') detail.push(el('p', this.s.missedSome ?? 'At least one right answer is not chosen yet.'));
    }
    return { correct: r.correct, detail };
  }

  private explanationParagraph(i: number): HTMLElement {
    const p = el('div', undefined, 'quiz-why');
    const label = this.inputs[i]?.closest('label')?.querySelector('.quiz-option-text')?.textContent?.trim() ?? '';
    p.append(el('strong', label), document.createTextNode(' — '), this.explanation(i));
    return p;
  }

  protected resetAnswer(): void {
    this.inputs.forEach((input) => {
      input.disabled = false;
      input.checked = false;
      input.closest('.quiz-option')?.removeAttribute('data-mark');
    });
  }
}

if (!customElements.get('quiz-choice')) customElements.define('quiz-choice', QuizChoice);
