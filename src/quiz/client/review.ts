/**
 * The review page: lists the questions the reader got wrong (and those once missed, now right),
 * and offers export, import and reset of the progress. Import is strict: a malformed file is
 * refused whole, with a message naming what is wrong, and the current progress is untouched.
 */
import { emptyProgress, exportProgress, importProgress, reviewList, type ProgressError, type Progress } from '../model/progress.ts';
import { fill } from './base.ts';
import { PROGRESS_EVENT, progress, setProgress } from './store.ts';

const root = document.querySelector<HTMLElement>('[data-review]');

function strings(): Record<string, string> {
  try {
    return JSON.parse(root?.dataset.strings ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The reader-facing message for an import error, in the page's language. */
export function importErrorText(e: ProgressError, s: Record<string, string>): string {
  switch (e.code) {
    case 'not-json':
      return fill(s.notJson ?? '', { detail: e.detail });
    case 'not-progress':
      return s.notProgress ?? '';
    case 'version':
      return fill(s.version ?? '', { version: e.version });
    case 'field':
      return fill(s.field ?? '', { path: e.path, expected: e.expected });
    case 'too-large':
      return fill(s.tooLarge ?? '', { bytes: e.bytes });
  }
}

function render(p: Progress): void {
  if (!root) return;
  const s = strings();
  const { wrong, fixed } = reviewList(p);
  const items = new Map([...root.querySelectorAll<HTMLElement>('[data-review-item]')].map((li) => [li.dataset.reviewItem ?? '', li]));
  const fill2 = (listSel: string, ids: string[]): number => {
    const list = root.querySelector(listSel);
    if (!list) return 0;
    const shown = ids.flatMap((id) => {
      const li = items.get(id);
      return li ? [li.cloneNode(true) as HTMLElement] : [];
    });
    shown.forEach((li) => (li.hidden = false));
    list.replaceChildren(...shown);
    return shown.length;
  };
  const nWrong = fill2('[data-list="wrong"]', wrong);
  const nFixed = fill2('[data-list="fixed"]', fixed);
  const known = [...items.keys()];
  const answered = known.filter((id) => p.quizzes[id]);
  const summary = root.querySelector('[data-summary]');
  if (summary) summary.textContent = fill(s.summary ?? '', { answered: answered.length, correct: answered.filter((id) => p.quizzes[id]?.correct).length, total: known.length });
  const show = (sel: string, on: boolean): void => {
    const e = root.querySelector<HTMLElement>(sel);
    if (e) e.hidden = !on;
  };
  show('[data-empty="none"]', nWrong + nFixed === 0);
  show('[data-empty="wrong"]', nWrong === 0 && nFixed > 0);
  show('[data-section="wrong"]', nWrong > 0);
  show('[data-section="fixed"]', nFixed > 0);
}

function say(text: string, error = false): void {
  const out = root?.querySelector<HTMLElement>('[data-io-status]');
  if (!out) return;
  out.textContent = text;
  out.dataset.kind = error ? 'error' : 'ok';
}

if (root) {
  const s = strings();
  root.querySelector('[data-act="export"]')?.addEventListener('click', () => {
    const blob = new Blob([exportProgress(progress(), Date.now())], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `tcp-book-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const file = root.querySelector<HTMLInputElement>('[data-act="import"]');
  file?.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    let text: string;
    try {
      text = await f.text();
    } catch {
      say(s.read ?? '', true);
      return;
    }
    const r = importProgress(text);
    file.value = '';
    if (!r.ok) {
      say(importErrorText(r.error, s), true);
      return;
    }
    setProgress(r.progress);
    say(fill(s.done ?? '', { quizzes: Object.keys(r.progress.quizzes).length, cards: Object.keys(r.progress.drill).length }));
  });
  root.querySelector('[data-act="reset"]')?.addEventListener('click', () => {
    if (!window.confirm(s.resetConfirm ?? '')) return;
    setProgress(emptyProgress());
    say(s.resetDone ?? '');
  });
  root.dataset.ready = '';
  render(progress());
  window.addEventListener(PROGRESS_EVENT, () => render(progress()));
}
