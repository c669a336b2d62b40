import { describe, expect, it } from 'vitest';
import { runScenario, scenarios } from '../../src/engine/index.ts';
import { arrowsAt, heightAt, labelLines, layoutRun, marksAt, SEQ, SEQ_TEXT, textWidth, type SeqLayout } from '../../src/labs/view/sequence-layout.ts';
import { viewOfTrace, type LabView } from '../../src/labs/view/trace-view.ts';
import { en } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';

const WORDS = { retransmit: ko['labs.retransmit'], oldDuplicate: ko['labs.oldDuplicate'], attacker: ko['labs.attacker'], otherClient: ko['labs.otherClient'] };
const view = viewOfTrace(runScenario('lost-syn-ack'));
const layout = layoutRun(view, true, WORDS);
const last = view.steps.length - 1;

interface Box {
  what: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Every label and state mark of the finished drawing as a box in px, for a drawing `width` px wide. */
function boxes(v: LabView, l: SeqLayout, width: number): Box[] {
  const px = (pct: number) => (pct * width) / 100;
  const out: Box[] = [];
  for (const a of arrowsAt(l, v, v.steps.length - 1)) {
    const w = Math.max(...a.lines.map((t) => textWidth(t, SEQ_TEXT.label)));
    const x = px(a.x1);
    const n = a.lines.length;
    out.push({
      what: `label #${a.id}`,
      x0: a.from === 'A' ? x + 8 : x - 8 - w,
      x1: a.from === 'A' ? x + 8 + w : x - 8,
      y0: a.y1 - 5 - (n - 1) * SEQ.line - 10,
      y1: a.y1 - 2,
    });
  }
  for (const m of marksAt(l, v.steps.length - 1)) {
    const w = textWidth(m.state, SEQ_TEXT.state) + 12;
    const x = px(m.side === 'A' ? SEQ.laneA : SEQ.laneB);
    out.push({ what: `${m.side} ${m.state} @${m.step}`, x0: x - w / 2, x1: x + w / 2, y0: m.y - 9, y1: m.y + 9 });
  }
  return out;
}

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('sequence diagram layout', () => {
  it('draws nothing that has not been sent yet, and at step 0 only a short strip with both starting states', () => {
    expect(arrowsAt(layout, view, 0)).toEqual([]);
    expect(marksAt(layout, 0).map((m) => m.state)).toEqual(['CLOSED', 'CLOSED']);
    expect(heightAt(layout, 0)).toBeLessThan(60);
    for (const s of view.segments)
      expect(
        arrowsAt(layout, view, s.sendStep - 1).some((a) => a.id === s.id),
        `#${s.id}`,
      ).toBe(false);
  });

  it('slants a delivered arrow down from the sender’s lane to the receiver’s lane, ending on its arrival step', () => {
    const syn = view.segments[0]!;
    const a = arrowsAt(layout, view, last).find((x) => x.id === syn.id)!;
    expect([a.x1, a.x2]).toEqual([SEQ.laneA, SEQ.laneB]);
    expect(a.y2).toBe(layout.bands[syn.endStep!]!.arrive);
    expect(a.y2).toBeGreaterThan(a.y1);
    expect(a.partial).toBe(false);
  });

  it('stops a lost segment halfway, and cuts a segment still in flight at the bottom of the drawing', () => {
    const lost = view.segments.find((s) => s.fate === 'dropped')!;
    const a = arrowsAt(layout, view, last).find((x) => x.id === lost.id)!;
    expect(a.dropped).toBe(true);
    expect(a.x2).toBe((SEQ.laneA + SEQ.laneB) / 2);
    const syn = view.segments[0]!;
    const mid = arrowsAt(layout, view, syn.sendStep).find((x) => x.id === syn.id)!;
    expect(mid.partial).toBe(true);
    expect(mid.current).toBe(true);
    expect(mid.x2).toBeLessThan(SEQ.laneB);
    expect(mid.y2).toBeLessThanOrEqual(heightAt(layout, syn.sendStep));
  });

  it('writes labels horizontally as short lines: flags, then numbers', () => {
    const synAck = view.segments.find((s) => s.flags.join() === 'SYN,ACK')!;
    expect(labelLines(view, synAck, true, WORDS)).toEqual([`#${synAck.id} SYN, ACK`, 'seq=0 ack=1 len=0']);
    expect(labelLines(view, synAck, false, WORDS)).toHaveLength(3);
  });

  // The promise of the layout: at 320 px (a 262-px drawing) and on a desktop, for every scenario in
  // both numberings and both languages' words, no label or state mark overlaps another, and each stays inside the drawing.
  for (const width of [SEQ_TEXT.minWidth, 700]) {
    it(`keeps every label and state mark apart and inside a ${width}-px drawing, in every scenario`, () => {
      const problems: string[] = [];
      for (const sc of scenarios) {
        const v = viewOfTrace(runScenario(sc.id));
        for (const relative of [true, false]) {
          for (const words of [
            WORDS,
            { retransmit: en['labs.retransmit'], oldDuplicate: en['labs.oldDuplicate'], attacker: en['labs.attacker'], otherClient: en['labs.otherClient'] },
          ]) {
            const all = boxes(v, layoutRun(v, relative, words), width);
            for (const [i, a] of all.entries()) {
              if (a.x0 < 0 || a.x1 > width) problems.push(`${sc.id} ${relative ? 'rel' : 'abs'}: ${a.what} outside (${a.x0.toFixed(0)}–${a.x1.toFixed(0)})`);
              for (const b of all.slice(i + 1)) if (overlap(a, b)) problems.push(`${sc.id} ${relative ? 'rel' : 'abs'}: ${a.what} overlaps ${b.what}`);
            }
          }
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
