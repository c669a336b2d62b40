import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchBlock, kernelCoverageBlock, machineLine, README, readBlock, replaceBlock } from '../../scripts/readme-blocks';
import { KERNEL_COVERAGE } from '../../src/engine/kernel-coverage';
import { SCENARIO_IDS } from '../../src/engine/scenario-ids';

const readme = readFileSync(README, 'utf8');

describe("README's kernel-coverage list", () => {
  it('is exactly what src/engine/kernel-coverage.ts says (run `npm run readme` after changing it)', () => {
    expect(readBlock(readme, 'kernel-coverage'), 'README.md kernel-coverage block is stale: run npm run readme').toBe(kernelCoverageBlock());
  });
  it('names every scenario once, and gives a reason for each one the kernel does not check', () => {
    const block = kernelCoverageBlock();
    const rows = block.split('\n').filter((l) => l.startsWith('| `'));
    for (const id of SCENARIO_IDS)
      expect(
        rows.filter((l) => l.startsWith(`| \`${id}\` |`)),
        id,
      ).toHaveLength(1);
    for (const c of KERNEL_COVERAGE) if (c.live.length === 0 && c.captures.length === 0) expect(c.unchecked, c.id).toBeTruthy();
  });
  it('counts live, captured and unchecked scenarios from the table', () => {
    const fake = [
      { id: 'lost-syn', live: ['lost-syn'], captures: ['synsent.pcap'], unchecked: null },
      { id: 'half-close', live: ['half-close'], captures: [], unchecked: null },
      { id: 'time-wait-too-short', live: [], captures: [], unchecked: 'fixed 60 s' },
    ] as const;
    const block = kernelCoverageBlock(fake as never);
    expect(block).toMatch(
      /^2 of 3 scenarios are compared with the Linux kernel\. 2 have a live case .*; 1 are compared with stored kernel captures .*, 1 of them also live\. The other 1 /,
    );
    expect(block).toContain('| `time-wait-too-short` | — | — | fixed 60 s |');
  });
});

describe('README blocks', () => {
  it('replace only the text between their markers', () => {
    const text = 'a\n<!-- x:start -->\nold\n<!-- x:end -->\nb\n';
    expect(replaceBlock(text, 'x', 'new')).toBe('a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb\n');
    expect(readBlock(replaceBlock(text, 'x', ' new \n'), 'x')).toBe('new');
  });
  it('refuse a missing, repeated or reversed marker, naming it', () => {
    expect(() => replaceBlock('no markers', 'x', 'y')).toThrow('expected exactly one "<!-- x:start -->" line, found 0');
    expect(() => replaceBlock('<!-- x:start --><!-- x:start --><!-- x:end -->', 'x', 'y')).toThrow('found 2');
    expect(() => replaceBlock('<!-- x:end --><!-- x:start -->', 'x', 'y')).toThrow('comes before');
  });
  it('bench: the printed heading becomes the machine line, the figures stay as printed', () => {
    const machine = machineLine({ cpuModel: 'AMD  EPYC 7B13 ', cores: 2, memBytes: 8 * 2 ** 30, os: 'Linux 6.18.0' });
    expect(machine).toBe('AMD EPYC 7B13, 2 cores, 8.0 GiB RAM, Linux 6.18.0');
    expect(
      benchBlock(['## Benchmark (2026-12-06 21:30 UTC, v24.21.0, /usr/bin/chromium, 2 cores, load average 1.0)', '', 'Full build: **6.1 s**'], machine),
    ).toBe(
      'Measured by `npm run bench` on AMD EPYC 7B13, 2 cores, 8.0 GiB RAM, Linux 6.18.0 (2026-12-06 21:30 UTC, v24.21.0, /usr/bin/chromium, 2 cores, load average 1.0):\n\nFull build: **6.1 s**',
    );
    expect(() => benchBlock(['figures'], machine)).toThrow('expected a first line "## Benchmark (…)"');
  });
  it('the README has one bench block, and the prose about it sits outside the markers', () => {
    const block = readBlock(readme, 'bench');
    expect(block).not.toBeNull();
    expect(block).not.toContain('The text chapter is `glossary`');
    expect(readme).toContain('The text chapter is `glossary`');
  });
});
