/**
 * <quiz-state>: "what state is the server in now?" with a typed answer. The expected state was
 * computed from the engine at build time; any spelling of it counts (RFC, ss, netstat, Linux,
 * Korean), and a misspelling from the usual notes gets its own explanation instead of "wrong".
 */
import { checkStateName } from '../model/states.ts';
import { fill } from '../../i18n/fill.ts';
import { QuizElement, el } from './base.ts';

class QuizState extends QuizElement {
  private input: HTMLInputElement | null = null;

  protected setup(): void {
    this.input = this.querySelector('input');
    this.input?.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.checkBtn && !this.checkBtn.hidden) this.check();
      }
    });
  }

  protected evaluate(): { correct: boolean; detail: Node[] } | null {
    const typed = this.input?.value.trim() ?? '';
    const expected = this.dataset.expected ?? '';
    const side = this.dataset.sideName ?? '';
    const names = JSON.parse(this.dataset.spellings ?? '{}') as Record<string, string>;
    const v = checkStateName(typed, expected);
    if (v.kind === 'unknown') {
      // Not a state name at all: say so and let the reader type again; this is not an answer.
      if (this.live) this.live.replaceChildren(el('p', fill(this.s.unknown ?? '', { typed }), 'quiz-hint'));
      return null;
    }
    if (this.input) this.input.readOnly = true;
    const vars = {
      typed,
      side,
      expected: v.kind === 'right' ? v.state : v.expected,
      got: v.kind === 'wrong' ? v.state : '',
      meant: v.kind === 'typo' ? v.meant : '',
    };
    const detail: Node[] = [];
    if (v.kind === 'right') {
      detail.push(el('p', fill(this.s.rightState ?? '', vars)));
      detail.push(el('p', fill(this.s.spellings ?? '', names)));
    } else detail.push(el('p', fill(v.kind === 'typo' ? (this.s.typo ?? '') : (this.s.wrongState ?? ''), vars)));
    // A typo of the right state is still not an answer an interviewer accepts; it counts as wrong.
    return { correct: v.kind === 'right', detail };
  }

  protected resetAnswer(): void {
    if (this.input) {
      this.input.readOnly = false;
      this.input.select();
    }
  }
}

if (!customElements.get('quiz-state')) customElements.define('quiz-state', QuizState);
