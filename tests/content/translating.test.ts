import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glossary } from '../../src/data/glossary';

const text = readFileSync(resolve(__dirname, '../../TRANSLATING.md'), 'utf8');

/** Rows of the markdown table that follows `heading`, as trimmed cells, header and rule removed. */
function tableAfter(heading: string): string[][] {
  const start = text.indexOf(heading);
  expect(start, `TRANSLATING.md has "${heading}"`).toBeGreaterThan(-1);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
  }
  return rows;
}

describe('TRANSLATING.md agrees with src/data/glossary.ts', () => {
  it('every term row is a glossary entry (same Korean and English)', () => {
    const rows = tableAfter('## 용어집');
    expect(rows.length).toBeGreaterThan(10);
    const pairs = new Set(glossary.map((e) => `${e.ko} = ${e.en}`));
    const stray = rows.map(([ko, en]) => `${ko} = ${en}`).filter((p) => !pairs.has(p));
    expect(stray, 'rows not in glossary.ts (fix one or the other)').toEqual([]);
  });
  it('every state spelling row matches the glossary spellings', () => {
    const rows = tableAfter('### 상태 이름');
    expect(rows).toHaveLength(11);
    for (const [rfc, linux, ss, netstat] of rows) {
      const entry = glossary.find((e) => e.spellings?.rfc === rfc && e.id.startsWith('state-'));
      expect(entry, `state ${rfc} in glossary.ts`).toBeDefined();
      expect([linux, ss, netstat], rfc).toEqual([entry?.spellings?.linux, entry?.spellings?.ss, entry?.spellings?.netstat]);
    }
  });
});
