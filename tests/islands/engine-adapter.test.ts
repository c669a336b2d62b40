import { describe, expect, it } from 'vitest';
import { runForLab, scenarioKnobs, toScenarioKnobs } from '../../src/islands/lib/engine-adapter.ts';

describe('engine adapter', () => {
  it('reads each scenario’s own knob values from its definition', () => {
    expect(scenarioKnobs('lost-syn-ack').drop).toBe(2);
    expect(scenarioKnobs('server-closes-first').closer).toBe('server');
    expect(scenarioKnobs('simultaneous-close').closer).toBe('both');
    expect(scenarioKnobs('close-4-segment').closeDelay).toBeGreaterThan(scenarioKnobs('close-3-segment').closeDelay);
  });

  it('passes only what the reader changed, so a scenario keeps its defaults', () => {
    const base = scenarioKnobs('lost-syn-ack');
    expect(toScenarioKnobs(base, base)).toEqual({});
    expect(toScenarioKnobs({ ...base, drop: 0 }, base)).toEqual({ drop: 0 });
    expect(toScenarioKnobs({ ...base, isn: 42 }, base)).toEqual({ isn: 'random', seed: 42 });
  });

  it('re-runs: losing nothing in lost-syn-ack gives a plain handshake; an unknown id is an error, not a throw', () => {
    const base = scenarioKnobs('lost-syn-ack');
    const r = runForLab('lost-syn-ack', {}, { ...base, drop: 0 });
    if (!r.ok) throw new Error(r.message);
    expect(r.view.segments.every((s) => s.fate !== 'dropped')).toBe(true);
    expect(runForLab('nope', {}, null)).toEqual({ ok: false, message: 'unknown scenario "nope"' });
  });
});
