/**
 * "Rebuild as a workshop scenario" on real Linux captures: the rebuilt scenario runs, each side
 * sends the same bytes, the same side closes (or resets) first, and both sides end where the
 * capture ends. Segment for segment the runs may differ: whether an ACK goes alone is the
 * engine's choice, and loopback captures are timed in fractions of a millisecond.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../src/engine/pcap/index.ts';
import { wireSegments } from '../../src/engine/index.ts';
import { viewOfConnection } from '../../src/labs/view/capture-view.ts';
import { scenarioFromCapture } from '../../src/workshop/model/from-capture.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { problemText } from '../../src/workshop/model/scenario.ts';

const view = (name: string) =>
  viewOfConnection(analyseCapture(new Uint8Array(readFileSync(new URL(`../fixtures/kernel-traces/${name}`, import.meta.url)))).report.connections[0]!);

describe('rebuild a captured connection as a workshop scenario', () => {
  for (const name of ['normal.pcap', 'simclose3.pcap', 'serverfirst.pcap', 'slowpassive.pcap', 'rst.pcap']) {
    it(`${name}: the rebuilt run sends the same bytes, closes in the same order and ends where the capture ends`, () => {
      const v = view(name);
      const r = scenarioFromCapture(v);
      if (!r.ok) throw new Error(r.reason);
      const run = runWorkshop(r.scenario);
      if (!run.ok) throw new Error(run.problems.map((p) => problemText(p)).join('; '));
      const wire = wireSegments(run.trace).filter((w) => !w.dropped);
      const facts = (segs: { from: 'A' | 'B'; fin: boolean; rst: boolean; len: number }[]) => ({
        bytes: { A: segs.filter((x) => x.from === 'A').reduce((n, x) => n + x.len, 0), B: segs.filter((x) => x.from === 'B').reduce((n, x) => n + x.len, 0) },
        endings: segs
          .filter((x) => x.fin || x.rst)
          .map((x) => `${x.from} ${x.rst ? 'RST' : 'FIN'}`)
          .filter((x, i, all) => all.indexOf(x) === i),
      });
      const captured = facts(
        v.segments.filter((x) => !x.retransmit).map((x) => ({ from: x.from, fin: x.flags.includes('FIN'), rst: x.flags.includes('RST'), len: x.len })),
      );
      const rebuilt = facts(
        wire.filter((w) => !w.retransmit).map((w) => ({ from: w.from, fin: w.segment.flags.FIN, rst: w.segment.flags.RST, len: w.segment.payload.length })),
      );
      expect(rebuilt).toEqual(captured);
      // Where both sides are once the last captured segment has arrived (the engine's run goes on, e.g. out of TIME-WAIT).
      const lastIn = wire.at(-1)!.t + r.scenario.latencyMs;
      const end = run.trace.events.filter((e) => e.t <= lastIn).at(-1)!.snapshot;
      const last = v.steps.at(-1)!;
      expect({ A: end.A.state, B: end.B.state }).toEqual({ A: last.A.state, B: last.B.state });
    });
  }

  it('says why it cannot rebuild a capture that does not start with the SYN', () => {
    const v = view('normal.pcap');
    expect(scenarioFromCapture({ ...v, segments: v.segments.slice(1) })).toEqual({ ok: false, reason: 'no-syn' });
  });
});
