// Checks that pin behaviour a mutation once changed without any test noticing, and the smaller
// deviations from RFC 9293 / Linux that were fixed: each names what it guards.
import { describe, expect, it } from 'vitest';
import { runScenario, wireSegments } from '../../src/engine/index.ts';
import { traceReport } from '../../src/engine/pcap/index.ts';
import { arrive, inEstablished, reasons, sent, seg, states, flagsOf, type Net } from './states/harness.ts';

const RCV = 5001; // A's RCV.NXT in inEstablished (B's ISS 5000 + SYN)

function withRcvWnd(n: Net, wnd: number): void {
  const tcb = n.ep.A.tcb;
  if (!tcb) throw new Error('no TCB');
  n.ep.A = { ...n.ep.A, tcb: { ...tcb, rcvWnd: wnd } };
}

describe('RST acceptability (RFC 5961 §3.2, RFC 9293 §3.10.7.4)', () => {
  it('an RST outside the receive window is dropped silently: no reset, no answer', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('B', ['RST'], RCV + 200_000, 0));
    expect(states(fx)).toEqual([]);
    expect(sent(fx)).toEqual([]);
    expect(n.ep.A.state).toBe('ESTABLISHED');
    expect(reasons(fx)).toEqual(['seq-unacceptable-drop']);
  });

  it('an RST carrying data that starts below RCV.NXT gets a challenge ACK, not a reset (exact match before trimming)', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('B', ['RST'], RCV - 2, 0, 'abcd'));
    expect(n.ep.A.state).toBe('ESTABLISHED');
    expect(reasons(fx)).toContain('rst-data-challenge-ack');
    expect(sent(fx).map(flagsOf)).toEqual(['ACK']);
  });
});

describe('challenge ACK rate limit (RFC 5961 §7; Linux tcp_invalid_ratelimit 500 ms)', () => {
  it('a second unacceptable segment within 500 ms gets no ACK; after 500 ms the next one does', () => {
    const n = inEstablished();
    expect(sent(arrive(n, seg('B', ['RST'], RCV + 10, 0))).map(flagsOf)).toEqual(['ACK']);
    const second = arrive(n, seg('B', ['RST'], RCV + 20, 0));
    expect(sent(second)).toEqual([]);
    expect(reasons(second)).toContain('invalid-ack-rate-limited');
    n.now += 500;
    expect(sent(arrive(n, seg('B', ['RST'], RCV + 30, 0))).map(flagsOf)).toEqual(['ACK']);
  });
});

describe('zero receive window (§3.10.7.4 acceptability table)', () => {
  it('a zero-length segment is acceptable only at SEG.SEQ = RCV.NXT', () => {
    const n = inEstablished();
    withRcvWnd(n, 0);
    const off = arrive(n, seg('B', ['ACK'], RCV + 3, 1001));
    expect(reasons(off)).toContain('seq-unacceptable-ack');
    expect(sent(off).map(flagsOf)).toEqual(['ACK']);
    const at = arrive(n, seg('B', ['ACK'], RCV, 1001));
    expect(reasons(at)).not.toContain('seq-unacceptable-ack');
  });
});

describe('TS.Recent (RFC 7323 §4.3)', () => {
  it("follows the peer: the final ACK echoes the TSval of the FIN it acknowledges, not the handshake's", () => {
    const ws = wireSegments(runScenario('close-3-segment', { isn: 'random', seed: 5 }));
    const finB = ws.find((w) => w.from === 'B' && w.segment.flags.FIN);
    const lastA = ws.filter((w) => w.from === 'A').at(-1);
    const synAck = ws.find((w) => w.from === 'B' && w.segment.flags.SYN);
    expect(lastA?.segment.options.timestamps?.tsecr).toBe(finB?.segment.options.timestamps?.tsval);
    expect(lastA?.segment.options.timestamps?.tsecr).not.toBe(synAck?.segment.options.timestamps?.tsval);
  });
});

describe('scenario report rows of outside clients', () => {
  const outsiderStates = (id: string): (string | null)[][] =>
    traceReport(runScenario(id))
      .connections.filter((c) => c.a.startsWith('203.0.113.'))
      .map((c) => c.segments.map((s) => s.stateB));

  it('syn-flood: a spoofed SYN that got a SYN queue entry shows B SYN-RECEIVED; the dropped ones LISTEN', () => {
    const rows = outsiderStates('syn-flood');
    expect(rows.slice(0, 4).every((r) => r.every((s) => s === 'SYN-RECEIVED'))).toBe(true);
    expect(rows.slice(4).flat()).toEqual(['LISTEN', 'LISTEN']);
  });

  it('syn-flood-cookies: no spoofed row shows B ESTABLISHED (a cookie keeps no record: LISTEN)', () => {
    const rows = outsiderStates('syn-flood-cookies');
    expect(rows.flat()).not.toContain('ESTABLISHED');
    expect(rows.slice(4).flat()).toEqual(['LISTEN', 'LISTEN', 'LISTEN', 'LISTEN']);
  });
});
