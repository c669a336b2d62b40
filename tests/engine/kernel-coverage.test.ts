// The kernel coverage table (src/engine/kernel-coverage.ts) stays true: every live case it names
// is defined for the live suite and the other way round, every capture it names exists, and a
// scenario is "unchecked" exactly when nothing checks it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KERNEL_COVERAGE, LIVE_KERNEL_CASES } from '../../src/engine/kernel-coverage.ts';
import { SCENARIO_IDS } from '../../src/engine/index.ts';
import { CASES } from '../kernel/cases.ts';

describe('kernel coverage table', () => {
  it("lists every scenario once, in the book's order", () => {
    expect(KERNEL_COVERAGE.map((c) => c.id)).toEqual([...SCENARIO_IDS]);
  });

  it('names exactly the live cases tests/kernel/cases.ts defines', () => {
    expect(LIVE_KERNEL_CASES.map((c) => c.name).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('names only captures that exist in tests/fixtures/kernel-traces', () => {
    for (const c of KERNEL_COVERAGE) for (const f of c.captures) expect(existsSync(new URL(`../fixtures/kernel-traces/${f}`, import.meta.url)), f).toBe(true);
  });

  it('gives a reason exactly when neither a live case nor a capture checks a scenario', () => {
    for (const c of KERNEL_COVERAGE) {
      const checked = c.live.length > 0 || c.captures.length > 0;
      expect(c.unchecked === null, c.id).toBe(checked);
    }
  });
});
