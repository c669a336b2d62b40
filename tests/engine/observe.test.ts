/**
 * observe() (the engine's public state inference, ms units) is inferStates (pcap/infer.ts) and
 * nothing else: on the engine's own exports, segments lost after the capture point included, it
 * must give, row by row, the states the engine's trace went through. The old observe() did not
 * (lost-syn, lost-syn-ack, lost-third-ack, lost-final-ack); these rows are the ones it got wrong.
 * The basic cases (close-3-segment, simultaneous-close, closed-port-rst, mid-connection, empty)
 * stay in tests/engine/core.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, wireSegments } from '../../src/engine/index.ts';
import { observe } from '../../src/engine/observe.ts';
import type { ObservedSegment } from '../../src/engine/index.ts';
import { inferStates } from '../../src/engine/pcap/infer.ts';
import { traceReport } from '../../src/engine/pcap/index.ts';

/** Every segment the engine put on the wire, dropped ones too (a capture at the sender sees them). */
const captured = (id: string): ObservedSegment[] =>
  wireSegments(runScenario(id, { profile: 'linux' })).map((w) => ({ t: w.t, from: w.from, segment: w.segment }));
const pairs = (rows: { stateA: string | null; stateB: string | null }[]): string[] => rows.map((r) => `${r.stateA}/${r.stateB}`);
/** The engine's own states after each wire segment was handled, all connections on the 4-tuple in order. */
const truth = (id: string): string[] => traceReport(runScenario(id, { profile: 'linux' })).connections.flatMap((c) => pairs(c.segments));

describe('observe = inferStates, in ms', () => {
  it("passes t (ms) and from through and gives exactly inferStates' states and notes", () => {
    const segs = captured('lost-final-ack');
    const steps = observe(segs);
    expect(steps.map((s) => [s.t, s.from])).toEqual(segs.map((s) => [s.t, s.from]));
    const direct = inferStates(segs.map((s) => ({ t: s.t / 1000, from: s.from, segment: s.segment })));
    expect(steps.map(({ stateA, stateB, notes }) => ({ stateA, stateB, notes }))).toEqual(direct);
  });

  it.each([['lost-syn'], ['lost-syn-ack'], ['lost-third-ack'], ['lost-final-ack'], ['lost-fin'], ['close-4-segment']])(
    "%s: every row equals the engine's trace, lost segments included",
    (id) => {
      expect(pairs(observe(captured(id)))).toEqual(truth(id));
    },
  );

  // Where the capture cannot tell, the state is unknown (null), on that row only.
  it('server-closes-first: the server is unknown between the ACK of its FIN and the client FIN 60 ms later', () => {
    // A lost ACK would leave no trace: the client's FIN (acknowledging as much) comes before any retransmission.
    const want = truth('server-closes-first');
    const k = want.indexOf('CLOSE-WAIT/FIN-WAIT-2');
    expect(pairs(observe(captured('server-closes-first')))).toEqual(want.map((p, i) => (i === k ? 'CLOSE-WAIT/null' : p)));
  });

  it('rst-in-time-wait: the client is unknown once the RST is sent to it (a lost RST leaves no trace)', () => {
    const want = truth('rst-in-time-wait');
    expect(pairs(observe(captured('rst-in-time-wait')))).toEqual(want.map((p, i) => (i === want.length - 1 ? 'null/CLOSED' : p)));
  });

  it('lost-syn: the dropped SYN leaves the server in LISTEN (not SYN-RECEIVED)', () => {
    const steps = observe(captured('lost-syn'));
    expect(steps[0]).toMatchObject({ stateA: 'SYN-SENT', stateB: 'LISTEN' });
    expect(steps[0]!.notes.join()).toMatch(/not received by B: A sent the SYN again/);
    expect(steps[1]).toMatchObject({ stateA: 'SYN-SENT', stateB: 'SYN-RECEIVED' });
  });

  it('lost-syn-ack: the client stays SYN-SENT while its SYN,ACK is lost and the server resends it', () => {
    const segs = captured('lost-syn-ack');
    const steps = observe(segs);
    const dropped = wireSegments(runScenario('lost-syn-ack', { profile: 'linux' })).findIndex((w) => w.dropped);
    expect(segs[dropped]!.segment.flags).toMatchObject({ SYN: true, ACK: true });
    expect(steps[dropped]!.stateA).toBe('SYN-SENT');
    expect(steps[dropped + 1]!.stateA).toBe('SYN-SENT');
    expect(pairs(steps).at(-1)).toBe(truth('lost-syn-ack').at(-1));
  });

  it('lost-third-ack: the server stays SYN-RECEIVED after the lost ACK until it hears from the client again', () => {
    const steps = observe(captured('lost-third-ack'));
    expect(steps[2]).toMatchObject({ stateA: 'ESTABLISHED', stateB: 'SYN-RECEIVED' });
    expect(steps[3]).toMatchObject({ stateA: 'ESTABLISHED', stateB: 'SYN-RECEIVED' });
  });

  it('lost-final-ack: the server stays LAST-ACK and retransmits its FIN from there, not from CLOSED', () => {
    const steps = observe(captured('lost-final-ack'));
    expect(steps[9]).toMatchObject({ stateA: 'TIME-WAIT', stateB: 'LAST-ACK' });
    expect(steps[10]).toMatchObject({ stateA: 'TIME-WAIT', stateB: 'LAST-ACK' });
    expect(pairs(steps).at(-1)).toBe('TIME-WAIT/CLOSED');
  });

  it('time-wait-too-short: the second connection on the same ports is inferred afresh, as the engine ran it', () => {
    const steps = observe(captured('time-wait-too-short'));
    // The old duplicate of the first connection's data is captured in the first connection, so
    // A's ACK of it in the second is of bytes the capture never shows there: unknown from then on.
    const want = truth('time-wait-too-short');
    const firstUnknown = steps.findIndex((s) => s.stateA === null);
    expect(steps[firstUnknown]!.notes.join()).toMatch(/segment not captured/);
    expect(pairs(steps).slice(0, firstUnknown)).toEqual(want.slice(0, firstUnknown));
    expect(
      pairs(steps)
        .slice(firstUnknown)
        .every((p) => p === 'null/null'),
    ).toBe(true);
    const second = steps.findIndex((s, i) => i > 0 && s.stateA === 'SYN-SENT');
    expect(second).toBeGreaterThan(0);
    expect(steps[second]!.notes.join()).toMatch(/new connection on the same ports/);
  });

  it("the profile sets the timers the inference runs: 100 s after the close, Linux's TIME-WAIT (60 s) is over, RFC 9293's (240 s) is not", () => {
    const segs = captured('close-3-segment');
    const finB = segs.find((s) => s.from === 'B' && s.segment.flags.FIN)!;
    const late = [...segs, { ...finB, t: segs.at(-1)!.t + 100_000 }];
    expect(observe(late).at(-1)!.stateA).toBe('CLOSED');
    expect(observe(late, { profile: 'linux' }).at(-1)!.stateA).toBe('CLOSED');
    expect(observe(late, { profile: 'rfc' }).at(-1)!.stateA).toBe('TIME-WAIT');
  });
});
