/**
 * pcap export of every scenario: tshark must read it with every IPv4 and TCP checksum good, no
 * malformed packet and no expert warning beyond the expected (tshark.ts EXPECTED_WARNINGS).
 * Without tshark this FAILS and says so. Importing the export must give back the same segments.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runScenario, SCENARIO_IDS, wireSegments } from '../../../src/engine/index.ts';
import { analyseCapture, decodeSegments, LINKTYPE, readCapture, traceFrames, traceReport, traceToPcap, writePcap } from '../../../src/engine/pcap/index.ts';
import { exportAll, problemsByRange, requireTshark, tsharkProblems } from './tshark.ts';

// Spawning Node or tshark takes seconds when the machine is busy; these are not speed tests.
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'ew-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Trace → pcap export', () => {
  it('tshark is installed (the checks below need it)', () => {
    expect(requireTshark()).toMatch(/TShark/i);
  }, 30_000);

  it('every scenario: tshark finds every checksum good, nothing malformed, no unexpected expert warning', () => {
    // One file for all scenarios (tshark starts once); each scenario on its own address pair.
    const { frames, ranges } = exportAll(SCENARIO_IDS, (id) => {
      const trace = runScenario(id, { profile: 'linux' });
      const k = SCENARIO_IDS.indexOf(id as (typeof SCENARIO_IDS)[number]);
      return traceFrames(trace, (ip) => (ip === trace.a.ip ? `10.${k}.0.1` : ip === trace.b.ip ? `10.${k}.0.2` : ip));
    });
    expect(ranges.every((r) => r.last >= r.first)).toBe(true);
    const file = join(dir, 'all-scenarios.pcap');
    writeFileSync(file, writePcap(frames, { linkType: LINKTYPE.ETHERNET }));
    expect(problemsByRange(tsharkProblems(file), ranges)).toEqual({});
  }, 60_000);

  it.each(SCENARIO_IDS.map((id) => [id]))('%s: importing the export gives back the wire segments, checksums verified', (id) => {
    const trace = runScenario(id, { profile: 'linux' });
    const bytes = traceToPcap(trace);
    const { segments, warnings } = decodeSegments(readCapture(bytes).packets);
    expect(warnings).toEqual([]);
    expect(segments.every((s) => s.tcp.checksumOk === true && s.ipChecksumOk === true)).toBe(true);
    const wire = wireSegments(trace);
    expect(segments.map((s) => [s.tcp.seq, s.tcp.payload.length])).toEqual(wire.map((w) => [w.segment.seq, w.segment.payload.length]));
  });

  it('a tshark check can fail: a flipped byte is reported as a bad checksum', () => {
    const bytes = traceToPcap(runScenario('normal-open', { profile: 'linux' }));
    bytes[bytes.length - 1]! ^= 0xff;
    const file = join(dir, 'damaged.pcap');
    writeFileSync(file, bytes);
    expect(tsharkProblems(file).join('\n')).toMatch(/TCP checksum status 0/);
  }, 30_000);
});

describe('states inferred from an exported capture match the engine that made it', () => {
  // Rows may differ where segments cross (the engine knows when each arrived, a capture does
  // not), so compare the path of states each side goes through, and where each ends.
  const path = (rows: { stateA: string; stateB: string }[], side: 'stateA' | 'stateB'): string[] =>
    rows.map((r) => r[side]).filter((s, i, all) => i === 0 || s !== all[i - 1]);
  const CASES = ['normal-open', 'data-on-third', 'close-3-segment', 'close-4-segment', 'server-closes-first', 'simultaneous-close', 'half-close', 'lost-fin', 'lost-final-ack', 'lost-syn', 'closed-port-rst'];
  it.each(CASES.map((id) => [id]))('%s', (id) => {
    const trace = runScenario(id, { profile: 'linux' });
    const truth = traceReport(trace).connections[0]!.segments;
    const imported = analyseCapture(traceToPcap(trace)).report.connections[0]!.segments;
    expect(imported).toHaveLength(truth.length);
    expect(path(imported, 'stateA')).toEqual(path(truth, 'stateA'));
    expect(path(imported, 'stateB')).toEqual(path(truth, 'stateB'));
  });
});
