import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/index.ts';
import { timeScale, timeWaitTimeline } from '../../src/labs/view/time-wait-timeline.ts';
import { runTimeWaitCase } from '../../src/labs/view/time-wait-run.ts';
import { getScenario } from '../../src/engine/index.ts';

describe('TIME-WAIT timeline', () => {
  it('lost final ACK: the FIN comes again while the closer is still in TIME-WAIT', () => {
    const tl = timeWaitTimeline(runScenario('lost-final-ack'));
    expect(tl.side).toBe('A');
    const again = tl.marks.find((m) => m.kind === 'fin-again');
    expect(again).toBeDefined();
    expect(again!.t).toBeGreaterThan(tl.start!);
    expect(tl.end === null || again!.t < tl.end).toBe(true);
  });

  it('TIME-WAIT too short: the old duplicate arrives after TIME-WAIT is over', () => {
    const tl = timeWaitTimeline(runScenario('time-wait-too-short'));
    const dup = tl.marks.find((m) => m.kind === 'old-duplicate');
    expect(dup).toBeDefined();
    expect(tl.end).not.toBeNull();
    expect(dup!.t).toBeGreaterThan(tl.end!);
  });

  it('RST in TIME-WAIT ends it early without RFC 1337, not with it', () => {
    const plain = timeWaitTimeline(runScenario('rst-in-time-wait'));
    const fixed = timeWaitTimeline(runScenario('rst-in-time-wait-rfc1337'));
    const rstAt = plain.marks.find((m) => m.kind === 'rst')!.t;
    expect(plain.end).toBe(rstAt);
    expect(fixed.marks.some((m) => m.kind === 'rst')).toBe(true);
    expect(fixed.end === null || fixed.end > rstAt).toBe(true);
  });

  it('follows the MSL knob: the re-ACKed FIN restarts a 2×MSL timer', () => {
    const r = runTimeWaitCase(getScenario('lost-final-ack'), { profile: 'rfc', mslMs: 5000 });
    if (!r.ok) throw new Error(r.message);
    const tl = r.timeline;
    const again = tl.marks.filter((m) => m.kind === 'fin-again').at(-1)!;
    expect(tl.due! - again.t).toBe(10_000);
    expect(tl.end! - tl.start!).toBeGreaterThan(10_000);
    expect(runTimeWaitCase(getScenario('lost-final-ack'), { mslMs: -5 }).ok).toBe(false);
  });

  it('maps time onto the axis, clamped', () => {
    const x = timeScale(1000, 10, 100);
    expect(x(0)).toBe(10);
    expect(x(500)).toBe(60);
    expect(x(5000)).toBe(110);
    expect(x(-1)).toBe(10);
  });
});
