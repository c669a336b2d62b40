/**
 * The reader's progress: quiz results and drill boxes, kept only in this browser's localStorage
 * (nothing is ever sent anywhere). The stored JSON carries a format marker and a version so a
 * later release can tell its own old data from garbage: old versions are migrated, broken
 * records are dropped, unreadable data is reset, and the page is told which of these happened
 * so it can show a short notice instead of breaking.
 */

/** The localStorage key; one key for everything keeps export/import a single file. */
export const STORAGE_KEY = 'tcp-book:progress';
/**
 * Where earlier progress is kept before anything replaces it (an import, a reset, unreadable data,
 * a restore): a JSON list of {@link Backup}, newest first, at most {@link MAX_BACKUPS} entries.
 */
export const BACKUPS_KEY = 'tcp-book:progress:backups';
/** How many backups are kept; the oldest is dropped first. */
export const MAX_BACKUPS = 5;
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
  /**
   * Quizzes the reader made in the workshop, by quiz id (`workshop-<fingerprint>`), as they were
   * saved: each is read with parseWorkshopQuiz where it is used, so a damaged or old one is named
   * on the review page instead of vanishing. Absent until the first one is made (older books,
   * which do not know the field, keep reading this version).
   */
  workshop?: Record<string, unknown>;
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
export type ParseResult = { ok: true; progress: Progress; migrated: boolean; dropped: ProgressError[] } | { ok: false; error: ProgressError };

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
 * The workshop's quizzes of a progress object: each entry must be an object under a quiz id; its
 * contents are kept as they are and read where they are used (parseWorkshopQuiz in the quiz model,
 * which this module does not import: every quiz page loads this one), so the review page can name
 * what is wrong with a damaged or old one instead of it vanishing.
 */
function readWorkshop(
  input: unknown,
  strict: boolean,
  dropped: ProgressError[],
): { ok: true; quizzes: Record<string, unknown> } | { ok: false; error: ProgressError } | null {
  if (input === undefined) return null;
  if (!isObj(input)) {
    const err: ProgressError = { code: 'field', path: 'workshop', expected: 'an object' };
    if (strict) return { ok: false, error: err };
    dropped.push(err);
    return null;
  }
  const quizzes: Record<string, unknown> = {};
  for (const [id, q] of Object.entries(input)) {
    const path = `workshop[${key(id)}]`;
    const err: ProgressError | null = !ID.test(id)
      ? { code: 'field', path, expected: 'a kebab-case quiz id' }
      : !isObj(q)
        ? { code: 'field', path, expected: 'an object' }
        : null;
    if (err) {
      if (strict) return { ok: false, error: err };
      dropped.push(err);
    } else quizzes[id] = q;
  }
  return { ok: true, quizzes };
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
  const ws = readWorkshop(data.workshop, strict, dropped);
  if (ws && !ws.ok) return { ok: false, error: ws.error };
  if (ws) out.workshop = ws.quizzes;
  return { ok: true, progress: out, migrated: false, dropped };
}

/**
 * What the page should tell the reader after loading; null means nothing happened worth saying.
 * 'newer': the stored data was written by a newer version of the book (a rollback, or this tab is
 * served by an old service worker); it is left untouched and this page does not write over it.
 */
export type LoadNotice = null | 'migrated' | 'repaired' | 'reset' | 'unavailable' | 'newer';

/** The part of Storage we use; tests pass a Map-backed fake, browsers pass localStorage. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** True when the text is our format with a version number above ours. */
export function isNewerVersion(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return isObj(data) && data.format === FORMAT && typeof data.version === 'number' && data.version > VERSION;
  } catch {
    return false;
  }
}

/**
 * Loads progress and never throws: storage that is disabled (private mode, sandboxed iframe)
 * yields an empty in-memory progress with the 'unavailable' notice; data of a newer version is
 * left alone and the result is read-only; unreadable data is copied into the backups and reset;
 * old data is migrated and written back.
 */
export function loadProgress(store: KeyValueStore | null, now = 0): { progress: Progress; notice: LoadNotice; readOnly: boolean; error?: ProgressError } {
  if (!store) return { progress: emptyProgress(), notice: 'unavailable', readOnly: false };
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), notice: 'unavailable', readOnly: false };
  }
  if (raw === null) return { progress: emptyProgress(), notice: null, readOnly: false };
  const parsed = parseProgress(raw, false);
  if (!parsed.ok) {
    if (isNewerVersion(raw)) return { progress: emptyProgress(), notice: 'newer', readOnly: true, error: parsed.error };
    const progress = emptyProgress();
    // Only reset once the old text is safely in the backups: a full disk must not cost the old data.
    if (addBackup(store, { at: now, reason: 'unreadable', text: raw })) saveProgress(store, progress);
    return { progress, notice: 'reset', readOnly: false, error: parsed.error };
  }
  const notice: LoadNotice = parsed.migrated ? 'migrated' : parsed.dropped.length > 0 ? 'repaired' : null;
  if (notice) {
    addBackup(store, { at: now, reason: notice === 'migrated' ? 'migrated' : 'unreadable', text: raw });
    saveProgress(store, parsed.progress);
  }
  return { progress: parsed.progress, notice, readOnly: false, ...(parsed.dropped[0] ? { error: parsed.dropped[0] } : {}) };
}

/** One saved copy of earlier progress: when, why, and the stored text exactly as it was. */
export interface Backup {
  at: number;
  reason: 'import' | 'reset' | 'restore' | 'unreadable' | 'migrated' | 'remove';
  text: string;
}

/** The backups, newest first; a damaged list reads as empty (it is only ever a safety net). */
export function readBackups(store: KeyValueStore | null): Backup[] {
  try {
    const list: unknown = JSON.parse(store?.getItem(BACKUPS_KEY) ?? '[]');
    if (!Array.isArray(list)) return [];
    return list.filter((b): b is Backup => isObj(b) && typeof b.at === 'number' && typeof b.text === 'string' && typeof b.reason === 'string');
  } catch {
    return [];
  }
}

/**
 * Adds a backup in front of the list and keeps the last {@link MAX_BACKUPS}. When storage is full,
 * older backups are dropped one by one to make room; false means even that failed.
 */
export function addBackup(store: KeyValueStore | null, backup: Backup): boolean {
  if (!store) return false;
  const list = [backup, ...readBackups(store).filter((b) => b.text !== backup.text)].slice(0, MAX_BACKUPS);
  while (list.length > 0) {
    try {
      store.setItem(BACKUPS_KEY, JSON.stringify(list));
      return true;
    } catch {
      if (list.length === 1) break;
      list.pop();
    }
  }
  return false;
}

/** What an import would change, per quiz and card id; nothing is applied until the reader agrees. */
export interface MergePlan {
  merged: Progress;
  /** ids only in the file */
  added: string[];
  /** ids in both, where the file's answer is newer and so replaces the one here */
  updated: string[];
  /** ids in both, where the answer here is as new or newer and stays */
  kept: string[];
  cardsAdded: string[];
  cardsUpdated: string[];
}

/**
 * Merges imported progress into the current one: per quiz, the newer answer (`at`) wins, and a
 * question once missed on either side stays "once missed"; per drill card, the one reviewed more
 * often wins (cards carry no time). Nothing here is ever deleted by an import.
 */
export function planMerge(current: Progress, incoming: Progress): MergePlan {
  const quizzes = { ...current.quizzes };
  const drill = { ...current.drill };
  const plan: Omit<MergePlan, 'merged'> = { added: [], updated: [], kept: [], cardsAdded: [], cardsUpdated: [] };
  for (const [id, rec] of Object.entries(incoming.quizzes)) {
    const here = quizzes[id];
    if (!here) {
      quizzes[id] = rec;
      plan.added.push(id);
    } else if (rec.at > here.at) {
      quizzes[id] = { ...rec, wrongEver: rec.wrongEver || here.wrongEver };
      plan.updated.push(id);
    } else plan.kept.push(id);
  }
  for (const [id, card] of Object.entries(incoming.drill)) {
    const here = drill[id];
    if (!here) {
      drill[id] = card;
      plan.cardsAdded.push(id);
    } else if (card.reviews > here.reviews || (card.reviews === here.reviews && card.due > here.due)) {
      drill[id] = card;
      plan.cardsUpdated.push(id);
    }
  }
  // Workshop quizzes: one per run; the one made later wins.
  const when = (q: unknown): number => (isObj(q) && typeof q.at === 'number' ? q.at : -1);
  const workshop = { ...current.workshop };
  for (const [id, q] of Object.entries(incoming.workshop ?? {})) if (!(id in workshop) || when(q) > when(workshop[id])) workshop[id] = q;
  const merged: Progress = { ...current, quizzes, drill };
  if (Object.keys(workshop).length > 0) merged.workshop = workshop;
  return { merged, ...plan };
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
