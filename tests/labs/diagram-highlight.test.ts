import { describe, expect, it } from 'vitest';
import { diagramHighlight } from '../../src/labs/view/diagram-highlight.ts';
import { EDGES, hasEdge } from '../../src/labs/view/state-diagram-geometry.ts';
import type { LabPosition } from '../../src/labs/client/lab-bus.ts';

const labels = { now: '{name}: {state}.', lastMove: 'Last move {from} → {to}.', notDrawn: 'Not drawn {from} → {to}.' };
const highlight = (pos: LabPosition | null) => diagramHighlight(pos, hasEdge, labels);

describe('state diagram highlight', () => {
  it('marks each endpoint’s box and the arrow it took, by name', () => {
    const h = highlight({
      source: 'lab',
      a: { state: 'TIME-WAIT', from: 'FIN-WAIT-1', changed: true, name: 'client' },
      b: { state: 'CLOSED', from: 'LAST-ACK', changed: false, name: 'server' },
    });
    expect(h.nodes.get('TIME-WAIT')).toBe('client');
    expect(h.nodes.get('CLOSED-END')).toBe('server');
    expect(h.nodes.has('CLOSED')).toBe(false);
    expect(h.edges.get('FIN-WAIT-1>TIME-WAIT')).toBe('client');
    expect(h.edges.get('LAST-ACK>CLOSED-END')).toBe('server');
  });

  it('names both endpoints when they share a state (simultaneous close)', () => {
    const h = highlight({
      source: 'lab',
      a: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'A' },
      b: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'B' },
    });
    expect(h.nodes.get('CLOSING')).toBe('A, B');
    expect(h.edges.get('FIN-WAIT-1>CLOSING')).toBe('A, B');
  });

  it('says when a transition is not drawn (RST out of ESTABLISHED)', () => {
    const h = highlight({
      source: 'lab',
      a: { state: 'CLOSED', from: 'ESTABLISHED', changed: true, name: 'A' },
      b: { state: 'LISTEN', from: null, changed: false, name: 'B' },
    });
    expect(h.edges.size).toBe(0);
    expect(h.nodes.get('CLOSED-END')).toBe('A');
    expect(h.caption).toEqual(['A: CLOSED. Not drawn ESTABLISHED → CLOSED.', 'B: LISTEN.']);
    const none = highlight(null);
    expect([none.nodes.size, none.edges.size, none.caption.length]).toEqual([0, 0, 0]);
  });

  it('writes one caption line per endpoint, naming the move only in the step that took it', () => {
    const pos: LabPosition = {
      source: 'lab',
      a: { state: 'ESTABLISHED', from: 'SYN-SENT', changed: true, name: 'A' },
      b: { state: 'SYN-RECEIVED', from: 'LISTEN', changed: false, name: 'B' },
    };
    expect(highlight(pos).caption).toEqual(['A: ESTABLISHED. Last move SYN-SENT → ESTABLISHED.', 'B: SYN-RECEIVED.']);
  });

  it('highlights only arrows the lookup says are drawn (the browser reads them from data-edge)', () => {
    const pos: LabPosition = {
      source: 'lab',
      a: { state: 'ESTABLISHED', from: 'SYN-SENT', changed: true, name: 'A' },
      b: { state: 'SYN-RECEIVED', from: 'LISTEN', changed: true, name: 'B' },
    };
    const fromDom = new Set(EDGES.map((e) => e.id));
    expect([...diagramHighlight(pos, (id) => fromDom.has(id), labels).edges]).toEqual([...highlight(pos).edges]);
    const only = diagramHighlight(pos, (id) => id === 'LISTEN>SYN-RECEIVED', labels);
    expect([...only.edges.keys()]).toEqual(['LISTEN>SYN-RECEIVED']);
    expect(only.nodes.get('ESTABLISHED')).toBe('A');
    expect(only.caption[0]).toBe('A: ESTABLISHED. Not drawn SYN-SENT → ESTABLISHED.');
  });
});
