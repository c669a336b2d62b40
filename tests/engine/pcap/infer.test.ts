/**
 * State inference for imported captures (src/engine/pcap/infer.ts): the cases a capture makes
 * hard, each checked against what the endpoints really went through.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { flags, runScenario, wireSegments } from '../../../src/engine/index.ts';
import type { Segment } from '../../../src/engine/index.ts';
import { analyseCapture } from '../../../src/engine/pcap/index.ts';
import { inferStates, type ObservedInput } from '../../../src/engine/pcap/infer.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const pairs = (steps: { stateA: string | null; stateB: string | null }[]): string[] => steps.map((s) => `${s.stateA}/${s.stateB}`);

/** A capture being built by hand: A (client) and B (server) already through the handshake, ISNs 1000 and 5000. */
function handshaken(MSS: number) {
  const A = { ip: '192.0.2.1', port: 5000 };
  const B = { ip: '192.0.2.2', port: 80 };
  const data = new Uint8Array(MSS);
  const seg = (src: typeof A, dst: typeof A, seq: number, ack: number, f: Segment['flags'], len = 0): Segment => ({
    src,
    dst,
    seq,
    ack,
    flags: f,
    window: 65535,
    options: {},
    payload: len ? data : new Uint8Array(0),
  });
  const input: ObservedInput[] = [];
  let t = 0;
  const add = (from: 'A' | 'B', s: Segment): void => {
    input.push({ t: (t += 0.0001), from, segment: s });
  };
  add('A', seg(A, B, 1000, 0, flags('SYN')));
  add('B', seg(B, A, 5000, 1001, flags('SYN', 'ACK')));
  add('A', seg(A, B, 1001, 5001, flags('ACK')));
  return { A, B, MSS, seg, add, input };
}

describe('inferStates', () => {
  it('a capture that starts mid-connection: both states unknown until both FINs are seen, then the teardown as usual', () => {
    const a = analyseCapture(fixture('broken/midconnection.pcap'));
    expect(pairs(a.report.connections[0]!.segments)).toEqual(['null/null', 'TIME-WAIT/LAST-ACK', 'TIME-WAIT/CLOSED']);
    expect(a.details[0]![0]!.notes[0]).toMatch(/mid-connection/);
    expect(a.warnings.map((w) => w.code)).toEqual(['mid-connection']);
  });

  it('a final ACK lost after the capture point: the server stays in LAST-ACK until the re-ACK', () => {
    const wire = wireSegments(runScenario('lost-final-ack', { profile: 'linux' }));
    const steps = inferStates(wire.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    const dropped = wire.findIndex((w) => w.dropped);
    expect(steps[dropped]!.stateB).toBe('LAST-ACK');
    expect(steps[dropped]!.notes.join()).toMatch(/not received by B/);
    expect(pairs(steps).at(-1)).toBe('TIME-WAIT/CLOSED');
  });

  it("an ACK that crossed the peer's FIN, then the side's own FIN acknowledging it: CLOSE-WAIT, LAST-ACK, CLOSED, not unknown", () => {
    // As in bgp-lu-multiple-labels.pcap (tcpdump's test captures): the ACK was sent before B's FIN
    // arrived, which A's FIN then acknowledges; nothing contradicts A's states.
    const { A, B, seg, add, input } = handshaken(0);
    add('B', seg(B, A, 5001, 1001, flags('ACK', 'FIN')));
    add('A', seg(A, B, 1001, 5001, flags('ACK')));
    add('A', seg(A, B, 1001, 5002, flags('ACK', 'FIN')));
    add('B', seg(B, A, 5002, 1002, flags('ACK')));
    expect(pairs(inferStates(input)).slice(3)).toEqual(['ESTABLISHED/FIN-WAIT-1', 'CLOSE-WAIT/FIN-WAIT-1', 'LAST-ACK/TIME-WAIT', 'CLOSED/TIME-WAIT']);
  });

  it('a long transfer replays in linear time (7 MB in 5000 segments, bounded well below a quadratic replay)', () => {
    const { A, B, MSS, seg, add, input } = handshaken(1448);
    let next = 1001;
    for (let i = 0; i < 5000; i++) {
      add('A', seg(A, B, next, 5001, flags('ACK', 'PSH'), MSS));
      next += MSS;
      if (i % 2 === 1) add('B', seg(B, A, 5001, next, flags('ACK')));
    }
    add('A', seg(A, B, next, 5001, flags('FIN', 'ACK')));
    add('B', seg(B, A, 5001, next + 1, flags('FIN', 'ACK')));
    add('A', seg(A, B, next + 1, 5002, flags('ACK')));
    const started = performance.now();
    const steps = inferStates(input);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(pairs(steps).slice(-3)).toEqual(['FIN-WAIT-1/CLOSE-WAIT', 'TIME-WAIT/LAST-ACK', 'TIME-WAIT/CLOSED']);
  }, 60_000);

  it('ACKs lagging far behind the data (much in flight) do not count as crossing: states stay right', () => {
    const { A, B, MSS, seg, add, input } = handshaken(1000);
    let next = 1001;
    const LAG = 200; // segments in flight: 200 kB, more than an unscaled window
    for (let i = 0; i < 600; i++) {
      add('A', seg(A, B, next, 5001, flags('ACK', 'PSH'), MSS));
      next += MSS;
      if (i % 2 === 1 && i > LAG) add('B', seg(B, A, 5001, next - LAG * MSS, flags('ACK')));
    }
    add('A', seg(A, B, next, 5001, flags('FIN', 'ACK')));
    add('B', seg(B, A, 5001, next + 1, flags('FIN', 'ACK')));
    add('A', seg(A, B, next + 1, 5002, flags('ACK')));
    const steps = inferStates(input);
    expect(steps.every((s) => s.notes.length === 0)).toBe(true);
    expect(pairs(steps).slice(-3)).toEqual(['FIN-WAIT-1/CLOSE-WAIT', 'TIME-WAIT/LAST-ACK', 'TIME-WAIT/CLOSED']);
  }, 60_000);

  it("a capture that starts mid-connection with the server's segment: addresses come from each side's own segments", () => {
    // close-4-segment from the server's ACK of the client's FIN on: the capture missed that FIN.
    const wire = wireSegments(runScenario('close-4-segment', { profile: 'linux' }));
    const finA = wire.findIndex((w) => w.from === 'A' && w.segment.flags.FIN);
    const tail = wire.slice(finA + 1);
    expect(tail[0]!.from).toBe('B');
    const steps = inferStates(tail.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    expect(steps[0]!.notes.join()).toMatch(/mid-connection/);
    // A's FIN is not in the capture, so nothing proves either side's state (B's FIN alone could
    // come from FIN-WAIT-1 or LAST-ACK): unknown throughout, never a guess.
    expect(pairs(steps)).toEqual(['null/null', 'null/null', 'null/null']);
  });

  it("a capture of one direction only (A sends nothing): no crash, B's own states follow its segments", () => {
    const onlyB = wireSegments(runScenario('close-4-segment', { profile: 'linux' }))
      .filter((w) => w.from === 'B')
      .slice(2);
    const steps = inferStates(onlyB.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    expect(steps).toHaveLength(onlyB.length);
    expect(steps[0]!.notes.join()).toMatch(/mid-connection/);
    expect(steps.at(-1)!.stateB).toBeNull();
  });

  it('a FIN sent again with no answer in between: the first copy was lost, the receiver stays ESTABLISHED until the retransmission', () => {
    const wire = wireSegments(runScenario('lost-fin', { profile: 'linux' }));
    const steps = inferStates(wire.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    const dropped = wire.findIndex((w) => w.dropped);
    expect(wire[dropped]!.segment.flags.FIN).toBe(true);
    expect(steps[dropped]).toMatchObject({ stateA: 'FIN-WAIT-1', stateB: 'ESTABLISHED' });
    expect(steps[dropped]!.notes.join()).toMatch(/not received by B: A sent the FIN again with no answer in between/);
    expect(steps[dropped + 1]).toMatchObject({ stateA: 'FIN-WAIT-1', stateB: 'CLOSE-WAIT' });
  });

  it('a new SYN after the connection ended starts a new connection on the same ports; the first one is left as it ended', () => {
    const wire = wireSegments(runScenario('time-wait-too-short', { profile: 'linux' }));
    const steps = inferStates(wire.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    const second = wire.findIndex((w, i) => i > 0 && w.from === 'A' && w.segment.flags.SYN);
    expect(second).toBeGreaterThan(0);
    expect(pairs(steps.slice(0, second)).at(-1)).toBe('TIME-WAIT/CLOSED');
    expect(steps.slice(0, second).some((s) => s.notes.length > 0)).toBe(false);
    expect(steps[second]).toMatchObject({ stateA: 'SYN-SENT', stateB: 'SYN-RECEIVED' });
    expect(steps[second]!.notes.join()).toMatch(/new connection on the same ports/);
  });

  it('nothing to infer from nothing', () => {
    expect(inferStates([])).toEqual([]);
  });

  it('a closed port: the server side never has a record', () => {
    const A = { ip: '192.0.2.1', port: 5000 };
    const B = { ip: '192.0.2.2', port: 80 };
    const seg = (src: typeof A, dst: typeof A, seq: number, ack: number, f: Segment['flags']): Segment => ({
      src,
      dst,
      seq,
      ack,
      flags: f,
      window: 0,
      options: {},
      payload: new Uint8Array(0),
    });
    const input: ObservedInput[] = [
      { t: 0, from: 'A', segment: seg(A, B, 1000, 0, flags('SYN')) },
      { t: 0.001, from: 'B', segment: seg(B, A, 0, 1001, flags('RST', 'ACK')) },
    ];
    expect(pairs(inferStates(input))).toEqual(['SYN-SENT/CLOSED', 'CLOSED/CLOSED']);
  });

  it('sequence numbers across the 2^32 wrap change nothing', () => {
    const trace = runScenario('close-3-segment', { profile: 'linux' });
    const wire = wireSegments(trace);
    const shift = (n: number, by: number): number => (n + by) % 0x1_0000_0000;
    const isnA = wire[0]!.segment.seq;
    const isnB = wire[1]!.segment.seq;
    // Move both ISNs to 3 below 2^32, so the data and the FINs cross the wrap.
    const byA = 0x1_0000_0000 - 3 - isnA;
    const byB = 0x1_0000_0000 - 3 - isnB;
    const moved = wire.map((w) => {
      const mine = w.from === 'A' ? byA : byB;
      const theirs = w.from === 'A' ? byB : byA;
      return {
        t: w.t / 1000,
        from: w.from,
        segment: { ...w.segment, seq: shift(w.segment.seq, mine + 0x1_0000_0000), ack: w.segment.flags.ACK ? shift(w.segment.ack, theirs + 0x1_0000_0000) : 0 },
      };
    });
    const plain = inferStates(wire.map((w) => ({ t: w.t / 1000, from: w.from, segment: w.segment })));
    expect(pairs(inferStates(moved))).toEqual(pairs(plain));
    expect(pairs(plain).at(-1)).toBe('TIME-WAIT/CLOSED');
  });
});
