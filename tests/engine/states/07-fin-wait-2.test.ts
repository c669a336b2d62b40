import { describe, expect, it } from 'vitest';
import { ISS, arrive, fire, inFinWait2, nextTimerOf, sent, seg, states } from './harness.ts';

const A1 = ISS.A + 1;
const B1 = ISS.B + 1;

describe('FIN-WAIT-2 (§3.10.7.4)', () => {
  it('FIN-WAIT-2: FIN → TIME-WAIT, sends ACK', () => {
    const n = inFinWait2();
    const fx = arrive(n, seg('B', ['FIN', 'ACK'], B1, A1 + 1));
    expect(states(fx)).toEqual(['TIME-WAIT']);
    expect(sent(fx)[0]?.ack).toBe(B1 + 1);
  });

  it('FIN-WAIT-2: data → delivered and ACKed (half-close: the peer may keep sending)', () => {
    const n = inFinWait2();
    const fx = arrive(n, seg('B', ['ACK'], B1, A1 + 1, 'tail'));
    expect(new TextDecoder().decode(n.ep.A.tcb?.received)).toBe('tail');
    expect(sent(fx)[0]?.ack).toBe(B1 + 4);
    expect(n.ep.A.state).toBe('FIN-WAIT-2');
  });

  it('FIN-WAIT-2: FIN-WAIT-2 timeout (linux tcp_fin_timeout 60 s) → CLOSED', () => {
    const n = inFinWait2({ A: { profile: 'linux' } });
    expect(n.ep.A.timers['fin-wait-2']).toBeDefined();
    const fx = fire(n, 'A', 'fin-wait-2');
    expect(states(fx)).toEqual(['CLOSED']);
    expect(n.now).toBeGreaterThanOrEqual(60_000);
  });

  it('FIN-WAIT-2: no timer in the rfc profile → stays FIN-WAIT-2 until a FIN comes', () => {
    const n = inFinWait2();
    expect(nextTimerOf(n.ep.A)).toBeNull();
  });
});
