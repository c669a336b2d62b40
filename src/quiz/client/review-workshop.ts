/**
 * The review page's list of the quizzes the reader made in the workshop: each one answerable in
 * place (the <quiz-workshop> element, loaded only when there is one) with a link back to its run in
 * the workshop. A saved quiz that cannot be read (damaged, or of another format) is named with
 * what is wrong, and can be removed; it never stops the page.
 */
import { parseWorkshopQuiz, workshopQuizProblem } from '../model/workshop-quiz.ts';
import { addBackup, type Progress } from '../model/progress.ts';
import { fill } from '../../i18n/fill.ts';
import { el } from './base.ts';
import { progress, setProgress } from './store.ts';

/** What was drawn last: answering a quiz saves progress, and that must not redraw (and reset) the quiz being answered. */
let drawn = '';

function parseJson(text: string | undefined): Record<string, string> {
  try {
    return JSON.parse(text ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Removes a saved workshop quiz (after a backup of the progress as it was), with its result. */
function remove(id: string, s: Record<string, string>, say: (text: string, error?: boolean) => void): void {
  const p = progress();
  let store: Storage | null = null;
  try {
    store = window.localStorage;
  } catch {
    /* no storage: nothing to back up into, the removal is only for this page */
  }
  addBackup(store, { at: Date.now(), reason: 'remove', text: JSON.stringify(p) });
  const { [id]: _gone, ...workshop } = p.workshop ?? {};
  const { [id]: _result, ...quizzes } = p.quizzes;
  setProgress({ ...p, quizzes, workshop });
  say(s.wsRemoved ?? '');
}

/** Draws the section from the progress; nothing changes when the saved quizzes are the same as last time. */
export function renderWorkshopQuizzes(root: HTMLElement, p: Progress, say: (text: string, error?: boolean) => void): void {
  const section = root.querySelector<HTMLElement>('[data-section="workshop"]');
  const list = section?.querySelector('[data-list="workshop"]');
  if (!section || !list) return;
  const saved = Object.entries(p.workshop ?? {});
  const sig = JSON.stringify(saved);
  if (sig === drawn) return;
  drawn = sig;
  section.hidden = saved.length === 0;
  if (saved.length === 0) return list.replaceChildren();
  const s = parseJson(root.dataset.strings);
  const qs = parseJson(section.dataset.quizStrings);
  const notices = root.dataset.quizNotices ?? '{}';
  const items = saved.map(([id, raw]) => {
    const li = el('li', undefined, 'review-ws-item');
    li.dataset.workshopQuiz = id;
    const r = parseWorkshopQuiz(raw);
    if (!r.ok) {
      const why = workshopQuizProblem(r.error, { version: qs.badVersion, field: qs.badField });
      const p2 = el('p', fill(s.wsBad ?? '', { id, why }), 'review-ws-bad');
      p2.setAttribute('role', 'alert');
      const b = el('button', s.wsRemove ?? 'Remove', 'quiz-small');
      b.type = 'button';
      b.addEventListener('click', () => remove(id, s, say));
      li.append(p2, b);
      return li;
    }
    const a = el('a', s.wsOpen ?? '');
    a.href = `${section.dataset.workshopHref ?? ''}#${r.quiz.link}`;
    const head = el('p', undefined, 'review-ws-head');
    head.append(el('span', r.quiz.title, 'review-ws-title'), ' · ', a);
    li.append(head);
    void import('./workshop-quiz.ts')
      .then((m) => li.append(m.workshopQuizElement(r.quiz, qs, notices)))
      .catch((e: unknown) => li.append(el('p', String(e), 'review-ws-bad')));
    return li;
  });
  list.replaceChildren(...items);
}
