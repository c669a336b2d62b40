/**
 * The page's one copy of the reader's progress. Every quiz, the sidebar score, the review page and
 * the drill share it, so an answer given in one quiz updates the others at once; other tabs are
 * followed through the `storage` event. The first load's notice (migrated, reset…) is shown once.
 */
import { STORAGE_KEY, loadProgress, saveProgress, type KeyValueStore, type LoadNotice, type Progress } from '../model/progress.ts';

/** Fired on window whenever progress changes (here or in another tab); detail is the new Progress. */
export const PROGRESS_EVENT = 'tcp-book:progress';

let current: Progress | null = null;
let firstNotice: LoadNotice = null;

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null; // sandboxed iframe or disabled storage
  }
}

/** The current progress, loaded on first use (never throws, see loadProgress). */
export function progress(): Progress {
  if (!current) {
    const r = loadProgress(storage());
    current = r.progress;
    firstNotice = r.notice;
    if (r.error) console.warn('[tcp-book] saved progress:', r.notice, r.error);
    if (r.notice) queueMicrotask(() => showNotice(r.notice));
  }
  return current;
}

/** Replaces the progress, saves it and tells every listener on the page. */
export function setProgress(next: Progress): void {
  current = next;
  saveProgress(storage(), next);
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: next }));
}

/** The notice of the first load (for tests and the review page). */
export function loadNotice(): LoadNotice {
  progress();
  return firstNotice;
}

window.addEventListener('storage', (e) => {
  if (e.key !== STORAGE_KEY && e.key !== null) return;
  current = null;
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: progress() }));
});

/** Localised notice texts: every quiz, the score data, review and drill pages carry them in `data-quiz-notices`, so this module carries no dictionary. */
function noticeText(notice: Exclude<LoadNotice, null>): { text: string; close: string } {
  const el = document.querySelector('[data-quiz-notices]');
  let s: Record<string, string> = {};
  try {
    s = JSON.parse(el?.getAttribute('data-quiz-notices') ?? '{}') as Record<string, string>;
  } catch {
    /* fall back to English below */
  }
  const fallback: Record<string, string> = {
    reset: 'Your saved quiz progress could not be read, so it was reset.',
    migrated: 'Your saved progress was updated to the current format.',
    repaired: 'Some saved answers could not be read and were left out.',
    unavailable: 'This browser does not let the book save; your answers will be forgotten when you leave.',
  };
  return { text: s[notice] ?? fallback[notice] ?? notice, close: s.close ?? 'Dismiss' };
}

function showNotice(notice: LoadNotice): void {
  if (!notice || document.querySelector('.quiz-notice')) return;
  const { text, close } = noticeText(notice);
  const box = document.createElement('div');
  box.className = 'quiz-notice';
  box.setAttribute('role', 'status');
  box.dataset.notice = notice;
  box.dataset.pagefindIgnore = '';
  const p = document.createElement('p');
  p.textContent = text;
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = close;
  b.addEventListener('click', () => box.remove());
  box.append(p, b);
  (document.querySelector('main') ?? document.body).prepend(box);
}
