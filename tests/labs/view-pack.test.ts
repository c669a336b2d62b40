/**
 * view-pack.ts: a sequence lab's run as the page carries it comes back whole, for every built-in
 * scenario, and packing leaves out what it says it does.
 */
import { describe, expect, it } from 'vitest';
import { getScenario, SCENARIO_IDS } from '../../src/engine/index.ts';
import { runForLab } from '../../src/labs/view/engine-adapter.ts';
import { packView, unpackView } from '../../src/labs/view/view-pack.ts';

describe('packed lab views', () => {
  for (const id of SCENARIO_IDS) {
    it(`${id}: unpack(pack(view)) is the view`, () => {
      const run = runForLab(getScenario(id), {}, null);
      if (!run.ok) throw new Error(run.message);
      const packed = packView(run.view);
      expect(unpackView(JSON.parse(JSON.stringify(packed)))).toEqual(run.view);
      expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(run.view).length * 0.8);
    });
  }
  it('a view that is not packed passes through; a packed one without a first snapshot is named', () => {
    const run = runForLab(getScenario('normal-open'), {}, null);
    if (!run.ok) throw new Error(run.message);
    expect(unpackView(run.view)).toBe(run.view);
    const packed = packView(run.view);
    delete packed.steps[0]!.A;
    expect(() => unpackView(packed)).toThrow('packed lab view: step 0 has no variables for A and no step before it');
  });
});
