import { describe, expect, it } from 'vitest';
import { ISS, arrive, connect, deliver, errors, fire, flagsOf, inTimeWait, reasons, sent, seg, states } from './harness.ts';

const A1 = ISS.A + 1;
const B1 = ISS.B + 1;

describe('TIME-WAIT (§3.10.7.4, §3.4.2, RFC 1337)', () => {
  for (const [profile, ms] of [
    ['rfc', 240_000],
    ['linux', 60_000],
    ['windows', 120_000],
    ['macos', 30_000],
  ] as const) {
    it(`TIME-WAIT: timeout (${profile}: ${ms / 1000} s) → CLOSED`, () => {
      const n = inTimeWait({ A: { profile } });
      const entered = n.now;
      const fx = fire(n, 'A', 'time-wait');
      expect(states(fx)).toEqual(['CLOSED']);
      expect(n.now - entered).toBe(ms);
    });
  }

  it('TIME-WAIT: retransmitted FIN → sends ACK again and restarts the 2 MSL timer', () => {
    const n = inTimeWait();
    n.now = 100_000;
    const fx = arrive(n, seg('B', ['FIN', 'ACK'], B1, A1 + 1));
    expect(reasons(fx)).toContain('fin-time-wait-restart');
    expect(sent(fx)[0]?.ack).toBe(B1 + 1);
    expect(n.ep.A.timers['time-wait']).toBe(100_000 + 240_000);
  });

  it('TIME-WAIT: RST → CLOSED early (TIME-WAIT assassination)', () => {
    const n = inTimeWait();
    const fx = arrive(n, seg('B', ['RST'], B1 + 1, 0));
    expect(states(fx)).toEqual(['CLOSED']);
  });

  it('TIME-WAIT: RST with RFC 1337 → ignored, stays TIME-WAIT', () => {
    const n = inTimeWait({ A: { rfc1337: true } });
    const fx = arrive(n, seg('B', ['RST'], B1 + 1, 0));
    expect(reasons(fx)).toContain('rst-time-wait-ignored-rfc1337');
    expect(n.ep.A.state).toBe('TIME-WAIT');
  });

  it('TIME-WAIT: old duplicate data → sends ACK, stays TIME-WAIT', () => {
    const n = inTimeWait();
    const fx = arrive(n, seg('B', ['ACK'], B1 - 4, A1, 'old!'));
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
    expect(n.ep.A.state).toBe('TIME-WAIT');
  });

  it('TIME-WAIT of a passive opener: new SYN with a higher sequence number → SYN-RECEIVED (reopen, §3.6.1)', () => {
    const n = inTimeWait();
    n.ep.A = { ...n.ep.A, passive: true };
    const fx = arrive(n, seg('B', ['SYN'], B1 + 100_000, 0));
    expect(states(fx)).toEqual(['SYN-RECEIVED']);
    expect(flagsOf(sent(fx)[0])).toBe('SYN+ACK');
  });

  it('TIME-WAIT of a passive opener: new SYN inside the old window → SYN-RECEIVED too', () => {
    const n = inTimeWait();
    n.ep.A = { ...n.ep.A, passive: true };
    expect(states(arrive(n, seg('B', ['SYN'], B1 + 10, 0)))).toEqual(['SYN-RECEIVED']);
  });

  it.each(['rfc', 'linux'] as const)('TIME-WAIT of an active opener (%s; no listener to take the SYN): a new SYN is only ACKed, TIME-WAIT stays', (profile) => {
    const n = inTimeWait({ A: { profile }, B: { profile } });
    const fx = arrive(n, seg('B', ['SYN'], B1 + 100_000, 0));
    expect(states(fx)).toEqual([]);
    expect(n.ep.A.state).toBe('TIME-WAIT');
    expect(sent(fx).map(flagsOf)).toEqual(['ACK']);
  });

  it('TIME-WAIT: SYN with a lower sequence number (an old duplicate) → ACK, stays TIME-WAIT', () => {
    const n = inTimeWait();
    const fx = arrive(n, seg('B', ['SYN'], B1 - 10, 0));
    expect(n.ep.A.state).toBe('TIME-WAIT');
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
  });

  it('TIME-WAIT: active OPEN on the same port → error connection-already-exists', () => {
    const n = inTimeWait();
    expect(errors(connect(n, 'A'))).toEqual(['connection-already-exists']);
  });

  it('TIME-WAIT: the peer in LAST-ACK gets the final ACK → CLOSED; only the active closer waits', () => {
    const n = inTimeWait();
    expect(states(deliver(n))).toEqual(['CLOSED']);
    expect(n.ep.A.state).toBe('TIME-WAIT');
    void fire;
  });
});
