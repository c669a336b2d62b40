/**
 * <quiz-workshop>: a quiz the reader made from a workshop run (model/workshop-quiz.ts). The run's
 * steps are listed; each hidden one asks for its seq/ack and for the state a side is in once it is
 * handled, graded with the rules of the predict-the-numbers and name-the-state quizzes. It is built
 * in the browser from the saved quiz (there is no build-time markup to wake): the workshop shows it
 * under the run, the review page lists it with the book's quizzes. The shared frame (Check, Try
 * again, the result saved in the progress) is QuizElement's, as for every quiz.
 */
import {
  checkWorkshopQuiz,
  stepChanges,
  stepHead,
  workshopQuizId,
  WORKSHOP_CHAPTER,
  type HiddenAnswer,
  type RunStep,
  type WorkshopQuiz,
} from '../model/workshop-quiz.ts';
import { fill } from '../../i18n/fill.ts';
import { QuizElement, el } from './base.ts';

class QuizWorkshop extends QuizElement {
  private quiz: WorkshopQuiz | null = null;

  private side(s: 'A' | 'B'): string {
    return (s === 'A' ? this.s.sideA : this.s.sideB) ?? s;
  }

  private head(s: RunStep): string {
    return stepHead(s, this.s);
  }

  private shownLine(s: RunStep): string {
    let text = `${this.head(s)}  seq=${s.seq}`;
    if (s.hasAck) text += ` ack=${s.ack}`;
    if (s.len > 0) text += ` len=${s.len}`;
    if (s.dropped) text += ` ${this.s.lost ?? '(lost)'}`;
    return [text, ...stepChanges(s, this.s)].join(' · ');
  }

  private input(id: string, label: string, field: string, numeric: boolean): HTMLElement {
    const box = el('div', undefined, 'quiz-field');
    box.dataset.field = field;
    const l = el('label', label);
    l.htmlFor = id;
    const i = el('input');
    Object.assign(i, { id, type: 'text', autocomplete: 'off', spellcheck: false });
    if (numeric) i.inputMode = 'numeric';
    box.append(l, i);
    return box;
  }

  protected setup(): void {
    try {
      this.quiz = JSON.parse(this.dataset.quiz ?? 'null') as WorkshopQuiz;
    } catch {
      this.quiz = null;
    }
    const q = this.quiz;
    const list = this.querySelector('[data-steps]');
    if (!q || !list) return;
    const base = this.id || 'wsq';
    list.replaceChildren(
      ...q.steps.map((s) => {
        const h = q.hidden.find((x) => x.step === s.step);
        if (!h) return el('li', this.shownLine(s));
        const li = el('li', undefined, 'quiz-ws-hidden');
        li.dataset.hiddenStep = String(s.step);
        // A group named by the step's line (not a legend: the list number then stays on that line).
        const name = el('p', `${this.head(s)}${s.dropped ? ` ${this.s.lost ?? ''}` : ''} · ${this.s.hidden ?? ''}`, 'quiz-ws-head');
        name.id = `${base}-${s.step}-head`;
        const box = el('div', undefined, 'quiz-ws-fields');
        box.setAttribute('role', 'group');
        box.setAttribute('aria-labelledby', name.id);
        li.append(name);
        if (!h.askSeq) box.append(el('p', fill(this.s.isnGiven ?? '', { from: this.side(s.from), seq: s.seq }), 'quiz-help'));
        else box.append(this.input(`${base}-${s.step}-seq`, this.s.seq ?? 'seq', 'seq', true));
        if (h.askAck) box.append(this.input(`${base}-${s.step}-ack`, this.s.ack ?? 'ack', 'ack', true));
        box.append(this.input(`${base}-${s.step}-state`, fill(this.s.state ?? '', { side: this.side(h.side) }), 'state', false));
        li.append(box);
        return li;
      }),
    );
    this.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
      e.preventDefault();
      if (this.checkBtn && !this.checkBtn.hidden) this.check();
    });
  }

  private inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('[data-hidden-step] input')];
  }

  private answers(): Record<number, HiddenAnswer> {
    const out: Record<number, HiddenAnswer> = {};
    for (const li of this.querySelectorAll<HTMLElement>('[data-hidden-step]')) {
      const v = (f: string): string => li.querySelector<HTMLInputElement>(`[data-field="${f}"] input`)?.value ?? '';
      out[Number(li.dataset.hiddenStep)] = { seq: v('seq'), ack: v('ack'), state: v('state') };
    }
    return out;
  }

  protected evaluate(): { correct: boolean; detail: Node[] } | null {
    const q = this.quiz;
    if (!q) return null;
    const r = checkWorkshopQuiz(q, this.answers());
    this.inputs().forEach((i) => i.removeAttribute('aria-invalid'));
    if (!r.complete) {
      const bad: HTMLInputElement[] = [];
      const hints: string[] = [];
      for (const v of r.verdicts) {
        const li = this.querySelector(`[data-hidden-step="${v.step}"]`);
        const at = (f: string): HTMLInputElement | null | undefined => li?.querySelector<HTMLInputElement>(`[data-field="${f}"] input`);
        for (const f of ['seq', 'ack'] as const) {
          const i = at(f);
          if (v.numbers[f] !== 'invalid' || !i) continue;
          bad.push(i);
          hints.unshift(this.s.invalid ?? '');
        }
        const st = at('state');
        if (v.state.kind === 'unknown' && st) {
          bad.push(st);
          hints.push(fill(this.s.unknown ?? '', { typed: st.value.trim() }));
        }
      }
      bad.forEach((i) => i.setAttribute('aria-invalid', 'true'));
      // An empty field is not a wrong spelling: ask for every field instead.
      if (this.inputs().some((i) => i.value.trim() === '')) hints.splice(0, hints.length, this.s.empty ?? '');
      if (this.live) this.live.replaceChildren(...[...new Set(hints)].map((t) => el('p', t, 'quiz-hint')));
      bad[0]?.focus();
      return null;
    }
    this.inputs().forEach((i) => (i.readOnly = true));
    const mark = (ok: boolean): string => (ok ? '✓' : '✗');
    const detail = r.verdicts.map((v) => {
      const h = q.hidden.find((x) => x.step === v.step)!;
      const numbers = fill(h.askAck ? (this.s.truth ?? '') : (this.s.truthNoAck ?? ''), { n: h.step + 1, seq: h.seq, ack: h.ack });
      const marks = [h.askSeq ? `seq ${mark(v.numbers.seq === 'right')}` : '', h.askAck ? `ack ${mark(v.numbers.ack === 'right')}` : ''].filter(Boolean);
      const state = fill(this.s.stateTruth ?? '', { side: this.side(h.side), state: h.state });
      const p = el(
        'p',
        `${numbers} ${state} ${fill(this.s.mark ?? '', { marks: [...marks, `${this.s.stateLabel ?? 'state'} ${mark(v.state.kind === 'right')}`].join(' · ') })}`,
      );
      p.dataset.stepVerdict = v.numbers.correct && v.state.kind === 'right' ? 'right' : 'wrong';
      return p;
    });
    return { correct: r.correct, detail };
  }

  protected resetAnswer(): void {
    this.inputs().forEach((i) => {
      i.readOnly = false;
      i.removeAttribute('aria-invalid');
    });
  }
}

if (!customElements.get('quiz-workshop')) customElements.define('quiz-workshop', QuizWorkshop);

/**
 * A ready-to-append <quiz-workshop> for `quiz`: the frame every quiz has (status line, Check and
 * Try again, the live feedback region), strings from workshopQuizStrings (the quiz model); `notices` is
 * the page's data-quiz-notices, so a refused save is said in the page's language.
 */
export function workshopQuizElement(quiz: WorkshopQuiz, strings: Record<string, string>, notices = '{}'): HTMLElement {
  const id = workshopQuizId(quiz.fingerprint);
  const q = document.createElement('quiz-workshop');
  q.className = 'quiz quiz-ws';
  q.id = `quiz-${id}`;
  Object.assign(q.dataset, { quizId: id, chapter: WORKSHOP_CHAPTER, strings: JSON.stringify(strings), quizNotices: notices, quiz: JSON.stringify(quiz) });
  q.dataset.pagefindIgnore = '';
  const head = el('div', undefined, 'quiz-head');
  head.append(el('span', strings.kind, 'quiz-kind'), ' ', el('span', strings.intro, 'quiz-question'));
  const list = el('ol', undefined, 'quiz-segments quiz-ws-steps');
  list.dataset.steps = '';
  const status = el('p', undefined, 'quiz-status');
  status.hidden = true;
  const actions = el('div', undefined, 'quiz-actions');
  const check = el('button', strings.check, 'quiz-button');
  check.dataset.act = 'check';
  const retry = el('button', strings.retry, 'quiz-button');
  retry.dataset.act = 'retry';
  retry.hidden = true;
  for (const b of [check, retry]) b.type = 'button';
  actions.append(check, retry);
  const feedback = el('div', undefined, 'quiz-feedback');
  feedback.setAttribute('role', 'status');
  feedback.setAttribute('aria-live', 'polite');
  q.append(head, list, status, actions, feedback);
  return q;
}
