import type { StateNames, TcpState } from './types.ts';

/** The states in the order RFC 9293 §3.3.2 lists them (tests and diagrams follow this order). */
export const TCP_STATES: readonly TcpState[] = [
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
  'CLOSED',
];

/**
 * Other tools' spellings, so a lesson can show the name a reader will see in `ss` or netstat.
 * Sources: Linux include/net/tcp_states.h; iproute2 misc/ss.c sstate_name; net-tools netstat.c
 * tcp_state; Windows netstat; BSD netinet/tcp_fsm.h tcpstates[].
 */
export const STATE_NAMES: Readonly<Record<TcpState, StateNames>> = {
  CLOSED: { rfc: 'CLOSED', linux: 'TCP_CLOSE', ss: 'UNCONN', netstat: 'CLOSE', windows: 'CLOSED', bsd: 'CLOSED' },
  LISTEN: { rfc: 'LISTEN', linux: 'TCP_LISTEN', ss: 'LISTEN', netstat: 'LISTEN', windows: 'LISTENING', bsd: 'LISTEN' },
  'SYN-SENT': { rfc: 'SYN-SENT', linux: 'TCP_SYN_SENT', ss: 'SYN-SENT', netstat: 'SYN_SENT', windows: 'SYN_SENT', bsd: 'SYN_SENT' },
  'SYN-RECEIVED': { rfc: 'SYN-RECEIVED', linux: 'TCP_SYN_RECV', ss: 'SYN-RECV', netstat: 'SYN_RECV', windows: 'SYN_RECEIVED', bsd: 'SYN_RCVD' },
  ESTABLISHED: { rfc: 'ESTABLISHED', linux: 'TCP_ESTABLISHED', ss: 'ESTAB', netstat: 'ESTABLISHED', windows: 'ESTABLISHED', bsd: 'ESTABLISHED' },
  'FIN-WAIT-1': { rfc: 'FIN-WAIT-1', linux: 'TCP_FIN_WAIT1', ss: 'FIN-WAIT-1', netstat: 'FIN_WAIT1', windows: 'FIN_WAIT_1', bsd: 'FIN_WAIT_1' },
  'FIN-WAIT-2': { rfc: 'FIN-WAIT-2', linux: 'TCP_FIN_WAIT2', ss: 'FIN-WAIT-2', netstat: 'FIN_WAIT2', windows: 'FIN_WAIT_2', bsd: 'FIN_WAIT_2' },
  'CLOSE-WAIT': { rfc: 'CLOSE-WAIT', linux: 'TCP_CLOSE_WAIT', ss: 'CLOSE-WAIT', netstat: 'CLOSE_WAIT', windows: 'CLOSE_WAIT', bsd: 'CLOSE_WAIT' },
  CLOSING: { rfc: 'CLOSING', linux: 'TCP_CLOSING', ss: 'CLOSING', netstat: 'CLOSING', windows: 'CLOSING', bsd: 'CLOSING' },
  'LAST-ACK': { rfc: 'LAST-ACK', linux: 'TCP_LAST_ACK', ss: 'LAST-ACK', netstat: 'LAST_ACK', windows: 'LAST_ACK', bsd: 'LAST_ACK' },
  'TIME-WAIT': { rfc: 'TIME-WAIT', linux: 'TCP_TIME_WAIT', ss: 'TIME-WAIT', netstat: 'TIME_WAIT', windows: 'TIME_WAIT', bsd: 'TIME_WAIT' },
};

/** True for a string that is one of the eleven RFC spellings (for parsing user/quiz input). */
export function isTcpState(s: string): s is TcpState {
  return (TCP_STATES as readonly string[]).includes(s);
}

/**
 * Map any tool's spelling (ss, netstat, Linux enum, Windows, BSD; any case) back to the RFC
 * state, so a quiz can accept "SYN_RECV" for SYN-RECEIVED. Returns null when unknown.
 * "UNCONN"/"CLOSE" map to CLOSED.
 */
export function parseStateName(s: string): TcpState | null {
  const norm = s.trim().toUpperCase();
  for (const st of TCP_STATES) {
    const n = STATE_NAMES[st];
    if ([n.rfc, n.linux, n.ss, n.netstat, n.windows, n.bsd].some((x) => x.toUpperCase() === norm)) return st;
  }
  return null;
}

/**
 * Synchronized states (§3.3.2 / §3.10.7.4): every state after the handshake. In these, a bad
 * segment is answered with an ACK, never a RST.
 */
export function isSynchronized(s: TcpState): boolean {
  return s !== 'CLOSED' && s !== 'LISTEN' && s !== 'SYN-SENT' && s !== 'SYN-RECEIVED';
}

/**
 * The transitions RFC 9293 Figure 5 draws (plus the RST/ABORT/timeout exits of §3.10 that the
 * figure leaves out, marked in comments). Property tests assert that the engine takes no other.
 */
export const FIGURE5_TRANSITIONS: ReadonlyArray<readonly [TcpState, TcpState]> = [
  ['CLOSED', 'LISTEN'], // passive OPEN
  ['CLOSED', 'SYN-SENT'], // active OPEN, send SYN
  ['LISTEN', 'CLOSED'], // CLOSE
  ['LISTEN', 'SYN-RECEIVED'], // rcv SYN, send SYN,ACK
  ['LISTEN', 'SYN-SENT'], // SEND (active from listen)
  ['SYN-SENT', 'CLOSED'], // CLOSE / timeout / RST (§3.10.7.3)
  ['SYN-SENT', 'SYN-RECEIVED'], // rcv SYN (simultaneous open)
  ['SYN-SENT', 'ESTABLISHED'], // rcv SYN,ACK, send ACK
  ['SYN-RECEIVED', 'LISTEN'], // rcv RST (passive)
  ['SYN-RECEIVED', 'CLOSED'], // rcv RST (active) / timeout / ABORT (§3.10.7.4)
  ['SYN-RECEIVED', 'ESTABLISHED'], // rcv ACK of SYN
  ['SYN-RECEIVED', 'FIN-WAIT-1'], // CLOSE, send FIN
  ['ESTABLISHED', 'FIN-WAIT-1'], // CLOSE, send FIN
  ['ESTABLISHED', 'CLOSE-WAIT'], // rcv FIN, send ACK
  ['ESTABLISHED', 'CLOSED'], // RST / ABORT / retransmission give-up (§3.10.7.4, §3.10.5)
  ['FIN-WAIT-1', 'FIN-WAIT-2'], // rcv ACK of FIN
  ['FIN-WAIT-1', 'CLOSING'], // rcv FIN, send ACK
  ['FIN-WAIT-1', 'TIME-WAIT'], // rcv FIN+ACK of our FIN (Figure 5 note, §3.10.7.4)
  ['FIN-WAIT-1', 'CLOSED'], // RST / ABORT / give-up
  ['FIN-WAIT-2', 'TIME-WAIT'], // rcv FIN, send ACK
  ['FIN-WAIT-2', 'CLOSED'], // RST / ABORT / FIN-WAIT-2 timeout (Linux tcp_fin_timeout)
  ['CLOSE-WAIT', 'LAST-ACK'], // CLOSE, send FIN
  ['CLOSE-WAIT', 'CLOSED'], // RST / ABORT
  ['CLOSING', 'TIME-WAIT'], // rcv ACK of FIN
  ['CLOSING', 'CLOSED'], // RST / give-up
  ['LAST-ACK', 'CLOSED'], // rcv ACK of FIN / RST / give-up
  ['TIME-WAIT', 'CLOSED'], // 2 MSL timeout / RST without RFC 1337
  ['TIME-WAIT', 'SYN-RECEIVED'], // new SYN with higher seq reopens (§3.6.1 MAY-2)
];

/** Whether `from → to` is allowed by FIGURE5_TRANSITIONS. */
export function isAllowedTransition(from: TcpState, to: TcpState): boolean {
  return FIGURE5_TRANSITIONS.some(([f, t]) => f === from && t === to);
}
