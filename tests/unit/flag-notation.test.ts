/**
 * One flag notation everywhere a reader sees flags: Wireshark's Info-column order (bit order, FIN first,
 * ACK last), comma-separated, from one helper (flagNotation in src/engine/segment.ts). TRANSLATING.md
 * documents the notation; this file checks the figures, the lab's rows and step text, the quizzes and
 * the capture table against it, and that no display code formats flags on its own.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagNotation, flags, runScenario, SCENARIO_IDS } from '../../src/engine/index.ts';
import type { FlagName } from '../../src/engine/types.ts';
import { figureLayout } from '../../src/site/chapter-figure.ts';
import { viewOfTrace } from '../../src/labs/view/trace-view.ts';
import { quizSegments } from '../../src/quiz/model/scenario.ts';

/** The TCP header's flag bits (RFC 9293 §3.1): Wireshark lists set flags from the lowest bit up. */
const BIT: Record<FlagName, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };
const NAMES = Object.keys(BIT) as FlagName[];

/** What Wireshark would print for these names, worked out from the bits, not from the helper. */
function wireshark(names: readonly string[]): string {
  return [...names].sort((a, b) => BIT[a as FlagName] - BIT[b as FlagName]).join(', ') || '—';
}

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('flag notation (Wireshark order, one helper)', () => {
  it('prints every one of the 32 flag sets in bit order, comma-separated', () => {
    for (let bits = 0; bits < 32; bits++) {
      const names = NAMES.filter((n) => bits & BIT[n]);
      // Any input order gives the same text.
      expect(flagNotation(flags(...names))).toBe(wireshark(names));
      expect(flagNotation([...names].reverse())).toBe(wireshark(names));
    }
    expect(flagNotation(flags('ACK', 'FIN'))).toBe('FIN, ACK');
    expect(flagNotation(flags('ACK', 'PSH'))).toBe('PSH, ACK');
    expect(flagNotation(flags('SYN', 'ACK'))).toBe('SYN, ACK');
  });

  it('draws every scenario figure, lab row and quiz segment in that order', () => {
    const wrong: string[] = [];
    for (const id of SCENARIO_IDS) {
      const trace = runScenario(id);
      for (const a of figureLayout(trace, 'all').arrows) if (a.flags !== wireshark(a.flags.split(', '))) wrong.push(`${id} figure #${a.wireId}: ${a.flags}`);
      for (const s of viewOfTrace(trace).segments) {
        const text = s.flags.join(', ') || '—';
        if (text !== wireshark(s.flags)) wrong.push(`${id} lab #${s.id}: ${text}`);
      }
      for (const q of quizSegments(trace)) if (q.flags !== wireshark(q.flags.split(', '))) wrong.push(`${id} quiz ${q.step}: ${q.flags}`);
    }
    expect(wrong).toEqual([]);
    // The close figure names the first FIN as Wireshark does.
    expect(figureLayout(runScenario('close-4-segment'), 'close').arrows[0]?.flags).toBe('FIN, ACK');
  });

  it('leaves formatting flags to the helper: no display code joins flag names itself', () => {
    const own: string[] = [];
    for (const file of filesUnder(join(root, 'src'))) {
      if (!/\.(ts|tsx|astro)$/.test(file) || file.endsWith(join('engine', 'segment.ts'))) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // A list of flag names joined for a reader, or the engine's JSON-order list used for display.
        if (/flags\)?\.join\(/.test(line) || /\bflagList\(/.test(line)) own.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    // The engine's JSON-order list stays for the trace CLI's schema and the capture report (data, not display).
    const allowed = [/^src\/engine\/(normalize|segment-data|pcap\/report)\.ts:/];
    expect(own.filter((o) => !allowed.some((a) => a.test(o)))).toEqual([]);
  });
});
