// The kernel coverage table (src/engine/kernel-coverage.ts) stays true: every live case it names
// is defined for the live suite and the other way round, every capture it names exists, and a
// scenario is "unchecked" exactly when nothing checks it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KERNEL_COVERAGE, LIVE_KERNEL_CASES, WORKSHOP_KERNEL_CASES } from '../../src/engine/kernel-coverage.ts';
import { SCENARIO_IDS } from '../../src/engine/index.ts';
import { CASES } from '../kernel/cases.ts';
import { nftCommands, scenarioOfLink, unsupported } from '../kernel/workshop.ts';

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

  it('workshop cases: unique names, links that read and run, and a reason wherever the generic peer cannot run the link', () => {
    const names = WORKSHOP_KERNEL_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of WORKSHOP_KERNEL_CASES) {
      const why = unsupported(scenarioOfLink(c.link));
      if (why !== null) expect(c.unchecked, `${c.name}: ${why}`).toBeTruthy();
    }
    expect(WORKSHOP_KERNEL_CASES.filter((c) => !c.unchecked).length).toBeGreaterThanOrEqual(3);
  });

  it('workshop drops: the nth bare ACK is the one whose bytes end at n·52 (nft quota), and every fault counts what another drops', () => {
    const s = scenarioOfLink(WORKSHOP_KERNEL_CASES.find((c) => c.name === 'ws-lost-final-ack-twice')!.link);
    const rules = nftCommands(s).map((c) => c.join(' '));
    expect(rules.filter((r) => r.includes('quota'))).toEqual([
      expect.stringMatching(/tcp dport 40000 .*ip length 52 ct mark and 0x2 == 0x2 quota until 52 bytes quota over 51 bytes meta mark set 0x77$/),
      expect.stringMatching(/quota until 104 bytes quota over 103 bytes meta mark set 0x77$/),
    ]);
    expect(rules.at(-1)).toBe('add rule inet ewws input meta mark 0x77 drop');
    expect(unsupported({ ...s, faults: [{ kind: 'delay', from: 'A', segment: 'fin', nth: 1, ms: 100 }] })).toMatch(/only drops/);
  });
});
