import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/engine/index.ts';
import { loadScenario, runForLab, scenarioKnobs as knobsOf, toScenarioKnobs } from '../../src/labs/view/engine-adapter.ts';

const scenarioKnobs = (id: string) => knobsOf(getScenario(id));

describe('engine adapter', () => {
  it('reads each scenario’s own knob values from its definition', () => {
    expect(scenarioKnobs('lost-syn-ack').drop).toBe(2);
    expect(scenarioKnobs('server-closes-first').closer).toBe('server');
    expect(scenarioKnobs('simultaneous-close').closer).toBe('both');
    expect(scenarioKnobs('close-4-segment').closeDelayMs).toBeGreaterThan(scenarioKnobs('close-3-segment').closeDelayMs);
  });

  it('passes only what the reader changed, so a scenario keeps its defaults', () => {
    const base = scenarioKnobs('lost-syn-ack');
    expect(toScenarioKnobs(base, base)).toEqual({});
    expect(toScenarioKnobs({ ...base, drop: 0 }, base)).toEqual({ drop: 0 });
    expect(toScenarioKnobs({ ...base, isn: 42 }, base)).toEqual({ isn: 'random', seed: 42 });
  });

  it('re-runs: losing nothing in lost-syn-ack gives a plain handshake; a bad knob is an error, not a throw', () => {
    const base = scenarioKnobs('lost-syn-ack');
    const r = runForLab(getScenario('lost-syn-ack'), {}, { ...base, drop: 0 });
    if (!r.ok) throw new Error(r.message);
    expect(r.view.segments.every((s) => s.fate !== 'dropped')).toBe(true);
    const bad = runForLab(getScenario('normal-open'), { drop: -1 }, null);
    expect(bad.ok).toBe(false);
  });

  it('loads a scenario a link names, and nothing for an id that is not one', async () => {
    expect((await loadScenario('lost-fin'))?.id).toBe('lost-fin');
    expect(await loadScenario('nope')).toBeNull();
    expect(await loadScenario('__proto__')).toBeNull();
  });
  it('passes the tcp_abort_on_overflow and SO_KEEPALIVE checkboxes to the engine', () => {
    const full = getScenario('accept-queue-full');
    const base = knobsOf(full);
    expect(base.abortOnOverflow).toBe(false);
    const rstFromServer = (r: ReturnType<typeof runForLab>) => r.ok && r.trace.events.some((e) => e.kind === 'send' && e.side === 'B' && e.segment?.flags.RST);
    expect(rstFromServer(runForLab(full, {}, null))).toBe(false);
    const aborting = runForLab(full, {}, { ...base, abortOnOverflow: true });
    expect(aborting.ok && aborting.applied).toEqual({ abortOnOverflow: true });
    expect(rstFromServer(aborting)).toBe(true);

    const halfOpen = getScenario('half-open-discovery');
    const closedAt = (r: ReturnType<typeof runForLab>) => (r.ok ? r.view.steps.find((st) => st.A.state === 'CLOSED' && st.index > 2)?.t : undefined);
    const withProbes = runForLab(halfOpen, {}, { ...knobsOf(halfOpen), keepalive: true });
    expect(withProbes.ok && withProbes.applied).toEqual({ keepalive: true });
    expect(closedAt(withProbes)!).toBeLessThan(closedAt(runForLab(halfOpen, {}, null))!);
  });
});
