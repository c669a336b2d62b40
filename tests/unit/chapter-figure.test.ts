import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { FIG, figureLayout, formatPause } from '../../src/site/chapter-figure.ts';

describe('chapter figure layout (engine run → ladder)', () => {
  it('draws the three segments of the handshake, and the states each side passes through', () => {
    const g = figureLayout(runScenario('normal-open'), 'open');
    expect(g.arrows.map((a) => `${a.from} ${a.flags}`)).toEqual(['A SYN', 'B SYN, ACK', 'A ACK']);
    expect(g.arrows.map((a) => [a.seq, a.ack])).toEqual([
      [1000, null],
      [5000, 1001],
      [1001, 5001],
    ]);
    expect(g.states.filter((s) => s.side === 'A').map((s) => s.state)).toEqual(['CLOSED', 'SYN-SENT', 'ESTABLISHED']);
    expect(g.states.filter((s) => s.side === 'B').map((s) => s.state)).toEqual(['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED']);
    // Each arrow goes down, from its sender's lane to the other lane.
    for (const a of g.arrows) {
      expect(a.y2).toBeGreaterThan(a.y1);
      expect(a.x1).toBe(a.from === 'A' ? FIG.laneA : FIG.laneB);
    }
  });

  it('shows the close from the first FIN, the lost ACK halfway, the resent FIN and TIME-WAIT with its 60 s pause', () => {
    const g = figureLayout(runScenario('lost-final-ack'), 'close');
    expect(g.arrows[0]?.flags).toBe('FIN, ACK');
    const lost = g.arrows.filter((a) => a.lost);
    expect(lost.map((a) => a.flags)).toEqual(['ACK']);
    // Stops 40 % of the way, its label hanging beside the cross towards the other lane.
    expect(lost[0]!.x2).toBe(FIG.laneA + (FIG.laneB - FIG.laneA) * 0.4);
    expect(lost[0]!.lx).toBeGreaterThan(lost[0]!.x2);
    expect(g.arrows.filter((a) => a.retransmit).map((a) => a.flags)).toEqual(['FIN, ACK']);
    expect(g.bands).toHaveLength(1);
    expect(g.breaks.map((b) => formatPause(b.ms))).toEqual(['60 s']);
    expect(g.states.filter((s) => s.side === 'A').map((s) => s.state)).toEqual(['FIN-WAIT-1', 'TIME-WAIT', 'CLOSED']);
  });

  it('keeps every label of every core figure inside the drawing, and state names apart on a lane', () => {
    for (const [id, part] of [
      ['normal-open', 'open'],
      ['close-4-segment', 'close'],
      ['lost-final-ack', 'close'],
      ['lost-syn', 'open'],
    ] as const) {
      const g = figureLayout(runScenario(id), part);
      for (const side of ['A', 'B'] as const) {
        const ys = g.states.filter((s) => s.side === side).map((s) => s.y);
        ys.slice(1).forEach((y, i) => expect(y - ys[i]!, `${id}: two ${side} states on one line`).toBeGreaterThanOrEqual(FIG.row));
      }
      for (const a of g.arrows) expect(Math.max(a.x1, a.x2)).toBeLessThanOrEqual(g.width);
      expect(g.height).toBeGreaterThan(FIG.top);
    }
  });

  it('refuses a part the scenario does not have, naming it', () => {
    expect(() => figureLayout(runScenario('closed-port-rst'), 'close')).not.toThrow();
    expect(() => figureLayout(runScenario('syn-flood'), 'close')).toThrow(/syn-flood/);
  });

  it('prints pauses as a reader would say them', () => {
    expect([formatPause(200), formatPause(1500), formatPause(59_990), formatPause(60_000)]).toEqual(['200 ms', '1.5 s', '60 s', '60 s']);
  });
});
