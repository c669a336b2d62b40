/**
 * Offline conformance with the Linux kernel: every capture in
 * tests/fixtures/kernel-traces/ (real Linux captures) against the engine scenario
 * that replays it under the Linux profile, compared the way that folder's README says:
 * relative seq/ack, flags without PSH, payload length and order; no options, windows, ports
 * or times (except the SYN retransmission schedule, compared loosely). Then the states that
 * importing each capture infers, against what `ss` showed during the capture.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalize, runScenario, signature, wireSegments } from '../../src/engine/index.ts';
import { lostSynAsCaptured } from './kernel-conditions.ts';
import type { TcpState, Trace } from '../../src/engine/index.ts';
import { analyseCapture, decodeSegments, readCapture, splitConnections, type TraceRow } from '../../src/engine/pcap/index.ts';

const capture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/kernel-traces/${name}`, import.meta.url)));

function kernelSegments(name: string) {
  const { segments } = decodeSegments(readCapture(capture(name)).packets);
  const conns = splitConnections(segments, () => undefined);
  expect(conns).toHaveLength(1);
  return conns[0]!.segments;
}

const engineTrace = (scenario: string): Trace => (scenario === 'lost-syn' ? lostSynAsCaptured() : runScenario(scenario, { profile: 'linux' }));

const MAPPING = [
  ['normal.pcap', 'close-3-segment'],
  ['slowpassive.pcap', 'close-4-segment'],
  ['serverfirst.pcap', 'server-closes-first'],
  ['rst.pcap', 'closed-port-rst'],
  ['synsent.pcap', 'lost-syn'],
  ['simclose3.pcap', 'simultaneous-close'],
] as const;

describe('engine scenarios reproduce the kernel captures (Linux profile)', () => {
  it.each(MAPPING)('%s = %s', (file, scenario) => {
    const kernel = normalize(kernelSegments(file)).map(signature);
    const engine = normalize(wireSegments(engineTrace(scenario))).map(signature);
    expect(engine).toEqual(kernel);
  });

  it('lost-syn retransmits the SYN when the kernel did (0, 1.02, 2.04, 3.07 s), within 10 %', () => {
    const kernel = kernelSegments('synsent.pcap').map((s) => s.t);
    const engine = wireSegments(lostSynAsCaptured())
      .filter((w) => w.from === 'A' && w.segment.flags.SYN)
      .map((w) => w.t / 1000);
    expect(engine).toHaveLength(kernel.length);
    const t0 = engine[0]!;
    kernel.forEach((k, i) => {
      const e = engine[i]! - t0;
      expect(Math.abs(e - k), `SYN #${i + 1}: engine ${e.toFixed(3)} s, kernel ${k.toFixed(3)} s`).toBeLessThanOrEqual(Math.max(0.05, k * 0.1));
    });
  });
});

const states = (rows: TraceRow[]): string[] => rows.map((r) => `${r.stateA}/${r.stateB}`);
const HANDSHAKE_AND_DATA = [
  'SYN-SENT/SYN-RECEIVED',
  'ESTABLISHED/SYN-RECEIVED',
  'ESTABLISHED/ESTABLISHED',
  'ESTABLISHED/ESTABLISHED',
  'ESTABLISHED/ESTABLISHED',
  'ESTABLISHED/ESTABLISHED',
  'ESTABLISHED/ESTABLISHED',
];

function importRows(name: string): TraceRow[] {
  const a = analyseCapture(capture(name));
  expect(a.report.connections).toHaveLength(1);
  return a.report.connections[0]!.segments;
}

describe('importing a kernel capture infers the states ss showed', () => {
  it('normal.pcap: the client ends in TIME-WAIT, the server passes LAST-ACK to CLOSED (3 segments)', () => {
    expect(states(importRows('normal.pcap'))).toEqual([...HANDSHAKE_AND_DATA, 'FIN-WAIT-1/CLOSE-WAIT', 'TIME-WAIT/LAST-ACK', 'TIME-WAIT/CLOSED']);
  });
  it('slowpassive.pcap: client FIN-WAIT-2 while the server sits in CLOSE-WAIT', () => {
    expect(states(importRows('slowpassive.pcap'))).toEqual([
      ...HANDSHAKE_AND_DATA,
      'FIN-WAIT-1/CLOSE-WAIT',
      'FIN-WAIT-2/CLOSE-WAIT',
      'TIME-WAIT/LAST-ACK',
      'TIME-WAIT/CLOSED',
    ]);
  });
  it('serverfirst.pcap: the server ends in TIME-WAIT, the client passes CLOSE-WAIT', () => {
    expect(states(importRows('serverfirst.pcap'))).toEqual([
      ...HANDSHAKE_AND_DATA,
      'CLOSE-WAIT/FIN-WAIT-1',
      // ss showed FIN-WAIT-2, but the client's FIN follows its ACK by 60 ms, under the server's
      // 200 ms RTO: had that ACK been lost, the capture would look the same. So: unknown.
      'CLOSE-WAIT/null',
      'LAST-ACK/TIME-WAIT',
      'CLOSED/TIME-WAIT',
    ]);
  });
  it('simclose3.pcap: CLOSING on both sides, then TIME-WAIT on both sides', () => {
    const rows = importRows('simclose3.pcap');
    const seen = (side: 'stateA' | 'stateB'): (TcpState | null)[] => rows.map((r) => r[side]);
    for (const side of ['stateA', 'stateB'] as const) {
      expect(seen(side)).toContain('CLOSING');
      expect(seen(side)).not.toContain('CLOSE-WAIT');
      expect(seen(side)).not.toContain('LAST-ACK');
    }
    expect(states(rows).at(-1)).toBe('TIME-WAIT/TIME-WAIT');
  });
  it('rst.pcap: nothing listens, so the server side is CLOSED and the client ends CLOSED', () => {
    expect(states(importRows('rst.pcap'))).toEqual(['SYN-SENT/CLOSED', 'CLOSED/CLOSED']);
  });
  it('synsent.pcap: the client stays in SYN-SENT; the server, never heard from, is unknown', () => {
    const rows = importRows('synsent.pcap');
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.stateA === 'SYN-SENT')).toBe(true);
    // One direction only: nothing in the capture says whether the server exists or listens.
    expect(rows.every((r) => r.stateB === null)).toBe(true);
  });
});
