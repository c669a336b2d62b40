/**
 * shutdown(SHUT_WR) against close() in the workshop, on the Linux profile: the same FIN, but after
 * shutdown the application still owns the connection (it reads what the peer sends after the FIN,
 * and FIN-WAIT-2 waits as long as it takes), while after close() the orphan answers late data with
 * a RST and is dropped from FIN-WAIT-2 after tcp_fin_timeout.
 */
import { describe, expect, it } from 'vitest';
import { wireSegments, type Trace } from '../../src/engine/index.ts';
import { analyseCapture, LINKTYPE, traceFrames, writePcap } from '../../src/engine/pcap/index.ts';
import { viewOfConnection } from '../../src/labs/view/capture-view.ts';
import { scenarioFromCapture } from '../../src/workshop/model/from-capture.ts';
import { fromChapter } from '../../src/workshop/model/from-chapter.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { emptyScenario, problemText, type CallKind, type WorkshopScenario } from '../../src/workshop/model/scenario.ts';
import { decodeScenario, encodeScenario } from '../../src/workshop/model/url.ts';

function run(s: WorkshopScenario): Trace {
  const r = runWorkshop(s);
  if (!r.ok) throw new Error(r.problems.map((p) => problemText(p)).join('\n'));
  return r.trace;
}

/** A sends a request and ends its direction with `end`; B answers 200 ms after A's FIN, and closes 100 ms after that. */
function halfClose(end: CallKind): WorkshopScenario {
  const s = emptyScenario();
  s.calls = [
    { side: 'B', call: 'listen', at: 0, after: 'start' },
    { side: 'A', call: 'connect', at: 1, after: 'start' },
    { side: 'A', call: 'send', at: 20, after: 'connected', bytes: 5 },
    { side: 'A', call: end, at: 40, after: 'connected' },
    { side: 'B', call: 'send', at: 200, after: 'fin', bytes: 300 },
    { side: 'B', call: 'close', at: 300, after: 'fin' },
  ];
  return s;
}

const read = (t: Trace, side: 'A' | 'B'): number =>
  t.events.filter((e) => e.kind === 'app' && e.app === 'data' && e.side === side).reduce((n, e) => n + (e.detail ?? '').length, 0);
const path = (t: Trace, side: 'A' | 'B'): string[] => t.events.filter((e) => e.kind === 'state' && e.side === side).map((e) => e.to ?? '');
const wire = (t: Trace): string[] =>
  wireSegments(t).map(
    (w) =>
      `${w.from} ${Object.entries(w.segment.flags)
        .filter(([, on]) => on)
        .map(([f]) => f)
        .join('+')} ${w.segment.payload.length}`,
  );

describe('shutdown(SHUT_WR): a half-close', () => {
  it('the peer sends after reading our FIN: A reads the 300 bytes and ACKs them, then both close normally', () => {
    const t = run(halfClose('shutdown'));
    expect(read(t, 'A')).toBe(300);
    expect(wire(t).slice(3)).toEqual(['A ACK+PSH 5', 'B ACK 0', 'A ACK+FIN 0', 'B ACK 0', 'B ACK+PSH 300', 'A ACK 0', 'B ACK+FIN 0', 'A ACK 0']);
    expect(path(t, 'A')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(t.events.some((e) => e.reason === 'shutdown-send-fin')).toBe(true);
  });

  it('with close() instead, the same data draws a RST from A (§3.6.1): B’s application gets connection reset', () => {
    const t = run(halfClose('close'));
    expect(read(t, 'A')).toBe(0);
    expect(wire(t).slice(-2)).toEqual(['B ACK+PSH 300', 'A RST 0']);
    expect(t.events.some((e) => e.kind === 'app' && e.app === 'error' && e.side === 'B' && e.error === 'connection-reset')).toBe(true);
    expect(t.final).toEqual({ A: 'CLOSED', B: 'CLOSED' });
  });

  it('a peer that never closes: after shutdown A waits in FIN-WAIT-2 to the end of the run; after close() tcp_fin_timeout ends it at 60 s', () => {
    const idle = (end: CallKind): WorkshopScenario => ({ ...halfClose(end), calls: halfClose(end).calls.slice(0, 4) });
    const shut = run(idle('shutdown'));
    expect(shut.final.A).toBe('FIN-WAIT-2');
    const closed = run(idle('close'));
    expect(closed.final.A).toBe('CLOSED');
    const fw2 = closed.events.find((e) => e.kind === 'state' && e.side === 'A' && e.to === 'FIN-WAIT-2');
    const gone = closed.events.find((e) => e.kind === 'state' && e.side === 'A' && e.reason === 'timer-fin-wait-2-closed');
    expect(gone && fw2 && gone.t - fw2.t).toBe(60_000);
  });

  it('close() after shutdown in FIN-WAIT-2 starts tcp_fin_timeout from that moment', () => {
    const s = halfClose('shutdown');
    s.calls = [...s.calls.slice(0, 4), { side: 'A', call: 'close', at: 5_000, after: 'connected' }];
    const t = run(s);
    const close = t.events.find((e) => e.kind === 'user' && e.side === 'A' && e.call === 'CLOSE');
    const gone = t.events.find((e) => e.kind === 'state' && e.side === 'A' && e.reason === 'timer-fin-wait-2-closed');
    expect(gone && close && gone.t - close.t).toBe(60_000);
  });

  it('the link writes and reads the call as `shutdown`; a link from before it still reads as it did', () => {
    const hash = encodeScenario(halfClose('shutdown'));
    expect(hash).toContain('A@conn+40:shutdown');
    const back = decodeScenario(hash);
    expect(back.ok && back.scenario).toEqual(halfClose('shutdown'));
    const old = decodeScenario(encodeScenario(halfClose('close')));
    expect(old.ok && old.scenario.calls[3]?.call).toBe('close');
  });

  it('“start from a chapter” opens the half-close chapter with shutdown, and its run is the chapter’s', () => {
    const { scenario } = fromChapter('half-close', {});
    expect(scenario.calls.filter((c) => c.call === 'shutdown').map((c) => c.side)).toEqual(['A']);
    const t = run(scenario);
    expect(read(t, 'A')).toBe('part 1;part 2.'.length);
    expect(path(t, 'A')).toContain('TIME-WAIT');
  });

  it('a capture rebuilt as a scenario: a FIN whose side reads on becomes shutdown, one whose side answers data with a RST stays close', () => {
    for (const end of ['shutdown', 'close'] as const) {
      const t = run(halfClose(end));
      const capture = analyseCapture(writePcap(traceFrames(t), { linkType: LINKTYPE.ETHERNET }));
      const r = scenarioFromCapture(viewOfConnection(capture.report.connections[0]!));
      if (!r.ok) throw new Error(r.reason);
      expect(r.scenario.calls.filter((c) => c.side === 'A' && (c.call === 'shutdown' || c.call === 'close')).map((c) => c.call)).toEqual([end]);
      expect(run(r.scenario).final).toEqual(t.final);
    }
  });
});
