/**
 * The live kernel cases: what each must end in, and how its engine run is made when the
 * scenario's own definition is not what the kernel case does. Which scenario each case checks
 * lives in src/engine/kernel-coverage.ts (the one list the README shows); tests/kernel/run.ts runs
 * exactly those cases and fails on a case named in one place but not the other. peer.ts holds the
 * applications of each case.
 */
import { getScenario, runScenario, simulate } from '../../src/engine/index.ts';
import type { Segment, Trace } from '../../src/engine/index.ts';
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
  /**
   * How the normalized signatures are compared; default: equal, segment by segment. Returns the
   * problem, or null.
   */
  compare?: (kernel: readonly string[], engine: readonly string[]) => string | null;
  /** Compare only the real client's connection (the engine's A-B segments), leaving out the spoofed sources. */
  clientOnly?: boolean;
  /** A check of what peer.ts printed last (one JSON object of counts from ss) against the engine's run. */
  stdoutCheck?: (printed: Record<string, number>, trace: Trace) => { what: string; problem: string | null; shown: string };
  /** Connections (incarnations of the 4-tuple) the capture holds; default 1. The import's final states are the last one's. */
  connections?: number;
  /** A further check on the captured segments (what it checks, the problem or null, what it saw). */
  check?: (segments: readonly { from: 'A' | 'B'; segment: Segment }[]) => { what: string; problem: string | null; shown: string };
}

/** The shorter run is the beginning of the longer one (a capture stops at 3.4 s, the engine runs on; or the process exits and closes). */
function prefix(kernel: readonly string[], engine: readonly string[]): string | null {
  const n = Math.min(kernel.length, engine.length);
  if (n < 3 && kernel.length !== engine.length) return `too short to compare: kernel ${kernel.length}, engine ${engine.length} segments`;
  return kernel.slice(0, n).join('|') === engine.slice(0, n).join('|') ? null : 'the first segments differ';
}

/** After the old duplicate: ss shows the TIME-WAIT socket kept (tcp_rfc1337=1) or gone, as the engine decided. */
function timeWaitKept(printed: Record<string, number>, trace: Trace): { what: string; problem: string | null; shown: string } {
  const kept = trace.events.some((e) => e.reason === 'rst-time-wait-ignored-rfc1337');
  const want = kept ? 1 : 0;
  const shown = `ss: ${printed.timeWait ?? '?'} socket(s) in TIME-WAIT; engine: ${kept ? 'RST ignored' : 'TIME-WAIT ended by the RST'}`;
  return { what: `TIME-WAIT ${kept ? 'survives' : 'ends at'} the RST (ss)`, problem: printed.timeWait === want ? null : shown, shown };
}

/** The SYN queue holds as many half-open entries as the engine's backlog (ss state syn-recv). */
function synQueueFull(printed: Record<string, number>, trace: Trace): { what: string; problem: string | null; shown: string } {
  const engine = Math.max(...trace.events.map((e) => e.snapshot.B.synQueue));
  const shown = `ss: ${printed.synRecv ?? '?'} SYN-RECV; engine: ${engine} half-open entries`;
  return { what: 'SYN queue full at the listen backlog (ss state syn-recv)', problem: printed.synRecv === engine ? null : shown, shown };
}

/**
 * A full accept queue, on both sides: after the third ACK and until the application accepts, the
 * server sends the client nothing but SYN+ACK retransmissions (at least one) while the client's
 * data goes unanswered and is retransmitted; from the server's ACK of that data on, the runs are
 * equal. (How many retransmissions fit before accept() depends on timers the kernel rounds.)
 */
function overflowThenAccept(kernel: readonly string[], engine: readonly string[]): string | null {
  const facts = (s: readonly string[]): { problems: string[]; tail: string } => {
    const problems: string[] = [];
    if (s.slice(0, 3).join('|') !== 'A S 0 - 0|B SA 0 1 0|A A 1 1 0') problems.push(`handshake ${s.slice(0, 3).join(' | ')}`);
    const acked = s.indexOf('B A 1 5 0');
    if (acked < 0) problems.push('the server never ACKs the data');
    const waiting = s.slice(3, acked < 0 ? s.length : acked);
    const fromB = waiting.filter((x) => x.startsWith('B '));
    if (fromB.length === 0 || fromB.some((x) => x !== 'B SA 0 1 0')) problems.push(`server segments before accept: ${fromB.join(' | ') || 'none'}`);
    if (waiting.filter((x) => x === 'A A 1 1 4').length < 2) problems.push('the data is not retransmitted while the queue is full');
    return { problems, tail: acked < 0 ? '' : s.slice(acked).join(' | ') };
  };
  const k = facts(kernel);
  const e = facts(engine);
  const out = [...k.problems.map((p) => `kernel: ${p}`), ...e.problems.map((p) => `engine: ${p}`)];
  if (k.tail !== e.tail) out.push(`after accept: kernel ${k.tail}; engine ${e.tail}`);
  return out.length ? out.join('\n') : null;
}

/** The kernel counted ListenOverflows (nstat), and the engine dropped segments at a full accept queue. */
function listenOverflows(printed: Record<string, number>, trace: Trace): { what: string; problem: string | null; shown: string } {
  const engine = trace.events.filter((e) => e.reason === 'listen-overflow-drop').length;
  const shown = `nstat TcpExtListenOverflows ${printed.overflows ?? '?'}; engine: ${engine} segment(s) of the client dropped at the full accept queue`;
  return { what: 'ListenOverflows counted', problem: (printed.overflows ?? 0) > 0 && engine > 0 ? null : shown, shown };
}

/** Who sent what, with how many bytes: for runs whose sequence numbers the kernel picks at random. */
function sameFlags(kernel: readonly string[], engine: readonly string[]): string | null {
  const f = (s: readonly string[]): string =>
    s
      .map((x) => {
        const p = x.split(' ');
        return `${p[0]} ${p[1]} ${p[4]}`;
      })
      .join(' | ');
  return f(kernel) === f(engine) ? null : `flags differ:\nkernel: ${f(kernel)}\nengine: ${f(engine)}`;
}

/**
 * Linux reopening from TIME-WAIT (tcp_timewait_state_process): the new incarnation's ISS is the
 * old SND.NXT + 65537, which the capture shows directly.
 */
function reopenIss(segments: readonly { from: 'A' | 'B'; segment: Segment }[]): { what: string; problem: string | null; shown: string } {
  const fin = segments.find((s) => s.from === 'B' && s.segment.flags.FIN);
  const synAcks = segments.filter((s) => s.from === 'B' && s.segment.flags.SYN);
  const second = synAcks[1];
  const what = 'new ISS = old SND.NXT + 65537';
  if (!fin || !second) return { what, problem: 'no FIN from the server, or no second SYN+ACK', shown: '' };
  const oldSndNxt = (fin.segment.seq + fin.segment.payload.length + 1) >>> 0;
  const diff = (second.segment.seq - oldSndNxt) >>> 0;
  const shown = `old SND.NXT ${oldSndNxt}, new ISS ${second.segment.seq}: +${diff}`;
  return { what, problem: diff === 65537 ? null : shown, shown };
}

/**
 * Both sides retransmit after 1 s when the SYN+ACK is lost, and which timer fires first on the
 * kernel depends on where in a jiffy each was armed: the handshake is compared by how often each
 * side sent SYN / SYN+ACK (at least twice each), the rest segment by segment from the first data.
 */
function retransmittedHandshake(kernel: readonly string[], engine: readonly string[]): string | null {
  const split = (s: readonly string[]): { hs: readonly string[]; rest: readonly string[] } => {
    const i = s.findIndex((x) => Number(x.split(' ')[4]) > 0);
    return { hs: s.slice(0, i), rest: s.slice(i) };
  };
  const k = split(kernel);
  const e = split(engine);
  const count = (hs: readonly string[], sig: string): number => hs.filter((x) => x.startsWith(sig)).length;
  const problems: string[] = [];
  for (const [name, hs] of [
    ['kernel', k.hs],
    ['engine', e.hs],
  ] as const) {
    if (count(hs, 'A S ') < 2 || count(hs, 'B SA ') < 2) problems.push(`${name} handshake does not retransmit both SYN and SYN+ACK: ${hs.join(' | ')}`);
  }
  if (k.rest.join('|') !== e.rest.join('|')) problems.push(`after the handshake: kernel ${k.rest.join(' | ')}; engine ${e.rest.join(' | ')}`);
  return problems.length ? problems.join('\n') : null;
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
    engine: (id) =>
      simulate(
        { ...getScenario(id), profileOverrides: { synRetries: SYN_SYSCTLS.tcp_syn_retries, synLinearRetries: SYN_SYSCTLS.tcp_syn_linear_timeouts } },
        { profile: 'linux' },
      ),
  },
  'simultaneous-open': { final: 'TIME-WAIT/CLOSED' },
  'rst-in-time-wait': { final: 'CLOSED/CLOSED', sysctls: { tcp_rfc1337: 0 }, stdoutCheck: timeWaitKept },
  // A capture cannot show tcp_rfc1337: the import assumes Linux's default (off), so its A ends CLOSED.
  'rst-in-time-wait-rfc1337': { final: 'CLOSED/CLOSED', sysctls: { tcp_rfc1337: 1 }, stdoutCheck: timeWaitKept },
  'syn-flood': { final: 'SYN-SENT/LISTEN', sysctls: { tcp_syncookies: 0 }, clientOnly: true, compare: prefix, stdoutCheck: synQueueFull },
  // peer.ts exits with the connection open; the exit closes it, the server's socket first.
  'syn-flood-cookies': { final: 'CLOSED/TIME-WAIT', sysctls: { tcp_syncookies: 1 }, clientOnly: true, compare: prefix, stdoutCheck: synQueueFull },
  'accept-queue-full': { final: 'TIME-WAIT/CLOSED', clientOnly: true, compare: overflowThenAccept, stdoutCheck: listenOverflows, timeoutMs: 20_000 },
  'lost-syn-ack': { final: 'TIME-WAIT/CLOSED', compare: retransmittedHandshake },
  'lost-third-ack': { final: 'TIME-WAIT/CLOSED' },
  'lost-fin': { final: 'TIME-WAIT/CLOSED' },
  'half-close': { final: 'TIME-WAIT/CLOSED' },
  'linger-abort': { final: 'CLOSED/CLOSED' },
  'half-open-discovery': { final: 'CLOSED/CLOSED' },
  'half-open-discovery+keepalive': { final: 'CLOSED/CLOSED', engine: (id) => runScenario(id, { profile: 'linux', keepalive: true }) },
  'time-wait-reopen': { final: 'TIME-WAIT/CLOSED', connections: 2, compare: sameFlags, check: reopenIss },
  // The same teardown over IPv6 (::1): import of IPv6 from a real capture.
  'close-3-segment@ipv6': { final: 'TIME-WAIT/CLOSED' },
};

/** The engine run a case compares with. */
export function engineRun(name: string, scenario: string): Trace {
  const c = CASES[name];
  return c?.engine ? c.engine(scenario) : runScenario(scenario, { profile: 'linux' });
}
