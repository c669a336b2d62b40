/**
 * Engine part (see parts.ts): the user calls only some scenarios make: ABORT (§3.10.5), a host
 * that forgets its connection (a reboot, §3.4.3) and close() after shutdown(). User calls
 * (user.ts) hand them here.
 */
import { NOTES } from '../notes.ts';
import { flags } from '../segment-data.ts';
import { fail, log, sendCtl, setState, setTimer, tcbOf, type Work } from '../tx.ts';

/**
 * The host forgets the connection (it rebooted): the record and its timers are gone, nothing is
 * sent and nobody is told. The peer finds out from the RST its next segment draws (§3.4.3, Figure 10).
 */
export function forget(w: Work): void {
  log(w, 'forget', '3.4.3', NOTES && `${w.ep.state} forgotten without a segment`);
  w.ep.synQueue = [];
  w.ep.acceptQueued = 0;
  w.ep.passive = false;
  setState(w, 'CLOSED', 'forget', '3.4.3');
}

/** §3.10.5 ABORT: RST in synchronized states and SYN-RECEIVED, then CLOSED. */
export function abort(w: Work): void {
  const st = w.ep.state;
  if (st === 'CLOSED') {
    log(w, 'close-no-connection', '3.10.5');
    fail(w, 'connection-does-not-exist');
    return;
  }
  if (st === 'SYN-RECEIVED' || st === 'ESTABLISHED' || st === 'FIN-WAIT-1' || st === 'FIN-WAIT-2' || st === 'CLOSE-WAIT') {
    // Anything still queued to send is discarded with the TCB (§3.10.5 "all queued SENDs … should be given 'connection reset'").
    const ack = w.ep.config.profile.abortRstAck;
    sendCtl(w, ack ? flags('RST', 'ACK') : flags('RST'));
    log(w, 'abort-rst', '3.10.5', NOTES && (ack ? '<SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> (Linux tcp_send_active_reset)' : '<SEQ=SND.NXT><CTL=RST>'));
  } else {
    log(w, 'abort-no-rst', '3.10.5');
  }
  w.ep.synQueue = [];
  setState(w, 'CLOSED', st === 'LISTEN' || st === 'SYN-SENT' ? 'abort-no-rst' : 'abort-rst', '3.10.5');
  fail(w, 'connection-aborted');
}

/**
 * close() after shutdown(SHUT_WR): no segment, the connection becomes an orphan. In FIN-WAIT-2
 * the orphan's timer starts now (Linux tcp_close: tcp_fin_time), since it no longer waits for an
 * application that could still read.
 */
export function closeAfterShutdown(w: Work): void {
  const tcb = tcbOf(w);
  tcb.orphan = true;
  log(w, 'close-orphan', '3.10.4', NOTES && `close() in ${w.ep.state} after shutdown: the FIN is already queued or sent`);
  const t = w.ep.config.profile.finWait2TimeoutMs;
  if (w.ep.state === 'FIN-WAIT-2' && t !== null) setTimer(w, 'fin-wait-2', w.now + t);
}
