import { describe, expect, it } from 'vitest';
import { ISS, arrive, close, deliverAll, errors, flagsOf, inFinWait2, send, sent, seg, states } from './harness.ts';

const A1 = ISS.A + 1;
const B1 = ISS.B + 1;

describe('CLOSE-WAIT (§3.10.4, §3.10.7.4)', () => {
  it('CLOSE-WAIT: CLOSE → LAST-ACK, sends FIN', () => {
    const n = inFinWait2();
    expect(n.ep.B.state).toBe('CLOSE-WAIT');
    const fx = close(n, 'B');
    expect(states(fx)).toEqual(['LAST-ACK']);
    const [fin] = sent(fx);
    expect(flagsOf(fin)).toBe('ACK+FIN');
    expect(fin?.ack).toBe(A1 + 1);
  });

  it('CLOSE-WAIT: SEND → the data goes out (half-close)', () => {
    const n = inFinWait2();
    const fx = send(n, 'B', 'still here');
    expect(sent(fx)[0]?.payload.length).toBe(10);
    deliverAll(n);
    expect(new TextDecoder().decode(n.ep.A.tcb?.received)).toBe('still here');
  });

  it('CLOSE-WAIT: retransmitted FIN → ACK again, stays CLOSE-WAIT', () => {
    const n = inFinWait2();
    const fx = arrive(n, seg('A', ['FIN', 'ACK'], A1, B1));
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
    expect(sent(fx)[0]?.ack).toBe(A1 + 1);
    expect(n.ep.B.state).toBe('CLOSE-WAIT');
  });

  it('CLOSE-WAIT: RST → CLOSED, connection reset', () => {
    const n = inFinWait2();
    const fx = arrive(n, seg('A', ['RST'], A1 + 1, 0));
    expect(states(fx)).toEqual(['CLOSED']);
    expect(errors(fx)).toEqual(['connection-reset']);
  });
});
