import { describe, expect, it } from 'vitest';
import { ISS, arrive, close, errors, fire, flagsOf, inFinWait1, inFinWait2, nextTimerOf, reasons, sent, seg, shutdown, states } from './harness.ts';

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

  it('FIN-WAIT-2 after shutdown(SHUT_WR) (linux): no tcp_fin_timeout, the peer’s data is read and ACKed (half-close)', () => {
    const n = inFinWait2({ A: { profile: 'linux', delayedAck: false } }, 'shutdown');
    expect(n.ep.A.state).toBe('FIN-WAIT-2');
    expect(n.ep.A.timers['fin-wait-2']).toBeUndefined();
    const fx = arrive(n, seg('B', ['ACK'], B1, A1 + 1, 'tail'));
    expect(new TextDecoder().decode(n.ep.A.tcb?.received)).toBe('tail');
    expect(flagsOf(sent(fx)[0])).toBe('ACK');
    expect(sent(fx)[0]?.ack).toBe(B1 + 4);
    expect(n.ep.A.state).toBe('FIN-WAIT-2');
  });

  it('FIN-WAIT-2 after close() (linux): new data draws a RST <SEQ=SEG.ACK> and the orphan is gone (§3.6.1 SHLD-2)', () => {
    const n = inFinWait2({ A: { profile: 'linux', delayedAck: false } });
    const fx = arrive(n, seg('B', ['ACK'], B1, A1 + 1, 'tail'));
    expect(n.ep.A.tcb).toBeNull();
    expect(states(fx)).toEqual(['CLOSED']);
    expect(reasons(fx)).toContain('text-after-close-rst');
    expect(sent(fx).map((s) => `${flagsOf(s)} ${s.seq}`)).toEqual([`RST ${A1 + 1}`]);
  });

  it('FIN-WAIT-1 after close() (linux): new data draws a RST too', () => {
    const n = inFinWait1({ A: { profile: 'linux', delayedAck: false } });
    const fx = arrive(n, seg('B', ['ACK'], B1, A1, 'late'));
    expect(states(fx)).toEqual(['CLOSED']);
    expect(sent(fx).map((s) => `${flagsOf(s)} ${s.seq}`)).toEqual([`RST ${A1}`]);
  });

  it('FIN-WAIT-2 after close() (rfc profile, no half-duplex close): data is still delivered', () => {
    const n = inFinWait2();
    arrive(n, seg('B', ['ACK'], B1, A1 + 1, 'tail'));
    expect(n.ep.A.state).toBe('FIN-WAIT-2');
  });

  it('close() after shutdown(SHUT_WR) in FIN-WAIT-2 (linux): no segment, no error; tcp_fin_timeout starts then', () => {
    const n = inFinWait2({ A: { profile: 'linux', delayedAck: false } }, 'shutdown');
    n.now = 5_000;
    const fx = close(n, 'A');
    expect(sent(fx)).toEqual([]);
    expect(errors(fx)).toEqual([]);
    expect(reasons(fx)).toContain('close-orphan');
    expect(n.ep.A.timers['fin-wait-2']).toBe(65_000);
    expect(states(fire(n, 'A', 'fin-wait-2'))).toEqual(['CLOSED']);
  });

  it('shutdown(SHUT_WR) in FIN-WAIT-2 changes nothing; close() twice fails with connection closing', () => {
    const n = inFinWait2({ A: { profile: 'linux' } });
    const fx = shutdown(n, 'A');
    expect(reasons(fx)).toEqual(['shutdown-no-op']);
    expect(errors(fx)).toEqual([]);
    expect(errors(close(n, 'A'))).toEqual(['connection-closing']);
  });
});
