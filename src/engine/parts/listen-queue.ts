/**
 * Engine part (see parts.ts): the SYN queue (backlog) of a listener, SYN cookies (RFC 4987) and
 * Linux's accept queue with the accept() call, which the SYN-flood lessons need. LISTEN processing (§3.10.7.2,
 * listen.ts) hands a segment here when the listener has a backlog.
 */
import { tupleHash } from '../isn.ts';
import { sameAddr, sendResetFor } from '../listen.ts';
import { NOTES } from '../notes.ts';
import { flags } from '../segment-data.ts';
import { seqAdd } from '../seq.ts';
import { cancelTimer, emit, learnPeerSyn, log, makeSegment, newTcb, setState, setTimer, synOptions, type Work } from '../tx.ts';
import type { Address, HalfOpen, Segment } from '../types.ts';

const MSS_TABLE = [536, 1220, 1440, 1460, 8960, 65495];
const COOKIE_PERIOD_MS = 64_000;

/** A SYN cookie (RFC 4987 §3.6): 5-bit time slot, 3-bit MSS index, 24-bit keyed hash of the 4-tuple, slot and client ISN. */
function makeCookie(w: Work, remote: Address, irs: number, mss: number, slot: number): number {
  let idx = 0;
  for (let i = 0; i < MSS_TABLE.length; i++) if ((MSS_TABLE[i] ?? 0) <= mss) idx = i;
  const h = tupleHash(cookieKey(w), w.ep.local, remote, (slot << 3) ^ irs) & 0xff_ffff;
  return (((slot & 31) << 27) | (idx << 24) | h) >>> 0;
}

function cookieKey(w: Work): number {
  const isn = w.ep.config.isn;
  return (isn.kind === 'rfc6528' ? isn.key : isn.value) ^ 0x5eed;
}

/** Check a returning cookie (ACK = cookie + 1) for this slot or the previous one; gives the MSS or null. */
function checkCookie(w: Work, seg: Segment): number | null {
  const cookie = seqAdd(seg.ack, -1);
  const irs = seqAdd(seg.seq, -1);
  const now = Math.floor(w.now / COOKIE_PERIOD_MS);
  for (const slot of [now, now - 1]) {
    if (slot < 0) continue;
    const m = makeCookie(w, seg.src, irs, 65535, slot);
    if (((m ^ cookie) & 0xf8ff_ffff) === 0) return MSS_TABLE[(cookie >>> 24) & 7] ?? 536;
  }
  return null;
}

/** Turn a half-open entry (or a valid cookie) into this endpoint's connection, in SYN-RECEIVED. */
function promote(w: Work, remote: Address, iss: number, synLike: Segment, fromCookie: boolean): void {
  const tcb = newTcb(w, iss);
  learnPeerSyn(w, tcb, synLike);
  tcb.fromCookie = fromCookie;
  tcb.rttProbe = null;
  w.ep.tcb = tcb;
  w.ep.remote = { ...remote };
  w.ep.passive = true;
  w.ep.synQueue = w.ep.synQueue.filter((h) => !sameAddr(h.remote, remote));
  resetQueueTimer(w);
  setState(w, 'SYN-RECEIVED', fromCookie ? 'listen-cookie-ack' : 'listen-halfopen-ack', fromCookie ? 'RFC 4987 §3.6' : '3.10.7.2');
}

/** Keep the 'syn-received' timer on the earliest half-open entry's deadline. */
function resetQueueTimer(w: Work): void {
  const next = w.ep.synQueue.reduce<number | null>((m, h) => (m === null || h.deadline < m ? h.deadline : m), null);
  if (next === null) cancelTimer(w, 'syn-received');
  else if (w.ep.timers['syn-received'] !== next) setTimer(w, 'syn-received', next);
}

function sendSynAck(w: Work, h: HalfOpen, retransmit: boolean): void {
  const opts = synOptions(w, h.peerOptions, h.peerOptions.timestamps?.tsval ?? 0);
  emit(w, makeSegment(w, h.remote, flags('SYN', 'ACK'), h.iss, seqAdd(h.irs, 1), undefined, opts), retransmit);
}

/**
 * §3.10.7.2 "second, check for an ACK" with a SYN queue: the ACK may complete a half-open entry
 * or carry a valid cookie. 'continue': process the segment as SYN-RECEIVED now; null: not for the
 * queue (LISTEN answers it with a RST).
 */
export function queuedAck(w: Work, seg: Segment): 'done' | 'continue' | null {
  const h = w.ep.synQueue.find((x) => sameAddr(x.remote, seg.src));
  if (h && seg.ack === seqAdd(h.iss, 1) && !seg.flags.SYN) {
    if (acceptQueueFull(w)) return overflow(w, seg, h);
    const limit = w.ep.config.acceptQueue;
    if (limit !== null) {
      w.ep.acceptQueued += 1;
      const follow = w.ep.config.follow;
      if (follow !== null && !sameAddr(follow, h.remote)) {
        w.ep.synQueue = w.ep.synQueue.filter((x) => x !== h);
        resetQueueTimer(w);
        log(w, 'listen-accept-queued', '3.10.7.2', NOTES && `${h.remote.ip}:${h.remote.port} waits for accept() (${w.ep.acceptQueued}/${limit})`);
        return 'done';
      }
    }
    promote(w, h.remote, h.iss, { ...seg, seq: h.irs, ack: 0, flags: flags('SYN'), options: h.peerOptions, window: seg.window }, false);
    return 'continue';
  }
  if (!h && w.ep.config.synCookies && !seg.flags.SYN) {
    const mss = checkCookie(w, seg);
    if (mss !== null) {
      promote(w, seg.src, seqAdd(seg.ack, -1), { ...seg, seq: seqAdd(seg.seq, -1), ack: 0, flags: flags('SYN'), options: { mss } }, true);
      return 'continue';
    }
    log(w, 'listen-cookie-bad', 'RFC 4987 §3.6');
  }
  return null;
}

/** §3.10.7.2 "third, check for the SYN" with a SYN queue: queue it, answer with a cookie, or drop it; `iss` is the one LISTEN computed. */
export function queuedSyn(w: Work, seg: Segment, iss: number): void {
  const existing = w.ep.synQueue.find((x) => sameAddr(x.remote, seg.src));
  if (existing) {
    log(w, 'listen-syn-queued', '3.10.7.2', NOTES && 'retransmitted SYN: SYN+ACK again');
    sendSynAck(w, existing, true);
    return;
  }
  if (acceptQueueFull(w)) {
    log(w, 'listen-overflow-syn-drop', '3.10.7.2', NOTES && 'accept queue full: SYN dropped (Linux tcp_conn_request, ListenOverflows)');
    return;
  }
  if (w.ep.synQueue.length < (w.ep.config.backlog ?? 0)) {
    const h: HalfOpen = {
      remote: { ...seg.src },
      iss,
      irs: seg.seq,
      peerOptions: seg.options,
      retries: 0,
      deadline: w.now + w.ep.config.profile.initialRtoMs,
    };
    w.ep.synQueue = [...w.ep.synQueue, h];
    log(w, 'listen-syn-queued', '3.10.7.2', NOTES && `half-open ${w.ep.synQueue.length}/${w.ep.config.backlog}`);
    sendSynAck(w, h, false);
    resetQueueTimer(w);
    return;
  }
  if (w.ep.config.synCookies) {
    const slot = Math.floor(w.now / COOKIE_PERIOD_MS);
    const cookie = makeCookie(w, seg.src, seg.seq, seg.options.mss ?? 536, slot);
    log(w, 'listen-syn-cookie', 'RFC 4987 §3.6', NOTES && 'backlog full: SYN+ACK with a cookie ISN, no record kept');
    const h: HalfOpen = { remote: seg.src, iss: cookie, irs: seg.seq, peerOptions: { mss: seg.options.mss ?? 536 }, retries: 0, deadline: 0 };
    sendSynAck(w, h, false);
    return;
  }
  log(w, 'listen-backlog-full-drop', 'RFC 4987 §2', NOTES && `backlog ${w.ep.config.backlog} full: SYN dropped`);
}

/** Linux sk_acceptq_is_full: as many connections wait for accept() as the accept queue holds. */
function acceptQueueFull(w: Work): boolean {
  const limit = w.ep.config.acceptQueue;
  return limit !== null && w.ep.acceptQueued >= limit;
}

/**
 * The third ACK (or any later segment of that client) completes a handshake while the accept
 * queue is full (Linux tcp_check_req, listen_overflow; ListenOverflows counter). Dropped: the
 * half-open entry stays, marked acknowledged, and keeps retransmitting its SYN+ACK, while the
 * client already believes it is ESTABLISHED. With tcp_abort_on_overflow the entry is removed
 * and the client gets a RST.
 */
function overflow(w: Work, seg: Segment, h: HalfOpen): 'done' {
  if (w.ep.config.abortOnOverflow) {
    log(w, 'listen-overflow-rst', '3.10.7.2', NOTES && 'accept queue full, tcp_abort_on_overflow=1: RST');
    w.ep.synQueue = w.ep.synQueue.filter((x) => x !== h);
    resetQueueTimer(w);
    sendResetFor(w, seg);
    return 'done';
  }
  w.ep.synQueue = w.ep.synQueue.map((x) => (x === h ? { ...x, acked: true } : x));
  log(w, 'listen-overflow-drop', '3.10.7.2', NOTES && 'accept queue full: the ACK is dropped, the SYN+ACK will be sent again');
  return 'done';
}

/** The SYN queue's timer: retransmit due SYN+ACKs, drop entries past tcp_synack_retries. */
export function onQueueTimer(w: Work): void {
  const p = w.ep.config.profile;
  const keep: HalfOpen[] = [];
  for (const h of w.ep.synQueue) {
    if (h.deadline > w.now) {
      keep.push(h);
      continue;
    }
    if (h.retries >= p.synAckRetries) {
      log(w, 'timer-synack-give-up', '3.8.1', NOTES && `half-open entry from ${h.remote.ip}:${h.remote.port} dropped`);
      continue;
    }
    const next: HalfOpen = { ...h, retries: h.retries + 1, deadline: w.now + p.initialRtoMs * 2 ** (h.retries + 1) };
    log(w, 'timer-synack-retransmit', '3.8.1', NOTES && `to ${h.remote.ip}:${h.remote.port}`);
    sendSynAck(w, next, true);
    keep.push(next);
  }
  delete w.ep.timers['syn-received'];
  w.ep.synQueue = keep;
  resetQueueTimer(w);
}

/** accept(): the oldest connection waiting in the accept queue leaves it (§3.10.1 leaves this to the API). */
export function accept(w: Work): void {
  if (w.ep.acceptQueued > 0) w.ep.acceptQueued -= 1;
  log(w, 'accept', '3.10.1', NOTES && `${w.ep.acceptQueued} connection(s) still wait in the accept queue`);
}
