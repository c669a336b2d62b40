import { describe, expect, it } from 'vitest';
import { ISS, arrive, deliver, drop, fire, flagsOf, inClosing, sent, seg, states } from './harness.ts';

describe('CLOSING (§3.10.7.4)', () => {
  it('CLOSING: ACK of our FIN → TIME-WAIT', () => {
    const n = inClosing();
    expect([n.ep.A.state, n.ep.B.state]).toEqual(['CLOSING', 'CLOSING']);
    const fx = deliver(n); // B's ACK → A
    expect(states(fx)).toEqual(['TIME-WAIT']);
    expect(states(deliver(n))).toEqual(['TIME-WAIT']);
  });

  it('CLOSING: RST → CLOSED', () => {
    const n = inClosing();
    const fx = arrive(n, seg('B', ['RST'], ISS.B + 2, 0));
    expect(states(fx)).toEqual(['CLOSED']);
  });

  it('CLOSING: retransmission timeout → resends the FIN', () => {
    const n = inClosing();
    drop(n);
    drop(n);
    const fx = fire(n, 'A', 'retransmit');
    expect(flagsOf(sent(fx)[0])).toBe('ACK+FIN');
  });
});
