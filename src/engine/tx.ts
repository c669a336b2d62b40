/**
 * Internal helpers shared by user calls, segment arrival and timers: the working copy of an
 * endpoint during one step, and everything that puts a segment on the wire. Not exported from
 * index.ts.
 */
import { flags } from './segment-data.ts';
import { seqAdd, seqDiff } from './seq.ts';
import type { Address, Effect, Endpoint, EngineError, ReasonCode, Segment, Tcb, TcpFlags, TcpOptions, TcpState, TimerName } from './types.ts';
import { NOTES } from './notes.ts';
import type { EngineParts } from './parts.ts';

/** One step's scratch space: a private copy of the endpoint and the effects so far. */
export interface Work {
  ep: Endpoint;
  effects: Effect[];
  now: number;
  /** The optional engine parts this run was given (parts.ts). */
  parts: EngineParts;
}

/** Copy an endpoint deep enough that the step can assign fields without touching the input. */
export function begin(endpoint: Endpoint, now: number, parts: EngineParts): Work {
  const tcb = endpoint.tcb ? { ...endpoint.tcb, ooo: endpoint.tcb.ooo.slice() } : null;
  return { ep: { ...endpoint, timers: { ...endpoint.timers }, synQueue: endpoint.synQueue.slice(), tcb }, effects: [], now, parts };
}

/** The TCB, for code paths that only run when a connection record exists. */
export function tcbOf(w: Work): Tcb {
  if (!w.ep.tcb) throw new Error(`engine bug: ${w.ep.name} in ${w.ep.state} has no TCB`);
  return w.ep.tcb;
}

/** The foreign socket, for code paths that only run when one is known. */
export function remoteOf(w: Work): Address {
  if (!w.ep.remote) throw new Error(`engine bug: ${w.ep.name} in ${w.ep.state} has no remote address`);
  return w.ep.remote;
}

/** Record why something happened (reason code + RFC section). */
export function log(w: Work, reason: ReasonCode, rfc: string, detail?: string | false): void {
  w.effects.push(typeof detail === 'string' ? { kind: 'log', reason, rfc, detail } : { kind: 'log', reason, rfc });
}

/** Change state, with the reason. Leaving for CLOSED drops the connection record and its timers. */
export function setState(w: Work, to: TcpState, reason: ReasonCode, rfc: string): void {
  const from = w.ep.state;
  if (from === to) return;
  w.ep.state = to;
  w.effects.push({ kind: 'state', from, to, reason, rfc });
  if (to === 'CLOSED' || to === 'LISTEN') {
    for (const t of Object.keys(w.ep.timers) as TimerName[]) {
      if (to === 'LISTEN' && t === 'syn-received') continue;
      cancelTimer(w, t);
    }
    w.ep.tcb = null;
    if (to === 'CLOSED') w.ep.remote = null;
    if (to === 'LISTEN' && w.ep.config.backlog === null) w.ep.remote = null;
  }
}

/** Tell the application something went wrong and why. */
export function fail(w: Work, error: EngineError): void {
  w.ep.error = error;
  w.effects.push({ kind: 'error', error });
}

/** Start (or restart) a timer. */
export function setTimer(w: Work, timer: TimerName, at: number): void {
  w.ep.timers[timer] = at;
  w.effects.push({ kind: 'timer-set', timer, at });
}

/** Stop a timer if it runs. */
export function cancelTimer(w: Work, timer: TimerName): void {
  if (w.ep.timers[timer] === undefined) return;
  delete w.ep.timers[timer];
  w.effects.push({ kind: 'timer-cancel', timer });
}

const EMPTY = new Uint8Array(0);

/** TSval for now: virtual ms plus the per-endpoint offset, mod 2^32. */
function tsval(w: Work): number {
  return seqAdd(w.ep.config.tsOffset, Math.floor(w.now));
}

/** Options our SYN or SYN+ACK carries; on a SYN+ACK only those the peer offered (RFC 7323 §1.3, RFC 2018). */
export function synOptions(w: Work, peer: TcpOptions | null, tsecr: number): TcpOptions {
  const p = w.ep.config.profile;
  const o: TcpOptions = { mss: p.mss };
  if (p.sackPermitted && (peer === null || peer.sackPermitted)) o.sackPermitted = true;
  if (p.timestamps && (peer === null || peer.timestamps)) o.timestamps = { tsval: tsval(w), tsecr };
  if (p.windowScale !== null && (peer === null || peer.windowScale !== undefined)) o.windowScale = p.windowScale;
  return o;
}

/** Build a segment from this endpoint to `dst`. Window and timestamps follow the TCB when there is one. */
export function makeSegment(w: Work, dst: Address, f: TcpFlags, seq: number, ack: number, payload: Uint8Array = EMPTY, options?: TcpOptions): Segment {
  const tcb = w.ep.tcb;
  let window = 0;
  let opts: TcpOptions = options ?? {};
  if (!f.RST) {
    const wnd = tcb ? tcb.rcvWnd : w.ep.config.profile.window;
    window = f.SYN ? Math.min(wnd, 0xffff) : Math.min(wnd >>> (tcb ? tcb.rcvScale : 0), 0xffff);
    if (!options && tcb && tcb.timestamps) opts = { timestamps: { tsval: tsval(w), tsecr: tcb.tsRecent } };
  }
  return { src: { ...w.ep.local }, dst: { ...dst }, seq, ack: f.ACK ? ack : 0, flags: f, window, options: opts, payload };
}

/** Put a segment on the wire. Any segment that carries an ACK also answers a pending delayed ACK. */
export function emit(w: Work, segment: Segment, retransmit = false): void {
  w.effects.push({ kind: 'send', segment, retransmit });
  if (segment.flags.ACK && w.ep.tcb && !segment.flags.RST) {
    w.ep.tcb.ackPending = 0;
    cancelTimer(w, 'delayed-ack');
  }
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=…>: a segment without data at the connection's send and receive points. */
export function sendCtl(w: Work, f: TcpFlags): void {
  const tcb = tcbOf(w);
  emit(w, makeSegment(w, remoteOf(w), f, tcb.sndNxt, tcb.rcvNxt));
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: the ACK §3.10.7.4 sends in many branches. */
export function sendAck(w: Work): void {
  sendCtl(w, flags('ACK'));
}

/** Our FIN once everything queued before it is sent (§3.10.4): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>; it takes one sequence number. */
export function sendFin(w: Work): void {
  const tcb = tcbOf(w);
  sendCtl(w, flags('FIN', 'ACK'));
  tcb.finSeq = tcb.sndNxt;
  tcb.sndNxt = seqAdd(tcb.sndNxt, 1);
}

/**
 * ACK an unacceptable segment (§3.10.7.4, RFC 5961 challenge ACKs), at most once per
 * profile.invalidAckIntervalMs (RFC 5961 §7) so two desynchronized ends cannot ACK each other forever.
 */
export function sendInvalidAck(w: Work): void {
  const tcb = tcbOf(w);
  const gap = w.ep.config.profile.invalidAckIntervalMs;
  if (tcb.lastInvalidAckAt !== null && w.now - tcb.lastInvalidAckAt < gap) {
    log(w, 'invalid-ack-rate-limited', 'RFC 5961 §7', NOTES && `another ACK within ${gap} ms suppressed`);
    return;
  }
  tcb.lastInvalidAckAt = w.now;
  sendAck(w);
}

/**
 * ACK data or a FIN that was just accepted: at once, or later when delayed ACK applies
 * (§3.8.6.3: SHOULD delay, MUST be under 0.5 s, and at least every second full segment).
 * Linux ACKs the first data segments at once ("quick ACK") and delays after it has seen a FIN
 * in ESTABLISHED ("pingpong"): that is the 3- versus 4-segment teardown.
 */
export function ackReceived(w: Work, isData: boolean): void {
  const tcb = tcbOf(w);
  const p = w.ep.config.profile;
  const mayDelay = w.ep.config.delayedAck && p.delayedAckMs !== null && (tcb.pingpong || tcb.quickAcks <= 0);
  if (!mayDelay || p.delayedAckMs === null) {
    if (isData && tcb.quickAcks > 0) tcb.quickAcks -= 1;
    log(w, 'ack-immediate', '3.8.6.3');
    sendAck(w);
    return;
  }
  tcb.ackPending += 1;
  if (tcb.ackPending >= 2) {
    log(w, 'ack-immediate', '3.8.6.3', NOTES && 'second segment since the last ACK');
    sendAck(w);
    return;
  }
  log(w, 'ack-delayed', '3.8.6.3', NOTES && `${p.delayedAckMs} ms`);
  if (w.ep.timers['delayed-ack'] === undefined) setTimer(w, 'delayed-ack', w.now + p.delayedAckMs);
}

/** Sequence number just past our data (SND.UNA + queued bytes, plus the SYN while unacknowledged). */
function dataEnd(tcb: Tcb): number {
  const synOutstanding = tcb.sndUna === tcb.iss ? 1 : 0;
  return seqAdd(tcb.sndUna, synOutstanding + tcb.sendQueue.length);
}

/** How many bytes we may put in one segment. */
export function sendMss(w: Work): number {
  const tcb = tcbOf(w);
  return Math.max(1, Math.min(tcb.peerMss, w.ep.config.profile.mss));
}

/** Start the retransmission timer if something is outstanding and it is not running. */
export function armRetransmit(w: Work): void {
  const tcb = tcbOf(w);
  if (tcb.sndUna !== tcb.sndNxt && w.ep.timers.retransmit === undefined) setTimer(w, 'retransmit', w.now + tcb.rto);
}

/**
 * Send new data and then the FIN, as far as the peer's window allows (§3.10.2, §3.10.4).
 * Only in states where we may send data; the SYN side of the handshake is sent elsewhere.
 */
export function output(w: Work): void {
  const st = w.ep.state;
  if (!['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'LAST-ACK', 'CLOSING'].includes(st)) return;
  const tcb = tcbOf(w);
  const remote = remoteOf(w);
  const mss = sendMss(w);
  const end = dataEnd(tcb);
  for (;;) {
    const unsent = seqDiff(end, tcb.sndNxt);
    if (unsent <= 0 || tcb.finSeq !== null) break;
    const inFlight = seqDiff(tcb.sndNxt, tcb.sndUna);
    const room = tcb.sndWnd - inFlight;
    if (room <= 0) break;
    const n = Math.min(unsent, mss, room);
    const offset = tcb.sendQueue.length - unsent;
    // A view, not a copy: queued bytes are never written again (send-queue.ts).
    const payload = tcb.sendQueue.subarray(offset, offset + n);
    const last = n === unsent;
    const fin = last && tcb.finQueued;
    const f = flags('ACK', ...(last ? (['PSH'] as const) : []), ...(fin ? (['FIN'] as const) : []));
    if (tcb.rttProbe === null) tcb.rttProbe = { seq: seqAdd(tcb.sndNxt, n), at: w.now };
    emit(w, makeSegment(w, remote, f, tcb.sndNxt, tcb.rcvNxt, payload));
    tcb.sndNxt = seqAdd(tcb.sndNxt, n + (fin ? 1 : 0));
    if (fin) tcb.finSeq = seqAdd(tcb.sndNxt, -1);
  }
  if (tcb.finQueued && tcb.finSeq === null && tcb.sndNxt === end) sendFin(w);
  armRetransmit(w);
}

/** Resend the oldest unacknowledged segment (RFC 6298 §5.4): SYN, SYN+ACK, data and/or FIN. */
export function retransmitOldest(w: Work): void {
  const tcb = tcbOf(w);
  const remote = remoteOf(w);
  tcb.rttProbe = null; // Karn: no RTT sample from a retransmitted segment
  if (w.ep.state === 'SYN-SENT') {
    emit(w, makeSegment(w, remote, flags('SYN'), tcb.iss, 0, EMPTY, synOptions(w, null, 0)), true);
    return;
  }
  if (w.ep.state === 'SYN-RECEIVED' && tcb.sndUna === tcb.iss) {
    emit(w, makeSegment(w, remote, flags('SYN', 'ACK'), tcb.iss, tcb.rcvNxt, EMPTY, synAckOptions(w)), true);
    return;
  }
  const n = Math.min(tcb.sendQueue.length, sendMss(w));
  const fin = tcb.finSeq !== null && seqAdd(tcb.sndUna, n) === tcb.finSeq;
  if (n === 0 && !fin) return;
  const f = flags('ACK', ...(n > 0 ? (['PSH'] as const) : []), ...(fin ? (['FIN'] as const) : []));
  emit(w, makeSegment(w, remote, f, tcb.sndUna, tcb.rcvNxt, tcb.sendQueue.subarray(0, n)), true);
}

/** The options of our SYN+ACK, rebuilt from what the TCB negotiated. */
export function synAckOptions(w: Work): TcpOptions {
  const tcb = tcbOf(w);
  const peer: TcpOptions = { sackPermitted: true };
  if (tcb.timestamps) peer.timestamps = { tsval: tcb.tsRecent, tsecr: 0 };
  if (tcb.rcvScale > 0 || tcb.sndScale > 0) peer.windowScale = tcb.sndScale;
  return synOptions(w, peer, tcb.tsRecent);
}

/**
 * A fresh TCB for a connection whose ISS is chosen. Receive-side fields are filled when the
 * peer's SYN is known (see learnPeerSyn).
 */
export function newTcb(w: Work, iss: number): Tcb {
  const p = w.ep.config.profile;
  return {
    iss,
    irs: 0,
    sndUna: iss,
    sndNxt: seqAdd(iss, 1),
    sndWnd: 0,
    sndWl1: 0,
    sndWl2: 0,
    rcvNxt: 0,
    rcvWnd: p.window,
    sendQueue: EMPTY,
    finQueued: false,
    orphan: false,
    finSeq: null,
    finReceived: false,
    received: EMPTY,
    ooo: [],
    rto: p.initialRtoMs,
    retries: 0,
    srtt: null,
    rttvar: 0,
    rttProbe: { seq: seqAdd(iss, 1), at: w.now },
    ackPending: 0,
    quickAcks: p.quickAcks,
    pingpong: false,
    peerMss: 536, // §3.7.1: default send MSS when the peer sends no MSS option
    sndScale: 0,
    rcvScale: 0,
    timestamps: false,
    tsRecent: 0,
    fromCookie: false,
    lastInvalidAckAt: null,
  };
}

/** Take IRS, RCV.NXT and the options from the peer's SYN (§3.10.7.2/§3.10.7.3, RFC 7323). */
export function learnPeerSyn(w: Work, tcb: Tcb, seg: Segment): void {
  const p = w.ep.config.profile;
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.sndWnd = seg.window;
  tcb.sndWl1 = seg.seq;
  tcb.sndWl2 = seg.ack;
  if (seg.options.mss !== undefined) tcb.peerMss = seg.options.mss;
  if (seg.options.windowScale !== undefined && p.windowScale !== null) {
    tcb.sndScale = Math.min(seg.options.windowScale, 14);
    tcb.rcvScale = p.windowScale;
  }
  if (seg.options.timestamps && p.timestamps) {
    tcb.timestamps = true;
    tcb.tsRecent = seg.options.timestamps.tsval;
  }
}

/** RFC 6298 §2.2–2.4: update SRTT/RTTVAR/RTO from one sample, clamped to the profile. */
export function rttSample(w: Work, r: number): void {
  const tcb = tcbOf(w);
  const p = w.ep.config.profile;
  if (tcb.srtt === null) {
    tcb.srtt = r;
    tcb.rttvar = r / 2;
  } else {
    tcb.rttvar = 0.75 * tcb.rttvar + 0.25 * Math.abs(tcb.srtt - r);
    tcb.srtt = 0.875 * tcb.srtt + 0.125 * r;
  }
  tcb.rto = Math.min(p.maxRtoMs, Math.max(p.minRtoMs, Math.round(tcb.srtt + Math.max(1, 4 * tcb.rttvar))));
}
