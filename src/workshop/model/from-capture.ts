/**
 * "Rebuild as a workshop scenario": one connection of the reader's own capture (as the capture lab
 * shows it) turned into application calls the engine can run. A (the side that sent the first
 * SYN) connects, B listens; each side's new data becomes a send() at the moment it was captured,
 * its first FIN a close(), or a shutdown(SHUT_WR) when it went on reading the peer's data after
 * that FIN without a RST (a half-close), its first RST an abort. Times count from the first SYN; a close or
 * abort that acknowledges the peer's FIN is timed from that FIN's arrival, so the passive closer
 * stays passive. The one-way latency is half the SYN → SYN+ACK gap (at least 1 ms: the engine
 * counts whole milliseconds, a loopback capture sub-millisecond ones). The rebuilt run sends the same
 * bytes and closes in the same order, but need not match segment for segment: when ACKs go alone
 * or with data is the engine's choice. What a capture cannot say (which retransmitted segment was
 * lost, the stacks) is left out and listed in `notes`.
 *
 * Only connections the capture lab reads fully are rebuilt: the capture starts with the SYN and
 * both sides' states are known at the end (a row in between may be unknown where a capture cannot
 * tell when an ACK arrived, e.g. the FIN-WAIT-2 between an ACK and the FIN right behind it);
 * anything else gets a reason instead.
 */
import type { LabView } from '../../labs/view/trace-view.ts';
import { LIMITS, emptyScenario, type WorkshopCall, type WorkshopScenario } from './scenario.ts';
import { encodeScenario } from './url.ts';

export type CaptureRebuildNote = 'retransmissions' | 'too-many-calls';
export type CaptureRebuildFailure = 'no-syn' | 'unknown-states' | 'no-syn-ack';
export type CaptureRebuild = { ok: true; scenario: WorkshopScenario; notes: CaptureRebuildNote[] } | { ok: false; reason: CaptureRebuildFailure };

export function scenarioFromCapture(view: LabView): CaptureRebuild {
  const segs = view.segments;
  const first = segs[0];
  if (!first || first.from !== 'A' || !first.flags.includes('SYN') || first.flags.includes('ACK')) return { ok: false, reason: 'no-syn' };
  const end = view.steps.at(-1);
  if (!end || end.A.state === null || end.B.state === null) return { ok: false, reason: 'unknown-states' };
  const captured = (id: number): number => view.steps[segs[id - 1]!.sendStep]?.t ?? 0;
  // The first answer to the SYN: a SYN+ACK (someone listens) or an RST (nobody does).
  const answer = segs.find((s) => s.from === 'B' && ((s.flags.includes('SYN') && s.flags.includes('ACK')) || s.flags.includes('RST')));
  if (!answer) return { ok: false, reason: 'no-syn-ack' };
  const t0 = captured(first.id);
  const cap = (id: number): number => captured(id) - t0;
  const latency = Math.min(LIMITS.latencyMs, Math.max(1, Math.round(cap(answer.id) / 2)));
  const listens = answer.flags.includes('SYN');
  const calls: WorkshopCall[] = [
    ...(listens ? [{ side: 'B' as const, call: 'listen' as const, at: 0, after: 'start' as const }] : []),
    { side: 'A', call: 'connect', at: 1, after: 'start' },
  ];
  // Times in whole milliseconds, in the capture's order: no call before both sides are connected,
  // and a call of the other side one latency after the last, so what it answered has arrived (a
  // loopback capture is faster than the engine's 1 ms resolution).
  const ready = 2 + 3 * latency;
  let prev = { side: 'A' as 'A' | 'B', at: 0 };
  const when = (id: number, side: 'A' | 'B'): number => {
    const t = Math.max(Math.round(cap(id)) + 1 - (side === 'B' ? latency : 0), ready, prev.at + (side === prev.side ? 0 : latency + 1));
    prev = { side, at: t };
    return t;
  };
  const sent = { A: 1, B: 1 };
  const done = { A: false, B: false };
  /** Each side's first FIN: when it was captured, the sequence number just after it, and the close call made for it. */
  const fin: Partial<Record<'A' | 'B', { t: number; end: number; call: WorkshopCall }>> = {};
  const peer = (x: 'A' | 'B'): 'A' | 'B' => (x === 'A' ? 'B' : 'A');
  /**
   * A close or abort. One that acknowledges the peer's FIN was made after reading it, so it is
   * timed from that FIN's arrival; one sent after the peer's FIN without acknowledging it crossed
   * that FIN (a simultaneous close), so it is made at the same time as the peer's close.
   */
  const ending = (s: LabView['segments'][number], call: 'close' | 'abort'): WorkshopCall => {
    const theirs = fin[peer(s.from)];
    if (theirs && s.ack !== null && s.ack >= theirs.end)
      return { side: s.from, call, at: Math.max(0, Math.round(cap(s.id) - theirs.t) - latency), after: 'fin' };
    if (theirs) return { side: s.from, call, at: theirs.call.at, after: theirs.call.after };
    return { side: s.from, call, at: when(s.id, s.from), after: 'start' };
  };
  let retransmissions = false;
  /** After a side's FIN: the peer sent it data, and the side answered with a RST (it had closed). */
  const after = { A: { data: false, rst: false }, B: { data: false, rst: false } };
  for (const s of listens ? segs.slice(1) : []) {
    if (s.len > 0 && fin[peer(s.from)]) after[peer(s.from)].data = true;
    if (done[s.from]) {
      if (s.flags.includes('RST')) after[s.from].rst = true;
      continue;
    }
    const end = s.seq + s.len;
    if (s.len > 0 && end > sent[s.from]) {
      calls.push({ side: s.from, call: 'send', at: when(s.id, s.from), after: 'start', bytes: Math.min(LIMITS.bytes, end - Math.max(s.seq, sent[s.from])) });
      sent[s.from] = end;
    } else if (s.len > 0 || s.retransmit) retransmissions = true;
    if (s.flags.includes('RST')) {
      calls.push(ending(s, 'abort'));
      done[s.from] = true;
    } else if (s.flags.includes('FIN')) {
      const call = ending(s, 'close');
      calls.push(call);
      fin[s.from] = { t: cap(s.id), end: end + 1, call };
      done[s.from] = true;
    }
  }
  for (const x of ['A', 'B'] as const) {
    const f = fin[x];
    if (f && after[x].data && !after[x].rst) f.call.call = 'shutdown';
  }
  const notes: CaptureRebuildNote[] = retransmissions ? ['retransmissions'] : [];
  if (calls.length > LIMITS.calls) notes.push('too-many-calls');
  const scenario: WorkshopScenario = { ...emptyScenario(), latencyMs: latency, calls: calls.slice(0, LIMITS.calls), faults: [] };
  return { ok: true, scenario, notes };
}

/** The rebuilt scenario as the workshop's link (its `#` part), with what was left out. */
export function rebuildLink(
  view: LabView,
): { ok: true; hash: string; calls: number; latencyMs: number; notes: CaptureRebuildNote[] } | { ok: false; reason: CaptureRebuildFailure } {
  const r = scenarioFromCapture(view);
  if (!r.ok) return r;
  return { ok: true, hash: encodeScenario(r.scenario), calls: r.scenario.calls.length, latencyMs: r.scenario.latencyMs, notes: r.notes };
}
