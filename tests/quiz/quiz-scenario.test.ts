import { describe, expect, it } from 'vitest';
import { orderItems, predictQuestion, predictableSteps, quizSegments, stateAfterStep, type EventLike, type TraceLike } from '../../src/quiz/model/scenario';

const F = (...n: string[]) => ({ SYN: n.includes('SYN'), ACK: n.includes('ACK'), FIN: n.includes('FIN'), RST: n.includes('RST'), PSH: false });

/** A hand-built normal open (client ISN 100, server ISN 300) whose second segment is lost once. */
function openWithLostSynAck(): TraceLike {
  let A = 'CLOSED';
  let B = 'LISTEN';
  const ev: EventLike[] = [];
  const push = (e: Omit<EventLike, 'snapshot'>, a?: string, b?: string): void => {
    if (a) A = a;
    if (b) B = b;
    ev.push({ ...e, snapshot: { A: { state: A }, B: { state: B } } });
  };
  push({ kind: 'user', side: 'A' });
  push({ kind: 'send', side: 'A', wireId: 1, segment: { seq: 100, ack: 0, flags: F('SYN'), len: 0 } });
  push({ kind: 'state', side: 'A' }, 'SYN-SENT');
  push({ kind: 'deliver', side: 'B', wireId: 1, segment: { seq: 100, ack: 0, flags: F('SYN'), len: 0 } });
  push({ kind: 'state', side: 'B' }, undefined, 'SYN-RECEIVED');
  push({ kind: 'send', side: 'B', wireId: 2, segment: { seq: 300, ack: 101, flags: F('SYN', 'ACK'), len: 0 } });
  push({ kind: 'drop', side: 'B', wireId: 2 });
  push({ kind: 'timer-fire', side: 'B' });
  push({ kind: 'send', side: 'B', wireId: 3, retransmit: true, segment: { seq: 300, ack: 101, flags: F('SYN', 'ACK'), len: 0 } });
  push({ kind: 'deliver', side: 'A', wireId: 3, segment: { seq: 300, ack: 101, flags: F('SYN', 'ACK'), len: 0 } });
  push({ kind: 'state', side: 'A' }, 'ESTABLISHED');
  push({ kind: 'send', side: 'A', wireId: 4, segment: { seq: 101, ack: 301, flags: F('ACK'), len: 0 } });
  push({ kind: 'deliver', side: 'B', wireId: 4, segment: { seq: 101, ack: 301, flags: F('ACK'), len: 0 } });
  push({ kind: 'state', side: 'B' }, undefined, 'ESTABLISHED');
  return { events: ev };
}

describe('quiz views of a trace', () => {
  const t = openWithLostSynAck();
  it('lists wire segments with drops and retransmissions', () => {
    const s = quizSegments(t);
    expect(s.map((x) => [x.step, x.from, x.flags, x.dropped, x.retransmit])).toEqual([
      [0, 'client', 'SYN', false, false],
      [1, 'server', 'SYN, ACK', true, false],
      [2, 'server', 'SYN, ACK', false, true],
      [3, 'client', 'ACK', false, false],
    ]);
    expect(s[0]?.segLen).toBe(1);
  });
  it('gives each side’s state after a step, including the receiver’s reaction', () => {
    expect(stateAfterStep(t, 0, 'client')).toBe('SYN-SENT');
    expect(stateAfterStep(t, 0, 'server')).toBe('SYN-RECEIVED');
    expect(stateAfterStep(t, 1, 'client')).toBe('SYN-SENT'); // lost: nothing changed
    expect(stateAfterStep(t, 2, 'client')).toBe('ESTABLISHED');
    expect(stateAfterStep(t, 2, 'server')).toBe('SYN-RECEIVED'); // the client is ESTABLISHED first
    expect(stateAfterStep(t, 3, 'server')).toBe('ESTABLISHED');
    expect(() => stateAfterStep(t, 9, 'server')).toThrow(/past the last segment/);
  });
  it('orders only the segments that arrived', () => {
    expect(orderItems(t).map((i) => i.key)).toEqual(['client:SYN', 'server:SYN, ACK', 'client:ACK']);
  });
  it('asks only what can be predicted', () => {
    expect(predictableSteps(t)).toEqual([2, 3]);
    const q = predictQuestion(t, 2);
    expect([q.askSeq, q.askAck, q.shown.length]).toEqual([true, true, 2]);
    const first = predictQuestion(t, 1);
    expect([first.askSeq, first.askAck]).toEqual([false, true]); // the server's ISN is given
  });
});
