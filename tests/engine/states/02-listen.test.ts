import { describe, expect, it } from 'vitest';
import { ISS, arrive, close, connect, deliver, errors, flagsOf, inListen, net, listen, reasons, send, sent, seg, states } from './harness.ts';

describe('LISTEN (§3.10.7.2)', () => {
  it('LISTEN: SYN → SYN-RECEIVED, sends SYN+ACK with ISS and ACK=SEG.SEQ+1', () => {
    const n = inListen();
    const fx = arrive(n, seg('A', ['SYN'], 1000, 0));
    expect(states(fx)).toEqual(['SYN-RECEIVED']);
    const [sa] = sent(fx);
    expect(flagsOf(sa)).toBe('SYN+ACK');
    expect(sa?.seq).toBe(ISS.B);
    expect(sa?.ack).toBe(1001);
    expect(n.ep.B.tcb?.irs).toBe(1000);
  });

  it('LISTEN: ACK → sends RST <SEQ=SEG.ACK>, stays LISTEN', () => {
    const n = inListen();
    const [rst] = sent(arrive(n, seg('A', ['ACK'], 1, 999)));
    expect(flagsOf(rst)).toBe('RST');
    expect(rst?.seq).toBe(999);
    expect(n.ep.B.state).toBe('LISTEN');
  });

  it('LISTEN: RST → ignored', () => {
    const n = inListen();
    const fx = arrive(n, seg('A', ['RST'], 1, 0));
    expect(sent(fx)).toHaveLength(0);
    expect(reasons(fx)).toEqual(['listen-rst-ignored']);
  });

  it('LISTEN: FIN without SYN or ACK → dropped', () => {
    const n = inListen();
    const fx = arrive(n, seg('A', ['FIN'], 1, 0));
    expect(sent(fx)).toHaveLength(0);
    expect(reasons(fx)).toEqual(['listen-other-drop']);
  });

  it('LISTEN: CLOSE → CLOSED', () => {
    const n = inListen();
    expect(states(close(n, 'B'))).toEqual(['CLOSED']);
  });

  it('LISTEN: SEND → error connection-does-not-exist', () => {
    const n = inListen();
    expect(errors(send(n, 'B', 'x'))).toEqual(['connection-does-not-exist']);
  });

  it('LISTEN: SYN with a full backlog → dropped, no record', () => {
    const n = net({ B: { backlog: 1 } });
    listen(n);
    arrive(n, { ...seg('A', ['SYN'], 1, 0), src: { ip: '203.0.113.9', port: 1 } });
    expect(n.ep.B.synQueue).toHaveLength(1);
    const fx = arrive(n, seg('A', ['SYN'], 1000, 0));
    expect(sent(fx)).toHaveLength(0);
    expect(reasons(fx)).toContain('listen-backlog-full-drop');
    expect(n.ep.B.state).toBe('LISTEN');
  });

  it('LISTEN: SYN with a full backlog and SYN cookies → SYN+ACK and no record; the returning ACK → ESTABLISHED', () => {
    const n = net({ B: { backlog: 1, synCookies: true } });
    listen(n);
    arrive(n, { ...seg('A', ['SYN'], 1, 0), src: { ip: '203.0.113.9', port: 1 } });
    n.wire.length = 0;
    connect(n);
    const fx = deliver(n); // A's SYN
    expect(reasons(fx)).toContain('listen-syn-cookie');
    expect(n.ep.B.synQueue).toHaveLength(1); // only the attacker's entry
    deliver(n); // SYN+ACK with the cookie → A ESTABLISHED, ACK on the wire
    expect(n.ep.A.state).toBe('ESTABLISHED');
    const fx2 = deliver(n);
    expect(reasons(fx2)).toContain('listen-cookie-ack');
    expect(n.ep.B.state).toBe('ESTABLISHED');
  });

  it('LISTEN: ACK with a forged cookie → RST, no connection', () => {
    const n = net({ B: { backlog: 1, synCookies: true } });
    listen(n);
    const fx = arrive(n, seg('A', ['ACK'], 1001, 123456));
    expect(reasons(fx)).toContain('listen-cookie-bad');
    expect(flagsOf(sent(fx)[0])).toBe('RST');
    expect(n.ep.B.state).toBe('LISTEN');
  });
});
