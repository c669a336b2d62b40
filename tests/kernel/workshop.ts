/**
 * Workshop scenarios on the live kernel: what of a scenario real sockets can reproduce, and the
 * firewall rules that apply its drops. workshop-peer.ts runs the applications; run.ts captures
 * them and compares with the engine's run of the same scenario (Linux profile on both sides).
 *
 * What the kernel can do here: listen, connect, send, shutdown(SHUT_WR) (Node's end()), close()
 * (destroy()), close() with SO_LINGER {on, 0} (resetAndDestroy()), each at its time from the
 * start, from A's connect or from the side's end of file; the close-after-EOF and reply-to-data
 * reactions; and drops of chosen segments as nft rules. What it cannot: a one-way latency above
 * the engine's least, 1 ms (the loopback's is about 0.05 ms, and this kernel has no netem qdisc to
 * add more), forgetting a connection (a reboot), delay / duplicate / reorder of one chosen segment,
 * random loss drawn from the scenario's seed, other profiles than Linux, and knobs the namespace
 * does not set (MSL, RFC 1337). `unsupported` names them instead of running something else.
 */
import { decodeScenario } from '../../src/workshop/model/url.ts';
import { validateScenario, problemText, type WorkshopFault, type WorkshopScenario } from '../../src/workshop/model/scenario.ts';

/** The server's port, as in peer.ts: A's segments go to it, B's come from it. */
export const WORKSHOP_PORT = 40000;

/** A link (`w=2;…`, with or without '#') as a scenario, or why it cannot be read. */
export function scenarioOfLink(link: string): WorkshopScenario {
  const d = decodeScenario(link);
  if (!d.ok) throw new Error(`workshop link: ${d.error.code} at ${d.error.part}`);
  const problems = validateScenario(d.scenario);
  if (problems.length) throw new Error(`workshop link: ${problems.map((p) => problemText(p)).join('; ')}`);
  return d.scenario;
}

/**
 * IPv4 length of each segment kind a drop can count, as Linux sends them on this loopback
 * (timestamps on): a SYN or SYN+ACK with its options 60, a bare ACK or FIN 52, a RST 40. nft counts
 * the nth one by bytes (below), so a kind is counted only at its one size: a FIN that carries data
 * is not "a FIN" to these rules, and a scenario whose counted FIN would carry data does not match.
 */
const SIZE: Partial<Record<WorkshopFault['segment'], number>> = { syn: 60, synack: 60, ack: 52, 'final-ack': 52, fin: 52, rst: 40 };

/** Why the live kernel cannot run `s` as the engine does, or null. */
export function unsupported(s: WorkshopScenario): string | null {
  const out: string[] = [];
  if (s.profile.A !== 'linux' || s.profile.B !== 'linux') out.push(`profiles ${s.profile.A}/${s.profile.B}: the namespace runs Linux on both sides`);
  if (s.latencyMs > 1) out.push(`one-way latency ${s.latencyMs} ms: the loopback has about 0.05 ms and no netem qdisc to add more; run it at 1 ms`);
  if (s.mslMs !== 0 || s.rfc1337) out.push('MSL and RFC 1337 knobs: not set in the namespace');
  if (s.lossPercent > 0) out.push("random loss: drawn from the scenario's seed, which the kernel does not see");
  for (const c of s.calls) if (c.call === 'forget') out.push('forget (a reboot): a live socket cannot vanish without a segment');
  if (s.calls.filter((c) => c.call === 'connect').length !== 1 || s.calls.some((c) => c.call === 'connect' && c.side !== 'A'))
    out.push('exactly one connect, from A');
  for (const f of s.faults) {
    if (f.kind !== 'drop') out.push(`${f.kind}: only drops are applied (nft), not a ${f.kind} of one chosen segment`);
    else if (f.nth > 0 && SIZE[f.segment] === undefined) out.push(`drop the ${f.nth}th ${f.segment}: such segments have no one size to count by`);
  }
  return out.length ? [...new Set(out)].join('; ') : null;
}

/** nft arguments written as one line. */
const words = (line: string): string[] => line.split(' ');

/** What a drop fault matches: direction, flags and (for counted kinds) size. */
function match(f: WorkshopFault): string[] {
  const dir = f.from === 'A' ? ['tcp', 'dport', String(WORKSHOP_PORT)] : ['tcp', 'sport', String(WORKSHOP_PORT)];
  const size = f.nth > 0 ? ['ip', 'length', String(SIZE[f.segment])] : [];
  // A bare ACK after the peer's FIN: the output chain marks the connection when each side's FIN leaves (ct mark bit 1: A's, 2: B's).
  const peerFin = f.from === 'A' ? '0x2' : '0x1';
  const flags: Record<WorkshopFault['segment'], string[]> = {
    syn: ['tcp', 'flags', '&', '(syn|ack)', '==', 'syn'],
    synack: ['tcp', 'flags', '&', '(syn|ack)', '==', '(syn|ack)'],
    ack: ['tcp', 'flags', '&', '(syn|ack|fin|rst)', '==', 'ack', 'ip', 'length', '52'],
    'final-ack': ['tcp', 'flags', '&', '(syn|ack|fin|rst)', '==', 'ack', 'ip', 'length', '52', 'ct', 'mark', 'and', peerFin, '==', peerFin],
    data: ['tcp', 'flags', '&', 'syn', '==', '0', 'ip', 'length', '>', '52'],
    fin: ['tcp', 'flags', '&', 'fin', '==', 'fin'],
    rst: ['tcp', 'flags', '&', 'rst', '==', 'rst'],
    any: [],
  };
  return [...dir, ...flags[f.segment], ...(f.segment === 'ack' || f.segment === 'final-ack' ? [] : size)];
}

/**
 * nft commands (arguments of `nft`) that apply the scenario's drops. Each fault counts every
 * segment it matches, the ones another fault drops included (as the engine counts): a rule only
 * marks the packet, and one last rule drops the marked ones. The nth of z-byte segments is the one
 * that takes a byte count from (n−1)·z to n·z: `quota until n·z` holds for the first n, and of
 * those `quota over n·z−1` only for the nth (nft_quota adds each packet first: "until" matches
 * while the running total is at most the limit, "over" once it is above it).
 */
export function nftCommands(s: WorkshopScenario): string[][] {
  const drops = s.faults.filter((f) => f.kind === 'drop');
  if (drops.length === 0) return [];
  const t = ['inet', 'ewws'];
  const cmds: string[][] = [
    ['add', 'table', ...t],
    ['add', 'chain', ...t, 'output', '{ type filter hook output priority 0 ; }'],
    ...(['dport 0x1', 'sport 0x2'] as const).map((d) => {
      const [dir, bit] = d.split(' ') as [string, string];
      return ['add', 'rule', ...t, 'output', ...words(`tcp ${dir} ${WORKSHOP_PORT} tcp flags & fin == fin ct mark set ct mark or ${bit}`)];
    }),
    ['add', 'chain', ...t, 'input', '{ type filter hook input priority 0 ; }'],
  ];
  for (const f of drops) {
    const z = SIZE[f.segment] ?? 0;
    const nth = f.nth > 0 ? ['quota', 'until', String(f.nth * z), 'bytes', 'quota', 'over', String(f.nth * z - 1), 'bytes'] : [];
    cmds.push(['add', 'rule', ...t, 'input', ...match(f), ...nth, 'meta', 'mark', 'set', '0x77']);
  }
  cmds.push(['add', 'rule', ...t, 'input', 'meta', 'mark', '0x77', 'drop']);
  return cmds;
}
