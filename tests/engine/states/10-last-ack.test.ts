import { describe, expect, it } from 'vitest';
import { ISS, arrive, deliver, drop, fire, flagsOf, inLastAck, sent, seg, states } from './harness.ts';

describe('LAST-ACK (§3.10.7.4)', () => {
  it('LAST-ACK: ACK of our FIN → CLOSED', () => {
    const n = inLastAck();
    deliver(n); // FIN → A, final ACK back
    const fx = deliver(n);
    expect(states(fx)).toEqual(['CLOSED']);
    expect(n.ep.B.tcb).toBeNull();
  });

  it('LAST-ACK: retransmission timeout (final ACK lost) → resends the FIN', () => {
    const n = inLastAck();
    deliver(n);
    drop(n); // the final ACK
    const fx = fire(n, 'B', 'retransmit');
    expect(flagsOf(sent(fx)[0])).toBe('ACK+FIN');
    expect(n.ep.B.state).toBe('LAST-ACK');
  });

  it('LAST-ACK: RST → CLOSED', () => {
    const n = inLastAck();
    const fx = arrive(n, seg('A', ['RST'], ISS.A + 2, 0));
    expect(states(fx)).toEqual(['CLOSED']);
  });
});
