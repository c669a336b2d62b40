/**
 * The endpoint: makeEndpoint, the pure step function, timers (§3.8.1, §3.10.8) and snapshots.
 */
import { onSegment } from './arrive.ts';
import { part } from './parts.ts';
import { getProfile } from './profiles.ts';
import { begin, fail, log, retransmitOldest, sendAck, setState, setTimer, tcbOf, type Work } from './tx.ts';
import type { Address, Endpoint, EndpointConfig, Profile, ProfileName, Snapshot, StepContext, StepInput, StepResult, TimerName } from './types.ts';
import { onUser } from './user.ts';
import { NOTES } from './notes.ts';

/** Options for makeEndpoint: any EndpointConfig field, and the profile by name or value. */
export type EndpointOptions = Partial<Omit<EndpointConfig, 'profile'>> & { profile?: ProfileName | Profile };

/**
 * A fresh endpoint in CLOSED (no connection record), ready for an OPEN call. Defaults: linux
 * profile, RFC 6528 ISNs keyed by 0, delayed ACK on, no RFC 1337, classic listener (no backlog).
 */
export function makeEndpoint(name: string, local: Address, options: EndpointOptions = {}): Endpoint {
  const { profile, ...rest } = options;
  const config: EndpointConfig = {
    profile: typeof profile === 'object' ? profile : getProfile(profile ?? 'linux'),
    isn: { kind: 'rfc6528', key: 0 },
    rfc1337: false,
    delayedAck: true,
    backlog: null,
    synCookies: false,
    tsOffset: 0,
    keepalive: false,
    acceptQueue: null,
    abortOnOverflow: false,
    follow: null,
    ...rest,
  };
  return {
    name,
    local: { ...local },
    remote: null,
    state: 'CLOSED',
    tcb: null,
    config,
    timers: {},
    passive: false,
    synQueue: [],
    error: null,
    acceptQueued: 0,
  };
}

/**
 * Process one input: a user call (§3.10.1–3.10.6), an arriving segment (§3.10.7) or a timer
 * expiry (§3.10.8). Pure: the input endpoint is never modified; time comes from ctx.now.
 * A timer input whose deadline is not yet due (or that is no longer set) changes nothing and
 * logs 'timer-stale', so a simulator may deliver timers lazily.
 */
export function step(endpoint: Endpoint, input: StepInput, ctx: StepContext): StepResult {
  const w = begin(endpoint, ctx.now, ctx.parts ?? {});
  switch (input.kind) {
    case 'user':
      onUser(w, input.call);
      break;
    case 'segment':
      onSegment(w, input.segment);
      break;
    case 'timer':
      onTimer(w, input.timer);
      break;
  }
  if (w.ep.config.keepalive) part(w.parts, 'keepalive').keepaliveAfter(w, input.kind === 'segment');
  // Remember Last.ACK.sent (RFC 7323 §4.3) for the TS.Recent rule.
  if (w.ep.tcb) {
    for (const e of w.effects) if (e.kind === 'send' && e.segment.flags.ACK && !e.segment.flags.RST) w.ep.tcb.lastAckSent = e.segment.ack;
  }
  return { endpoint: w.ep, effects: w.effects };
}

/** §3.10.8 timeouts. */
function onTimer(w: Work, timer: TimerName): void {
  const due = w.ep.timers[timer];
  if (due === undefined || due > w.now) {
    log(w, 'timer-stale', '3.10.8', NOTES && `${timer} not due`);
    return;
  }
  delete w.ep.timers[timer];
  const p = w.ep.config.profile;
  switch (timer) {
    case 'retransmit': {
      const tcb = tcbOf(w);
      const st = w.ep.state;
      // Linux 6.5+ (tcp_write_timeout): a SYN-SENT socket gives up after tcp_syn_retries +
      // tcp_syn_linear_timeouts retransmissions, so its linear retries come on top of the usual six.
      const limit = st === 'SYN-SENT' ? p.synRetries + p.synLinearRetries : st === 'SYN-RECEIVED' ? p.synAckRetries : p.dataRetries;
      if (tcb.retries >= limit) {
        log(w, st === 'SYN-RECEIVED' ? 'timer-synack-give-up' : 'timer-retransmit-give-up', '3.8.3', NOTES && `${tcb.retries} retransmissions`);
        if (st === 'SYN-RECEIVED' && w.ep.passive) {
          setState(w, 'LISTEN', 'timer-synack-give-up', '3.8.3');
        } else {
          fail(w, 'connection-timeout');
          setState(w, 'CLOSED', 'timer-retransmit-give-up', '3.8.3');
        }
        return;
      }
      tcb.retries += 1;
      // Linux keeps the SYN's RTO constant while the retry count is at most tcp_syn_linear_timeouts
      // (tcp_retransmit_timer: back off only when total_rto > the sysctl), then doubles (RFC 6298
      // §5.5). With 4: SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s, and ETIMEDOUT at 131 s.
      const linear = st === 'SYN-SENT' && tcb.retries <= p.synLinearRetries;
      if (!linear) tcb.rto = Math.min(tcb.rto * 2, p.maxRtoMs);
      log(w, st === 'SYN-RECEIVED' ? 'timer-synack-retransmit' : 'timer-retransmit', 'RFC 6298 §5.4', NOTES && `retry ${tcb.retries}, next RTO ${tcb.rto} ms`);
      retransmitOldest(w);
      setTimer(w, 'retransmit', w.now + tcb.rto);
      return;
    }
    case 'time-wait':
      setState(w, 'CLOSED', 'timer-time-wait-closed', '3.10.8');
      return;
    case 'fin-wait-2':
      setState(w, 'CLOSED', 'timer-fin-wait-2-closed', '3.10.8');
      return;
    case 'delayed-ack':
      if (w.ep.tcb) {
        log(w, 'timer-delayed-ack', '3.8.6.3');
        sendAck(w);
      }
      return;
    case 'syn-received':
      part(w.parts, 'listenQueue').onQueueTimer(w);
      return;
    case 'keepalive':
      if (w.ep.state === 'ESTABLISHED' && w.ep.tcb) part(w.parts, 'keepalive').keepaliveProbe(w);
      return;
  }
}

/** The earliest running timer, so a simulator can jump its virtual clock straight to it. */
export function nextTimer(endpoint: Endpoint): { timer: TimerName; at: number } | null {
  let best: { timer: TimerName; at: number } | null = null;
  for (const [timer, at] of Object.entries(endpoint.timers) as [TimerName, number][]) {
    if (best === null || at < best.at) best = { timer, at };
  }
  return best;
}

/** Variables the book draws for one side (§3.3.1); nulls when there is no connection record. */
export function snapshot(endpoint: Endpoint): Snapshot {
  const t = endpoint.tcb;
  return {
    state: endpoint.state,
    iss: t ? t.iss : null,
    irs: t && endpoint.state !== 'SYN-SENT' ? t.irs : null,
    sndUna: t ? t.sndUna : null,
    sndNxt: t ? t.sndNxt : null,
    sndWnd: t && endpoint.state !== 'SYN-SENT' ? t.sndWnd : null,
    rcvNxt: t && endpoint.state !== 'SYN-SENT' ? t.rcvNxt : null,
    rcvWnd: t ? t.rcvWnd : null,
    synQueue: endpoint.synQueue.length,
  };
}
