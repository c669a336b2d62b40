import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLabHash, serializeLabHash, type LabLink } from '../../src/labs/view/lab-hash.ts';
import { KNOBS } from '../../src/engine/knobs.ts';
import { DEFAULT_KNOBS, knobChoices, knobRow, parseKnobList, type Knobs } from '../../src/labs/view/knobs.ts';

const mslChoices = (current: number) => knobChoices(knobRow('msl'), current);

const link = (over: Partial<LabLink> = {}): LabLink => ({
  lab: 'lab-1',
  scenario: 'lost-syn-ack',
  step: 3,
  absolute: false,
  knobs: { ...DEFAULT_KNOBS },
  ...over,
});

describe('lab deep links', () => {
  it('writes a short hash that leaves default knobs out', () => {
    expect(serializeLabHash(link())).toBe('#lab=lab-1&s=lost-syn-ack&step=3');
    expect(serializeLabHash(link({ absolute: true, knobs: { ...DEFAULT_KNOBS, drop: 2, closer: 'server' } }))).toBe(
      '#lab=lab-1&s=lost-syn-ack&step=3&abs=1&drop=2&closer=server',
    );
  });

  it('round-trips any valid link', () => {
    // Any value the knob table allows, for every knob in it.
    const knobs = fc.record(
      Object.fromEntries(
        KNOBS.map((r) => {
          const v = r.values;
          const arb =
            r.control === 'isn'
              ? fc.oneof(fc.constant('fixed'), fc.integer({ min: 0, max: 0xffffffff }))
              : v.kind === 'one-of'
                ? fc.constantFrom(...v.values)
                : v.kind === 'yes-no'
                  ? fc.boolean()
                  : fc.integer({ min: 0, max: v.max });
          return [r.field, arb];
        }),
      ),
    ) as unknown as fc.Arbitrary<Knobs>;
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.integer({ min: 0, max: 10000 }), fc.boolean(), knobs, (scenario, step, absolute, k) => {
        const l = link({ scenario, step, absolute, knobs: k });
        expect(parseLabHash(serializeLabHash(l), 'lab-1', 'x')).toEqual({ link: l, rejected: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('ignores hashes of other labs and plain anchors', () => {
    expect(parseLabHash('#section-3-5', 'lab-1', 'normal-open')).toBeNull();
    expect(parseLabHash('#lab=lab-2&s=lost-syn&step=1', 'lab-1', 'normal-open')).toBeNull();
    expect(parseLabHash('', 'lab-1', 'normal-open')).toBeNull();
  });

  it('keeps defaults for values it cannot trust, and names them', () => {
    const p = parseLabHash('#lab=lab-1&s=<script>&step=-4&drop=999&closer=nobody&profile=plan9&isn=r99999999999&sim=yes&abs=2', 'lab-1', 'normal-open');
    expect(p?.link).toEqual(link({ scenario: 'normal-open', step: 0 }));
    expect(p?.rejected.sort()).toEqual(['abs', 'closer', 'drop', 'isn', 'profile', 's', 'sim', 'step'].sort());
  });

  it('reads the knobs prop, reporting unknown names instead of failing', () => {
    expect(parseKnobList('drop, closer,drop,,banana')).toEqual({ knobs: ['drop', 'closer'], unknown: ['banana'] });
    expect(parseKnobList(undefined)).toEqual({ knobs: [], unknown: [] });
  });
});

describe('MSL choices', () => {
  it('lists a scenario MSL that is not a preset, so the select shows it', () => {
    expect(mslChoices(50)).toContain(50);
    expect(mslChoices(50)[0]).toBe(0);
    expect(mslChoices(50)[1]).toBe(50);
  });
  it('keeps the presets unchanged for a preset value', () => {
    expect(mslChoices(30000)).toEqual([0, 1000, 15000, 30000, 60000, 120000]);
  });
});
