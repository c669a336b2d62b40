/**
 * Engine part (see parts.ts): SO_KEEPALIVE, for an endpoint whose config turns it on (the step
 * in endpoint.ts calls it after each input, and on the keepalive timer).
 */
import { NOTES } from '../notes.ts';
import { flags } from '../segment-data.ts';
import { seqAdd } from '../seq.ts';
import { emit, fail, log, makeSegment, remoteOf, sendCtl, setState, setTimer, tcbOf, type Work } from '../tx.ts';

/**
 * SO_KEEPALIVE (§3.8.4): an ESTABLISHED connection restarts its idle clock whenever the peer is
 * heard from; the first probe goes after the profile's idle time (Linux tcp_keepalive_timer).
 */
export function keepaliveAfter(w: Work, heard: boolean): void {
  if (w.ep.state !== 'ESTABLISHED' || !w.ep.tcb) return;
  if (heard || w.ep.timers.keepalive === undefined) {
    w.ep.tcb.keepaliveProbes = 0;
    setTimer(w, 'keepalive', w.now + w.ep.config.profile.keepaliveIdleMs);
  }
}

/**
 * A keepalive probe is <SEQ=SND.UNA-1><ACK=RCV.NXT>, an old sequence number the peer must ACK
 * (RFC 1122 §4.2.3.6, Linux tcp_xmit_probe_skb); after the last unanswered probe the connection
 * is reset (Linux sends RST and reports ETIMEDOUT).
 */
export function keepaliveProbe(w: Work): void {
  const tcb = tcbOf(w);
  const p = w.ep.config.profile;
  const sent = tcb.keepaliveProbes ?? 0;
  if (sent >= p.keepaliveProbes) {
    log(w, 'keepalive-give-up', '3.8.4', NOTES && `${sent} probes unanswered`);
    sendCtl(w, flags('RST', 'ACK'));
    fail(w, 'connection-timeout');
    setState(w, 'CLOSED', 'keepalive-give-up', '3.8.4');
    return;
  }
  tcb.keepaliveProbes = sent + 1;
  log(w, 'keepalive-probe', '3.8.4', NOTES && `probe ${sent + 1} of ${p.keepaliveProbes}`);
  emit(w, makeSegment(w, remoteOf(w), flags('ACK'), seqAdd(tcb.sndUna, -1), tcb.rcvNxt));
  setTimer(w, 'keepalive', w.now + p.keepaliveIntervalMs);
}
