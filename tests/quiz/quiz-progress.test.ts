import { describe, expect, it } from 'vitest';
import {
  BACKUPS_KEY,
  MAX_BACKUPS,
  addBackup,
  planMerge,
  readBackups,
  STORAGE_KEY,
  chapterScore,
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  recordAnswer,
  reviewList,
  saveProgress,
  type KeyValueStore,
} from '../../src/quiz/model/progress';

function memoryStore(init: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const T = 1_700_000_000_000;

describe('recording and scoring', () => {
  it('counts attempts, keeps wrongEver after a fix, scores per chapter', () => {
    let p = emptyProgress();
    p = recordAnswer(p, 'hs-flags', 'three-way-handshake', false, T);
    p = recordAnswer(p, 'hs-flags', 'three-way-handshake', true, T + 1);
    p = recordAnswer(p, 'hs-isn', 'three-way-handshake', false, T + 2);
    p = recordAnswer(p, 'tw-len', 'time-wait', true, T + 3);
    expect(p.quizzes['hs-flags']).toEqual({ chapter: 'three-way-handshake', attempts: 2, correct: true, wrongEver: true, at: T + 1 });
    expect(chapterScore(p, 'three-way-handshake')).toEqual({ answered: 2, correct: 1 });
    expect(chapterScore(p, 'time-wait', ['tw-len', 'tw-other'])).toEqual({ answered: 1, correct: 1 });
    expect(reviewList(p)).toEqual({ wrong: ['hs-isn'], fixed: ['hs-flags'] });
  });
  it('does not mutate the previous object', () => {
    const p = emptyProgress();
    recordAnswer(p, 'a', 'c', true, T);
    expect(p.quizzes).toEqual({});
  });
});

describe('loadProgress', () => {
  it('round-trips through storage', () => {
    const s = memoryStore();
    const p = recordAnswer(emptyProgress(), 'a-b', 'ch', true, T);
    expect(saveProgress(s, p)).toBe(true);
    expect(loadProgress(s)).toEqual({ progress: p, notice: null, readOnly: false });
  });
  it('starts empty without a notice when nothing is stored', () => {
    expect(loadProgress(memoryStore())).toEqual({ progress: emptyProgress(), notice: null, readOnly: false });
  });
  it.each([
    ['{not json'],
    ['[]'],
    ['"hello"'],
    ['{"format":"other"}'],
    ['{"format":"tcp-book-progress","version":"3","quizzes":{}}'],
    ['{"format":"tcp-book-progress","version":2,"quizzes":[]}'],
  ])('resets unreadable data %s, keeping a backup', (raw) => {
    const s = memoryStore({ [STORAGE_KEY]: raw });
    const r = loadProgress(s, T);
    expect(r.notice).toBe('reset');
    expect(r.progress).toEqual(emptyProgress());
    expect(r.error).toBeDefined();
    expect(readBackups(s)).toEqual([{ at: T, reason: 'unreadable', text: raw }]);
    expect(JSON.parse(s.data.get(STORAGE_KEY) ?? '')).toEqual(emptyProgress());
  });
  it('leaves data of a newer version untouched and reports it read-only', () => {
    const raw = '{"format":"tcp-book-progress","version":3,"quizzes":{"a":{"new":"shape"}}}';
    const s = memoryStore({ [STORAGE_KEY]: raw });
    const r = loadProgress(s, T);
    expect(r).toMatchObject({ notice: 'newer', readOnly: true, progress: emptyProgress() });
    expect(s.data.get(STORAGE_KEY)).toBe(raw);
    expect(s.data.has(BACKUPS_KEY)).toBe(false);
  });
  it('does not reset unreadable data when its backup cannot be written (full storage)', () => {
    const raw = '{broken';
    const s = memoryStore({ [STORAGE_KEY]: raw });
    s.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(loadProgress(s, T).notice).toBe('reset');
    expect(s.data.get(STORAGE_KEY)).toBe(raw);
  });
  it('drops only broken records and says it repaired', () => {
    const raw = JSON.stringify({
      format: 'tcp-book-progress',
      version: 2,
      quizzes: { good: { chapter: 'c', attempts: 1, correct: true, wrongEver: false, at: 1 }, bad: { chapter: 'c', attempts: 'x' } },
      drill: { 'q-1': { box: 9, due: 0, reviews: 0 } },
    });
    const r = loadProgress(memoryStore({ [STORAGE_KEY]: raw }));
    expect(r.notice).toBe('repaired');
    expect(Object.keys(r.progress.quizzes)).toEqual(['good']);
    expect(r.progress.drill).toEqual({});
    expect(r.error).toEqual({ code: 'field', path: 'quizzes["bad"].attempts', expected: 'a whole number ≥ 1' });
  });
  it('migrates version 1 and writes the new schema back', () => {
    const s = memoryStore({
      [STORAGE_KEY]: JSON.stringify({
        v: 1,
        answers: { 'hs-flags': { chapter: 'tcp-basics', ok: true, tries: 3 }, 'tw-len': { chapter: 'time-wait', ok: false, tries: 1 } },
      }),
    });
    const r = loadProgress(s);
    expect(r.notice).toBe('migrated');
    expect(r.progress.quizzes['hs-flags']).toEqual({ chapter: 'tcp-basics', attempts: 3, correct: true, wrongEver: true, at: 0 });
    expect(r.progress.quizzes['tw-len']?.wrongEver).toBe(true);
    expect(JSON.parse(s.data.get(STORAGE_KEY) ?? '').version).toBe(2);
  });
  it('survives storage that throws (disabled or private mode)', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(loadProgress(throwing).notice).toBe('unavailable');
    expect(loadProgress(null).notice).toBe('unavailable');
    expect(saveProgress(throwing, emptyProgress())).toBe(false);
  });
});

describe('backups', () => {
  it('keeps the last few, newest first, and makes room in full storage by dropping the oldest', () => {
    const s = memoryStore();
    for (let i = 0; i < MAX_BACKUPS + 2; i++) expect(addBackup(s, { at: i, reason: 'import', text: `t${i}` })).toBe(true);
    expect(readBackups(s).map((b) => b.at)).toEqual([6, 5, 4, 3, 2]);
    const set = s.setItem;
    s.setItem = (k, v) => {
      if (v.length > 120) throw new Error('QuotaExceededError');
      set(k, v);
    };
    expect(addBackup(s, { at: 9, reason: 'reset', text: 'x' })).toBe(true);
    expect(readBackups(s)[0]).toEqual({ at: 9, reason: 'reset', text: 'x' });
    expect(readBackups(s).length).toBeLessThan(MAX_BACKUPS);
  });
  it('reads a damaged list as empty', () => {
    expect(readBackups(memoryStore({ [BACKUPS_KEY]: '{' }))).toEqual([]);
    expect(readBackups(memoryStore({ [BACKUPS_KEY]: '[1, {"at": 1}]' }))).toEqual([]);
  });
});

describe('planMerge', () => {
  const rec = (at: number, correct: boolean, wrongEver = !correct) => ({ chapter: 'c', attempts: 1, correct, wrongEver, at });
  it('keeps the newer answer per quiz and never deletes', () => {
    const here = { ...emptyProgress(), quizzes: { a: rec(10, true), b: rec(10, false), c: rec(5, true) }, drill: { k: { box: 2, due: 5, reviews: 3 } } };
    const file = {
      ...emptyProgress(),
      quizzes: { a: rec(5, false), b: rec(20, true), d: rec(1, true) },
      drill: { k: { box: 4, due: 9, reviews: 5 }, m: { box: 1, due: 1, reviews: 1 } },
    };
    const plan = planMerge(here, file);
    expect(plan).toMatchObject({ added: ['d'], updated: ['b'], kept: ['a'], cardsAdded: ['m'], cardsUpdated: ['k'] });
    expect(plan.merged.quizzes).toEqual({ a: rec(10, true), b: rec(20, true, true), c: rec(5, true), d: rec(1, true) });
    expect(plan.merged.drill.k).toEqual({ box: 4, due: 9, reviews: 5 });
  });
  it('an empty file changes nothing', () => {
    const here = { ...emptyProgress(), quizzes: { a: rec(10, true) } };
    const plan = planMerge(here, emptyProgress());
    expect(plan.merged).toEqual(here);
    expect(plan.added.length + plan.updated.length + plan.cardsAdded.length + plan.cardsUpdated.length).toBe(0);
  });
});

describe('export / import', () => {
  it('round-trips', () => {
    let p = recordAnswer(emptyProgress(), 'a', 'ch', false, T);
    p = { ...p, drill: { 'q01-handshake': { box: 3, due: 19000, reviews: 4 } } };
    const text = exportProgress(p, T);
    expect(JSON.parse(text).exportedAt).toBe(new Date(T).toISOString());
    const back = importProgress(text);
    expect(back).toEqual({ ok: true, progress: p, migrated: false, dropped: [] });
  });
  it.each([
    ['', 'not-json'],
    ['{"quizzes":{}}', 'not-progress'],
    ['{"format":"tcp-book-progress","version":3,"quizzes":{}}', 'version'],
    ['{"format":"tcp-book-progress","version":2,"quizzes":{"ok-id":{"chapter":"c","attempts":1,"correct":"yes","wrongEver":false,"at":0}}}', 'field'],
    ['{"format":"tcp-book-progress","version":2,"quizzes":{"Bad Id":{}}}', 'field'],
    ['{"format":"tcp-book-progress","version":2,"quizzes":{},"drill":{"c":{"box":0,"due":0,"reviews":0}}}', 'field'],
  ])('refuses %s with code %s', (text, code) => {
    const r = importProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
  it('names the path of the first bad record', () => {
    const r = importProgress(
      '{"format":"tcp-book-progress","version":2,"quizzes":{"ok-id":{"chapter":"c","attempts":1,"correct":"yes","wrongEver":false,"at":0}}}',
    );
    expect(r).toEqual({ ok: false, error: { code: 'field', path: 'quizzes["ok-id"].correct', expected: 'true or false' } });
  });
  it('refuses huge files before parsing them', () => {
    const r = importProgress(' '.repeat(2_000_001));
    expect(r.ok ? null : r.error.code).toBe('too-large');
  });
});
