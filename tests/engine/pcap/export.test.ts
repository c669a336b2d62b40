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
  // A side's state before it first acts is unknown to a capture (CLOSED/LISTEN), so leading
  // CLOSED/LISTEN entries are left out of the path.
  // A state the import marks unknown (null) is never wrong: it is compared as the engine's own.
  const path = (
    rows: { stateA: string | null; stateB: string | null }[],
    side: 'stateA' | 'stateB',
    truth?: { stateA: string | null; stateB: string | null }[],
  ): string[] => {
    const states = rows.map((r, i) => r[side] ?? truth?.[i]?.[side] ?? 'null').filter((s, i, all) => i === 0 || s !== all[i - 1]);
    while (states[0] === 'CLOSED' || states[0] === 'LISTEN') states.shift();
    return states;
  };
  // Not comparable, by design:
  // - rst-in-time-wait-rfc1337: a capture cannot show the tcp_rfc1337 switch; import assumes
  //   Linux's default (off), so the RST in TIME-WAIT closes A there.
  // - syn-flood, syn-flood-cookies: with a backlog the engine's B is the listening socket (it
  //   stays LISTEN, half-open entries sit in its queue), while a capture shows each half-open
  //   connection on its own, whose server side is SYN-RECEIVED (ss: SYN-RECV).
  // - accept-queue-full: the same (B is the listener; the other client's connection only fills
  //   its accept queue).
  // - old-duplicate-syn: the old SYN and the exchange it causes share the real connection's
  //   4-tuple with another ISN; the import splits them into a connection of their own.
  const NOT_COMPARABLE = new Set(['rst-in-time-wait-rfc1337', 'syn-flood', 'syn-flood-cookies', 'accept-queue-full', 'old-duplicate-syn']);
  it.each(SCENARIO_IDS.filter((id) => !NOT_COMPARABLE.has(id)).map((id) => [id]))('%s', (id) => {
    const trace = runScenario(id, { profile: 'linux' });
    const truth = traceReport(trace).connections;
    const imported = analyseCapture(traceToPcap(trace)).report.connections;
    expect(imported.map((c) => [c.a.replace(/:\d+$/, ''), c.segments.length])).toEqual(truth.map((c) => [c.a.replace(/:\d+$/, ''), c.segments.length]));
    truth.forEach((c, k) => {
      const mine = imported[k]!.segments;
      expect(path(mine, 'stateA', c.segments), `connection ${k + 1} A`).toEqual(path(c.segments, 'stateA'));
      expect(path(mine, 'stateB', c.segments), `connection ${k + 1} B`).toEqual(path(c.segments, 'stateB'));
    });
  });
});
