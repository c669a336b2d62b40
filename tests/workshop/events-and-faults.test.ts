/**
 * What format 2 of the workshop added, run on the engine: calls timed from the peer's FIN,
 * reordering, and a loss rate drawn from the scenario's own seed.
 */
import { describe, expect, it } from 'vitest';
import { wireSegments, type Trace } from '../../src/engine/index.ts';
import { seededRandom } from '../../src/engine/parts/faults.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { emptyScenario, problemText, type WorkshopScenario } from '../../src/workshop/model/scenario.ts';

function run(s: WorkshopScenario): Trace {
  const r = runWorkshop(s);
  if (!r.ok) throw new Error(r.problems.map((p) => problemText(p)).join('\n'));
  return r.trace;
}

/** B listens, A connects and sends, then closes; B does nothing by itself. */
function base(): WorkshopScenario {
  const s = emptyScenario();
  s.calls = [
    { side: 'B', call: 'listen', at: 0, after: 'start' },
    { side: 'A', call: 'connect', at: 1, after: 'start' },
    { side: 'A', call: 'close', at: 100, after: 'connected' },
  ];
  return s;
}

describe('calls timed from the peer’s FIN', () => {
  it('B aborts 200 ms after reading A’s FIN: the RST leaves 200 ms after B’s application got end of file', () => {
    const s = base();
    s.calls.push({ side: 'B', call: 'abort', at: 200, after: 'fin' });
    const t = run(s);
    const eof = t.events.find((e) => e.kind === 'app' && e.side === 'B' && e.app === 'eof');
    const abort = t.events.find((e) => e.kind === 'user' && e.side === 'B' && e.call === 'ABORT');
    expect(eof, 'B reads end of file').toBeTruthy();
    expect(abort && eof && abort.t - eof.t).toBe(200);
    expect(wireSegments(t).some((w) => w.from === 'B' && w.segment.flags.RST)).toBe(true);
  });

  it('a call timed from a FIN that never comes is never made', () => {
    const s = base();
    s.calls = s.calls.filter((c) => c.call !== 'close');
    s.calls.push({ side: 'B', call: 'close', at: 0, after: 'fin' });
    const t = run(s);
    expect(t.events.some((e) => e.kind === 'user' && e.side === 'B' && e.call === 'CLOSE')).toBe(false);
    expect(t.final).toEqual({ A: 'ESTABLISHED', B: 'ESTABLISHED' });
  });

  it('the same call counted from the peer’s FIN moves with a lost FIN (A’s FIN retransmitted after its RTO)', () => {
    const s = base();
    s.calls.push({ side: 'B', call: 'close', at: 50, after: 'fin' });
    const closeAt = (x: WorkshopScenario) => run(x).events.find((e) => e.kind === 'user' && e.side === 'B' && e.call === 'CLOSE')!.t;
    const lost = { ...s, faults: [{ kind: 'drop' as const, from: 'A' as const, segment: 'fin' as const, nth: 1 }] };
    expect(closeAt(lost) - closeAt(s)).toBeGreaterThanOrEqual(200);
  });
});

describe('reorder', () => {
  it('A’s first data segment is overtaken by its second: B receives them the other way round and still delivers the bytes in order', () => {
    const s = base();
    s.calls = [
      { side: 'B', call: 'listen', at: 0, after: 'start' },
      { side: 'A', call: 'connect', at: 1, after: 'start' },
      { side: 'A', call: 'send', at: 10, after: 'connected', bytes: 100 },
      { side: 'A', call: 'send', at: 12, after: 'connected', bytes: 50 },
    ];
    s.faults = [{ kind: 'reorder', from: 'A', segment: 'data', nth: 1, ms: 500 }];
    const t = run(s);
    const arrivals = t.events.filter((e) => e.kind === 'deliver' && e.side === 'B' && (e.segment?.payload.length ?? 0) > 0);
    expect(arrivals.map((e) => e.segment!.payload.length / 2)).toEqual([50, 100]);
    // The held segment arrives right after the one that overtook it, not 500 ms late.
    expect(arrivals[1]!.t).toBe(arrivals[0]!.t);
    const delivered = t.events.filter((e) => e.kind === 'app' && e.side === 'B' && e.app === 'data').reduce((n, e) => n + (e.bytes ?? 0), 0);
    expect(delivered).toBe(150);
  });

  it('with nothing after it, a held segment arrives after its time limit, like a delay', () => {
    const s = base();
    s.faults = [{ kind: 'reorder', from: 'A', segment: 'fin', nth: 1, ms: 30 }];
    const t = run(s);
    const sent = t.events.find((e) => e.kind === 'send' && e.side === 'A' && e.segment?.flags.FIN)!;
    const got = t.events.find((e) => e.kind === 'deliver' && e.side === 'B' && e.segment?.flags.FIN)!;
    expect(got.t - sent.t).toBe(s.latencyMs + 30);
  });
});

describe('random loss from the scenario’s seed', () => {
  /** A busy connection: 12 sends each way-ish, so a loss rate has segments to act on. */
  function busy(percent: number, seed: number): WorkshopScenario {
    const s = base();
    s.calls = [
      { side: 'B', call: 'listen', at: 0, after: 'start' },
      { side: 'A', call: 'connect', at: 1, after: 'start' },
      ...Array.from({ length: 12 }, (_, i) => ({ side: 'A' as const, call: 'send' as const, at: 10 + i * 300, after: 'connected' as const, bytes: 200 })),
      { side: 'A', call: 'close', at: 5000, after: 'connected' },
    ];
    s.eof.B = 0;
    s.lossPercent = percent;
    s.lossSeed = seed;
    return s;
  }
  const lost = (t: Trace) => wireSegments(t).filter((w) => w.dropped).length;

  it('the same seed loses the same segments; another seed loses others; 0 % loses none', () => {
    const a = run(busy(20, 7));
    expect(run(busy(20, 7))).toEqual(a);
    expect(lost(a)).toBeGreaterThan(0);
    const others = [8, 9, 10].map((seed) => JSON.stringify(wireSegments(run(busy(20, seed))).map((w) => w.dropped)));
    expect(new Set([JSON.stringify(wireSegments(a).map((w) => w.dropped)), ...others]).size).toBeGreaterThan(1);
    expect(lost(run(busy(0, 7)))).toBe(0);
  });

  it('loses about the rate asked for, over many runs', () => {
    let sent = 0;
    let dropped = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const w = wireSegments(run(busy(25, seed)));
      sent += w.length;
      dropped += w.filter((x) => x.dropped).length;
    }
    expect(dropped / sent).toBeGreaterThan(0.18);
    expect(dropped / sent).toBeLessThan(0.32);
  });

  it('the generator is deterministic and spread over [0, 1)', () => {
    const g = seededRandom(42);
    const xs = Array.from({ length: 10_000 }, g);
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(xs.slice(0, 5));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length / xs.length).toBeCloseTo(0.5, 1);
  });
});
