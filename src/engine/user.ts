/**
 * User calls (§3.10.1–§3.10.6): OPEN, SEND, CLOSE, SHUTDOWN, ABORT. RECEIVE and STATUS are not
 * modelled: received bytes go to the application at once as 'deliver' effects. So close() never
 * finds unread bytes, and the RST Linux sends instead of a FIN when it does (tcp_close, RFC 2525
 * §2.17) never happens here; new data after close() does draw one (arrive.ts).
 */
import { computeIsn } from './isn.ts';
import { flags } from './segment-data.ts';
import { appendToQueue } from './send-queue.ts';
import { emit, fail, log, makeSegment, newTcb, output, remoteOf, sendCtl, sendFin, setState, setTimer, synOptions, tcbOf, type Work } from './tx.ts';
import type { UserCall } from './types.ts';
import { NOTES } from './notes.ts';
import { part } from './parts.ts';

/** Dispatch one user call. */
export function onUser(w: Work, call: UserCall): void {
  switch (call.call) {
    case 'OPEN':
      return call.mode === 'passive' ? openPassive(w, call) : openActive(w, call);
    case 'SEND':
      return send(w, call.data);
    case 'CLOSE':
      return close(w, 'close');
    case 'SHUTDOWN':
      return close(w, 'shutdown');
    // The calls only some scenarios make are engine parts (parts/rare-calls.ts, parts/listen-queue.ts).
    case 'ABORT':
      return part(w.parts, 'rareCalls').abort(w);
    case 'FORGET':
      return part(w.parts, 'rareCalls').forget(w);
    case 'ACCEPT':
      return part(w.parts, 'listenQueue').accept(w);
  }
}

/** §3.10.1 OPEN on CLOSED: passive → LISTEN. Elsewhere "connection already exists". */
function openPassive(w: Work, call: Extract<UserCall, { mode: 'passive' }>): void {
  if (w.ep.state !== 'CLOSED') {
    log(w, 'open-exists', '3.10.1');
    fail(w, 'connection-already-exists');
    return;
  }
  w.ep.local = { ...call.local };
  w.ep.remote = call.remote ? { ...call.remote } : null;
  w.ep.passive = true;
  w.ep.error = null;
  setState(w, 'LISTEN', 'open-passive', '3.10.1');
}

/** §3.10.1 active OPEN: select an ISS, send <SEQ=ISS><CTL=SYN>, SYN-SENT, start the RTO. */
function openActive(w: Work, call: Extract<UserCall, { mode: 'active' }>): void {
  if (w.ep.state !== 'CLOSED') {
    log(w, 'open-exists', '3.10.1', NOTES && `already ${w.ep.state} (EADDRINUSE/EISCONN)`);
    fail(w, 'connection-already-exists');
    return;
  }
  w.ep.local = { ...call.local };
  w.ep.remote = { ...call.remote };
  w.ep.passive = false;
  w.ep.error = null;
  const iss = computeIsn(w.ep.config.isn, w.ep.local, w.ep.remote, w.now);
  const tcb = newTcb(w, iss);
  w.ep.tcb = tcb;
  setState(w, 'SYN-SENT', 'open-active', '3.10.1');
  emit(w, makeSegment(w, remoteOf(w), flags('SYN'), iss, 0, undefined, synOptions(w, null, 0)));
  setTimer(w, 'retransmit', w.now + tcb.rto);
}

/** §3.10.2 SEND: queue, and transmit when the connection is synchronized. */
function send(w: Work, data: Uint8Array): void {
  const st = w.ep.state;
  if (st === 'CLOSED' || st === 'LISTEN') {
    log(w, 'send-no-connection', '3.10.2');
    fail(w, 'connection-does-not-exist');
    return;
  }
  if (st === 'FIN-WAIT-1' || st === 'FIN-WAIT-2' || st === 'CLOSING' || st === 'LAST-ACK' || st === 'TIME-WAIT') {
    log(w, 'send-closing', '3.10.2');
    fail(w, 'connection-closing');
    return;
  }
  const tcb = tcbOf(w);
  tcb.sendQueue = appendToQueue(tcb.sendQueue, data);
  log(w, 'send-queued', '3.10.2', NOTES && `${data.length} byte(s)`);
  output(w);
}

/**
 * §3.10.4 CLOSE, as close() or as shutdown(SHUT_WR). Both queue RFC 9293's FIN; close() also
 * makes the connection an orphan (Tcb.orphan), while after shutdown it stays the application's,
 * so it keeps receiving and its FIN-WAIT-2 has no timeout. close() after a shutdown only hands the
 * connection over to the TCP. As Linux (inet_shutdown, tcp_shutdown), shutdown leaves a listener
 * and a side that already sent its FIN as they are.
 */
function close(w: Work, how: 'close' | 'shutdown'): void {
  const st = w.ep.state;
  switch (st) {
    case 'CLOSED':
      log(w, 'close-no-connection', '3.10.4');
      fail(w, 'connection-does-not-exist');
      return;
    case 'SYN-SENT':
      setState(w, 'CLOSED', 'close-syn-sent', '3.10.4');
      return;
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
    case 'CLOSE-WAIT':
      if (how === 'close') tcbOf(w).orphan = true;
      queueFin(w, st, how === 'close' ? 'close-send-fin' : 'shutdown-send-fin');
      return;
    default:
      if (how === 'shutdown') log(w, 'shutdown-no-op', '3.10.4', NOTES && `shutdown(SHUT_WR) in ${st}: nothing to do`);
      else if (st === 'LISTEN') {
        w.ep.synQueue = [];
        setState(w, 'CLOSED', 'close-listen', '3.10.4');
      } else if (w.ep.tcb && !w.ep.tcb.orphan) part(w.parts, 'rareCalls').closeAfterShutdown(w);
      else {
        log(w, 'close-already', '3.10.4', NOTES && `CLOSE in ${st}: "connection closing"`);
        fail(w, 'connection-closing');
      }
  }
}

/** §3.10.4 in SYN-RECEIVED, ESTABLISHED and CLOSE-WAIT: queue a FIN after the data, FIN-WAIT-1 or LAST-ACK. */
function queueFin(w: Work, st: 'SYN-RECEIVED' | 'ESTABLISHED' | 'CLOSE-WAIT', reason: 'close-send-fin' | 'shutdown-send-fin'): void {
  const tcb = tcbOf(w);
  tcb.finQueued = true;
  setState(w, st === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1', reason, '3.10.4');
  if (st !== 'SYN-RECEIVED') output(w);
  // CLOSE in SYN-RECEIVED with nothing queued: form a FIN and send it (§3.10.4).
  else if (tcb.sendQueue.length === 0) sendFin(w);
}
