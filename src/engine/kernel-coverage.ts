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
