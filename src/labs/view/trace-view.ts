/**
 * Turns an engine Trace (or a replayed capture) into what the sequence lab draws: steps the
 * reader moves through, and segments as arrows between them. A step is one input to an
 * endpoint (an application call, an arriving segment, a loss, a timer) together with
 * everything that input caused, so "next" always answers "and then what happened?".
 */
import { flagNotation, printedFlags } from '../../engine/segment.ts';
import type { FlagName, InjectOrigin, ReasonCode, Side, Snapshot, TcpState, Trace, TraceEvent } from '../../engine/types.ts';

/** One side's variables after a step (absolute 32-bit numbers; null before the connection exists). */
export interface SideView {
  /** null in a capture replay when the capture cannot prove the state (shown as "?"). */
  state: TcpState | null;
  iss: number | null;
  irs: number | null;
  sndUna: number | null;
  sndNxt: number | null;
  rcvNxt: number | null;
}

/** What kind of input started a step. */
export type StepKind = 'start' | 'user' | 'deliver' | 'drop' | 'duplicate' | 'timer' | 'other';

/** One step of the lab. */
export interface ViewStep {
  index: number;
  t: number;
  kind: StepKind;
  side: Side;
  /** Wire id of the segment the step is about (arrival, loss). */
  segment: number | null;
  /** Segments put on the wire during this step. */
  sent: number[];
  call: string | null;
  timer: string | null;
  reason: ReasonCode | null;
  rfc: string | null;
  /** State changes made in this step, per side. */
  changed: Partial<Record<Side, { from: TcpState; to: TcpState }>>;
  /** Each side's most recent transition at or before this step (for the state diagram). */
  last: Partial<Record<Side, { from: TcpState; to: TcpState }>>;
  A: SideView;
  B: SideView;
}

/** One arrow of the diagram. */
export interface ViewSegment {
  id: number;
  from: Side;
  flags: FlagName[];
  seq: number;
  ack: number | null;
  len: number;
  sendStep: number;
  /** Step where it arrived or was lost; null while it is still in flight at the end of the run. */
  endStep: number | null;
  fate: 'delivered' | 'dropped' | 'in-flight';
  retransmit: boolean;
  origin: InjectOrigin | null;
}

/** The lab's whole picture of one run. */
export interface LabView {
  steps: ViewStep[];
  segments: ViewSegment[];
  /** Each side's initial send sequence number, for relative numbers (null if it never chose one). */
  iss: Record<Side, number | null>;
}

const STARTERS: ReadonlySet<TraceEvent['kind']> = new Set(['user', 'deliver', 'drop', 'duplicate', 'timer-fire']);

function sideView(s: Snapshot): SideView {
  return { state: s.state, iss: s.iss, irs: s.irs, sndUna: s.sndUna, sndNxt: s.sndNxt, rcvNxt: s.rcvNxt };
}

const CLOSED_SIDE: SideView = { state: 'CLOSED', iss: null, irs: null, sndUna: null, sndNxt: null, rcvNxt: null };

function kindOf(e: TraceEvent): StepKind {
  switch (e.kind) {
    case 'user':
      return 'user';
    case 'deliver':
      return 'deliver';
    case 'drop':
      return 'drop';
    case 'duplicate':
      return 'duplicate';
    case 'timer-fire':
      return 'timer';
    default:
      return 'other';
  }
}

/** The step before anything happens, with each side's state at that moment. */
export function startStep(A: SideView, B: SideView): ViewStep {
  return { index: 0, t: 0, kind: 'start', side: 'A', segment: null, sent: [], call: null, timer: null, reason: null, rfc: null, changed: {}, last: {}, A, B };
}

/** Builds the lab's view of an engine trace. Pure; the same trace always gives the same view. */
export function viewOfTrace(trace: Trace): LabView {
  const steps: ViewStep[] = [];
  const segments = new Map<number, ViewSegment>();
  const last: ViewStep['last'] = {};
  let cur: ViewStep = startStep(CLOSED_SIDE, CLOSED_SIDE);
  steps.push(cur);
  const iss: LabView['iss'] = { A: null, B: null };
  let stateExplained = false;
  for (const e of trace.events) {
    if (STARTERS.has(e.kind) || cur.kind === 'start') {
      stateExplained = false;
      cur = {
        index: steps.length,
        t: e.t,
        kind: kindOf(e),
        side: e.side,
        segment: e.wireId ?? null,
        sent: [],
        call: e.call ?? null,
        timer: e.kind === 'timer-fire' ? (e.timer ?? null) : null,
        reason: null,
        rfc: null,
        changed: {},
        last: { ...last },
        A: cur.A,
        B: cur.B,
      };
      steps.push(cur);
    }
    if (e.kind === 'send' && e.segment && e.wireId !== undefined) {
      cur.sent.push(e.wireId);
      segments.set(e.wireId, {
        id: e.wireId,
        from: e.side,
        flags: printedFlags(e.segment.flags),
        seq: e.segment.seq,
        ack: e.segment.flags.ACK ? e.segment.ack : null,
        len: e.segment.len,
        sendStep: cur.index,
        endStep: null,
        fate: 'in-flight',
        retransmit: e.retransmit ?? false,
        origin: e.origin ?? null,
      });
    }
    if ((e.kind === 'deliver' || e.kind === 'drop') && e.wireId !== undefined) {
      const s = segments.get(e.wireId);
      if (s) {
        s.endStep = cur.index;
        s.fate = e.kind === 'deliver' ? 'delivered' : 'dropped';
      } else if (e.segment) {
        // Injected segments (old duplicates, a SYN flood) arrive without a send of A or B.
        segments.set(e.wireId, {
          id: e.wireId,
          from: e.side === 'A' ? 'B' : 'A',
          flags: printedFlags(e.segment.flags),
          seq: e.segment.seq,
          ack: e.segment.flags.ACK ? e.segment.ack : null,
          len: e.segment.len,
          sendStep: cur.index,
          endStep: cur.index,
          fate: e.kind === 'deliver' ? 'delivered' : 'dropped',
          retransmit: false,
          origin: e.origin ?? 'attacker',
        });
      }
    }
    if (e.kind === 'state' && e.from && e.to) {
      cur.changed[e.side] = { from: e.from, to: e.to };
      last[e.side] = { from: e.from, to: e.to };
      cur.last[e.side] = last[e.side];
      if (!stateExplained && e.reason) {
        // A step's first state change explains it better than any log line before it.
        stateExplained = true;
        cur.reason = e.reason;
        cur.rfc = e.rfc ?? null;
      }
    }
    if (e.kind === 'log' && e.reason && !cur.reason) {
      cur.reason = e.reason;
      cur.rfc = e.rfc ?? null;
    }
    cur.A = sideView(e.snapshot.A);
    cur.B = sideView(e.snapshot.B);
    for (const side of ['A', 'B'] as const) if (iss[side] === null && e.snapshot[side].iss !== null) iss[side] = e.snapshot[side].iss;
  }
  return { steps, segments: [...segments.values()].sort((x, y) => x.id - y.id), iss };
}

/** Number shown for `value`: relative to `base` (mod 2^32) when asked and possible, else absolute. */
export function showNumber(value: number | null, base: number | null, relative: boolean): string {
  if (value === null) return '–';
  if (!relative || base === null) return String(value >>> 0);
  return String((value - base + 0x1_0000_0000) % 0x1_0000_0000);
}

/** The ISN a side's sequence numbers are relative to, and the one its acknowledgments are. */
export function bases(view: LabView, from: Side): { seq: number | null; ack: number | null } {
  return { seq: view.iss[from], ack: view.iss[from === 'A' ? 'B' : 'A'] };
}

/** Short arrow label: "SYN, ACK seq=0 ack=1 len=0" style, in the chosen numbering. */
export function segmentLabel(view: LabView, s: ViewSegment, relative: boolean): string {
  const b = bases(view, s.from);
  const parts = [flagNotation(s.flags), `seq=${showNumber(s.seq, b.seq, relative)}`];
  if (s.ack !== null) parts.push(`ack=${showNumber(s.ack, b.ack, relative)}`);
  parts.push(`len=${s.len}`);
  return parts.join(' ');
}

/** Steps bounded to the trace; deep links and keyboard input go through this. */
export function clampStep(view: LabView, step: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(view.steps.length - 1, Math.trunc(step)));
}
