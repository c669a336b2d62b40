/**
 * The engine's public data types. Everything here is plain data so that a Trace can travel
 * through JSON (to islands, the trace CLI, pcap export) and so that a step never needs a
 * class instance or hidden state. Section numbers are RFC 9293's unless another RFC is named.
 */

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

/**
 * The eleven connection states, spelled exactly as RFC 9293 §3.3.2 spells them. The book shows
 * these spellings; other tools' spellings come from STATE_NAMES so a lesson can say
 * "ss shows this as SYN-RECV".
 */
import type { EngineParts } from './parts.ts';
export type TcpState =
  'CLOSED' | 'LISTEN' | 'SYN-SENT' | 'SYN-RECEIVED' | 'ESTABLISHED' | 'FIN-WAIT-1' | 'FIN-WAIT-2' | 'CLOSE-WAIT' | 'CLOSING' | 'LAST-ACK' | 'TIME-WAIT';

/** How other tools print a state, so lessons and quizzes can accept or show them. */
export interface StateNames {
  /** RFC 9293 spelling (same as the TcpState value). */
  rfc: TcpState;
  /** Linux kernel enum, include/net/tcp_states.h (TCP_SYN_RECV …). */
  linux: string;
  /** iproute2 `ss` (SYN-RECV, ESTAB; a CLOSED socket shows as UNCONN). */
  ss: string;
  /** Linux net-tools `netstat` (SYN_RECV, FIN_WAIT1, TIME_WAIT; CLOSED shows as CLOSE). */
  netstat: string;
  /** Windows `netstat -an` (SYN_RECEIVED, FIN_WAIT_1, LISTENING). */
  windows: string;
  /** BSD/macOS `netstat` (netinet/tcp_fsm.h tcpstates[]: SYN_RCVD, FIN_WAIT_1). */
  bsd: string;
}

// ---------------------------------------------------------------------------------------------
// Segments
// ---------------------------------------------------------------------------------------------

/** An IPv4 address in dotted form plus a port: enough for src/engine/wire to build real headers. */
export interface Address {
  ip: string;
  port: number;
}

/** The control bits the book talks about. URG/ECE/CWR are never set by this engine. */
export interface TcpFlags {
  SYN: boolean;
  ACK: boolean;
  FIN: boolean;
  RST: boolean;
  PSH: boolean;
}

/** Flag names in the order the trace CLI and the book print them. */
export type FlagName = keyof TcpFlags;

/** TCP options carried on the SYN (and timestamps on every segment when negotiated). */
export interface TcpOptions {
  /** Maximum segment size (kind 2), SYN only. */
  mss?: number;
  /** Window scale shift count (kind 3, RFC 7323), SYN only. */
  windowScale?: number;
  /** SACK permitted (kind 4, RFC 2018), SYN only. */
  sackPermitted?: boolean;
  /** Timestamps (kind 8, RFC 7323). */
  timestamps?: { tsval: number; tsecr: number };
}

/**
 * One TCP segment as it leaves an endpoint. Numbers are absolute 32-bit values (not relative);
 * `window` is the raw 16-bit header value (already scaled down when window scaling is in use).
 */
export interface Segment {
  src: Address;
  dst: Address;
  seq: number;
  ack: number;
  flags: TcpFlags;
  window: number;
  options: TcpOptions;
  payload: Uint8Array;
}

/** JSON-safe form of a Segment: payload as lowercase hex, plus its length for convenience. */
export interface SegmentJSON extends Omit<Segment, 'payload'> {
  payload: string;
  len: number;
}

// ---------------------------------------------------------------------------------------------
// Profiles and configuration
// ---------------------------------------------------------------------------------------------

/** Which stack's timer values to use. Values live in profiles.ts, their sources in profile-sources.ts. */
export type ProfileName = 'rfc' | 'linux' | 'windows' | 'macos';

/** A source for a profile value, shown in the book next to the number. */
export interface Source {
  what: string;
  url: string;
}

/**
 * Timer values and behaviours of one stack. Times are in milliseconds of virtual time.
 * A `null` timeout means "this stack has no such timer".
 */
export interface Profile {
  name: ProfileName;
  /** Maximum segment lifetime; TIME-WAIT is normally 2×MSL (§3.4.2). */
  mslMs: number;
  /** TIME-WAIT length actually used (Linux fixes it at 60 s regardless of MSL). */
  timeWaitMs: number;
  /** First retransmission timeout (RFC 6298 §2.1: 1 s). */
  initialRtoMs: number;
  /** Lower bound of the RTO (Linux TCP_RTO_MIN 200 ms; RFC 6298 says 1 s). */
  minRtoMs: number;
  /** Upper bound of the RTO (RFC 6298 §2.5 allows 60 s; Linux TCP_RTO_MAX 120 s). */
  maxRtoMs: number;
  /**
   * SYN retransmissions before giving up (Linux tcp_syn_retries = 6). Linux 6.5+ adds
   * synLinearRetries on top for SYN-SENT (tcp_write_timeout), so it sends 1 + 6 + 4 = 11 SYNs.
   */
  synRetries: number;
  /** SYN+ACK retransmissions before a half-open entry is dropped (Linux tcp_synack_retries = 5). */
  synAckRetries: number;
  /** Retransmissions of data/FIN before the connection is aborted (Linux tcp_retries2 = 15). */
  dataRetries: number;
  /** Number of first SYN retries sent at a constant RTO before doubling (Linux tcp_syn_linear_timeouts, 6.5+). */
  synLinearRetries: number;
  /**
   * FIN-WAIT-2 timeout of an orphan (Linux tcp_fin_timeout 60 s), or null. Only a connection the
   * application has closed (close(), not shutdown(SHUT_WR)) is bounded: one that its application
   * still holds waits for the peer's FIN as long as it takes.
   */
  finWait2TimeoutMs: number | null;
  /**
   * RFC 9293 §3.6.1 MAY-1/SHLD-2, the "half-duplex" close: after close() the application cannot
   * read, so new data arriving in FIN-WAIT-1 or FIN-WAIT-2 draws a RST that tells the peer its
   * bytes were lost (Linux tcp_rcv_state_process, TCPAbortOnData; BSD and Windows alike). False:
   * CLOSE only ends the sending direction, as RFC 9293's CLOSE does, and data is still delivered.
   */
  halfDuplexClose: boolean;
  /** Delayed-ACK delay (Linux ~40 ms), or null for "ACK every segment at once". */
  delayedAckMs: number | null;
  /**
   * Linux "quick ACK" mode: the first N data segments of a connection are ACKed at once even
   * with delayed ACK on (that is why normal.pcap ACKs `ping` immediately).
   */
  quickAcks: number;
  /**
   * Minimum gap between ACKs sent in answer to unacceptable segments (RFC 5961 §7 throttling;
   * Linux tcp_invalid_ratelimit 500 ms). Stops "ACK storms" between desynchronized endpoints.
   */
  invalidAckIntervalMs: number;
  /** MSS we advertise. */
  mss: number;
  /** Receive window we advertise (bytes, before scaling). */
  window: number;
  /** Window scale we advertise on SYN, or null to not send the option. */
  windowScale: number | null;
  /** Whether we send SACK-permitted and timestamps on SYN (Linux does). */
  sackPermitted: boolean;
  timestamps: boolean;
  /**
   * The RST of an ABORT carries an ACK of RCV.NXT (Linux tcp_send_active_reset sets ACK|RST);
   * false: <SEQ=SND.NXT><CTL=RST> as §3.10.5 writes it.
   */
  abortRstAck: boolean;
  /**
   * Keepalive when the application turns it on (SO_KEEPALIVE): idle time before the first
   * probe, time between probes, unanswered probes before the connection is dropped (Linux
   * tcp_keepalive_time 7200 s, tcp_keepalive_intvl 75 s, tcp_keepalive_probes 9; §3.8.4).
   */
  keepaliveIdleMs: number;
  keepaliveIntervalMs: number;
  keepaliveProbes: number;
  /**
   * How a TIME-WAIT endpoint answers a new SYN for the same 4-tuple (§3.6.1 MAY-2).
   * 'linux' (tcp_timewait_state_process): accept when SEG.SEQ > old RCV.NXT or, with timestamps,
   * when its TSval is newer than TS.Recent, and then choose ISS = old SND.NXT + 65537; otherwise
   * ACK it again. 'rfc': accept only when SEG.SEQ > old RCV.NXT, with a fresh ISN above the old
   * SND.NXT (MAY-2 condition 1); otherwise it meets the usual §3.10.7.4 checks.
   */
  timeWaitReopen: 'linux' | 'rfc';
}

/**
 * Where initial sequence numbers come from.
 * - 'rfc6528': ISN = M + F(4-tuple, key): M a 4 µs clock of virtual time, F SipHash-2-4 keyed
 *   by `key` (§3.4.1, RFC 6528). Deterministic given time, tuple and key.
 * - 'fixed': always `value` (lessons with readable numbers).
 */
export type IsnSource = { kind: 'rfc6528'; key: number } | { kind: 'fixed'; value: number };

/** Per-endpoint settings. Plain data; `makeEndpoint` fills defaults. */
export interface EndpointConfig {
  profile: Profile;
  isn: IsnSource;
  /** RFC 1337 fix F1: ignore RST in TIME-WAIT (Linux tcp_rfc1337, default off). */
  rfc1337: boolean;
  /** Use delayed ACK (profile.delayedAckMs) when the profile has it. */
  delayedAck: boolean;
  /**
   * Listener backlog of half-open (SYN-RECEIVED) entries. null = the classic RFC model where the
   * LISTEN record itself moves to SYN-RECEIVED (Figure 5). A number turns on a SYN queue.
   */
  backlog: number | null;
  /** SYN cookies (RFC 4987 §3.6) when the backlog is full. */
  synCookies: boolean;
  /** Offset added to virtual ms to form TSval (Linux randomizes it per connection). */
  tsOffset: number;
  /** SO_KEEPALIVE: probe an idle connection (the profile's keepalive times). */
  keepalive: boolean;
  /**
   * Accept queue length of a listener with a backlog (connections whose handshake completed and
   * that wait for accept()); null: unlimited. Linux: full when more than the listen() backlog
   * wait (sk_acceptq_is_full), so listen(1) holds 2.
   */
  acceptQueue: number | null;
  /** Linux tcp_abort_on_overflow: answer a third ACK that finds the accept queue full with RST instead of dropping it. */
  abortOnOverflow: boolean;
  /**
   * For a listener with an accept queue: the client whose connection this endpoint follows (the
   * lab draws one connection). Handshakes of other clients only fill the accept queue.
   */
  follow: Address | null;
}

// ---------------------------------------------------------------------------------------------
// Endpoint (the TCB)
// ---------------------------------------------------------------------------------------------

/** Named timers an endpoint can run. Each holds at most one deadline. */
export type TimerName = 'keepalive' | 'retransmit' | 'time-wait' | 'fin-wait-2' | 'syn-received' | 'delayed-ack';

/** Absolute virtual-time deadlines (ms) of the running timers. */
export type Timers = Partial<Record<TimerName, number>>;

/**
 * Transmission control block (§3.3.1). Sequence variables are absolute 32-bit values.
 * Buffers are immutable views: a step replaces them, never writes into them.
 */
export interface Tcb {
  iss: number;
  irs: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  sndWl1: number;
  sndWl2: number;
  rcvNxt: number;
  rcvWnd: number;
  /** Bytes from SND.UNA on: sent-but-unacknowledged followed by not-yet-sent. */
  sendQueue: Uint8Array;
  /** CLOSE or SHUTDOWN was called: a FIN goes out after the send queue. */
  finQueued: boolean;
  /**
   * The application called CLOSE (close()): the connection now belongs to the TCP alone (Linux
   * calls it an orphan). Only an orphan's FIN-WAIT-2 is bounded (Profile.finWait2TimeoutMs), and
   * only an orphan refuses new data (Profile.halfDuplexClose). SHUTDOWN leaves it false.
   */
  orphan: boolean;
  /** Sequence number our FIN occupies once sent, else null. */
  finSeq: number | null;
  /** The peer's FIN has been received (no more data will come). */
  finReceived: boolean;
  /** Bytes received in order and handed to the application so far (the receive side). */
  received: Uint8Array;
  /** Out-of-order segments held for later (start seq + bytes; FIN flag kept too). */
  ooo: { seq: number; data: Uint8Array; fin: boolean }[];
  /** Current retransmission timeout and retries so far of the oldest outstanding segment. */
  rto: number;
  retries: number;
  /** RFC 6298 estimator state (null until the first RTT sample) and the segment being timed (Karn). */
  srtt: number | null;
  rttvar: number;
  rttProbe: { seq: number; at: number } | null;
  /** Segments received since our last ACK (delayed ACK sends after 2 or on the timer). */
  ackPending: number;
  /** Remaining quick ACKs (see Profile.quickAcks). */
  quickAcks: number;
  /** Keepalive probes sent since the peer was last heard from. */
  keepaliveProbes?: number;
  /** The ACK field of the last segment we sent (Last.ACK.sent of RFC 7323 §4.3); set after each step. */
  lastAckSent?: number;
  /** Delayed-ACK "pingpong" mode entered (Linux does on receiving FIN in ESTABLISHED). */
  pingpong: boolean;
  /** Peer's MSS and window scale from its SYN; our scale if both sides agreed. */
  peerMss: number;
  sndScale: number;
  rcvScale: number;
  /** Timestamps negotiated; last TSval seen from the peer (TS.Recent, RFC 7323). */
  timestamps: boolean;
  tsRecent: number;
  /** The connection was rebuilt from a SYN cookie (RFC 4987 §3.6). */
  fromCookie: boolean;
  /** When we last answered an unacceptable segment with an ACK (rate limit, RFC 5961 §7). */
  lastInvalidAckAt: number | null;
}

/** A half-open connection in a listener's SYN queue (Linux "request sock"). */
export interface HalfOpen {
  remote: Address;
  iss: number;
  irs: number;
  /** Peer's options from its SYN (MSS etc.), needed to build the TCB later. */
  peerOptions: TcpOptions;
  retries: number;
  /** Virtual time the next SYN+ACK retransmission is due. */
  deadline: number;
  /** The client's third ACK came but found the accept queue full (Linux inet_rsk(req)->acked). */
  acked?: boolean;
}

/**
 * One TCP endpoint: a socket with at most one connection (and, when listening with a backlog,
 * a queue of half-open entries). `step` returns a new Endpoint; none is ever mutated.
 */
export interface Endpoint {
  /** Label used in logs ('A' or 'B' in the simulator). */
  name: string;
  local: Address;
  /** Foreign socket; null while LISTENing for anyone (§3.10.1 unspecified foreign socket). */
  remote: Address | null;
  state: TcpState;
  /** Null in CLOSED and LISTEN (no connection record). */
  tcb: Tcb | null;
  config: EndpointConfig;
  timers: Timers;
  /** This connection came from a passive OPEN: a RST in SYN-RECEIVED returns it to LISTEN (§3.10.7.4). */
  passive: boolean;
  /** SYN queue for listeners with a backlog; empty otherwise. */
  synQueue: HalfOpen[];
  /** Why the connection ended, once it has (shown by labs: "connection refused" etc.). */
  error: EngineError | null;
  /** Connections that completed their handshake and wait for accept() (listener with an accept queue). */
  acceptQueued: number;
}

/** Errors reported to the application (§3.10 "signal the user"). */
export type EngineError =
  | 'connection-refused'
  | 'connection-reset'
  | 'connection-timeout'
  | 'connection-aborted'
  | 'connection-closing'
  | 'connection-does-not-exist'
  | 'connection-already-exists'
  | 'insufficient-resources';

// ---------------------------------------------------------------------------------------------
// Step: inputs and effects
// ---------------------------------------------------------------------------------------------

/**
 * User calls of §3.10.1–3.10.6. CLOSE is close(); SHUTDOWN is shutdown(SHUT_WR), RFC 9293's CLOSE
 * ("no more to send") with the connection still the application's, so it keeps receiving;
 * close() with SO_LINGER{1,0} is ABORT.
 */
export type UserCall =
  | { call: 'OPEN'; mode: 'passive'; local: Address; remote?: Address }
  | { call: 'OPEN'; mode: 'active'; local: Address; remote: Address }
  | { call: 'SEND'; data: Uint8Array }
  | { call: 'CLOSE' }
  | { call: 'SHUTDOWN' }
  | { call: 'ABORT' }
  /** The host loses the connection without a word (a reboot, a crash): no segment, no signal. */
  | { call: 'FORGET' }
  /** accept(): the application takes the oldest connection waiting in the accept queue. */
  | { call: 'ACCEPT' };

/** One thing that happens to an endpoint. */
export type StepInput = { kind: 'user'; call: UserCall } | { kind: 'segment'; segment: Segment } | { kind: 'timer'; timer: TimerName };

/**
 * What a step may read from the outside world. Time is virtual milliseconds; nothing else is
 * read (no clock, no Math.random): the ISN key lives in EndpointConfig.isn.
 */
export interface StepContext {
  now: number;
  /** The optional engine parts (parts.ts) this step may need; the engine's index passes them all. */
  parts?: EngineParts;
}

/** What a step asks the world to do, as data. The simulator (or a caller) carries these out. */
export type Effect =
  | { kind: 'send'; segment: Segment; retransmit: boolean }
  | { kind: 'timer-set'; timer: TimerName; at: number }
  | { kind: 'timer-cancel'; timer: TimerName }
  | { kind: 'state'; from: TcpState; to: TcpState; reason: ReasonCode; rfc: string }
  /** In-order bytes handed to the application. */
  | { kind: 'deliver'; data: Uint8Array }
  /** The peer's FIN reached the application (read() returns 0). */
  | { kind: 'eof' }
  /** The connection is open for the application (connect() returned / accept() returned). */
  | { kind: 'connected' }
  | { kind: 'error'; error: EngineError }
  | { kind: 'log'; reason: ReasonCode; rfc: string; detail?: string };

/** Result of one step: the new endpoint and the effects in the order they happened. */
export interface StepResult {
  endpoint: Endpoint;
  effects: Effect[];
}

/**
 * Why the engine did something. Stable strings: labs translate them, tests assert them. The
 * sentences live in the book's UI dictionaries (`labs.reason.<code>` in src/i18n/en|ko/labs.ts,
 * typed so that a code without a sentence fails the type check); the engine carries no prose.
 */
export type ReasonCode =
  // user calls §3.10.1–3.10.6
  | 'open-passive'
  | 'open-active'
  | 'open-exists'
  | 'send-queued'
  | 'send-closing'
  | 'send-no-connection'
  | 'close-send-fin'
  | 'close-listen'
  | 'close-syn-sent'
  | 'close-already'
  | 'close-no-connection'
  | 'close-orphan'
  | 'shutdown-send-fin'
  | 'shutdown-no-op'
  | 'text-after-close-rst'
  | 'abort-rst'
  | 'abort-no-rst'
  | 'forget'
  | 'accept'
  | 'listen-overflow-drop'
  | 'listen-overflow-rst'
  | 'listen-overflow-syn-drop'
  | 'listen-accept-queued'
  | 'keepalive-probe'
  | 'keepalive-give-up'
  | 'syn-time-wait-ack'
  | 'rst-data-challenge-ack'
  // CLOSED / LISTEN / SYN-SENT §3.10.7.1–3.10.7.3
  | 'closed-rst-ignored'
  | 'closed-send-rst'
  | 'listen-rst-ignored'
  | 'listen-ack-send-rst'
  | 'listen-syn'
  | 'listen-syn-queued'
  | 'listen-backlog-full-drop'
  | 'listen-syn-cookie'
  | 'listen-cookie-ack'
  | 'listen-cookie-bad'
  | 'listen-halfopen-ack'
  | 'listen-other-drop'
  | 'syn-sent-bad-ack-rst'
  | 'syn-sent-bad-ack-dropped'
  | 'syn-sent-rst-accepted'
  | 'syn-sent-rst-ignored'
  | 'syn-sent-synack'
  | 'syn-sent-simultaneous-syn'
  | 'syn-sent-no-syn-drop'
  | 'syn-received-dup-syn'
  | 'invalid-ack-rate-limited'
  // synchronized states §3.10.7.4
  | 'seq-unacceptable-ack'
  | 'seq-unacceptable-drop'
  | 'seq-trimmed'
  | 'rst-syn-received-to-listen'
  | 'rst-syn-received-refused'
  | 'rst-reset'
  | 'rst-closing'
  | 'rst-time-wait-closed'
  | 'rst-time-wait-ignored-rfc1337'
  | 'rst-challenge-ack'
  | 'syn-challenge-ack'
  | 'syn-time-wait-reopen'
  | 'no-ack-drop'
  | 'ack-syn-received-established'
  | 'ack-syn-received-bad-rst'
  | 'ack-duplicate'
  | 'ack-future-ack'
  | 'ack-advances'
  | 'ack-fin-acked-fin-wait-2'
  | 'ack-fin-acked-closing-time-wait'
  | 'ack-fin-acked-last-ack-closed'
  | 'text-accepted'
  | 'text-out-of-order'
  | 'text-ignored'
  | 'ack-delayed'
  | 'ack-immediate'
  | 'fin-close-wait'
  | 'fin-closing'
  | 'fin-time-wait'
  | 'fin-time-wait-restart'
  | 'fin-ignored'
  // timers
  | 'timer-retransmit'
  | 'timer-retransmit-give-up'
  | 'timer-synack-retransmit'
  | 'timer-synack-give-up'
  | 'timer-time-wait-closed'
  | 'timer-fin-wait-2-closed'
  | 'timer-delayed-ack'
  | 'timer-stale';

// ---------------------------------------------------------------------------------------------
// Simulator, scenarios, traces
// ---------------------------------------------------------------------------------------------

/** Side A is always the client (the one that connects), B the server. */
export type Side = 'A' | 'B';

/** Bilingual text, for scenario titles and descriptions (scenario-text.ts). */
export interface I18nText {
  ko: string;
  en: string;
}

/**
 * Reader-facing knobs of a scenario (the `knobs` prop of <SequenceLab>), one optional field per
 * row of the knob table (knobs.ts, where each is described), plus the run's seed.
 */
export type { ScenarioKnobs } from './knobs.ts';
import type { ScenarioKnobs } from './knobs.ts';

/** Names of knobs as they appear in the `knobs="drop,closer,…"` MDX prop (the knob table, knobs.ts). */
export type { KnobName } from './knobs.ts';
import type { KnobName } from './knobs.ts';

/** Which fields a snapshot exposes: the variables of §3.3.1 the book draws. */
export interface Snapshot {
  state: TcpState;
  iss: number | null;
  irs: number | null;
  sndUna: number | null;
  sndNxt: number | null;
  sndWnd: number | null;
  rcvNxt: number | null;
  rcvWnd: number | null;
  /** Half-open entries in a listener's SYN queue (SYN-flood lessons). */
  synQueue: number;
}

/** Kinds of trace events. */
export type TraceEventKind =
  /** an application call (OPEN/SEND/CLOSE/ABORT) */
  | 'user'
  /** a segment put on the wire (gets a wire id) */
  | 'send'
  /** a segment arrives at `side` */
  | 'deliver'
  /** a fault rule removed a segment */
  | 'drop'
  /** a fault rule copied a segment (the copy gets its own wire id) */
  | 'duplicate'
  /** a state change of `side` */
  | 'state'
  | 'timer-set'
  | 'timer-cancel'
  | 'timer-fire'
  /** the application at `side` got data, EOF, an error, or the connection */
  | 'app'
  /** a reasoned decision of the engine (why a segment was dropped, ACKed, …) */
  | 'log';

/** One event of a trace. `snapshot` is both sides after the event. */
export interface TraceEvent {
  /** Position in the trace (0-based). */
  i: number;
  /** Virtual time in ms since the scenario started. */
  t: number;
  kind: TraceEventKind;
  side: Side;
  /** For send/deliver/drop/duplicate: the segment and its wire id (1-based, in send order). */
  segment?: SegmentJSON;
  wireId?: number;
  /** For send: a retransmission. */
  retransmit?: boolean;
  /** For segments injected by the scenario rather than sent by A or B (SYN flood, old duplicate). */
  origin?: InjectOrigin;
  /** For user events: the call's name; for app events: what the app saw. */
  call?: 'OPEN' | 'SEND' | 'CLOSE' | 'SHUTDOWN' | 'ABORT' | 'FORGET' | 'ACCEPT';
  app?: 'connected' | 'data' | 'eof' | 'error';
  /** Data length for SEND / app data, error name for app errors. */
  bytes?: number;
  error?: EngineError;
  /** For state events. */
  from?: TcpState;
  to?: TcpState;
  /** For timer events. */
  timer?: TimerName;
  at?: number;
  reason?: ReasonCode;
  rfc?: string;
  detail?: string;
  snapshot: { A: Snapshot; B: Snapshot };
}

/** A whole run, JSON-safe (JSON.parse(JSON.stringify(trace)) deep-equals it). */
export interface Trace {
  scenario: string;
  knobs: ScenarioKnobs;
  profile: ProfileName;
  seed: number;
  a: Address;
  b: Address;
  /** One-way link latency used. */
  latencyMs: number;
  events: TraceEvent[];
  /** States at the end of the run. */
  final: { A: TcpState; B: TcpState };
}

/** Matches segments on the wire, for fault rules. */
export interface SegmentMatch {
  from?: Side;
  /** Flags that must be set (others don't matter). */
  flags?: FlagName[];
  /** Flags that must be clear. */
  notFlags?: FlagName[];
  /** Only payload-carrying (true) or empty (false) segments. */
  hasData?: boolean;
  /** Only segments sent after this side's first FIN went on the wire ("the final ACK"). */
  afterFinFrom?: Side;
  /** Only the n-th (1-based) segment that matches the rest of this rule. */
  nth?: number;
}

/** A fault on the simulated link. */
export type FaultRule =
  | { kind: 'drop'; wireId: number }
  | { kind: 'drop-match'; match: SegmentMatch }
  | { kind: 'duplicate'; match: SegmentMatch; extraDelayMs: number }
  | { kind: 'delay'; match: SegmentMatch; extraDelayMs: number }
  /**
   * The segment is overtaken: it arrives just after the sender's next segment to the same host,
   * or `extraDelayMs` late when the sender sends nothing before then.
   */
  | { kind: 'reorder'; match: SegmentMatch; extraDelayMs: number }
  /**
   * Each segment A or B sends is lost with probability `percent`/100, drawn from a generator
   * seeded with `seed` (one draw per segment, in send order, so a run is reproducible).
   */
  | { kind: 'random-loss'; percent: number; seed: number };

/**
 * Application actions on a timeline. `at` is virtual ms from the start, or, with
 * `after: 'connected'`, from the moment the client (A) first reached ESTABLISHED, for either
 * side (one reference point, so equal `at` values still mean "at the same instant"). A lost
 * handshake segment then delays the applications' writes and closes instead of closing a
 * half-open connection. With `after: 'peer-fin'` it counts from the moment the acting side's
 * application reads the peer's FIN (end of file), the first time it does.
 */
export type AppAction =
  | { at: number; side: Side; call: 'OPEN-passive' }
  | { at: number; side: Side; call: 'OPEN-active' }
  | { at: number; side: Side; call: 'SEND'; text: string; after?: AppEvent }
  | { at: number; side: Side; call: 'CLOSE'; after?: AppEvent }
  | { at: number; side: Side; call: 'SHUTDOWN'; after?: AppEvent }
  | { at: number; side: Side; call: 'ABORT'; after?: AppEvent }
  | { at: number; side: Side; call: 'FORGET'; after?: AppEvent }
  | { at: number; side: Side; call: 'ACCEPT'; after?: AppEvent }
  /** Segments from outside A/B delivered to `side` (SYN flood, old duplicates, other clients). */
  | { at: number; side: Side; call: 'INJECT'; origin: InjectOrigin; segments: InjectSpec[] };

/** What an action's time may count from besides the start: A's connection opening, or the acting side reading the peer's FIN. */
export type AppEvent = 'connected' | 'peer-fin';

/** Who sent an injected segment: an attacker, the network (an old duplicate) or another client of B. */
export type InjectOrigin = 'attacker' | 'old-duplicate' | 'other-client';

/** A segment to inject. */
export interface InjectSpec {
  src: Address;
  flags: FlagName[];
  seq: number;
  ack: number;
  /**
   * When true, seq is relative to the ISS of the side whose address is `src` and ack to the
   * ISS of the receiving side (the latest connection's ISS of each), like tshark's relative numbers.
   */
  relative?: boolean;
  /**
   * Complete a handshake: seq and ack come from the SYN+ACK the receiving side last sent to
   * `src` (seq = its ack, ack = its seq + 1), like a client answering it.
   */
  answer?: boolean;
  text?: string;
}

/** Application behaviour that reacts to the connection instead of a fixed time. */
export interface AppReactions {
  /** Close this many ms after reading EOF (null: never close on EOF). */
  closeOnEofAfterMs: number | null;
  /** Write this text each time data arrives (an echo-like server), once. */
  replyOnData?: string;
}

/**
 * A scenario is data: who listens, who connects, what the applications do and when, the faults
 * on the link, the profile and seed. `runScenario` interprets it.
 */
export interface ScenarioDef {
  id: string;
  /** Which knobs make sense here (SequenceLab may offer these). */
  knobs: KnobName[];
  profile: ProfileName;
  /**
   * A different profile for one side (a Windows client against a Linux server); the other side
   * keeps `profile`. The `profile` knob sets both sides' default, not these.
   */
  sideProfiles?: Partial<Record<Side, ProfileName>>;
  seed: number;
  latencyMs: number;
  a: Address;
  b: Address;
  /** Readable ISNs used when knobs.isn === 'fixed' (the default for most lessons). */
  fixedIsn: { A: number; B: number };
  isn: 'random' | 'fixed';
  actions: AppAction[];
  reactions: { A: AppReactions; B: AppReactions };
  faults: FaultRule[];
  /** Endpoint settings other than profile and ISN. */
  config?: { A?: Partial<Pick<EndpointConfig, ScenarioConfigKey>>; B?: Partial<Pick<EndpointConfig, ScenarioConfigKey>> };
  /** Stop the run at this virtual time even if timers are pending. */
  untilMs: number;
  /** Knob values this scenario uses unless the caller overrides them (e.g. a short MSL). */
  knobsDefaults?: ScenarioKnobs;
  /**
   * Profile values changed for this run (e.g. a kernel case run with tcp_syn_retries=2 in its
   * namespace). Applied after the profile is chosen and after the MSL knob.
   */
  profileOverrides?: Partial<Omit<Profile, 'name'>>;
}

/** Endpoint settings a scenario may set per side. */
export type ScenarioConfigKey = 'rfc1337' | 'delayedAck' | 'backlog' | 'synCookies' | 'keepalive' | 'acceptQueue' | 'abortOnOverflow';

/** The public list entry for a scenario (what the labs and the CLI show). */
export interface ScenarioInfo {
  id: ScenarioId;
  title: I18nText;
  description: I18nText;
  knobs: KnobName[];
}

/** The scenario ids fixed in ARCHITECTURE.md. */
export type ScenarioId =
  | 'normal-open'
  | 'data-on-third'
  | 'lost-syn'
  | 'syn-timeout'
  | 'lost-syn-ack'
  | 'lost-third-ack'
  | 'simultaneous-open'
  | 'closed-port-rst'
  | 'close-4-segment'
  | 'close-3-segment'
  | 'server-closes-first'
  | 'simultaneous-close'
  | 'lost-fin'
  | 'lost-final-ack'
  | 'half-close'
  | 'time-wait-too-short'
  | 'rst-in-time-wait'
  | 'rst-in-time-wait-rfc1337'
  | 'syn-flood'
  | 'syn-flood-cookies'
  | 'old-duplicate-syn'
  | 'accept-queue-full'
  | 'half-open-discovery'
  | 'time-wait-reopen'
  | 'linger-abort';

// ---------------------------------------------------------------------------------------------
// Observation (pcap import)
// ---------------------------------------------------------------------------------------------

/** One segment seen on the wire by a capture, with which side sent it. */
export interface ObservedSegment {
  /** Capture time in ms (any origin; only differences matter). */
  t: number;
  from: Side;
  segment: Segment;
}

/** The inferred states after one observed segment. */
export interface ObservedStep {
  t: number;
  from: Side;
  /** null when the capture cannot prove the state (the notes say why). */
  stateA: TcpState | null;
  stateB: TcpState | null;
  /** Things the inference could not explain (e.g. capture starts mid-connection). */
  notes: string[];
}
