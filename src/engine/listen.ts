/**
 * LISTEN processing (§3.10.7.2). The optional SYN queue (backlog), SYN cookies and accept queue of
 * RFC 4987 that the SYN-flood lessons need are an engine part (parts/listen-queue.ts).
 */
import { computeIsn } from './isn.ts';
import { part } from './parts.ts';
import { flags, segLen } from './segment-data.ts';
import { seqAdd } from './seq.ts';
import { emit, learnPeerSyn, log, makeSegment, newTcb, setState, setTimer, synOptions, type Work } from './tx.ts';
import type { Address, Segment } from './types.ts';

function sameAddr(a: Address, b: Address): boolean {
  return a.ip === b.ip && a.port === b.port;
}

/** Answer a segment that has no connection to go to (§3.10.7.1; also LISTEN's ACK case). */
export function sendResetFor(w: Work, seg: Segment): void {
  if (seg.flags.ACK) {
    emit(w, makeSegment(w, seg.src, flags('RST'), seg.ack, 0));
  } else {
    emit(w, makeSegment(w, seg.src, flags('RST', 'ACK'), 0, seqAdd(seg.seq, segLen(seg))));
  }
}

/**
 * §3.10.7.2 for an endpoint in LISTEN. Returns 'continue' when the segment completed a
 * half-open entry and must now be processed as SYN-RECEIVED (the ACK may carry data).
 */
export function onListen(w: Work, seg: Segment): 'done' | 'continue' {
  // First: check for a RST (§3.10.7.2 "An incoming RST segment could not be valid").
  if (seg.flags.RST) {
    log(w, 'listen-rst-ignored', '3.10.7.2');
    return 'done';
  }
  // Second: check for an ACK.
  if (seg.flags.ACK) {
    // With a SYN queue, the ACK may complete a half-open entry or carry a cookie (parts/listen-queue.ts).
    const r = w.ep.config.backlog === null ? null : part(w.parts, 'listenQueue').queuedAck(w, seg);
    if (r) return r;
    log(w, 'listen-ack-send-rst', '3.10.7.2');
    sendResetFor(w, seg);
    return 'done';
  }
  // Third: check for a SYN.
  if (seg.flags.SYN) {
    const iss = computeIsn(w.ep.config.isn, w.ep.local, seg.src, w.now);
    if (w.ep.config.backlog === null) {
      // Classic RFC model: this LISTEN record itself becomes the connection (Figure 5).
      const tcb = newTcb(w, iss);
      learnPeerSyn(w, tcb, seg);
      w.ep.tcb = tcb;
      w.ep.remote = { ...seg.src };
      w.ep.passive = true;
      const opts = synOptions(w, seg.options, seg.options.timestamps?.tsval ?? 0);
      setState(w, 'SYN-RECEIVED', 'listen-syn', '3.10.7.2');
      emit(w, makeSegment(w, seg.src, flags('SYN', 'ACK'), iss, tcb.rcvNxt, undefined, opts));
      setTimer(w, 'retransmit', w.now + tcb.rto);
      return 'done';
    }
    part(w.parts, 'listenQueue').queuedSyn(w, seg, iss);
    return 'done';
  }
  // Fourth: other text or control.
  log(w, 'listen-other-drop', '3.10.7.2');
  return 'done';
}

export { sameAddr };
