/**
 * State inference for captured connections (pcap import): the captured segments are replayed
 * through two engine endpoints, so the states shown for a reader's own capture come from the
 * same RFC 9293 logic as the labs.
 */
import { makeEndpoint, step } from './endpoint.ts';
import { getProfile } from './profiles.ts';
import { segLen } from './segment.ts';
import { seqAdd, seqDiff, seqGt } from './seq.ts';
import type { Address, Endpoint, ObservedSegment, ObservedStep, ProfileName, Segment, Side, StepInput } from './types.ts';

/** Options for observe(). */
export interface ObserveOptions {
  /** Profile whose timers decide e.g. when TIME-WAIT ends (default 'linux'). */
  profile?: ProfileName;
}

function drive(ep: Endpoint, input: StepInput, now: number): Endpoint {
  return step(ep, input, { now }).endpoint;
}

/** Fire TIME-WAIT and FIN-WAIT-2 expiries that are due; other timers belong to the real stacks. */
function ageTo(ep: Endpoint, now: number): Endpoint {
  let e = ep;
  for (const timer of ['time-wait', 'fin-wait-2'] as const) {
    const at = e.timers[timer];
    if (at !== undefined && at <= now) e = drive(e, { kind: 'timer', timer }, now);
  }
  return e;
}

/**
 * Infer both sides' states after every captured segment (pcap import). Feed the segments in
 * capture order with `from` = 'A' for the side that sent the first SYN, `t` in ms.
 *
 * How: A gets an active OPEN with its captured ISN; B is a listener whose ISN is its captured
 * SYN,ACK's. Before a segment is delivered to its receiver, the sender gets the user call that
 * explains it (SEND for new data, CLOSE for its first FIN, ABORT for a RST from a live
 * connection); what the engines would send themselves is ignored, the capture is the truth.
 * A side that never sends anything in the capture is not fed (it stays LISTEN, as the SYN may
 * have been dropped before it, like synsent.pcap). A capture that starts mid-connection starts
 * both sides ESTABLISHED and says so in `notes` of the first step.
 */
export function observe(segments: readonly ObservedSegment[], options: ObserveOptions = {}): ObservedStep[] {
  if (segments.length === 0) return [];
  const base = getProfile(options.profile ?? 'linux');
  // Real stacks advertise scaled windows far above 64 KiB; a huge local window keeps every
  // captured byte "in window" so no segment is mistaken for an old one.
  const profile = { ...base, window: 0x4000_0000 };
  const first = (side: Side, pred: (s: Segment) => boolean): Segment | undefined => segments.find((o) => o.from === side && pred(o.segment))?.segment;
  const anyA = first('A', () => true);
  const anyB = first('B', () => true);
  const addrA: Address = anyA ? anyA.src : (anyB?.dst ?? { ip: '0.0.0.0', port: 0 });
  const addrB: Address = anyA ? anyA.dst : (anyB?.src ?? { ip: '0.0.0.0', port: 0 });
  const synA = first('A', (s) => s.flags.SYN && !s.flags.ACK);
  const synB = first('B', (s) => s.flags.SYN);
  const bSpeaks = anyB !== undefined;
  const t0 = segments[0]?.t ?? 0;
  const notes0: string[] = [];

  let a = makeEndpoint('A', addrA, { profile, isn: { kind: 'fixed', value: synA?.seq ?? 0 }, delayedAck: false });
  let b = makeEndpoint('B', addrB, { profile, isn: { kind: 'fixed', value: synB?.seq ?? 0 }, delayedAck: false });
  const bActive = synB !== undefined && !synB.flags.ACK; // simultaneous open
  // B listens if it answers with SYN,ACK, or if it never speaks (we cannot tell; LISTEN fits a
  // dropped SYN). A B that answers a SYN with RST had no listener: it stays CLOSED.
  if ((synB !== undefined && !bActive) || !bSpeaks) b = drive(b, { kind: 'user', call: { call: 'OPEN', mode: 'passive', local: addrB } }, t0);

  if (!synA && !synB) {
    // Mid-connection: rebuild ESTABLISHED on both sides by a handshake whose numbers end where the capture begins.
    const aNext = anyA?.seq ?? anyB?.ack ?? 0;
    const bNext = anyB?.seq ?? anyA?.ack ?? 0;
    a = makeEndpoint('A', addrA, { profile, isn: { kind: 'fixed', value: seqAdd(aNext, -1) }, delayedAck: false });
    b = makeEndpoint('B', addrB, { profile, isn: { kind: 'fixed', value: seqAdd(bNext, -1) }, delayedAck: false });
    b = drive(b, { kind: 'user', call: { call: 'OPEN', mode: 'passive', local: addrB } }, t0);
    const r1 = step(a, { kind: 'user', call: { call: 'OPEN', mode: 'active', local: addrA, remote: addrB } }, { now: t0 });
    a = r1.endpoint;
    const syn = r1.effects.find((e) => e.kind === 'send');
    const r2 = syn && syn.kind === 'send' ? step(b, { kind: 'segment', segment: syn.segment }, { now: t0 }) : null;
    if (r2) b = r2.endpoint;
    const synack = r2?.effects.find((e) => e.kind === 'send');
    const r3 = synack && synack.kind === 'send' ? step(a, { kind: 'segment', segment: synack.segment }, { now: t0 }) : null;
    if (r3) a = r3.endpoint;
    const ack = r3?.effects.find((e) => e.kind === 'send');
    if (ack && ack.kind === 'send') b = drive(b, { kind: 'segment', segment: ack.segment }, t0);
    notes0.push('capture starts mid-connection (no SYN): both sides assumed ESTABLISHED at the first segment');
  }

  const out: ObservedStep[] = [];
  // The last segment delivered to each side, with that side as it was before: if the side's
  // next segment does not acknowledge it, the two crossed on the wire (simultaneous close) and
  // the delivery is undone and redone after the send.
  const undo: Record<Side, { before: Endpoint; seg: Segment; t: number; step: number } | null> = { A: null, B: null };
  for (const [i, o] of segments.entries()) {
    const notes: string[] = i === 0 ? notes0.slice() : [];
    a = ageTo(a, o.t);
    b = ageTo(b, o.t);
    let sender = o.from === 'A' ? a : b;
    let receiver = o.from === 'A' ? b : a;
    const seg = o.segment;
    const u = undo[o.from];
    const crossed =
      u !== null &&
      !seg.flags.RST &&
      ((seg.flags.ACK && segLen(u.seg) > 0 && seqGt(seqAdd(u.seg.seq, segLen(u.seg)), seg.ack)) ||
        // simultaneous open: our SYN left before theirs arrived
        (u.before.state === 'CLOSED' && seg.flags.SYN && !seg.flags.ACK && u.seg.flags.SYN));
    if (u && crossed) {
      sender = u.before;
      const prev = out[u.step];
      if (prev) out[u.step] = o.from === 'A' ? { ...prev, stateA: u.before.state } : { ...prev, stateB: u.before.state };
      notes.push('this segment crossed the previous one on the wire (it does not acknowledge it)');
    }
    undo[o.from] = null;
    const peer = o.from === 'A' ? addrB : addrA;
    // 1. The sender's user call that explains this segment.
    if (sender.state === 'CLOSED' && seg.flags.SYN && !seg.flags.ACK) {
      sender = drive(sender, { kind: 'user', call: { call: 'OPEN', mode: 'active', local: sender.local, remote: peer } }, o.t);
    } else if (seg.flags.RST && sender.tcb) {
      sender = drive(sender, { kind: 'user', call: { call: 'ABORT' } }, o.t);
    } else if (sender.tcb) {
      const dataEnd = seqAdd(seg.seq, seg.payload.length + (seg.flags.SYN ? 1 : 0));
      const queuedEnd = seqAdd(sender.tcb.sndUna, sender.tcb.sendQueue.length + (sender.tcb.sndUna === sender.tcb.iss ? 1 : 0));
      if (seg.payload.length > 0 && seqGt(dataEnd, queuedEnd)) {
        const fresh = seg.payload.slice(Math.max(0, seg.payload.length - seqDiff(dataEnd, queuedEnd)));
        sender = drive(sender, { kind: 'user', call: { call: 'SEND', data: fresh } }, o.t);
      }
      if (seg.flags.FIN && !sender.tcb?.finQueued) sender = drive(sender, { kind: 'user', call: { call: 'CLOSE' } }, o.t);
    }
    if (u && crossed) sender = drive(sender, { kind: 'segment', segment: u.seg }, o.t);
    // 2. The receiver processes the segment (unless it never speaks in this capture).
    const receiverSpeaks = o.from === 'A' ? bSpeaks : true;
    const to: Side = o.from === 'A' ? 'B' : 'A';
    if (receiverSpeaks) {
      undo[to] = { before: receiver, seg, t: o.t, step: out.length };
      receiver = drive(receiver, { kind: 'segment', segment: seg }, o.t);
    }
    else if (segLen(seg) > 0 && i === 0) notes.push('the other side sends nothing in this capture: its state is not inferred');
    if (o.from === 'A') {
      a = sender;
      b = receiver;
    } else {
      b = sender;
      a = receiver;
    }
    out.push({ t: o.t, from: o.from, stateA: a.state, stateB: b.state, notes });
  }
  return out;
}
