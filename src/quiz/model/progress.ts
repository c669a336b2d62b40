/**
 * The reader's progress: quiz results and drill boxes, kept only in this browser's localStorage
 * (nothing is ever sent anywhere). The stored JSON carries a format marker and a version so a
 * later release can tell its own old data from garbage: old versions are migrated, broken
 * records are dropped, unreadable data is reset, and the page is told which of these happened
 * so it can show a short notice instead of breaking.
 */

/** The localStorage key; one key for everything keeps export/import a single file. */
export const STORAGE_KEY = 'tcp-book:progress';
/** Where unreadable data is moved before a reset, so a reader (or a bug report) can still recover it. */
export const BACKUP_KEY = 'tcp-book:progress:unreadable';
/** Marks our JSON, so importing some other app's file fails with a clear message. */
export const FORMAT = 'tcp-book-progress';
/** Current schema version. Version 1 (first release) is migrated on load and import. */
export const VERSION = 2;
/** Highest Leitner box; also used by the validator. */
export const MAX_BOX = 5;

/** One quiz's result. `wrongEver` keeps a question on the review page's "once missed" list after it is fixed. */
export interface QuizRecord {
  chapter: string;
  attempts: number;
  correct: boolean;
  wrongEver: boolean;
  /** ms since epoch of the last answer */
  at: number;
}

/** One drill card's Leitner state; `due` is a day number (days since epoch, UTC). */
export interface CardRecord {
  box: number;
  due: number;
  reviews: number;
}

/** Everything stored, in the current schema. */
export interface Progress {
  format: typeof FORMAT;
  version: typeof VERSION;
  quizzes: Record<string, QuizRecord>;
  drill: Record<string, CardRecord>;
}

/**
 * Version 1, as the first release stored it: `{ v: 1, answers: { id: { chapter, ok, tries } } }`.
 * Kept here so migration stays testable.
 */
export interface ProgressV1 {
  v: 1;
  answers: Record<string, { chapter: string; ok: boolean; tries: number }>;
}

/** A fresh, empty progress object. */
export function emptyProgress(): Progress {
  return { format: FORMAT, version: VERSION, quizzes: {}, drill: {} };
}

/** Why parsing failed; a code plus the JSON path lets the UI say exactly what is wrong in the reader's language. */
export type ProgressError =
  | { code: 'not-json'; detail: string }
  | { code: 'not-progress' }
  | { code: 'version'; version: string }
  | { code: 'field'; path: string; expected: string }
  | { code: 'too-large'; bytes: number };

/** Result of parsing stored or imported JSON; `dropped` lists records that were invalid and left out. */
export type ParseResult =
  | { ok: true; progress: Progress; migrated: boolean; dropped: ProgressError[] }
  | { ok: false; error: ProgressError };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const key = (k: string): string => JSON.stringify(k);

function validateQuiz(path: string, r: unknown): QuizRecord | ProgressError {
  if (!isObj(r)) return { code: 'field', path, expected: 'an object' };
  if (typeof r.chapter !== 'string') return { code: 'field', path: `${path}.chapter`, expected: 'a string' };
  if (!isCount(r.attempts) || r.attempts < 1) return { code: 'field', path: `${path}.attempts`, expected: 'a whole number ≥ 1' };
  if (typeof r.correct !== 'boolean') return { code: 'field', path: `${path}.correct`, expected: 'true or false' };
  if (typeof r.wrongEver !== 'boolean') return { code: 'field', path: `${path}.wrongEver`, expected: 'true or false' };
  if (!isCount(r.at)) return { code: 'field', path: `${path}.at`, expected: 'a timestamp in ms' };
  return { chapter: r.chapter, attempts: r.attempts, correct: r.correct, wrongEver: r.wrongEver, at: r.at };
}

function validateCard(path: string, r: unknown): CardRecord | ProgressError {
  if (!isObj(r)) return { code: 'field', path, expected: 'an object' };
  if (!isCount(r.box) || r.box < 1 || r.box > MAX_BOX) return { code: 'field', path: `${path}.box`, expected: `a whole number from 1 to ${MAX_BOX}` };
  if (!isCount(r.due)) return { code: 'field', path: `${path}.due`, expected: 'a day number' };
  if (!isCount(r.reviews)) return { code: 'field', path: `${path}.reviews`, expected: 'a whole number' };
  return { box: r.box, due: r.due, reviews: r.reviews };
}

function isError(x: unknown): x is ProgressError {
  return isObj(x) && typeof x.code === 'string';
}

function migrateV1(data: Record<string, unknown>, strict: boolean): ParseResult {
  if (!isObj(data.answers)) return { ok: false, error: { code: 'field', path: 'answers', expected: 'an object' } };
  const out = emptyProgress();
  const dropped: ProgressError[] = [];
  for (const [id, a] of Object.entries(data.answers)) {
    const path = `answers[${key(id)}]`;
    let err: ProgressError | null = null;
    if (!ID.test(id)) err = { code: 'field', path, expected: 'a kebab-case quiz id' };
    else if (!isObj(a)) err = { code: 'field', path, expected: 'an object' };
    else if (typeof a.chapter !== 'string') err = { code: 'field', path: `${path}.chapter`, expected: 'a string' };
    else if (typeof a.ok !== 'boolean') err = { code: 'field', path: `${path}.ok`, expected: 'true or false' };
    else if (!isCount(a.tries) || a.tries < 1) err = { code: 'field', path: `${path}.tries`, expected: 'a whole number ≥ 1' };
    if (err) {
      if (strict) return { ok: false, error: err };
      dropped.push(err);
      continue;
    }
    const rec = a as { chapter: string; ok: boolean; tries: number };
    // v1 kept no times and no history: a question that took more than one try was missed once.
    out.quizzes[id] = { chapter: rec.chapter, attempts: rec.tries, correct: rec.ok, wrongEver: !rec.ok || rec.tries > 1, at: 0 };
  }
  return { ok: true, progress: out, migrated: true, dropped };
}

/**
 * Parses stored or imported text into the current schema. `strict` (used for imports) rejects
 * the whole file on the first bad record, naming its path; lenient mode (used for what is
 * already in storage) drops bad records so one broken entry does not cost the reader everything.
 */
export function parseProgress(text: string, strict = false): ParseResult {
  if (text.length > 2_000_000) return { ok: false, error: { code: 'too-large', bytes: text.length } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isObj(data)) return { ok: false, error: { code: 'not-progress' } };
  if (data.v === 1 && !('format' in data)) return migrateV1(data, strict);
  if (data.format !== FORMAT) return { ok: false, error: { code: 'not-progress' } };
  if (data.version !== VERSION) return { ok: false, error: { code: 'version', version: JSON.stringify(data.version ?? null) } };
  if (!isObj(data.quizzes)) return { ok: false, error: { code: 'field', path: 'quizzes', expected: 'an object' } };
  const drillIn = data.drill ?? {};
  if (!isObj(drillIn)) return { ok: false, error: { code: 'field', path: 'drill', expected: 'an object' } };
  const out = emptyProgress();
  const dropped: ProgressError[] = [];
  for (const [id, r] of Object.entries(data.quizzes)) {
    const path = `quizzes[${key(id)}]`;
    const v = ID.test(id) ? validateQuiz(path, r) : ({ code: 'field', path, expected: 'a kebab-case quiz id' } as const);
    if (isError(v)) {
      if (strict) return { ok: false, error: v };
      dropped.push(v);
    } else out.quizzes[id] = v;
  }
  for (const [id, r] of Object.entries(drillIn)) {
    const path = `drill[${key(id)}]`;
    const v = ID.test(id) ? validateCard(path, r) : ({ code: 'field', path, expected: 'a kebab-case card id' } as const);
    if (isError(v)) {
      if (strict) return { ok: false, error: v };
      dropped.push(v);
    } else out.drill[id] = v;
  }
  return { ok: true, progress: out, migrated: false, dropped };
}

/** What the page should tell the reader after loading; null means nothing happened worth saying. */
export type LoadNotice = null | 'migrated' | 'repaired' | 'reset' | 'unavailable';

/** The part of Storage we use; tests pass a Map-backed fake, browsers pass localStorage. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Loads progress and never throws: storage that is disabled (private mode, sandboxed iframe)
 * yields an empty in-memory progress with the 'unavailable' notice; unreadable data is moved to
 * BACKUP_KEY and reset; old data is migrated and written back.
 */
export function loadProgress(store: KeyValueStore | null): { progress: Progress; notice: LoadNotice; error?: ProgressError } {
  if (!store) return { progress: emptyProgress(), notice: 'unavailable' };
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), notice: 'unavailable' };
  }
  if (raw === null) return { progress: emptyProgress(), notice: null };
  const parsed = parseProgress(raw, false);
  if (!parsed.ok) {
    const progress = emptyProgress();
    try {
      store.setItem(BACKUP_KEY, raw);
      store.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch {
      /* full or disabled storage: the reset still holds for this page */
    }
    return { progress, notice: 'reset', error: parsed.error };
  }
  const notice: LoadNotice = parsed.migrated ? 'migrated' : parsed.dropped.length > 0 ? 'repaired' : null;
  if (notice) saveProgress(store, parsed.progress);
  return { progress: parsed.progress, notice, ...(parsed.dropped[0] ? { error: parsed.dropped[0] } : {}) };
}

/** Writes progress; returns false when storage refuses (quota, disabled) so the caller can warn once. */
export function saveProgress(store: KeyValueStore | null, progress: Progress): boolean {
  if (!store) return false;
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/**
 * Records one answer. Returns a new object (the old one is untouched) so the UI can compare and
 * tests can check both.
 */
export function recordAnswer(progress: Progress, id: string, chapter: string, correct: boolean, now: number): Progress {
  const prev = progress.quizzes[id];
  const rec: QuizRecord = {
    chapter,
    attempts: (prev?.attempts ?? 0) + 1,
    correct,
    wrongEver: (prev?.wrongEver ?? false) || !correct,
    at: Math.max(0, Math.floor(now)),
  };
  return { ...progress, quizzes: { ...progress.quizzes, [id]: rec } };
}

/** A chapter's score for the sidebar: how many of its quizzes are answered and how many are right now. */
export function chapterScore(progress: Progress, chapter: string, ids?: readonly string[]): { answered: number; correct: number } {
  const recs = ids
    ? ids.map((id) => progress.quizzes[id]).filter((r): r is QuizRecord => r !== undefined)
    : Object.values(progress.quizzes).filter((r) => r.chapter === chapter);
  return { answered: recs.length, correct: recs.filter((r) => r.correct).length };
}

/** The ids the review page lists: wrong now first (most recent first), then once missed but since fixed. */
export function reviewList(progress: Progress): { wrong: string[]; fixed: string[] } {
  const entries = Object.entries(progress.quizzes).sort((a, b) => b[1].at - a[1].at || a[0].localeCompare(b[0]));
  return {
    wrong: entries.filter(([, r]) => !r.correct).map(([id]) => id),
    fixed: entries.filter(([, r]) => r.correct && r.wrongEver).map(([id]) => id),
  };
}

/** The export file's text: the stored object plus when it was exported, pretty-printed so a reader can read it. */
export function exportProgress(progress: Progress, now: number): string {
  return JSON.stringify({ ...progress, exportedAt: new Date(now).toISOString() }, null, 2) + '\n';
}

/** Parses an import strictly: a file with any bad record is refused whole, with the record's path. */
export function importProgress(text: string): ParseResult {
  return parseProgress(text, true);
}
