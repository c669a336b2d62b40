import { describe, expect, it } from 'vitest';
import { ADDR, ISS, connect, errors, flagsOf, input, listen, net, reasons, sent, seg, arrive, states, close } from './harness.ts';

describe('CLOSED (§3.10.7.1, §3.10.1)', () => {
  it('CLOSED: SYN → sends RST+ACK <SEQ=0><ACK=SEG.SEQ+1>, stays CLOSED', () => {
    const n = net();
    const fx = arrive(n, seg('A', ['SYN'], 777, 0));
    const [rst] = sent(fx);
    expect(flagsOf(rst)).toBe('ACK+RST');
    expect(rst?.seq).toBe(0);
    expect(rst?.ack).toBe(778);
    expect(rst?.window).toBe(0);
    expect(n.ep.B.state).toBe('CLOSED');
    expect(reasons(fx)).toContain('closed-send-rst');
  });

  it('CLOSED: ACK → sends RST <SEQ=SEG.ACK>', () => {
    const n = net();
    const [rst] = sent(arrive(n, seg('A', ['ACK'], 10, 4242)));
    expect(flagsOf(rst)).toBe('RST');
    expect(rst?.seq).toBe(4242);
  });

  it('CLOSED: RST → ignored, sends nothing', () => {
    const n = net();
    const fx = arrive(n, seg('A', ['RST'], 10, 0));
    expect(sent(fx)).toHaveLength(0);
    expect(reasons(fx)).toEqual(['closed-rst-ignored']);
  });

  it('CLOSED: passive OPEN → LISTEN', () => {
    const n = net();
    expect(states(listen(n))).toEqual(['LISTEN']);
    expect(n.ep.B.tcb).toBeNull();
  });

  it('CLOSED: active OPEN → SYN-SENT, sends SYN with the ISS and starts the retransmission timer', () => {
    const n = net();
    const fx = connect(n);
    expect(states(fx)).toEqual(['SYN-SENT']);
    const [syn] = sent(fx);
    expect(flagsOf(syn)).toBe('SYN');
    expect(syn?.seq).toBe(ISS.A);
    expect(syn?.dst).toEqual(ADDR.B);
    expect(n.ep.A.timers.retransmit).toBe(1000);
    expect(n.ep.A.tcb?.sndNxt).toBe(ISS.A + 1);
  });

  it('CLOSED: SEND → error connection-does-not-exist', () => {
    const n = net();
    expect(errors(input(n, 'A', { kind: 'user', call: { call: 'SEND', data: new Uint8Array([1]) } }))).toEqual(['connection-does-not-exist']);
  });

  it('CLOSED: CLOSE → error connection-does-not-exist', () => {
    const n = net();
    expect(errors(close(n, 'A'))).toEqual(['connection-does-not-exist']);
  });
});
