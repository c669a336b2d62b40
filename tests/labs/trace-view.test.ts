import { describe, expect, it } from 'vitest';
import { runScenario, SCENARIO_IDS } from '../../src/engine/index.ts';
import { clampStep, segmentLabel, showNumber, viewOfTrace } from '../../src/labs/view/trace-view.ts';

describe('trace view (steps and arrows from an engine trace)', () => {
  it('starts before anything happens and ends in the run’s final states', () => {
    for (const id of SCENARIO_IDS) {
      const trace = runScenario(id);
      const v = viewOfTrace(trace);
      expect(v.steps[0]!.kind, id).toBe('start');
      expect(v.steps[0]!.A.state).toBe('CLOSED');
      const last = v.steps.at(-1)!;
      expect(last.A.state, id).toBe(trace.final.A);
      expect(last.B.state, id).toBe(trace.final.B);
      for (let i = 1; i < v.steps.length; i++) expect(v.steps[i]!.t, `${id} step ${i}`).toBeGreaterThanOrEqual(v.steps[i - 1]!.t);
    }
  });

  it('gives every segment a send step no later than its end step', () => {
    for (const id of SCENARIO_IDS) {
      const v = viewOfTrace(runScenario(id));
      for (const s of v.segments) if (s.endStep !== null) expect(s.endStep, `${id} #${s.id}`).toBeGreaterThanOrEqual(s.sendStep);
    }
  });

  it('shows the handshake with relative numbers: SYN 0, SYN+ACK 0 ack 1, ACK 1 ack 1', () => {
    const v = viewOfTrace(runScenario('normal-open'));
    const [syn, synack, ack] = v.segments;
    expect(segmentLabel(v, syn!, true)).toBe('SYN seq=0 len=0');
    expect(segmentLabel(v, synack!, true)).toBe('SYN, ACK seq=0 ack=1 len=0');
    expect(segmentLabel(v, ack!, true)).toBe('ACK seq=1 ack=1 len=0');
    expect(segmentLabel(v, syn!, false)).toBe(`SYN seq=${v.iss.A} len=0`);
  });

  it('marks the lost SYN+ACK as dropped and records state changes where they happen', () => {
    const v = viewOfTrace(runScenario('lost-syn-ack'));
    expect(v.segments.find((s) => s.id === 2)?.fate).toBe('dropped');
    const est = v.steps.find((s) => s.changed.A?.to === 'ESTABLISHED');
    expect(est?.reason).toBe('syn-sent-synack');
    expect(est?.rfc).toMatch(/3\.10\.7\.3/);
  });

  it('computes relative numbers modulo 2^32 and bounds steps', () => {
    expect(showNumber(5, 0xfffffffe, true)).toBe('7');
    expect(showNumber(null, 0, true)).toBe('–');
    expect(showNumber(7, null, true)).toBe('7');
    const v = viewOfTrace(runScenario('normal-open'));
    expect(clampStep(v, -3)).toBe(0);
    expect(clampStep(v, 1e9)).toBe(v.steps.length - 1);
    expect(clampStep(v, Number.NaN)).toBe(0);
  });
});
