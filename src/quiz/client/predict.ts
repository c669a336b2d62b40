/**
 * <quiz-predict>: the engine runs the scenario with fresh random ISNs in the browser, shows the
 * segments so far, and the reader types the seq/ack of the next one. "New random numbers" gives
 * another run at any time: practice without end. This is the one quiz that ships the engine, and
 * it loads it only when the quiz comes near the screen (the labs on the page share the chunk).
 */
import type { runScenario as RunScenario } from '../../engine/index.ts';
import { checkNumbers } from '../model/check.ts';
import { predictQuestion, predictableSteps, type PredictQuestion, type QuizSegment, type TraceLike } from '../model/scenario.ts';
import { fill } from '../../i18n/fill.ts';
import { QuizElement, el } from './base.ts';

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] ?? 1;
}

class QuizPredict extends QuizElement {
  private q: PredictQuestion | null = null;
  private seqInput: HTMLInputElement | null = null;
  private ackInput: HTMLInputElement | null = null;
  private streak = 0;
  private run: typeof RunScenario | null = null;

  protected setup(): void {
    this.seqInput = this.querySelector('[data-field="seq"] input');
    this.ackInput = this.querySelector('[data-field="ack"] input');
    this.querySelector('[data-act="new"]')?.addEventListener('click', () => {
      this.retry();
      this.fresh();
    });
    for (const input of [this.seqInput, this.ackInput]) {
      input?.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && this.checkBtn && !this.checkBtn.hidden) {
          e.preventDefault();
          this.check();
        }
      });
    }
    if (this.checkBtn) this.checkBtn.disabled = true;
    const load = (): void => {
      // The scenario list without the engine's index, and every optional engine part (a scenario may need one: a fault rule).
      Promise.all([import('../../engine/scenarios.ts'), import('../../engine/parts/all.ts')])
        .then(([m, { ALL_PARTS }]) => {
          this.run = (id, knobs) => m.runScenario(id, knobs, ALL_PARTS);
          if (this.checkBtn) this.checkBtn.disabled = false;
          this.fresh();
        })
        .catch((e: unknown) => console.error(`[tcp-book] quiz ${this.quizId}: the engine did not load`, e));
    };
    if (typeof IntersectionObserver === 'undefined') return load();
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        load();
      },
      { rootMargin: '400px' },
    );
    io.observe(this);
  }

  private side(s: 'client' | 'server'): string {
    return s === 'client' ? (this.s.client ?? s) : (this.s.server ?? s);
  }

  private line(s: QuizSegment): string {
    const to = s.from === 'client' ? 'server' : 'client';
    let text = `${this.side(s.from)} → ${this.side(to)}  ${s.flags}  seq=${s.seq}`;
    if (s.hasAck) text += ` ack=${s.ack}`;
    if (s.len > 0) text += ` len=${s.len}`;
    if (s.dropped) text += ` ${this.s.lost ?? '(lost)'}`;
    return text;
  }

  /** Runs the scenario with a new seed and picks a segment whose numbers follow from the ones shown. */
  private fresh(): void {
    const scenario = this.dataset.scenario ?? 'normal-open';
    let q: PredictQuestion | null = null;
    if (!this.run) return;
    try {
      const trace = this.run(scenario, { isn: 'random', seed: randomSeed() }) as unknown as TraceLike;
      const steps = predictableSteps(trace);
      const pick = steps[randomSeed() % Math.max(1, steps.length)];
      if (pick !== undefined) q = predictQuestion(trace, pick);
    } catch (e) {
      console.error(`[tcp-book] quiz ${this.quizId}: scenario "${scenario}" failed`, e);
    }
    this.q = q;
    const shown = this.querySelector('[data-shown]');
    const next = this.querySelector('[data-next]');
    const isn = this.querySelector<HTMLElement>('[data-isn]');
    if (!q || !shown || !next || !isn) {
      if (this.checkBtn) this.checkBtn.disabled = true;
      return;
    }
    shown.replaceChildren(...q.shown.map((s) => el('li', this.line(s))));
    const to = q.target.from === 'client' ? 'server' : 'client';
    next.textContent = fill(this.s.next ?? '', { from: this.side(q.target.from), to: this.side(to), flags: q.target.flags });
    isn.hidden = q.askSeq;
    isn.textContent = q.askSeq ? '' : fill(this.s.isnGiven ?? '', { from: this.side(q.target.from), seq: q.target.seq });
    this.field('seq', q.askSeq);
    this.field('ack', q.askAck);
  }

  private field(name: 'seq' | 'ack', on: boolean): void {
    const f = this.querySelector<HTMLElement>(`[data-field="${name}"]`);
    if (f) f.hidden = !on;
    const input = name === 'seq' ? this.seqInput : this.ackInput;
    if (input) {
      input.value = '';
      input.readOnly = false;
      input.removeAttribute('aria-invalid');
    }
  }

  protected evaluate(): { correct: boolean; detail: Node[] } | null {
    const q = this.q;
    if (!q) return null;
    const r = checkNumbers(
      { seq: q.target.seq, ack: q.askAck ? q.target.ack : null },
      { seq: q.askSeq ? (this.seqInput?.value ?? '') : String(q.target.seq), ack: this.ackInput?.value ?? '' },
    );
    const bad = [r.seq === 'invalid' ? this.seqInput : null, r.ack === 'invalid' ? this.ackInput : null].filter((x): x is HTMLInputElement => x !== null);
    if (bad.length > 0) {
      for (const i of bad) i.setAttribute('aria-invalid', 'true');
      if (this.live) this.live.replaceChildren(el('p', this.s.invalid ?? '', 'quiz-hint'));
      bad[0]?.focus();
      return null;
    }
    for (const i of [this.seqInput, this.ackInput]) if (i) i.readOnly = true;
    this.streak = r.correct ? this.streak + 1 : 0;
    const t = q.target;
    const detail: Node[] = [el('p', fill(t.hasAck ? (this.s.truth ?? '') : (this.s.truthNoAck ?? ''), { seq: t.seq, ack: t.ack }))];
    const to = t.from === 'client' ? 'server' : 'client';
    const live = q.shown.filter((s) => !s.dropped);
    const mine = [...live].reverse().find((s) => s.from === t.from && !s.injected);
    if (q.askSeq && mine && (mine.seq + mine.segLen) % 2 ** 32 === t.seq) {
      detail.push(el('p', fill(this.s.whySeq ?? '', { from: this.side(t.from), prev: mine.seq, len: mine.segLen, seq: t.seq })));
    }
    const theirs = [...live].reverse().find((s) => s.from === to && s.segLen > 0);
    if (q.askAck && theirs && (theirs.seq + theirs.segLen) % 2 ** 32 === t.ack) {
      detail.push(el('p', fill(this.s.whyAck ?? '', { from: this.side(t.from), to: this.side(to), prev: theirs.seq, len: theirs.segLen, ack: t.ack })));
    }
    if (this.streak > 1) detail.push(el('p', fill(this.s.streak ?? '', { n: this.streak })));
    return { correct: r.correct, detail };
  }

  protected resetAnswer(): void {
    for (const i of [this.seqInput, this.ackInput]) {
      if (!i) continue;
      i.readOnly = false;
      i.removeAttribute('aria-invalid');
    }
  }
}

if (!customElements.get('quiz-predict')) customElements.define('quiz-predict', QuizPredict);
