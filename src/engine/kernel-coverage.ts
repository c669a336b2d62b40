/**
 * Which built-in scenarios are checked against the real Linux kernel, and how. One table, read by
 * the live kernel suite (tests/kernel/run.ts runs exactly the live cases named here) and by the
 * README's coverage list, so the claim "checked against the kernel" can never drift from what is
 * actually run.
 *
 * - `live`: case names of tests/kernel/cases.ts. Each case runs real sockets inside a network
 *   namespace of its own, captures the loopback with tcpdump and compares the captured segments
 *   with the engine's run under the Linux profile.
 * - `captures`: files of tests/fixtures/kernel-traces (real Linux captures) that the
 *   engine must reproduce; derived from KERNEL_CAPTURES, not written twice.
 * - `unchecked`: why the kernel cannot show this scenario (English, for the README). Set exactly
 *   when there is neither a live case nor a capture; such scenarios are checked against the RFC
 *   text only (tests/engine/scenarios.test.ts, tests/engine/conformance.test.ts).
 *
 * Typed by ScenarioId: a new scenario without an entry is a type error.
 */
import { KERNEL_CAPTURES } from './scenarios.ts';
import { SCENARIO_IDS } from './scenario-ids.ts';
import type { ScenarioId } from './types.ts';

/** Live case names, or the reason no live case can exist. */
const LIVE: Readonly<Record<ScenarioId, readonly string[] | { unchecked: string }>> = {
  // The same run as close-3-segment (open, ping/pong, the client closes): one capture checks both.
  'normal-open': ['close-3-segment'],
  'data-on-third': {
    unchecked:
      'Linux sends the third ACK at once unless a writer is already blocked waiting for connect() (tcp_rcv_synsent_state_process); Node.js buffers a write until the connection is open, so the live suite cannot arrange it',
  },
  'lost-syn': ['lost-syn'],
  'syn-timeout': ['syn-timeout'],
  'lost-syn-ack': ['lost-syn-ack'],
  'lost-third-ack': ['lost-third-ack'],
  'simultaneous-open': ['simultaneous-open'],
  'closed-port-rst': ['closed-port-rst'],
  'close-4-segment': ['close-4-segment'],
  'close-3-segment': ['close-3-segment', 'close-3-segment@ipv6'],
  'server-closes-first': ['server-closes-first'],
  'simultaneous-close': ['simultaneous-close'],
  'lost-fin': ['lost-fin'],
  'lost-final-ack': ['lost-final-ack'],
  'half-close': ['half-close'],
  'time-wait-too-short': {
    unchecked:
      'Linux fixes TIME-WAIT at 60 s (TCP_TIMEWAIT_LEN); no setting makes it 100 ms, so a late segment cannot reach a new incarnation the way this scenario shows',
  },
  'rst-in-time-wait': ['rst-in-time-wait'],
  'rst-in-time-wait-rfc1337': ['rst-in-time-wait-rfc1337'],
  'syn-flood': ['syn-flood'],
  'syn-flood-cookies': ['syn-flood-cookies'],
  'old-duplicate-syn': {
    unchecked:
      "an old SYN would have to be injected with a sequence number the kernel's client never sent; checked against RFC 9293 Figure 8 segment by segment instead",
  },
  'accept-queue-full': ['accept-queue-full'],
  'half-open-discovery': ['half-open-discovery', 'half-open-discovery+keepalive'],
  'time-wait-reopen': ['time-wait-reopen'],
  'linger-abort': ['linger-abort'],
};

/** One scenario's kernel coverage. */
export interface KernelCoverage {
  id: ScenarioId;
  /** Live case names (tests/kernel/cases.ts); empty when none. */
  live: readonly string[];
  /** Stored kernel captures the engine reproduces (tests/fixtures/kernel-traces). */
  captures: readonly string[];
  /** Why neither applies (English); null when the kernel checks it. */
  unchecked: string | null;
}

/** Every scenario, in the book's order, with how the kernel checks it. */
export const KERNEL_COVERAGE: readonly KernelCoverage[] = SCENARIO_IDS.map((id) => {
  const entry = LIVE[id];
  const live = Array.isArray(entry) ? entry : [];
  const captures = Object.entries(KERNEL_CAPTURES)
    .filter(([, m]) => m.scenario === id)
    .map(([file]) => file);
  const reason = Array.isArray(entry) ? null : (entry as { unchecked: string }).unchecked;
  return { id, live, captures, unchecked: live.length === 0 && captures.length === 0 ? (reason ?? 'no live case yet') : null };
});

/** Every live case name, each with the scenarios its capture must match (one case may check two identical runs). */
export const LIVE_KERNEL_CASES: readonly { name: string; scenarios: readonly ScenarioId[] }[] = [...new Set(KERNEL_COVERAGE.flatMap((c) => c.live))].map(
  (name) => ({ name, scenarios: KERNEL_COVERAGE.filter((c) => c.live.includes(name)).map((c) => c.id) }),
);

/**
 * Scenarios built in the workshop, by their links (`w=2;…`). Each `live` one runs on the kernel
 * through a generic peer that makes the link's calls at their times on real sockets and applies
 * its drops as firewall rules (tests/kernel/workshop-peer.ts), and is compared with the engine's
 * run of the same link, Linux on both sides. `unchecked` says why the kernel cannot run one as the
 * engine does (English, for the README and the suite's output). The scenarios are the workshop's
 * must-show cases and the shutdown/close pair, at 1 ms one-way latency, as close to the loopback's
 * as the engine goes.
 */
export interface WorkshopKernelCase {
  name: string;
  /** What the scenario shows (English). */
  what: string;
  link: string;
  unchecked?: string;
}

/** The workshop's defaults, but 1 ms one-way latency: the loopback's (about 0.05 ms) is closer to the engine's least than to any other. */
const WS = 'w=2;p=linux.linux;lat=1;isn=fixed;seed=1;msl=0;rfc1337=0;loss=0.1';
const LOST_FINAL_ACK = 'eof=100.0;reply=0.4;c=B@0:listen,A@1:connect,A@conn+29:send:4,A@conn+279:close;f=drop:A:final-ack:1,drop:A:final-ack:2';

export const WORKSHOP_KERNEL_CASES: readonly WorkshopKernelCase[] = [
  {
    name: 'ws-simultaneous-close-lost-fin',
    what: "both sides close at once and A's first FIN is lost",
    link: `${WS};eof=-.-;reply=0.0;c=B@0:listen,A@1:connect,A@conn+100:close,B@conn+100:close;f=drop:A:fin:1`,
  },
  {
    name: 'ws-simultaneous-close',
    what: 'both sides close at once, nothing lost',
    link: `${WS};eof=-.-;reply=0.0;c=B@0:listen,A@1:connect,A@conn+100:close,B@conn+100:close;f=`,
    unchecked:
      "the two FINs must cross, but on the loopback A's FIN reaches B (in the softirq of A's own close()) before B's close() runs, so B answers from CLOSE-WAIT (kernel: B's FIN acknowledges A's). The built-in simultaneous-close case holds both FINs back with a token bucket; with A's first FIN lost (above) the crossing does not matter",
  },
  {
    name: 'ws-lost-final-ack-twice',
    what: "the lost-final-ack chapter with the client's final ACK lost twice",
    link: `${WS};${LOST_FINAL_ACK}`,
  },
  {
    name: 'ws-lost-final-ack-twice@windows',
    what: 'the same with a Windows client',
    link: `${WS.replace('p=linux.linux', 'p=windows.linux')};${LOST_FINAL_ACK}`,
    unchecked: 'the namespace runs Linux on both sides; its Linux × Linux variant is checked',
  },
  {
    name: 'ws-linger-abort-fin-wait-2',
    what: 'the server closes; 200 ms after reading its FIN the client aborts with SO_LINGER {on, 0}, while the server waits in FIN-WAIT-2',
    link: `${WS};eof=-.-;reply=0.0;c=B@0:listen,A@1:connect,A@fin+200:abort,B@conn+100:close;f=`,
  },
  {
    name: 'ws-half-close-shutdown',
    what: 'A sends a request and calls shutdown(SHUT_WR); B answers 300 bytes after reading the FIN, which A reads and acknowledges',
    link: `${WS};eof=-.-;reply=0.0;c=B@0:listen,A@1:connect,A@conn+20:send:5,A@conn+40:shutdown,B@fin+200:send:300,B@fin+300:close;f=`,
  },
  {
    name: 'ws-data-after-close-rst',
    what: "the same with close() instead of shutdown: B's answer draws a RST from A",
    link: `${WS};eof=-.-;reply=0.0;c=B@0:listen,A@1:connect,A@conn+20:send:5,A@conn+40:close,B@fin+200:send:300,B@fin+300:close;f=`,
  },
];
