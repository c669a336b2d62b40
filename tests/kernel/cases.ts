/**
 * The live kernel cases: what each must end in, and how its engine run is made when the
 * scenario's own definition is not what the kernel case does. Which scenario each case checks
 * lives in src/engine/kernel-coverage.ts (the one list the README shows); tests/kernel/run.ts runs
 * exactly those cases and fails on a case named in one place but not the other. peer.ts holds the
 * applications of each case.
 */
import { getScenario, runScenario, simulate } from '../../src/engine/index.ts';
import type { Trace } from '../../src/engine/index.ts';
import { lostSynAsCaptured } from '../engine/kernel-conditions.ts';

export interface KernelCase {
  /** Inferred end states of the capture (A/B), as the import of the capture must show them. */
  final: string;
  /** The engine run to compare with; default: the scenario under the Linux profile. */
  engine?: (scenario: string) => Trace;
  /** How long peer.ts may take (ms). */
  timeoutMs?: number;
  /** net.ipv4 sysctls set inside the case's namespace before peer.ts runs (they are per namespace). */
  sysctls?: Readonly<Record<string, number>>;
  /**
   * Also compare when each segment left (from the first one) with the engine's virtual time,
   * within this fraction, and the moment peer.ts saw the application error (it prints
   * `{"error":"ETIMEDOUT","ms":…}`) with the engine's error event.
   */
  timing?: number;
}

/**
 * The SYN give-up in full takes 131 s of real time (tcp_syn_retries 6 + tcp_syn_linear_timeouts 4:
 * 11 SYNs). CI runs it with both sysctls at 2 inside the namespace (5 SYNs, gaps 1, 1, 1, 2 s,
 * ETIMEDOUT at 9 s), the same two rules at a ninth of the time; KERNEL_SYN_TIMEOUT_FULL=1 runs the
 * kernel defaults.
 */
const SYN_TIMEOUT_FULL = process.env.KERNEL_SYN_TIMEOUT_FULL === '1';
const SYN_SYSCTLS = SYN_TIMEOUT_FULL ? { tcp_syn_retries: 6, tcp_syn_linear_timeouts: 4 } : { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 2 };

export const CASES: Readonly<Record<string, KernelCase>> = {
  'close-3-segment': { final: 'TIME-WAIT/CLOSED' },
  'close-4-segment': { final: 'TIME-WAIT/CLOSED' },
  'server-closes-first': { final: 'CLOSED/TIME-WAIT' },
  'closed-port-rst': { final: 'CLOSED/CLOSED' },
  'lost-final-ack': { final: 'TIME-WAIT/CLOSED' },
  'simultaneous-close': { final: 'TIME-WAIT/TIME-WAIT' },
  // peer.ts drops every SYN, as synsent.pcap was made: run the scenario that way.
  'lost-syn': { final: 'SYN-SENT/LISTEN', engine: () => lostSynAsCaptured() },
  'syn-timeout': {
    final: 'SYN-SENT/LISTEN',
    sysctls: SYN_SYSCTLS,
    timing: 0.05,
    timeoutMs: SYN_TIMEOUT_FULL ? 150_000 : 20_000,
    engine: (id) => simulate({ ...getScenario(id), profileOverrides: { synRetries: SYN_SYSCTLS.tcp_syn_retries, synLinearRetries: SYN_SYSCTLS.tcp_syn_linear_timeouts } }, { profile: 'linux' }),
  },
  // The same teardown over IPv6 (::1): import of IPv6 from a real capture.
  'close-3-segment@ipv6': { final: 'TIME-WAIT/CLOSED' },
};

/** The engine run a case compares with. */
export function engineRun(name: string, scenario: string): Trace {
  const c = CASES[name];
  return c?.engine ? c.engine(scenario) : runScenario(scenario, { profile: 'linux' });
}
