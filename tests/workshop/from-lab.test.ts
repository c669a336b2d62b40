import { describe, expect, it } from 'vitest';
import { KNOBS } from '../../src/engine/knobs.ts';
import { SCENARIO_IDS, getScenario, simulate, wireSegments, type ScenarioKnobs, type Trace } from '../../src/engine/index.ts';
import { workshopHash } from '../../src/labs/view/workshop-link.ts';
import { readWorkshopHash } from '../../src/workshop/model/from-link.ts';
import { fromChapter } from '../../src/workshop/model/from-chapter.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { problemText } from '../../src/workshop/model/scenario.ts';

/** What a run put on the wire and where it ended: the workshop must reproduce a lab's run exactly. */
const key = (t: Trace) => ({
  final: t.final,
  wire: wireSegments(t).map(
    (w) => `${w.t} ${w.from}${w.dropped ? 'x' : ''} ${w.segment.seq}/${w.segment.ack}/${w.segment.payload.length} ${JSON.stringify(w.segment.flags)}`,
  ),
});

/** Knob sets a reader reaches with a lab's controls. */
const KNOB_SETS: ScenarioKnobs[] = [
  {},
  { drop: 2 },
  { drop: 4, closer: 'server' },
  { closer: 'both', closeDelayMs: 200 },
  { closeDelayMs: 500, profile: 'windows' },
  { isn: 'random', seed: 7, profile: 'macos' },
  { simultaneous: true },
  { mslMs: 1000, rfc1337: true },
  { profile: 'rfc', drop: 3, mslMs: 15000 },
];

describe('open in workshop', () => {
  it('the link carries the scenario and the knobs: read(write(k)) is k', () => {
    for (const k of KNOB_SETS) expect(readWorkshopHash(workshopHash('lost-fin', k))).toEqual({ scenario: 'lost-fin', knobs: k, rejected: [] });
    expect(workshopHash('lost-fin', { drop: 3, closeDelayMs: 200, isn: 'random', seed: 7 })).toBe('#from=lost-fin&drop=3&delay=200&isn=random&seed=7');
  });

  it('lists the values it cannot use and does not use them', () => {
    expect(readWorkshopHash('#from=lost-fin&drop=x&closer=nobody&msl=0&rfc1337=2&seed=-1&delay=200')).toEqual({
      scenario: 'lost-fin',
      knobs: { closeDelayMs: 200 },
      rejected: ['drop', 'closer', 'msl', 'rfc1337', 'seed'],
    });
    expect(readWorkshopHash('#from=<script>')?.rejected).toEqual(['from']);
    expect(readWorkshopHash('#w=1;p=linux.linux')).toBeNull();
    expect(readWorkshopHash('#lab=x&from=lost-fin')).toBeNull();
  });

  it('a lab run with nothing left out runs in the workshop exactly as the lab ran it, for every scenario and knob set', () => {
    let compared = 0;
    for (const id of SCENARIO_IDS) {
      const def = getScenario(id);
      // Only the knobs this scenario's labs offer (its `knobs` list), as a reader can set them.
      const offered = (k: ScenarioKnobs): boolean =>
        Object.keys(k).every((f) => f === 'seed' || def.knobs.some((id) => KNOBS.find((r) => r.id === id)?.field === f));
      for (const k of KNOB_SETS.filter(offered)) {
        const lab = simulate(def, k);
        const { scenario, left } = fromChapter(id, readWorkshopHash(workshopHash(id, k))!.knobs);
        if (left.length) continue;
        const r = runWorkshop(scenario);
        if (!r.ok) throw new Error(`${id} ${JSON.stringify(k)}: ${r.problems.map((p) => problemText(p)).join('; ')}`);
        expect(key(r.trace), `${id} ${JSON.stringify(k)}`).toEqual(key(lab));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('keepalive and tcp_abort_on_overflow are listed as left out', () => {
    expect(fromChapter('half-open-discovery', { keepalive: true }).left).toContain('keepalive');
    expect(fromChapter('accept-queue-full', { abortOnOverflow: true }).left).toContain('listener-queue');
  });
});

describe('copy as MDX', () => {
  it('the tag of a run passes the chapters’ lab check and builds the same run; a changed engine is caught by the fingerprint', async () => {
    const { checkLabProps } = await import('../../src/content-checks/lab-props.ts');
    const { labFromWorkshop } = await import('../../src/workshop/model/mdx.ts');
    const { encodeScenario, mdxTag } = await import('../../src/workshop/model/url.ts');
    const { emptyScenario } = await import('../../src/workshop/model/scenario.ts');
    const s = emptyScenario();
    s.faults = [{ kind: 'drop', from: 'A', segment: 'fin', nth: 1 }];
    const r = runWorkshop(s);
    if (!r.ok) throw new Error('rejected');
    const tag = mdxTag(`#${encodeScenario(s, r.fingerprint)}`, 'Lost FIN in a "simultaneous" close');
    expect(tag).toBe(`<SequenceLab workshop="${encodeScenario(s, r.fingerprint)}" title="Lost FIN in a ”simultaneous” close" />`);
    expect(checkLabProps('chapter.mdx', `# A chapter\n\n${tag}\n`)).toEqual([]);
    const lab = labFromWorkshop(encodeScenario(s, r.fingerprint));
    expect(lab.ok && key(simulate(lab.def, lab.knobs))).toEqual(key(r.trace));
    expect(labFromWorkshop(encodeScenario(s, 'ffffffff'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/engine now runs this scenario differently/),
    });
  });
});
