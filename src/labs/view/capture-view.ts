/**
 * A connection found in the reader's own capture, as the sequence lab's view: one step per
 * captured segment, states as the engine inferred them. Sequence numbers arrive already
 * relative (tshark's convention), so the view has no ISNs to subtract.
 */
import type { TraceConnection } from '../../engine/pcap/index.ts';
import type { Side, TcpState } from '../../engine/types.ts';
import { startStep, type LabView, type SideView, type ViewSegment, type ViewStep } from './trace-view.ts';

const side = (state: TcpState | null): SideView => ({ state, iss: null, irs: null, sndUna: null, sndNxt: null, rcvNxt: null });

/** Builds the replay view of one captured connection. */
export function viewOfConnection(conn: TraceConnection): LabView {
  const rows = conn.segments;
  const first = rows[0];
  const opensWithSyn = !!first && first.flags.includes('SYN') && !first.flags.includes('ACK');
  const start = startStep(side(opensWithSyn ? 'CLOSED' : (first?.stateA ?? 'CLOSED')), side(opensWithSyn ? 'LISTEN' : (first?.stateB ?? 'CLOSED')));
  const steps: ViewStep[] = [start];
  const segments: ViewSegment[] = [];
  const t0 = first?.t ?? 0;
  let prev = start;
  rows.forEach((r, i) => {
    const id = i + 1;
    const changed: ViewStep['changed'] = {};
    const last: ViewStep['last'] = { ...prev.last };
    for (const s of ['A', 'B'] as const satisfies readonly Side[]) {
      const now = s === 'A' ? r.stateA : r.stateB;
      const was = prev[s].state;
      // An unknown state (null) is shown as "?" on its lane, not as a transition.
      if (now !== was && now !== null && was !== null) {
        changed[s] = { from: was, to: now };
        last[s] = changed[s];
      }
    }
    const step: ViewStep = {
      index: id,
      t: (r.t - t0) * 1000,
      kind: 'deliver',
      side: r.from === 'A' ? 'B' : 'A',
      segment: id,
      sent: [id],
      call: null,
      timer: null,
      reason: null,
      rfc: null,
      changed,
      last,
      A: side(r.stateA),
      B: side(r.stateB),
    };
    steps.push(step);
    segments.push({
      id,
      from: r.from,
      flags: [...r.flags],
      seq: r.seq,
      ack: r.ack,
      len: r.len,
      sendStep: id,
      endStep: id,
      fate: 'delivered',
      retransmit: false,
      origin: null,
    });
    prev = step;
  });
  return { steps, segments, iss: { A: null, B: null } };
}
