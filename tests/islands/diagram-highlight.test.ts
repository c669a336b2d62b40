import { describe, expect, it } from 'vitest';
import { diagramHighlight } from '../../src/islands/lib/diagram-highlight.ts';

describe('state diagram highlight', () => {
  it('marks each endpoint’s box and the arrow it took, by name', () => {
    const h = diagramHighlight({
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
    const h = diagramHighlight({
      source: 'lab',
      a: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'A' },
      b: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'B' },
    });
    expect(h.nodes.get('CLOSING')).toBe('A, B');
    expect(h.edges.get('FIN-WAIT-1>CLOSING')).toBe('A, B');
  });

  it('says when a transition is not drawn (RST out of ESTABLISHED)', () => {
    const h = diagramHighlight({
      source: 'lab',
      a: { state: 'CLOSED', from: 'ESTABLISHED', changed: true, name: 'A' },
      b: { state: 'LISTEN', from: null, changed: false, name: 'B' },
    });
    expect(h.edges.size).toBe(0);
    expect(h.lines[0]).toMatchObject({ edge: null, from: 'ESTABLISHED' });
    expect(diagramHighlight(null).nodes.size).toBe(0);
  });
});
