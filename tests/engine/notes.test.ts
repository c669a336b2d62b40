/**
 * The browser build runs the engine without its English working notes (src/engine/notes.ts,
 * swapped by an alias in astro.config.mjs). These tests hold the promise that makes that safe:
 * a run without notes is the same run, event for event, minus the `detail` prose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCENARIO_IDS, runScenario } from '../../src/engine/index.ts';
import type { Trace } from '../../src/engine/types.ts';

const PROSE_KINDS = new Set(['log', 'drop', 'duplicate']);

/** A trace with the notes taken out, to compare runs with and without them. */
function withoutNotes(t: Trace): unknown {
  return { ...t, events: t.events.map((e) => (PROSE_KINDS.has(e.kind) ? { ...e, detail: undefined } : e)) };
}

const notesIn = (t: Trace): number => t.events.filter((e) => PROSE_KINDS.has(e.kind) && typeof e.detail === 'string').length;

afterEach(() => {
  vi.doUnmock('../../src/engine/notes.ts');
  vi.resetModules();
});

describe('engine notes', () => {
  it('a run without notes is the same run, for every scenario and a knob change', async () => {
    const runs = SCENARIO_IDS.flatMap((id) => [runScenario(id), runScenario(id, { profile: 'rfc', isn: 'random', seed: 7 })]);
    expect(runs.reduce((n, t) => n + notesIn(t), 0)).toBeGreaterThan(4);
    vi.resetModules();
    vi.doMock('../../src/engine/notes.ts', () => ({ NOTES: false }));
    const quiet = (await import('../../src/engine/index.ts')) as typeof import('../../src/engine/index.ts');
    const quietRuns = SCENARIO_IDS.flatMap((id) => [quiet.runScenario(id), quiet.runScenario(id, { profile: 'rfc', isn: 'random', seed: 7 })]);
    expect(quietRuns.reduce((n, t) => n + notesIn(t), 0)).toBe(0);
    expect(quietRuns.map(withoutNotes)).toEqual(runs.map(withoutNotes));
  });

  it('every engine module imports the switch as "./notes.ts", the path the browser alias replaces', () => {
    const dir = join(import.meta.dirname, '../../src/engine');
    const users = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('notes'))
      .filter((f) => /\bNOTES\b/.test(readFileSync(join(dir, f), 'utf8')));
    expect(users.length).toBeGreaterThan(3);
    for (const f of users) expect(readFileSync(join(dir, f), 'utf8'), f).toContain("import { NOTES } from './notes.ts';");
    expect(readFileSync(join(import.meta.dirname, '../../src/build/build-plugins.mjs'), 'utf8')).toContain("'../engine/notes-off.ts'");
    expect(readFileSync(join(import.meta.dirname, '../../astro.config.mjs'), 'utf8')).toContain('engineWithoutNotes()');
  });
});
