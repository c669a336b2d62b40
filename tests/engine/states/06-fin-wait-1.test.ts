import { describe, expect, it } from 'vitest';
import { ISS, arrive, deliver, drop, errors, fire, flagsOf, inEstablished, inFinWait1, close, send, sent, seg, states } from './harness.ts';

const A1 = ISS.A + 1;
const B1 = ISS.B + 1;

describe('FIN-WAIT-1 (§3.10.7.4)', () => {
  it('FIN-WAIT-1: ACK of our FIN → FIN-WAIT-2', () => {
    const n = inFinWait1();
    deliver(n); // FIN → B, ACK back
    const fx = deliver(n);
    expect(states(fx)).toEqual(['FIN-WAIT-2']);
  });

  it('FIN-WAIT-1: FIN that does not ACK ours → CLOSING, sends ACK', () => {
    const n = inFinWait1();
    drop(n);
    const fx = arrive(n, seg('B', ['FIN', 'ACK'], B1, A1));
    expect(states(fx)).toEqual(['CLOSING']);
    expect(sent(fx)[0]?.ack).toBe(B1 + 1);
  });

  it('FIN-WAIT-1: FIN+ACK of our FIN → TIME-WAIT directly, sends ACK', () => {
    const n = inFinWait1();
    drop(n);
    const fx = arrive(n, seg('B', ['FIN', 'ACK'], B1, A1 + 1));
    expect(states(fx)).toEqual(['TIME-WAIT']);
    expect(sent(fx)[0]?.ack).toBe(B1 + 1);
    expect(n.ep.A.timers['time-wait']).toBe(240_000);
  });

  it('FIN-WAIT-1: retransmission timeout → resends the FIN', () => {
    const n = inFinWait1();
    drop(n);
    const fx = fire(n, 'A', 'retransmit');
    const [fin] = sent(fx);
    expect(flagsOf(fin)).toBe('ACK+FIN');
    expect(fin?.seq).toBe(A1);
  });

  it('FIN-WAIT-1: data from the peer → delivered (the other direction is still open)', () => {
    const n = inFinWait1();
    drop(n);
    const fx = arrive(n, seg('B', ['ACK'], B1, A1, 'more'));
    expect(fx.some((e) => e.kind === 'deliver')).toBe(true);
    expect(n.ep.A.state).toBe('FIN-WAIT-1');
  });

  it('FIN-WAIT-1: SEND → error connection-closing', () => {
    const n = inFinWait1();
    expect(errors(send(n, 'A', 'late'))).toEqual(['connection-closing']);
  });

  it('FIN-WAIT-1: CLOSE after unacknowledged data → FIN takes the sequence number after the data', () => {
    const n = inEstablished();
    send(n, 'A', 'abc');
    drop(n);
    const fx = close(n, 'A');
    expect(states(fx)).toEqual(['FIN-WAIT-1']);
    const fin = sent(fx);
    expect(fin).toHaveLength(1);
    expect(fin[0]?.seq).toBe(A1 + 3);
  });

  it('FIN-WAIT-1: RST → CLOSED', () => {
    const n = inFinWait1();
    const fx = arrive(n, seg('B', ['RST'], B1, 0));
    expect(states(fx)).toEqual(['CLOSED']);
  });
});
