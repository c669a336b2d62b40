import { describe, expect, it } from 'vitest';
import { ISS, arrive, close, connect, deliver, drop, errors, fire, flagsOf, inSynReceived, net, reasons, sent, seg, states } from './harness.ts';

describe('SYN-RECEIVED (§3.10.7.4)', () => {
  it('SYN-RECEIVED: ACK of our SYN → ESTABLISHED', () => {
    const n = inSynReceived();
    deliver(n); // SYN+ACK → A
    const fx = deliver(n); // ACK → B
    expect(states(fx)).toEqual(['ESTABLISHED']);
    expect(n.ep.B.tcb?.sndUna).toBe(ISS.B + 1);
    expect(n.ep.B.timers.retransmit).toBeUndefined();
  });

  it('SYN-RECEIVED: unacceptable ACK → sends RST <SEQ=SEG.ACK>', () => {
    const n = inSynReceived();
    const fx = arrive(n, seg('A', ['ACK'], ISS.A + 1, 12345));
    const [rst] = sent(fx);
    expect(flagsOf(rst)).toBe('RST');
    expect(rst?.seq).toBe(12345);
    expect(n.ep.B.state).toBe('SYN-RECEIVED');
  });

  it('SYN-RECEIVED: RST (from a passive OPEN) → LISTEN', () => {
    const n = inSynReceived();
    const fx = arrive(n, seg('A', ['RST'], ISS.A + 1, 0));
    expect(states(fx)).toEqual(['LISTEN']);
    expect(n.ep.B.tcb).toBeNull();
  });

  it('SYN-RECEIVED: RST (from a simultaneous open) → CLOSED, connection refused', () => {
    const n = net();
    connect(n, 'A');
    connect(n, 'B');
    drop(n);
    deliver(n); // B's SYN → A: SYN-RECEIVED
    expect(n.ep.A.state).toBe('SYN-RECEIVED');
    const fx = arrive(n, seg('B', ['RST'], ISS.B + 1, 0));
    expect(states(fx)).toEqual(['CLOSED']);
    expect(errors(fx)).toEqual(['connection-refused']);
  });

  it('SYN-RECEIVED: retransmitted SYN → sends SYN+ACK again', () => {
    const n = inSynReceived();
    drop(n);
    const fx = arrive(n, seg('A', ['SYN'], ISS.A, 0));
    expect(reasons(fx)).toContain('syn-received-dup-syn');
    expect(flagsOf(sent(fx)[0])).toBe('SYN+ACK');
  });

  it('SYN-RECEIVED: retransmission timeout → resends SYN+ACK', () => {
    const n = inSynReceived();
    drop(n);
    const fx = fire(n, 'B', 'retransmit');
    const [sa] = sent(fx);
    expect(flagsOf(sa)).toBe('SYN+ACK');
    expect(sa?.seq).toBe(ISS.B);
  });

  it('SYN-RECEIVED: SYN+ACK repeating the SYN (simultaneous open) → ESTABLISHED, sends ACK', () => {
    const n = net();
    connect(n, 'A');
    connect(n, 'B');
    deliver(n); // A's SYN → B: SYN-RECEIVED, SYN+ACK out
    deliver(n); // B's SYN → A: SYN-RECEIVED, SYN+ACK out
    const fx = deliver(n); // B's SYN+ACK → A
    expect(states(fx)).toEqual(['ESTABLISHED']);
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
  });

  it('SYN-RECEIVED: synack retries exhausted → back to LISTEN', () => {
    const n = inSynReceived();
    drop(n);
    let fx = fire(n, 'B', 'retransmit');
    for (let i = 0; i < 5; i++) fx = fire(n, 'B', 'retransmit');
    expect(states(fx)).toEqual(['LISTEN']);
  });

  it('SYN-RECEIVED: CLOSE → FIN-WAIT-1, sends FIN', () => {
    const n = inSynReceived();
    const fx = close(n, 'B');
    expect(states(fx)).toEqual(['FIN-WAIT-1']);
    expect(flagsOf(sent(fx)[0])).toBe('ACK+FIN');
  });
});
