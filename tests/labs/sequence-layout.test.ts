import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { arrowAt, arrowsAt, diagramHeight, rowY, SEQ, stateMarks } from '../../src/labs/view/sequence-layout.ts';
import { viewOfTrace } from '../../src/labs/view/trace-view.ts';

const view = viewOfTrace(runScenario('lost-syn-ack'));
const last = view.steps.length - 1;

describe('sequence diagram layout', () => {
  it('draws nothing that has not been sent yet', () => {
    expect(arrowsAt(view, 0)).toEqual([]);
    for (const s of view.segments) expect(arrowAt(s, s.sendStep - 1), `#${s.id}`).toBeNull();
  });

  it('slants a delivered arrow from the sender’s lane at its send row to the receiver’s lane at its arrival row', () => {
    const syn = view.segments[0]!;
    const a = arrowAt(syn, last)!;
    expect([a.x1, a.y1]).toEqual([SEQ.laneA, rowY(syn.sendStep)]);
    expect([a.x2, a.y2]).toEqual([SEQ.laneB, rowY(syn.endStep!)]);
    expect(a.y2).toBeGreaterThan(a.y1);
    expect(a.partial).toBe(false);
  });

  it('stops a lost segment halfway with a cross, and cuts short a segment still in flight', () => {
    const lost = view.segments.find((s) => s.fate === 'dropped')!;
    const a = arrowAt(lost, last)!;
    expect(a.dropped).toBe(true);
    expect(a.x2).toBe((SEQ.laneA + SEQ.laneB) / 2);
    const syn = view.segments[0]!;
    const mid = arrowAt(syn, syn.sendStep)!;
    expect(mid.partial).toBe(true);
    expect(mid.x2).toBeLessThan(SEQ.laneB);
    expect(mid.current).toBe(true);
  });

  it('keeps labels inside the drawing and readable left to right', () => {
    for (const a of arrowsAt(view, last)) {
      expect(a.lx).toBeGreaterThan(SEQ.laneA);
      expect(a.lx).toBeLessThan(SEQ.laneB);
      expect(Math.abs(a.angle)).toBeLessThan(90);
      expect(a.y2).toBeLessThanOrEqual(diagramHeight(view));
    }
  });

  it('labels each side’s state where it changes, and the start', () => {
    const marks = stateMarks(view, last);
    expect(marks.filter((m) => m.step === 0).map((m) => m.state)).toEqual(['CLOSED', 'CLOSED']);
    const changes = view.steps.flatMap((s) => Object.keys(s.changed)).length;
    expect(marks.filter((m) => m.changed)).toHaveLength(changes);
    expect(stateMarks(view, 0).every((m) => !m.changed)).toBe(true);
  });
});
