import { describe, expect, it } from 'vitest';
import { ISS, arrive, close, deliver, errors, fire, flagsOf, inSynSent, net, connect, reasons, send, sent, seg, states, drop, deliverAll } from './harness.ts';

describe('SYN-SENT (§3.10.7.3)', () => {
  it('SYN-SENT: SYN+ACK acceptable → ESTABLISHED, sends ACK', () => {
    const n = inSynSent();
    drop(n);
    const fx = arrive(n, seg('B', ['SYN', 'ACK'], 5000, ISS.A + 1));
    expect(states(fx)).toEqual(['ESTABLISHED']);
    const [ack] = sent(fx);
    expect(flagsOf(ack)).toBe('ACK');
    expect(ack?.seq).toBe(ISS.A + 1);
    expect(ack?.ack).toBe(5001);
    expect(n.ep.A.timers.retransmit).toBeUndefined();
  });

  it('SYN-SENT: SYN+ACK with an unacceptable ACK → sends RST <SEQ=SEG.ACK>, stays SYN-SENT', () => {
    const n = inSynSent();
    drop(n);
    const fx = arrive(n, seg('B', ['SYN', 'ACK'], 5000, 77));
    const [rst] = sent(fx);
    expect(flagsOf(rst)).toBe('RST');
    expect(rst?.seq).toBe(77);
    expect(n.ep.A.state).toBe('SYN-SENT');
  });

  it('SYN-SENT: RST+ACK acknowledging our SYN → CLOSED, connection refused', () => {
    const n = net();
    connect(n);
    const fx = deliver(n); // B is CLOSED: RST+ACK on the wire
    expect(reasons(fx)).toContain('closed-send-rst');
    const fx2 = deliver(n);
    expect(states(fx2)).toEqual(['CLOSED']);
    expect(errors(fx2)).toEqual(['connection-refused']);
  });

  it('SYN-SENT: RST without an acceptable ACK → ignored', () => {
    const n = inSynSent();
    const fx = arrive(n, seg('B', ['RST'], 0, 0));
    expect(reasons(fx)).toEqual(['syn-sent-rst-ignored']);
    expect(n.ep.A.state).toBe('SYN-SENT');
  });

  it('SYN-SENT: SYN (simultaneous open) → SYN-RECEIVED, sends SYN+ACK', () => {
    const n = inSynSent();
    drop(n);
    const fx = arrive(n, seg('B', ['SYN'], 5000, 0));
    expect(states(fx)).toEqual(['SYN-RECEIVED']);
    const [sa] = sent(fx);
    expect(flagsOf(sa)).toBe('SYN+ACK');
    expect(sa?.seq).toBe(ISS.A);
    expect(sa?.ack).toBe(5001);
  });

  it('SYN-SENT: segment with neither SYN nor RST → dropped', () => {
    const n = inSynSent();
    const fx = arrive(n, seg('B', ['ACK'], 5000, ISS.A + 1));
    expect(reasons(fx)).toEqual(['syn-sent-no-syn-drop']);
  });

  it('SYN-SENT: retransmission timeout → resends the SYN, RTO doubles (rfc profile)', () => {
    const n = inSynSent();
    drop(n);
    const fx = fire(n, 'A', 'retransmit');
    expect(flagsOf(sent(fx)[0])).toBe('SYN');
    expect(sent(fx)[0]?.seq).toBe(ISS.A);
    expect(n.ep.A.timers.retransmit).toBe(1000 + 2000);
  });

  it('SYN-SENT: retransmission timeouts (linux profile, 6.5+) → SYNs at 0, 1, 2, 3, 4, 5 s, then 7, 11, 19, 35, 67 s', () => {
    const n = inSynSent({ A: { profile: 'linux' } });
    const times = [0];
    drop(n);
    for (let i = 0; i < 10; i++) {
      fire(n, 'A', 'retransmit');
      times.push(n.now);
      drop(n);
    }
    expect(times).toEqual([0, 1000, 2000, 3000, 4000, 5000, 7000, 11000, 19000, 35000, 67000]);
  });

  it('SYN-SENT: retries exhausted (tcp_syn_retries + tcp_syn_linear_timeouts = 10) → CLOSED, connection timeout', () => {
    const n = inSynSent({ A: { profile: 'linux' } });
    let fx = fire(n, 'A', 'retransmit');
    for (let i = 0; i < 9; i++) {
      fx = fire(n, 'A', 'retransmit');
      expect(states(fx)).toEqual([]);
    }
    fx = fire(n, 'A', 'retransmit');
    expect(states(fx)).toEqual(['CLOSED']);
    expect(errors(fx)).toEqual(['connection-timeout']);
  });

  it('SYN-SENT: CLOSE → CLOSED, sends nothing', () => {
    const n = inSynSent();
    const fx = close(n, 'A');
    expect(states(fx)).toEqual(['CLOSED']);
    expect(sent(fx)).toHaveLength(0);
  });

  it("SYN-SENT: SEND → queued, then carried by the handshake's third segment", () => {
    const n = inSynSent();
    expect(sent(send(n, 'A', 'GET'))).toHaveLength(0);
    deliver(n);
    const fx = deliver(n);
    const [third] = sent(fx);
    expect(flagsOf(third)).toBe('ACK');
    expect(new TextDecoder().decode(third?.payload)).toBe('GET');
    deliverAll(n);
    expect(n.ep.B.tcb?.received.length).toBe(3);
  });
});
