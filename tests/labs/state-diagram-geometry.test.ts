import { describe, expect, it } from 'vitest';
import { BOX_H, BOX_W, EDGES, NODES, VIEW_H, VIEW_W, edgeFor, hasEdge, nodeById, nodeFor } from '../../src/labs/view/state-diagram-geometry.ts';
import { FIGURE5_TRANSITIONS } from '../../src/engine/states.ts';

const onBorder = (x: number, y: number, id: string) => {
  const n = nodeById(id as never);
  const l = n.x - BOX_W / 2,
    r = n.x + BOX_W / 2,
    t = n.y - BOX_H / 2,
    b = n.y + BOX_H / 2;
  const inX = x >= l && x <= r,
    inY = y >= t && y <= b;
  return (inX && (y === t || y === b)) || (inY && (x === l || x === r));
};

describe('state diagram geometry (RFC 9293 Figure 5)', () => {
  it('has a box for each of the eleven states', () => {
    expect(new Set(NODES.map((n) => n.state)).size).toBe(11);
  });

  it('boxes do not overlap and fit the view', () => {
    for (const a of NODES) {
      expect(a.x - BOX_W / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + BOX_W / 2).toBeLessThanOrEqual(VIEW_W);
      expect(a.y + BOX_H / 2).toBeLessThanOrEqual(VIEW_H);
      for (const b of NODES) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= BOX_W || Math.abs(a.y - b.y) >= BOX_H;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('every arrow starts on its source box and ends on its target box, moving only horizontally or vertically', () => {
    for (const e of EDGES) {
      const first = e.points[0]!,
        lastP = e.points[e.points.length - 1]!;
      expect(onBorder(first[0], first[1], e.from), `${e.id} start`).toBe(true);
      expect(onBorder(lastP[0], lastP[1], e.to), `${e.id} end`).toBe(true);
      for (let i = 1; i < e.points.length; i++) {
        const [x0, y0] = e.points[i - 1]!,
          [x1, y1] = e.points[i]!;
        expect(x0 === x1 || y0 === y1, `${e.id} segment ${i}`).toBe(true);
      }
      expect(e.label[0]).toBeGreaterThanOrEqual(0);
      expect(e.label[1]).toBeLessThanOrEqual(VIEW_H);
    }
  });

  it('draws every transition of Figure 5 that is not a RST/abort/timeout exit', () => {
    const notDrawn = new Set([
      'SYN-RECEIVED>CLOSED',
      'ESTABLISHED>CLOSED',
      'FIN-WAIT-1>CLOSED',
      'FIN-WAIT-2>CLOSED',
      'CLOSE-WAIT>CLOSED',
      'CLOSING>CLOSED',
      'TIME-WAIT>SYN-RECEIVED',
    ]);
    for (const [from, to] of FIGURE5_TRANSITIONS) {
      const key = `${from}>${to}`;
      if (notDrawn.has(key)) expect(edgeFor(from, to), key).toBeNull();
      else expect(edgeFor(from, to)?.from, key).toBe(from);
    }
  });

  it('puts CLOSED after a teardown at the bottom box, and the first CLOSED at the top', () => {
    expect(nodeFor('CLOSED', 'TIME-WAIT')).toBe('CLOSED-END');
    expect(nodeFor('CLOSED', 'LAST-ACK')).toBe('CLOSED-END');
    expect(nodeFor('CLOSED', 'SYN-SENT')).toBe('CLOSED');
    expect(nodeFor('CLOSED', null)).toBe('CLOSED');
    // RFC 9293 §3.5.2's synchronized states end at the bottom box, the rest at the top one.
    for (const prev of ['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'] as const) {
      expect(nodeFor('CLOSED', prev), prev).toBe('CLOSED-END');
    }
    for (const prev of ['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED'] as const) expect(nodeFor('CLOSED', prev), prev).toBe('CLOSED');
    expect(nodeFor('LISTEN', 'ESTABLISHED')).toBe('LISTEN');
    expect(edgeFor('TIME-WAIT', 'CLOSED')?.id).toBe('TIME-WAIT>CLOSED-END');
    expect(edgeFor('LISTEN', 'CLOSED')?.id).toBe('LISTEN>CLOSED');
  });

  it('has no arrow for an unchanged state', () => {
    expect(edgeFor('ESTABLISHED', 'ESTABLISHED')).toBeNull();
    expect(edgeFor(null, 'LISTEN')).toBeNull();
  });

  it('answers the highlight rule’s lookup with the drawn arrows only', () => {
    expect(hasEdge('TIME-WAIT>CLOSED-END')).toBe(true);
    expect(hasEdge('TIME-WAIT>CLOSED')).toBe(false);
    expect(hasEdge('ESTABLISHED>CLOSED-END')).toBe(false);
  });
});
