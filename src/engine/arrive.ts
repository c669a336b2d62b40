/**
 * SEGMENT ARRIVES (§3.10.7): CLOSED (§3.10.7.1), SYN-SENT (§3.10.7.3) and the other states
 * (§3.10.7.4) in the RFC's order: sequence number, RST, SYN, ACK, text, FIN.
 * LISTEN (§3.10.7.2) lives in listen.ts.
 */
import { computeIsn } from './isn.ts';
import { onListen, sameAddr, sendResetFor } from './listen.ts';
import { part } from './parts.ts';
import { concatBytes, flags, segLen } from './segment-data.ts';
import { dropFromQueue } from './send-queue.ts';
import { seqAdd, seqDiff, seqGt, seqInWindow, seqLe, seqLt } from './seq.ts';
import {
  ackReceived,
  armRetransmit,
  cancelTimer,
  emit,
  fail,
  learnPeerSyn,
  log,
  makeSegment,
  newTcb,
  output,
  remoteOf,
  retransmitOldest,
  rttSample,
  sendAck,
  sendInvalidAck,
  setState,
  setTimer,
  synOptions,
  tcbOf,
  type Work,
} from './tx.ts';
import type { Segment, Tcb } from './types.ts';
import { NOTES } from './notes.ts';

/** Entry point for an arriving segment. */
export function onSegment(w: Work, seg: Segment): void {
  const ep = w.ep;
  // A segment from someone other than our peer has no connection here: a listener with a SYN
  // queue may still take it; otherwise it meets "CLOSED" (§3.10.7.1: no TCB for that 4-tuple).
  if (ep.remote !== null && !sameAddr(ep.remote, seg.src) && ep.state !== 'LISTEN') {
    if (ep.config.backlog !== null && ep.passive) {
      onListen(w, seg);
      return;
    }
    onClosed(w, seg);
    return;
  }
  switch (ep.state) {
    case 'CLOSED':
      onClosed(w, seg);
      return;
    case 'LISTEN':
      if (onListen(w, seg) === 'continue') onSynchronized(w, seg);
      return;
    case 'SYN-SENT':
      onSynSent(w, seg);
      return;
    default:
      onSynchronized(w, seg);
  }
}

/** §3.10.7.1: no connection. Everything but a RST gets a RST. */
function onClosed(w: Work, seg: Segment): void {
  if (seg.flags.RST) {
    log(w, 'closed-rst-ignored', '3.10.7.1');
    return;
  }
  log(w, 'closed-send-rst', '3.10.7.1', NOTES && (seg.flags.ACK ? '<SEQ=SEG.ACK><CTL=RST>' : '<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>'));
  sendResetFor(w, seg);
}

/** §3.10.7.3 SYN-SENT. */
function onSynSent(w: Work, seg: Segment): void {
  const tcb = tcbOf(w);
  // First: check the ACK bit.
  let ackOk = false;
  if (seg.flags.ACK) {
    if (seqLe(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndNxt)) {
      if (seg.flags.RST) {
        log(w, 'syn-sent-bad-ack-dropped', '3.10.7.3');
      } else {
        log(w, 'syn-sent-bad-ack-rst', '3.10.7.3', NOTES && 'SEG.ACK =< ISS or SEG.ACK > SND.NXT');
        sendResetFor(w, seg); // <SEQ=SEG.ACK><CTL=RST>
      }
      return;
    }
    ackOk = seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
  }
  // Second: check the RST bit. Acceptable only if it acknowledges our SYN (RFC 5961 §3, §3.10.7.3).
  if (seg.flags.RST) {
    if (ackOk) {
      log(w, 'syn-sent-rst-accepted', '3.10.7.3', NOTES && 'connection refused');
      fail(w, 'connection-refused');
      setState(w, 'CLOSED', 'syn-sent-rst-accepted', '3.10.7.3');
    } else {
      log(w, 'syn-sent-rst-ignored', '3.10.7.3', NOTES && 'RST without an acceptable ACK');
    }
    return;
  }
  // Fourth: check the SYN bit.
  if (seg.flags.SYN) {
    learnPeerSyn(w, tcb, seg);
    if (ackOk) {
      ackAdvance(w, tcb, seg.ack);
      tcb.sndWnd = seg.window; // a SYN's window is never scaled (RFC 7323 §2.2)
      setState(w, 'ESTABLISHED', 'syn-sent-synack', '3.10.7.3');
      w.effects.push({ kind: 'connected' });
      cancelTimer(w, 'retransmit');
      tcb.retries = 0;
      // Data queued before the connection opened rides on this ACK ("data on the third segment").
      const before = w.effects.length;
      output(w);
      if (!w.effects.slice(before).some((e) => e.kind === 'send')) sendAck(w);
      return;
    }
    // Simultaneous open (Figure 7): SYN-RECEIVED, send SYN,ACK with our ISS.
    setState(w, 'SYN-RECEIVED', 'syn-sent-simultaneous-syn', '3.10.7.3');
    const opts = synOptions(w, seg.options, seg.options.timestamps?.tsval ?? 0);
    emit(w, makeSegment(w, seg.src, flags('SYN', 'ACK'), tcb.iss, tcb.rcvNxt, undefined, opts));
    return;
  }
  // Fifth: neither SYN nor RST.
  log(w, 'syn-sent-no-syn-drop', '3.10.7.3');
}

/** Is the segment acceptable (§3.10.7.4's table of four cases)? */
function acceptable(tcb: Tcb, seg: Segment): boolean {
  const len = segLen(seg);
  const wnd = tcb.rcvWnd;
  if (len === 0) return wnd === 0 ? seg.seq === tcb.rcvNxt : seqInWindow(seg.seq, tcb.rcvNxt, wnd);
  if (wnd === 0) return false;
  return seqInWindow(seg.seq, tcb.rcvNxt, wnd) || seqInWindow(seqAdd(seg.seq, len - 1), tcb.rcvNxt, wnd);
}

/** Move SND.UNA to `ack`, dropping acknowledged bytes; takes an RTT sample (RFC 6298 §3 Karn). */
function ackAdvance(w: Work, tcb: Tcb, ack: number): void {
  let n = seqDiff(ack, tcb.sndUna);
  if (tcb.sndUna === tcb.iss && n > 0) n -= 1; // the SYN
  if (tcb.finSeq !== null && seqGt(ack, tcb.finSeq)) n -= 1; // the FIN
  if (n > 0) tcb.sendQueue = dropFromQueue(tcb.sendQueue, n);
  tcb.sndUna = ack;
  if (tcb.rttProbe && seqLe(tcb.rttProbe.seq, ack)) {
    rttSample(w, w.now - tcb.rttProbe.at);
    tcb.rttProbe = null;
  }
  tcb.retries = 0;
}

function finAcked(tcb: Tcb): boolean {
  return tcb.finSeq !== null && seqGt(tcb.sndUna, tcb.finSeq);
}

/** §3.10.7.4: SYN-RECEIVED and every synchronized state. */
function onSynchronized(w: Work, original: Segment): void {
  let seg = original;
  let tcb = tcbOf(w);
  let ackAtEnd = false;

  // Simultaneous open: in SYN-RECEIVED a SYN,ACK repeats the SYN we already have (SEQ = IRS).
  // Figure 7 takes its ACK (→ ESTABLISHED); the repeated SYN is old, so it is trimmed and ACKed,
  // which is what Linux puts on the wire (S, S, SA, SA, A, A).
  if (w.ep.state === 'SYN-RECEIVED' && seg.flags.SYN && seg.flags.ACK && seg.seq === tcb.irs && !seg.flags.RST) {
    log(w, 'seq-trimmed', '3.10.7.4', NOTES && 'repeated SYN (simultaneous open, Figure 7): processing its ACK');
    seg = { ...seg, seq: seqAdd(seg.seq, 1), flags: { ...seg.flags, SYN: false } };
    ackAtEnd = true;
  }

  // TIME-WAIT: a new SYN for the same 4-tuple (§3.6.1 MAY-2), an engine part (parts/time-wait-syn.ts).
  if (w.ep.state === 'TIME-WAIT' && seg.flags.SYN && !seg.flags.ACK && !seg.flags.RST) {
    if (part(w.parts, 'timeWaitSyn').synInTimeWait(w, tcb, seg) === 'done') return;
  }

  // First: check the sequence number.
  const checked = checkSequence(w, tcb, seg);
  if (!checked) return;
  const { before, rstExact } = checked;
  seg = checked.seg;

  // Second: check the RST bit (RFC 5961 §3.2 as adopted by §3.10.7.4).
  if (seg.flags.RST) {
    if (!rstExact) {
      log(
        w,
        seg.payload.length > 0 || before > 0 ? 'rst-data-challenge-ack' : 'rst-challenge-ack',
        '3.10.7.4',
        NOTES && 'RST in window but not at RCV.NXT: challenge ACK (RFC 5961 §3.2)',
      );
      sendInvalidAck(w);
      return;
    }
    onReset(w);
    return;
  }

  // Fourth: check the SYN bit (RFC 5961 §4: challenge ACK).
  if (seg.flags.SYN) {
    if (w.ep.state === 'SYN-RECEIVED' && w.ep.passive) {
      setState(w, 'LISTEN', 'rst-syn-received-to-listen', '3.10.7.4');
      return;
    }
    log(w, 'syn-challenge-ack', '3.10.7.4', NOTES && 'SYN in a synchronized state: challenge ACK (RFC 5961 §4)');
    sendInvalidAck(w);
    return;
  }

  // Fifth: check the ACK field.
  if (!checkAckField(w, tcb, seg)) return;
  tcb = tcbOf(w);
  const st = w.ep.state;
  if (st === 'CLOSING' && finAcked(tcb)) {
    enterTimeWait(w, 'ack-fin-acked-closing-time-wait');
    return;
  } else if (st === 'LAST-ACK' && finAcked(tcb)) {
    setState(w, 'CLOSED', 'ack-fin-acked-last-ack-closed', '3.10.7.4');
    return;
  }

  // Seventh: process the segment text.
  let held = false;
  if (seg.payload.length > 0) {
    if (dataAfterClose(w, tcb, seg)) return;
    if (st === 'ESTABLISHED' || st === 'FIN-WAIT-1' || st === 'FIN-WAIT-2') {
      held = receiveText(w, tcb, seg) === 'held';
    } else {
      log(w, 'text-ignored', '3.10.7.4', NOTES && `text in ${st} (a FIN was already received)`);
    }
  }

  // Eighth: check the FIN bit.
  if (seg.flags.FIN && !held) {
    if (tcb.finReceived) {
      log(w, 'fin-ignored', '3.10.7.4', NOTES && `FIN again in ${w.ep.state}`);
    } else if (seqAdd(seg.seq, seg.payload.length) === tcb.rcvNxt) {
      receiveFin(w, tcb);
    } else {
      tcb.ooo = [...tcb.ooo, { seq: seg.seq, data: seg.payload, fin: true }];
      log(w, 'text-out-of-order', '3.10.7.4', NOTES && 'FIN ahead of missing data: held');
      sendAck(w);
    }
  }
  if (w.ep.state === 'FIN-WAIT-1' && w.ep.tcb && finAcked(w.ep.tcb)) {
    setState(w, 'FIN-WAIT-2', 'ack-fin-acked-fin-wait-2', '3.10.7.4');
    cancelTimer(w, 'retransmit');
    // Only an orphan's FIN-WAIT-2 is bounded (Linux tcp_rcv_state_process: the timer is for a
    // SOCK_DEAD socket); after shutdown(SHUT_WR) the application may wait for the FIN forever.
    const t = w.ep.config.profile.finWait2TimeoutMs;
    if (t !== null && w.ep.tcb.orphan) setTimer(w, 'fin-wait-2', w.now + t);
  }
  if (ackAtEnd && w.ep.tcb) sendAck(w);
  if (w.ep.tcb) output(w);
}

/**
 * §3.10.7.4 "first, check the sequence number": an unacceptable segment is answered (or dropped)
 * here and null returned; an acceptable one comes back trimmed to the window, with how many old
 * sequence numbers were cut (`before`) and whether it started exactly at RCV.NXT (`rstExact`).
 */
function checkSequence(w: Work, tcb: Tcb, original: Segment): { seg: Segment; before: number; rstExact: boolean } | null {
  let seg = original;
  const acceptableSeg = acceptable(tcb, seg);
  if (acceptableSeg) updateTsRecent(tcb, seg);
  if (!acceptableSeg) {
    if (seg.flags.RST) {
      log(w, 'seq-unacceptable-drop', '3.10.7.4', NOTES && 'RST outside the window');
      return null;
    }
    // TIME-WAIT: a retransmitted FIN (the final ACK was lost) is re-ACKed and restarts 2×MSL.
    if (w.ep.state === 'TIME-WAIT' && seg.flags.FIN && seqAdd(seg.seq, segLen(seg)) === tcb.rcvNxt) {
      log(w, 'fin-time-wait-restart', '3.10.7.4', NOTES && 'retransmitted FIN: ACK again and restart the 2 MSL timer');
      sendAck(w);
      setTimer(w, 'time-wait', w.now + w.ep.config.profile.timeWaitMs);
      return null;
    }
    // SYN-RECEIVED: the peer repeats its SYN because our SYN,ACK was lost: answer with SYN,ACK again (as Linux does).
    if (w.ep.state === 'SYN-RECEIVED' && seg.flags.SYN && !seg.flags.ACK && seg.seq === tcb.irs) {
      log(w, 'syn-received-dup-syn', '3.10.7.4', NOTES && 'retransmitted SYN: SYN,ACK again');
      retransmitOldest(w);
      setTimer(w, 'retransmit', w.now + tcb.rto);
      return null;
    }
    log(w, 'seq-unacceptable-ack', '3.10.7.4', NOTES && `SEG.SEQ=${seg.seq} outside RCV.NXT=${tcb.rcvNxt} RCV.WND=${tcb.rcvWnd}`);
    sendInvalidAck(w);
    return null;
  }
  // RFC 5961 §3.2 judges a RST by its own sequence number: an RST carrying data that starts below
  // RCV.NXT must not become an exact match by trimming, so the check keeps the number as it came.
  const rstExact = seg.seq === tcb.rcvNxt;
  // Trim what lies before RCV.NXT (old) or past the window (§3.10.7.4 "trimmed").
  const before = seqDiff(tcb.rcvNxt, seg.seq);
  if (before > 0) {
    let drop = before;
    let f = seg.flags;
    if (f.SYN) {
      f = { ...f, SYN: false };
      drop -= 1;
    }
    seg = { ...seg, seq: tcb.rcvNxt, flags: f, payload: seg.payload.slice(Math.min(drop, seg.payload.length)) };
    log(w, 'seq-trimmed', '3.10.7.4', NOTES && `${before} old sequence number(s) removed`);
  }
  const past = seqDiff(seqAdd(seg.seq, segLen(seg)), seqAdd(tcb.rcvNxt, tcb.rcvWnd));
  if (past > 0) {
    const keep = Math.max(0, seg.payload.length - past + (seg.flags.FIN ? 1 : 0));
    seg = { ...seg, flags: { ...seg.flags, FIN: false }, payload: seg.payload.slice(0, keep) };
    log(w, 'seq-trimmed', '3.10.7.4', NOTES && 'beyond the receive window');
  }
  return { seg, before, rstExact };
}

/**
 * §3.10.7.4 "fifth, check the ACK field", up to the window update: false when the segment goes no
 * further (no ACK, a bad ACK in SYN-RECEIVED, an ACK of something not yet sent).
 */
function checkAckField(w: Work, tcb: Tcb, seg: Segment): boolean {
  if (!seg.flags.ACK) {
    log(w, 'no-ack-drop', '3.10.7.4');
    return false;
  }
  if (w.ep.state === 'SYN-RECEIVED') {
    if (seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt)) {
      ackAdvance(w, tcb, seg.ack);
      tcb.sndWnd = seg.window << tcb.sndScale;
      tcb.sndWl1 = seg.seq;
      tcb.sndWl2 = seg.ack;
      cancelTimer(w, 'retransmit');
      setState(w, 'ESTABLISHED', 'ack-syn-received-established', '3.10.7.4');
      w.effects.push({ kind: 'connected' });
    } else {
      log(w, 'ack-syn-received-bad-rst', '3.10.7.4', NOTES && '<SEQ=SEG.ACK><CTL=RST>');
      sendResetFor(w, seg);
      return false;
    }
  } else if (w.ep.state !== 'TIME-WAIT') {
    if (seqGt(seg.ack, tcb.sndNxt)) {
      log(w, 'ack-future-ack', '3.10.7.4', NOTES && 'SEG.ACK > SND.NXT: ACK and drop');
      sendInvalidAck(w);
      return false;
    }
    if (seqLt(tcb.sndUna, seg.ack)) {
      ackAdvance(w, tcb, seg.ack);
      log(w, 'ack-advances', '3.10.7.4', NOTES && `SND.UNA=${tcb.sndUna}`);
      cancelTimer(w, 'retransmit');
      armRetransmit(w);
    } else if (seg.ack === tcb.sndUna && tcb.sndUna !== tcb.sndNxt && segLen(seg) === 0) {
      log(w, 'ack-duplicate', '3.10.7.4');
    }
    // Window update (§3.10.7.4: only if SND.UNA =< SEG.ACK, then the SND.WL1/SND.WL2 rule).
    if (seqLe(tcb.sndUna, seg.ack) && (seqLt(tcb.sndWl1, seg.seq) || (tcb.sndWl1 === seg.seq && seqLe(tcb.sndWl2, seg.ack)))) {
      tcb.sndWnd = seg.window << tcb.sndScale;
      tcb.sndWl1 = seg.seq;
      tcb.sndWl2 = seg.ack;
    }
  }
  return true;
}

/** Accept in-order bytes (and any held segments they make contiguous), or hold out-of-order ones. */
function receiveText(w: Work, tcb: Tcb, seg: Segment): 'held' | 'accepted' {
  if (seg.seq !== tcb.rcvNxt) {
    tcb.ooo = [...tcb.ooo, { seq: seg.seq, data: seg.payload, fin: seg.flags.FIN }];
    log(w, 'text-out-of-order', '3.10.7.4', NOTES && `SEG.SEQ=${seg.seq} ahead of RCV.NXT=${tcb.rcvNxt}: held, duplicate ACK`);
    sendAck(w);
    return 'held';
  }
  deliver(w, tcb, seg.payload);
  log(w, 'text-accepted', '3.10.7.4', NOTES && `${seg.payload.length} byte(s)`);
  // Drain held segments that are now in order.
  let progress = true;
  let heldFin = false;
  while (progress) {
    progress = false;
    for (const h of tcb.ooo) {
      const off = seqDiff(tcb.rcvNxt, h.seq);
      if (off < 0) continue;
      if (off < h.data.length) deliver(w, tcb, h.data.slice(off));
      if (h.fin && off <= h.data.length) heldFin = true;
      tcb.ooo = tcb.ooo.filter((x) => x !== h);
      progress = true;
      break;
    }
  }
  if (heldFin && !seg.flags.FIN) {
    receiveFin(w, tcb);
    return 'accepted';
  }
  if (!seg.flags.FIN) ackReceived(w, true);
  return 'accepted';
}

/**
 * §3.6.1 MAY-1/SHLD-2: new data for an application that has closed (not just shut down) cannot be
 * read, so a half-duplex TCP answers it with a RST, <SEQ=SEG.ACK><CTL=RST> as for any segment it
 * refuses (Linux tcp_rcv_state_process: TCPAbortOnData, then tcp_v4_send_reset), and the
 * connection is gone. `seg` is trimmed to the window, so any text left in it is new.
 */
function dataAfterClose(w: Work, tcb: Tcb, seg: Segment): boolean {
  const st = w.ep.state;
  if (!tcb.orphan || !w.ep.config.profile.halfDuplexClose || (st !== 'FIN-WAIT-1' && st !== 'FIN-WAIT-2')) return false;
  sendResetFor(w, seg);
  log(w, 'text-after-close-rst', '3.6.1', NOTES && `${seg.payload.length} byte(s) after close(): nobody can read them`);
  setState(w, 'CLOSED', 'text-after-close-rst', '3.6.1');
  return true;
}

function deliver(w: Work, tcb: Tcb, data: Uint8Array): void {
  // Nothing received yet (or all of it dropped by a caller that keeps no text): no copy needed.
  tcb.received = tcb.received.length === 0 ? data : concatBytes(tcb.received, data);
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, data.length);
  w.effects.push({ kind: 'deliver', data });
}

/** The FIN is in order: advance RCV.NXT over it, tell the application, ACK, change state. */
function receiveFin(w: Work, tcb: Tcb): void {
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1);
  tcb.finReceived = true;
  w.effects.push({ kind: 'eof' });
  switch (w.ep.state) {
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      setState(w, 'CLOSE-WAIT', 'fin-close-wait', '3.10.7.4');
      tcb.pingpong = true;
      ackReceived(w, false);
      return;
    case 'FIN-WAIT-1':
      if (finAcked(tcb)) {
        // Our FIN is ACKed by this very segment: straight to TIME-WAIT (Figure 5 note).
        enterTimeWait(w, 'fin-time-wait');
        sendAck(w);
      } else {
        setState(w, 'CLOSING', 'fin-closing', '3.10.7.4');
        sendAck(w);
      }
      return;
    case 'FIN-WAIT-2':
      enterTimeWait(w, 'fin-time-wait');
      sendAck(w);
      return;
    default:
      log(w, 'fin-ignored', '3.10.7.4', NOTES && `FIN in ${w.ep.state}`);
  }
}

/** TIME-WAIT: start the 2 MSL timer, turn off the others (§3.10.7.4). */
function enterTimeWait(w: Work, reason: 'fin-time-wait' | 'ack-fin-acked-closing-time-wait'): void {
  setState(w, 'TIME-WAIT', reason, '3.10.7.4');
  cancelTimer(w, 'retransmit');
  cancelTimer(w, 'fin-wait-2');
  cancelTimer(w, 'delayed-ack');
  setTimer(w, 'time-wait', w.now + w.ep.config.profile.timeWaitMs);
}

/** An acceptable RST (§3.10.7.4 "second, check the RST bit"), by state. */
function onReset(w: Work): void {
  const st = w.ep.state;
  if (st === 'SYN-RECEIVED') {
    if (w.ep.passive) {
      setState(w, 'LISTEN', 'rst-syn-received-to-listen', '3.10.7.4');
    } else {
      fail(w, 'connection-refused');
      setState(w, 'CLOSED', 'rst-syn-received-refused', '3.10.7.4');
    }
    return;
  }
  if (st === 'TIME-WAIT') {
    if (w.ep.config.rfc1337) {
      log(w, 'rst-time-wait-ignored-rfc1337', 'RFC 1337 §3 (F1)', NOTES && 'RST ignored: TIME-WAIT continues');
      return;
    }
    setState(w, 'CLOSED', 'rst-time-wait-closed', '3.10.7.4');
    log(w, 'rst-time-wait-closed', 'RFC 1337 §2', NOTES && 'TIME-WAIT assassinated');
    return;
  }
  if (st === 'CLOSING' || st === 'LAST-ACK') {
    setState(w, 'CLOSED', 'rst-closing', '3.10.7.4');
    return;
  }
  fail(w, 'connection-reset');
  setState(w, 'CLOSED', 'rst-reset', '3.10.7.4');
}

/**
 * RFC 7323 §4.3: after the acceptability test, SEG.TSval becomes TS.Recent when it is not older
 * and the segment starts at or before Last.ACK.sent (the ACK we last sent), so an ACK echoes the
 * TSval of the earliest segment it acknowledges.
 */
function updateTsRecent(tcb: Tcb, seg: Segment): void {
  const ts = seg.options.timestamps;
  if (!tcb.timestamps || !ts) return;
  if (((ts.tsval - tcb.tsRecent) | 0) < 0) return;
  if (seqLe(seg.seq, tcb.lastAckSent ?? tcb.rcvNxt)) tcb.tsRecent = ts.tsval;
}
