import { SCENARIO_IDS, isScenarioId } from './scenario-ids.ts';
import { ALL_PARTS } from './parts/all.ts';

// The runs below use every optional engine part; a page that loads this list gets them for its own runs too.
export { ALL_PARTS };
import { simulate } from './sim.ts';
import type { AppAction, AppReactions, FaultRule, KnobName, ScenarioDef, ScenarioId, ScenarioKnobs, Trace } from './types.ts';

export { SCENARIO_IDS, isScenarioId };

const A = { ip: '10.0.0.1', port: 50000 };
const B = { ip: '10.0.0.2', port: 80 };
/** Other clients of B (accept-queue-full). */
const OTHER = { ip: '10.0.0.3', port: 50001 };
const THIRD = { ip: '10.0.0.4', port: 50002 };
const ALL_KNOBS: KnobName[] = ['drop', 'closer', 'close-delay', 'isn', 'profile', 'simultaneous', 'msl', 'rfc1337'];

/**
 * Client request and server reply, as in kernel-traces (client writes ping, server answers
 * pong). Application actions are timed from the moment the client's connection opened, so a
 * lost handshake segment (drop knob) shifts them instead of closing a half-open connection.
 * Without losses A connects at 21 ms, so ping leaves at 50 ms and the close comes at 300 ms.
 */
const PING: AppAction = { at: 29, side: 'A', call: 'SEND', text: 'ping', after: 'connected' };
const CLOSE_A: AppAction = { at: 279, side: 'A', call: 'CLOSE', after: 'connected' };
const CLOSE_B: AppAction = { at: 279, side: 'B', call: 'CLOSE', after: 'connected' };
const OPEN: AppAction[] = [
  { at: 0, side: 'B', call: 'OPEN-passive' },
  { at: 1, side: 'A', call: 'OPEN-active' },
];
const echo = (closeOnEofAfterMs: number | null): AppReactions => ({ closeOnEofAfterMs, replyOnData: 'pong' });
const noReact: AppReactions = { closeOnEofAfterMs: null };

type Draft = Omit<ScenarioDef, 'profile' | 'seed' | 'latencyMs' | 'a' | 'b' | 'fixedIsn' | 'isn' | 'untilMs' | 'reactions' | 'faults'> &
  Partial<Pick<ScenarioDef, 'profile' | 'untilMs' | 'reactions' | 'faults' | 'latencyMs'>>;

/** The SYN flood of both syn-flood scenarios: six spoofed SYNs from 203.0.113.1–6 that no one answers, 5 ms in. */
const SYN_FLOOD: AppAction = {
  at: 5,
  side: 'B',
  call: 'INJECT',
  origin: 'attacker',
  segments: [1, 2, 3, 4, 5, 6].map((n) => ({ src: { ip: `203.0.113.${n}`, port: 40000 + n }, flags: ['SYN'], seq: 7777 * n, ack: 0 })),
};

function def(d: Draft): ScenarioDef {
  return {
    profile: 'linux',
    seed: 1,
    latencyMs: 10,
    a: A,
    b: B,
    fixedIsn: { A: 1000, B: 5000 },
    isn: 'fixed',
    untilMs: 300_000,
    reactions: { A: { closeOnEofAfterMs: 100 }, B: echo(0) },
    faults: [],
    ...d,
  };
}

/** The standard life of a connection: open, ping/pong, client closes at 300 ms. */
const LIFE: AppAction[] = [...OPEN, PING, CLOSE_A];

const list: ScenarioDef[] = [
  def({
    id: 'normal-open',
    knobs: ['drop', 'isn', 'profile', 'simultaneous'],
    actions: LIFE,
  }),
  def({
    id: 'data-on-third',
    knobs: ['drop', 'isn', 'profile'],
    actions: [...OPEN, { at: 1, side: 'A', call: 'SEND', text: 'ping' }, CLOSE_A],
  }),
  def({
    id: 'lost-syn',
    knobs: ['drop', 'isn', 'profile'],
    actions: LIFE,
    faults: [{ kind: 'drop', wireId: 1 }],
  }),
  def({
    // The peer (a firewall) drops every SYN: Linux sends 11 SYNs and connect() fails with
    // ETIMEDOUT at 131 s (tcp_syn_retries 6 + tcp_syn_linear_timeouts 4).
    id: 'syn-timeout',
    knobs: ['isn', 'profile'],
    actions: OPEN,
    faults: [{ kind: 'drop-match', match: { from: 'A', flags: ['SYN'] } }],
    // Long enough for the RFC profile's give-up too (8 doubling retries: 511 s).
    untilMs: 600_000,
  }),
  def({
    id: 'lost-syn-ack',
    knobs: ['drop', 'isn', 'profile'],
    actions: LIFE,
    faults: [{ kind: 'drop', wireId: 2 }],
  }),
  def({
    id: 'lost-third-ack',
    knobs: ['drop', 'isn', 'profile'],
    actions: [...OPEN, { at: 2500, side: 'A', call: 'SEND', text: 'ping', after: 'connected' }, { at: 2800, side: 'A', call: 'CLOSE', after: 'connected' }],
    faults: [{ kind: 'drop', wireId: 3 }],
  }),
  def({
    id: 'simultaneous-open',
    knobs: ['drop', 'isn', 'profile'],
    actions: [{ at: 0, side: 'A', call: 'OPEN-active' }, { at: 0, side: 'B', call: 'OPEN-active' }, PING, CLOSE_A],
  }),
  def({
    id: 'closed-port-rst',
    knobs: ['isn', 'profile'],
    actions: [{ at: 1, side: 'A', call: 'OPEN-active' }],
  }),
  def({
    id: 'close-4-segment',
    knobs: ALL_KNOBS,
    actions: LIFE,
    reactions: { A: { closeOnEofAfterMs: 100 }, B: echo(500) },
  }),
  def({
    id: 'close-3-segment',
    knobs: ALL_KNOBS,
    actions: LIFE,
  }),
  def({
    id: 'server-closes-first',
    knobs: ALL_KNOBS,
    actions: [...OPEN, PING, CLOSE_B],
  }),
  def({
    id: 'simultaneous-close',
    knobs: ALL_KNOBS,
    actions: [...OPEN, PING, CLOSE_A, CLOSE_B],
  }),
  def({
    id: 'lost-fin',
    knobs: ALL_KNOBS,
    actions: LIFE,
    faults: [{ kind: 'drop-match', match: { from: 'A', flags: ['FIN'], nth: 1 } }],
  }),
  def({
    id: 'lost-final-ack',
    knobs: ALL_KNOBS,
    actions: LIFE,
    faults: [{ kind: 'drop-match', match: { from: 'A', flags: ['ACK'], notFlags: ['SYN', 'FIN', 'RST'], hasData: false, afterFinFrom: 'B', nth: 1 } }],
  }),
  def({
    id: 'half-close',
    knobs: ['drop', 'isn', 'profile'],
    actions: [
      ...OPEN,
      { at: 29, side: 'A', call: 'SEND', text: 'GET /', after: 'connected' },
      // 20 ms after the request: after B's ACK of it, as on a real network (Linux ACKs it at once).
      { at: 49, side: 'A', call: 'SHUTDOWN', after: 'connected' },
      { at: 179, side: 'B', call: 'SEND', text: 'part 1;', after: 'connected' },
      { at: 379, side: 'B', call: 'SEND', text: 'part 2.', after: 'connected' },
      { at: 579, side: 'B', call: 'CLOSE', after: 'connected' },
    ],
    reactions: { A: noReact, B: noReact },
  }),
  def({
    id: 'time-wait-too-short',
    knobs: ['isn', 'msl', 'profile'],
    actions: [
      ...OPEN,
      PING,
      { at: 100, side: 'B', call: 'SEND', text: 'old!' },
      { at: 300, side: 'A', call: 'CLOSE' },
      { at: 600, side: 'B', call: 'OPEN-passive' },
      { at: 700, side: 'A', call: 'OPEN-active' },
      { at: 750, side: 'A', call: 'SEND', text: 'ping' },
    ],
    reactions: { A: noReact, B: { closeOnEofAfterMs: 0 } },
    faults: [{ kind: 'duplicate', match: { from: 'B', hasData: true, nth: 1 }, extraDelayMs: 770 }],
    knobsDefaults: { mslMs: 50 },
    untilMs: 2_000,
  }),
  def({
    id: 'rst-in-time-wait',
    knobs: ['rfc1337', 'isn', 'profile'],
    actions: [
      ...LIFE,
      { at: 1000, side: 'A', call: 'INJECT', origin: 'old-duplicate', segments: [{ src: B, flags: ['ACK'], seq: 1, ack: 5, relative: true, text: 'pong' }] },
    ],
  }),
  def({
    id: 'rst-in-time-wait-rfc1337',
    knobs: ['rfc1337', 'isn', 'profile'],
    actions: [
      ...LIFE,
      { at: 1000, side: 'A', call: 'INJECT', origin: 'old-duplicate', segments: [{ src: B, flags: ['ACK'], seq: 1, ack: 5, relative: true, text: 'pong' }] },
    ],
    knobsDefaults: { rfc1337: true },
  }),
  def({
    id: 'syn-flood',
    knobs: ['profile'],
    actions: [{ at: 0, side: 'B', call: 'OPEN-passive' }, SYN_FLOOD, { at: 50, side: 'A', call: 'OPEN-active' }],
    config: { B: { backlog: 4, synCookies: false } },
    untilMs: 8_000,
  }),
  def({
    id: 'syn-flood-cookies',
    knobs: ['profile'],
    actions: [
      { at: 0, side: 'B', call: 'OPEN-passive' },
      SYN_FLOOD,
      { at: 50, side: 'A', call: 'OPEN-active' },
      { at: 80, side: 'A', call: 'SEND', text: 'ping', after: 'connected' },
    ],
    config: { B: { backlog: 4, synCookies: true } },
    untilMs: 8_000,
  }),
  def({
    // RFC 9293 Figure 8: an old SYN from an earlier incarnation reaches B before A's real SYN
    // (delayed 40 ms on the way). B answers it; A sees an ACK of a sequence number it never
    // sent, answers RST, B returns to LISTEN, and the real SYN then opens the connection.
    id: 'old-duplicate-syn',
    knobs: ['isn', 'profile'],
    actions: [
      ...OPEN,
      { at: 5, side: 'B', call: 'INJECT', origin: 'old-duplicate', segments: [{ src: A, flags: ['SYN'], seq: -10, ack: 0, relative: true }] },
      PING,
      CLOSE_A,
    ],
    faults: [{ kind: 'delay', match: { from: 'A', flags: ['SYN'], nth: 1 }, extraDelayMs: 40 }],
  }),
  def({
    // The server application is slow to accept(): its accept queue holds one connection
    // (listen backlog 0). Another client's handshake fills it between A's SYN and A's third ACK,
    // so that ACK and A's data are dropped while B retransmits its SYN+ACK; a new SYN from a
    // third client is dropped too. At 2.5 s the application accepts, and A's next segment
    // completes the connection. abortOnOverflow: the third ACK draws a RST instead.
    id: 'accept-queue-full',
    knobs: ['abort-on-overflow', 'isn', 'profile'],
    actions: [
      ...OPEN,
      { at: 3, side: 'B', call: 'INJECT', origin: 'other-client', segments: [{ src: OTHER, flags: ['SYN'], seq: 70_000, ack: 0 }] },
      { at: 14, side: 'B', call: 'INJECT', origin: 'other-client', segments: [{ src: OTHER, flags: ['ACK'], seq: 0, ack: 0, answer: true }] },
      PING,
      { at: 100, side: 'B', call: 'INJECT', origin: 'other-client', segments: [{ src: THIRD, flags: ['SYN'], seq: 90_000, ack: 0 }] },
      { at: 2500, side: 'B', call: 'ACCEPT' },
      { at: 4979, side: 'A', call: 'CLOSE', after: 'connected' },
    ],
    config: { B: { backlog: 8, synCookies: false, acceptQueue: 1 } },
  }),
  def({
    // B's host reboots and forgets the connection without a word (Figure 10). A finds out when
    // it next sends: B has no connection and answers RST. keepalive: A probes after 10 s idle
    // (the application set TCP_KEEPIDLE 10 s) and the probe draws the RST first.
    id: 'half-open-discovery',
    knobs: ['keepalive', 'isn', 'profile'],
    actions: [
      ...OPEN,
      PING,
      { at: 979, side: 'B', call: 'FORGET', after: 'connected' },
      { at: 29_979, side: 'A', call: 'SEND', text: 'more?', after: 'connected' },
    ],
    reactions: { A: noReact, B: echo(null) },
    profileOverrides: { keepaliveIdleMs: 10_000, keepaliveIntervalMs: 5_000, keepaliveProbes: 3 },
    untilMs: 100_000,
  }),
  def({
    // The server closed first and sits in TIME-WAIT when the client connects again from the
    // same port. Linux (tcp_timewait_state_process) accepts the SYN because its timestamp is
    // newer, even though the fixed ISN is not above the old RCV.NXT, and picks ISS = old
    // SND.NXT + 65537. The RFC profile has no timestamps: the old-looking SYN is only ACKed.
    id: 'time-wait-reopen',
    knobs: ['isn', 'profile'],
    actions: [
      ...OPEN,
      PING,
      CLOSE_B,
      { at: 2000, side: 'A', call: 'OPEN-active' },
      { at: 2100, side: 'A', call: 'SEND', text: 'again' },
      { at: 2400, side: 'A', call: 'CLOSE' },
    ],
    reactions: { A: { closeOnEofAfterMs: 0 }, B: echo(0) },
  }),
  def({
    // close() with SO_LINGER {on, 0}: A's last write is lost on the way, and A aborts before
    // retransmitting it. The RST replaces the FIN; the unacknowledged data is thrown away with
    // the connection and nobody enters TIME-WAIT. The RST's sequence number is past what B
    // received, so B answers with a challenge ACK (RFC 5961 §3.2), which A, now without a
    // connection, answers with an exact RST.
    id: 'linger-abort',
    knobs: ['drop', 'isn', 'profile'],
    actions: [...OPEN, PING, { at: 279, side: 'A', call: 'SEND', text: 'bye', after: 'connected' }, { at: 289, side: 'A', call: 'ABORT', after: 'connected' }],
    reactions: { A: noReact, B: echo(null) },
    faults: [{ kind: 'drop-match', match: { from: 'A', hasData: true, nth: 2 } }],
  }),
];

const byId = new Map<string, ScenarioDef>(list.map((d) => [d.id, d]));

/** The full definition of a built-in scenario; throws naming the id when it is unknown. */
export function getScenario(id: string): ScenarioDef {
  const d = byId.get(id);
  if (!d) throw new Error(`unknown scenario id "${id}" (known: ${SCENARIO_IDS.join(', ')})`);
  return d;
}

/** Fault rules are data too; re-exported for custom scenarios in tests. */
export type { FaultRule };

/**
 * Which scenario reproduces each capture in tests/fixtures/kernel-traces under the Linux profile
 * (tests/engine/conformance.test.ts uses this). `faults`/`actions`/`untilMs` replace the
 * scenario's own when given: synsent.pcap drops every SYN, not just the first, and never closes.
 */
export const KERNEL_CAPTURES: Readonly<
  Record<string, { scenario: ScenarioId; knobs: ScenarioKnobs; faults?: FaultRule[]; actions?: AppAction[]; untilMs?: number }>
> = {
  'normal.pcap': { scenario: 'close-3-segment', knobs: { profile: 'linux' } },
  'slowpassive.pcap': { scenario: 'close-4-segment', knobs: { profile: 'linux' } },
  'serverfirst.pcap': { scenario: 'server-closes-first', knobs: { profile: 'linux' } },
  'rst.pcap': { scenario: 'closed-port-rst', knobs: { profile: 'linux' } },
  'synsent.pcap': {
    scenario: 'lost-syn',
    knobs: { profile: 'linux' },
    faults: [{ kind: 'drop-match', match: { from: 'A', flags: ['SYN'] } }],
    actions: OPEN,
    untilMs: 3_500,
  },
  'simclose3.pcap': { scenario: 'simultaneous-close', knobs: { profile: 'linux' } },
};

/** Run a built-in scenario by id (ARCHITECTURE.md lists the ids). Throws on an unknown id. */
export function runScenario(id: ScenarioId | string, knobs: ScenarioKnobs = {}): Trace {
  return simulate(getScenario(id), knobs, ALL_PARTS);
}

/**
 * Run the scenario that reproduces a kernel capture (file name as in tests/fixtures/kernel-traces,
 * e.g. 'normal.pcap'); see KERNEL_CAPTURES. Throws for an unknown file name.
 */
export function runKernelCapture(file: string): Trace {
  const m = KERNEL_CAPTURES[file];
  if (!m) throw new Error(`no scenario for capture "${file}" (known: ${Object.keys(KERNEL_CAPTURES).join(', ')})`);
  const def = getScenario(m.scenario);
  return simulate(
    {
      ...def,
      ...(m.faults ? { faults: m.faults } : {}),
      ...(m.actions ? { actions: m.actions } : {}),
      ...(m.untilMs !== undefined ? { untilMs: m.untilMs } : {}),
    },
    m.knobs,
    ALL_PARTS,
  );
}
