import { describe, expect, it } from 'vitest';
import { ISS, abort, arrive, close, deliver, deliverAll, drop, errors, fire, flagsOf, inEstablished, reasons, send, sent, seg, states } from './harness.ts';

const A1 = ISS.A + 1;
const B1 = ISS.B + 1;

describe('ESTABLISHED (§3.10.7.4)', () => {
  it('ESTABLISHED: in-order data → delivered, RCV.NXT advances, sends ACK', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['ACK', 'PSH'], A1, B1, 'ping'));
    expect(fx.some((e) => e.kind === 'deliver')).toBe(true);
    expect(n.ep.B.tcb?.rcvNxt).toBe(A1 + 4);
    expect(sent(fx)[0]?.ack).toBe(A1 + 4);
  });

  it('ESTABLISHED: out-of-order data → held with a duplicate ACK; filling the gap delivers both in order', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['ACK'], A1 + 2, B1, 'cd'));
    expect(reasons(fx)).toContain('text-out-of-order');
    expect(sent(fx)[0]?.ack).toBe(A1);
    arrive(n, seg('A', ['ACK'], A1, B1, 'ab'));
    expect(new TextDecoder().decode(n.ep.B.tcb?.received)).toBe('abcd');
    expect(n.ep.B.tcb?.rcvNxt).toBe(A1 + 4);
  });

  it('ESTABLISHED: segment outside the window → sends ACK and drops it (RFC 5961)', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['ACK'], A1 + 10_000_000, B1, 'x'));
    expect(reasons(fx)).toContain('seq-unacceptable-ack');
    const [ack] = sent(fx);
    expect(flagsOf(ack)).toBe('ACK');
    expect(ack?.ack).toBe(A1);
    expect(n.ep.B.state).toBe('ESTABLISHED');
  });

  it('ESTABLISHED: FIN → CLOSE-WAIT, ACKs the FIN at once (no delayed ACK)', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['FIN', 'ACK'], A1, B1));
    expect(states(fx)).toEqual(['CLOSE-WAIT']);
    expect(sent(fx)[0]?.ack).toBe(A1 + 1);
    expect(fx.some((e) => e.kind === 'eof')).toBe(true);
  });

  it('ESTABLISHED: FIN with delayed ACK (linux) → CLOSE-WAIT, the ACK leaves 40 ms later', () => {
    const n = inEstablished({ A: { profile: 'linux', delayedAck: true }, B: { profile: 'linux', delayedAck: true } });
    const fx = arrive(n, seg('A', ['FIN', 'ACK'], A1, B1));
    expect(states(fx)).toEqual(['CLOSE-WAIT']);
    expect(sent(fx)).toHaveLength(0);
    expect(n.ep.B.timers['delayed-ack']).toBe(40);
    const fx2 = fire(n, 'B', 'delayed-ack');
    expect(sent(fx2)[0]?.ack).toBe(A1 + 1);
  });

  it('ESTABLISHED: RST at RCV.NXT → CLOSED, connection reset', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['RST'], A1, 0));
    expect(states(fx)).toEqual(['CLOSED']);
    expect(errors(fx)).toEqual(['connection-reset']);
  });

  it('ESTABLISHED: RST in the window but not at RCV.NXT → challenge ACK, stays ESTABLISHED', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['RST'], A1 + 100, 0));
    expect(reasons(fx)).toContain('rst-challenge-ack');
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
    expect(n.ep.B.state).toBe('ESTABLISHED');
  });

  it('ESTABLISHED: SYN → challenge ACK, stays ESTABLISHED', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['SYN'], A1 + 5, 0));
    expect(reasons(fx)).toContain('syn-challenge-ack');
    expect(n.ep.B.state).toBe('ESTABLISHED');
  });

  it('ESTABLISHED: ACK of data never sent → sends ACK, drops the segment', () => {
    const n = inEstablished();
    const fx = arrive(n, seg('A', ['ACK'], A1, B1 + 50, 'zz'));
    expect(reasons(fx)).toContain('ack-future-ack');
    expect(n.ep.B.tcb?.rcvNxt).toBe(A1);
  });

  it('ESTABLISHED: ACK of our data → SND.UNA advances, the retransmission timer stops', () => {
    const n = inEstablished();
    send(n, 'B', 'pong');
    expect(n.ep.B.timers.retransmit).toBeDefined();
    deliver(n);
    const fx = deliver(n);
    expect(reasons(fx)).toContain('ack-advances');
    expect(n.ep.B.tcb?.sndUna).toBe(B1 + 4);
    expect(n.ep.B.timers.retransmit).toBeUndefined();
  });

  it('ESTABLISHED: retransmission timeout → resends the unacknowledged data', () => {
    const n = inEstablished();
    send(n, 'B', 'pong');
    drop(n);
    const fx = fire(n, 'B', 'retransmit');
    const [re] = sent(fx);
    expect(re?.seq).toBe(B1);
    expect(new TextDecoder().decode(re?.payload)).toBe('pong');
    deliverAll(n);
    expect(new TextDecoder().decode(n.ep.A.tcb?.received)).toBe('pong');
  });

  it('ESTABLISHED: CLOSE → FIN-WAIT-1, sends FIN', () => {
    const n = inEstablished();
    const fx = close(n, 'A');
    expect(states(fx)).toEqual(['FIN-WAIT-1']);
    const [fin] = sent(fx);
    expect(flagsOf(fin)).toBe('ACK+FIN');
    expect(fin?.seq).toBe(A1);
  });

  it('ESTABLISHED: ABORT → CLOSED, sends RST <SEQ=SND.NXT>', () => {
    const n = inEstablished();
    const fx = abort(n, 'A');
    expect(states(fx)).toEqual(['CLOSED']);
    const [rst] = sent(fx);
    expect(flagsOf(rst)).toBe('RST');
    expect(rst?.seq).toBe(A1);
    const fx2 = deliver(n);
    expect(states(fx2)).toEqual(['CLOSED']);
    expect(errors(fx2)).toEqual(['connection-reset']);
  });
});
