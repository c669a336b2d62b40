/**
 * Engine part (see parts.ts): a SYN arriving for a connection in TIME-WAIT (§3.6.1 MAY-2), which
 * may reopen it. Segment arrival (arrive.ts) hands such a SYN here; only the runs that meet one
 * need it (a lab loads it when its run stops for it).
 */
import { computeIsn } from '../isn.ts';
import { NOTES } from '../notes.ts';
import { flags } from '../segment-data.ts';
import { seqAdd, seqGt } from '../seq.ts';
import {
  cancelTimer,
  emit,
  learnPeerSyn,
  log,
  makeSegment,
  newTcb,
  remoteOf,
  sendAck,
  sendInvalidAck,
  setState,
  setTimer,
  synOptions,
  tcbOf,
  type Work,
} from '../tx.ts';
import type { Segment, Tcb } from '../types.ts';

/**
 * A SYN (no ACK) for the connection in TIME-WAIT (§3.6.1 MAY-2). It may reopen the connection
 * only when it is new: SEG.SEQ above the old RCV.NXT, or, for Linux (tcp_timewait_state_process),
 * a TSval newer than TS.Recent. It reopens only where a listener would take it (an endpoint that
 * came from a passive OPEN); Linux answers a new SYN with no listener, and any old one, with an
 * ACK. The RFC profile sends an old SYN through the usual checks (it is ACKed there too).
 */
export function synInTimeWait(w: Work, tcb: Tcb, seg: Segment): 'done' | 'continue' {
  const linux = w.ep.config.profile.timeWaitReopen === 'linux';
  const ts = seg.options.timestamps;
  const newerTs = linux && tcb.timestamps && ts !== undefined && ((ts.tsval - tcb.tsRecent) | 0) > 0;
  const newer = seqGt(seg.seq, tcb.rcvNxt) || newerTs;
  if (newer && w.ep.passive) {
    reopenFromTimeWait(w, seg);
    return 'done';
  }
  if (!linux) return 'continue';
  log(
    w,
    'syn-time-wait-ack',
    '3.6.1',
    NOTES && (newer ? 'new SYN but no listener: ACK (Linux TCP_TW_SYN without a listener)' : 'old SYN: ACK again (Linux tcp_timewait_state_process)'),
  );
  if (newer) sendAck(w);
  else sendInvalidAck(w);
  return 'done';
}

/**
 * §3.6.1 MAY-2: reopen from TIME-WAIT. The new ISS must be above the old SND.NXT (condition 1):
 * Linux takes old SND.NXT + 65537 (tcp_timewait_state_process: tw_snd_nxt + 65535 + 2); the RFC
 * profile keeps its clock-driven ISN when that is above, else old SND.NXT + 1 (fixed ISNs).
 */
function reopenFromTimeWait(w: Work, seg: Segment): void {
  const old = tcbOf(w);
  const clock = computeIsn(w.ep.config.isn, w.ep.local, seg.src, w.now);
  const iss = w.ep.config.profile.timeWaitReopen === 'linux' ? seqAdd(old.sndNxt, 65537) || 1 : seqGt(clock, old.sndNxt) ? clock : seqAdd(old.sndNxt, 1);
  const tcb = newTcb(w, iss);
  learnPeerSyn(w, tcb, seg);
  cancelTimer(w, 'time-wait');
  w.ep.tcb = tcb;
  w.ep.passive = true;
  setState(w, 'SYN-RECEIVED', 'syn-time-wait-reopen', '3.6.1');
  const opts = synOptions(w, seg.options, seg.options.timestamps?.tsval ?? 0);
  emit(w, makeSegment(w, remoteOf(w), flags('SYN', 'ACK'), iss, tcb.rcvNxt, undefined, opts));
  setTimer(w, 'retransmit', w.now + tcb.rto);
}
