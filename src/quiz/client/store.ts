/**
 * The page's one copy of the reader's progress. Every quiz, the sidebar score, the review page and
 * the drill share it, so an answer given in one quiz updates the others at once; other tabs are
 * followed through the `storage` event. The first load's notice (migrated, reset…) is shown once.
 *
 * Nothing is lost silently: when localStorage refuses a write (full, disabled) or holds data of a
 * newer version of the book (read-only here), the progress is kept in sessionStorage for this tab's
 * session, merged back on every page load, and the reader is told once per page.
 */
import { STORAGE_KEY, loadProgress, parseProgress, planMerge, saveProgress, type KeyValueStore, type LoadNotice, type Progress } from '../model/progress.ts';

/** sessionStorage key of progress that could not be written to localStorage. */
export const UNSAVED_KEY = 'tcp-book:progress:unsaved';

/** How a change was kept: in localStorage, only for this tab's session, or only on this page. */
export type SaveResult = 'saved' | 'session' | 'page';

/** Fired on window whenever progress changes (here or in another tab); detail is the new Progress. */
export const PROGRESS_EVENT = 'tcp-book:progress';

let current: Progress | null = null;
let firstNotice: LoadNotice = null;
let readOnly = false;

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null; // sandboxed iframe or disabled storage
  }
}

function session(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Progress this tab could not write to localStorage earlier in the session, if any. */
function unsaved(): Progress | null {
  try {
    const raw = session()?.getItem(UNSAVED_KEY);
    if (!raw) return null;
    const r = parseProgress(raw, false);
    return r.ok ? r.progress : null;
  } catch {
    return null;
  }
}

/** The current progress, loaded on first use (never throws, see loadProgress). */
export function progress(): Progress {
  if (!current) {
    const r = loadProgress(storage(), Date.now());
    current = r.progress;
    readOnly = r.readOnly;
    firstNotice = r.notice;
    if (r.error) console.warn('[tcp-book] saved progress:', r.notice, r.error);
    const pending = unsaved();
    if (pending) {
      current = planMerge(current, pending).merged;
      // storage may have room again: then the session copy is no longer needed
      if (!readOnly && saveProgress(storage(), current)) session()?.removeItem(UNSAVED_KEY);
    }
    if (r.notice) queueMicrotask(() => showNotice(r.notice));
  }
  return current;
}

/** True when stored progress belongs to a newer version of the book: this page never writes over it. */
export function isReadOnly(): boolean {
  progress();
  return readOnly;
}

/**
 * Replaces the progress, saves it and tells every listener on the page. When localStorage refuses
 * (or is read-only), the progress is kept for the session and the reader is told; the result says
 * which, so a quiz can say it next to the answer.
 */
export function setProgress(next: Progress): SaveResult {
  progress();
  current = next;
  let result: SaveResult = 'saved';
  if (readOnly || !saveProgress(storage(), next)) {
    try {
      session()?.setItem(UNSAVED_KEY, JSON.stringify(next));
      result = 'session';
    } catch {
      result = 'page';
    }
    if (!readOnly) showNotice('save-failed');
  } else {
    try {
      session()?.removeItem(UNSAVED_KEY);
    } catch {
      /* nothing to clean up */
    }
  }
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: next }));
  return result;
}

/** The notice of the first load (for tests and the review page). */
export function loadNotice(): LoadNotice {
  progress();
  return firstNotice;
}

window.addEventListener('storage', (e) => {
  if (e.key !== STORAGE_KEY && e.key !== null) return;
  // storage events only fire for localStorage changes made by other tabs
  current = null;
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: progress() }));
});

/** A notice the page can show: one from loading, or a save that storage refused. */
export type Notice = Exclude<LoadNotice, null> | 'save-failed';

/** Localised notice texts: every quiz, the score data, review and drill pages carry them in `data-quiz-notices`, so this module carries no dictionary. */
export function noticeText(notice: Notice): { text: string; close: string } {
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
    newer:
      'Your saved progress was written by a newer version of this book. It is left untouched; answers you give here are kept only until you close this tab.',
    'save-failed':
      'Your answer could not be saved: this browser’s storage is full or blocked. It is kept until you close this tab; export your progress on the review page to keep it.',
  };
  return { text: s[notice] ?? fallback[notice] ?? notice, close: s.close ?? 'Dismiss' };
}

function showNotice(notice: Notice | null): void {
  if (!notice || document.querySelector(`.quiz-notice[data-notice="${notice}"]`)) return;
  const { text, close } = noticeText(notice);
  const box = document.createElement('div');
  box.className = 'quiz-notice';
  box.setAttribute('role', notice === 'save-failed' ? 'alert' : 'status');
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
