/**
 * The review page: lists the questions the reader got wrong (and those once missed, now right),
 * and offers export, import and reset of the progress. Import is strict: a malformed file is
 * refused whole, with a message naming what is wrong, and the current progress is untouched.
 * A valid file is merged (the newer answer per quiz wins), after the reader has seen what would
 * change; every import, reset and restore first backs up the current progress (the last few are
 * listed with a Restore button each). Progress of a newer book version is read-only here.
 */
import {
  addBackup,
  emptyProgress,
  exportProgress,
  importProgress,
  parseProgress,
  planMerge,
  readBackups,
  reviewList,
  type Backup,
  type KeyValueStore,
  type MergePlan as Plan,
  type ProgressError,
  type Progress,
} from '../model/progress.ts';
import { fill } from '../../i18n/fill.ts';
import { el } from './base.ts';
import { PROGRESS_EVENT, isReadOnly, progress, setProgress } from './store.ts';
import { renderWorkshopQuizzes } from './review-workshop.ts';

type MergePlan = Plan & { incoming: Progress };

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
  if (summary)
    summary.textContent = fill(s.summary ?? '', {
      answered: answered.length,
      correct: answered.filter((id) => p.quizzes[id]?.correct).length,
      total: known.length,
    });
  const show = (sel: string, on: boolean): void => {
    const e = root.querySelector<HTMLElement>(sel);
    if (e) e.hidden = !on;
  };
  show('[data-empty="none"]', nWrong + nFixed === 0);
  show('[data-empty="wrong"]', nWrong === 0 && nFixed > 0);
  show('[data-section="wrong"]', nWrong > 0);
  show('[data-section="fixed"]', nFixed > 0);
  // A reader whose only questions are workshop quizzes has something to review.
  show('[data-empty="none"]', nWrong + nFixed === 0 && Object.keys(p.workshop ?? {}).length === 0);
  renderWorkshopQuizzes(root, p, say);
}

function say(text: string, error = false): void {
  const out = root?.querySelector<HTMLElement>('[data-io-status]');
  if (!out) return;
  out.textContent = text;
  out.dataset.kind = error ? 'error' : 'ok';
}

/** The stored progress text as it is now, for a backup before anything replaces it. */
function currentText(): string {
  return JSON.stringify(progress());
}

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Keeps a copy of the current progress before it is replaced. With nothing answered there is
 * nothing to lose; otherwise a failed backup (storage full) stops the change.
 */
function backupBefore(reason: Backup['reason']): boolean {
  const p = progress();
  if (Object.keys(p.quizzes).length === 0 && Object.keys(p.drill).length === 0) return true;
  return addBackup(storage(), { at: Date.now(), reason, text: currentText() });
}

/** The backups list: time, why it was made, and a Restore button each. */
function renderBackups(): void {
  const list = root?.querySelector('[data-backups]');
  if (!root || !list) return;
  const s = strings();
  const lang = document.documentElement.lang || 'en';
  const backups = readBackups(storage());
  const none = root.querySelector<HTMLElement>('[data-backups-none]');
  if (none) none.hidden = backups.length > 0;
  list.replaceChildren(
    ...backups.map((b, i) => {
      const li = el('li');
      const time = new Date(b.at).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
      li.append(el('span', fill(s.backupItem ?? '{time}: {reason}', { time, reason: s[`reason-${b.reason}`] ?? b.reason }), 'review-backup-label'), ' ');
      const btn = el('button', s.restore ?? 'Restore', 'quiz-small');
      btn.type = 'button';
      btn.dataset.restore = String(i);
      btn.disabled = isReadOnly();
      btn.addEventListener('click', () => restore(b));
      li.append(btn);
      return li;
    }),
  );
}

/** Puts a backup back, after backing up what is here now (so a restore can itself be undone). */
function restore(b: Backup): void {
  const s = strings();
  const r = parseProgress(b.text, false);
  if (!r.ok) {
    say(importErrorText(r.error, s), true);
    return;
  }
  if (!backupBefore('restore')) {
    say(s.backupFailed ?? '', true);
    return;
  }
  setProgress(r.progress);
  const lang = document.documentElement.lang || 'en';
  say(fill(s.restored ?? '', { time: new Date(b.at).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }) }));
  renderBackups();
}

/** Shows what an import would change, with Apply and Cancel; nothing is written before Apply. */
function showPlan(plan: MergePlan): void {
  const box = root?.querySelector<HTMLElement>('[data-import-plan]');
  if (!box) return;
  const s = strings();
  const cards = plan.cardsAdded.length + plan.cardsUpdated.length;
  const changes = plan.added.length + plan.updated.length + cards;
  const text =
    changes === 0 ? (s.planNothing ?? '') : fill(s.plan ?? '', { added: plan.added.length, updated: plan.updated.length, kept: plan.kept.length, cards });
  const apply = el('button', s.apply ?? 'Apply', 'quiz-button');
  apply.type = 'button';
  apply.dataset.act = 'apply';
  const cancel = el('button', s.cancel ?? 'Cancel', 'quiz-button secondary');
  cancel.type = 'button';
  cancel.dataset.act = 'cancel';
  const actions = el('div', undefined, 'quiz-actions');
  if (changes > 0) actions.append(apply);
  actions.append(cancel);
  box.replaceChildren(el('p', text), actions);
  box.hidden = false;
  (changes > 0 ? apply : cancel).focus();
  cancel.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    say('');
  });
  apply.addEventListener('click', () => {
    box.hidden = true;
    box.replaceChildren();
    if (!backupBefore('import')) {
      say(s.backupFailed ?? '', true);
      return;
    }
    setProgress(planMerge(progress(), plan.incoming).merged);
    say(fill(s.done ?? '', { quizzes: plan.added.length + plan.updated.length, cards }));
    renderBackups();
  });
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
    say('');
    showPlan({ ...planMerge(progress(), r.progress), incoming: r.progress });
  });
  root.querySelector('[data-act="reset"]')?.addEventListener('click', () => {
    if (!window.confirm(s.resetConfirm ?? '')) return;
    if (!backupBefore('reset')) {
      say(s.backupFailed ?? '', true);
      return;
    }
    setProgress(emptyProgress());
    say(s.resetDone ?? '');
    renderBackups();
  });
  if (isReadOnly()) {
    root.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-act="import"], [data-act="reset"]').forEach((c) => (c.disabled = true));
    root.querySelector('.review-import')?.setAttribute('aria-disabled', 'true');
    const ro = root.querySelector<HTMLElement>('[data-read-only]');
    if (ro) ro.hidden = false;
  }
  root.dataset.ready = '';
  render(progress());
  renderBackups();
  window.addEventListener(PROGRESS_EVENT, () => render(progress()));
}
