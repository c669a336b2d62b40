/**
 * An independent reference for connections that close cleanly, built on tshark's own sequence
 * numbers (not on this project's decoder): one SYN incarnation, no RST, both FINs acknowledged.
 * The side whose FIN went first must end in TIME-WAIT; the other CLOSED, or TIME-WAIT as well
 * when the FINs crossed (the second FIN does not acknowledge the first). Segments are taken in
 * timestamp order (stable), as the trace orders them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TraceReport } from '../../../src/engine/pcap/index.ts';

const run = promisify(execFile);
const MOD = 2 ** 32;
const lt = (a: number, b: number): boolean => (a - b + MOD) % MOD > 2 ** 31;
const le = (a: number, b: number): boolean => a === b || lt(a, b);

export interface CleanClose {
  stream: string;
  first: string;
  second: string;
  crossed: boolean;
  want: Record<string, 'TIME-WAIT' | 'CLOSED'>;
}

/** The cleanly closed connections of a capture, from tshark (which must be installed). */
export async function cleanCloses(file: string): Promise<CleanClose[]> {
  const { stdout } = await run(
    'tshark',
    [
      '-r',
      file,
      '-Y',
      'tcp && !icmp && !icmpv6',
      '-o',
      'tcp.relative_sequence_numbers:FALSE',
      '-T',
      'fields',
      '-E',
      'separator=|',
      '-e',
      'tcp.stream',
      '-e',
      'ip.src',
      '-e',
      'ip.dst',
      '-e',
      'ipv6.src',
      '-e',
      'ipv6.dst',
      '-e',
      'tcp.srcport',
      '-e',
      'tcp.dstport',
      '-e',
      'tcp.flags',
      '-e',
      'tcp.seq',
      '-e',
      'tcp.ack',
      '-e',
      'tcp.len',
      '-e',
      'frame.time_epoch',
    ],
    { maxBuffer: 64 << 20 },
  );
  type Seg = { src: string; flags: number; seq: number; ack: number; len: number; t: number };
  const streams = new Map<string, Seg[]>();
  for (const line of stdout.split('\n')) {
    const p = line.split('|');
    if (p.length < 12 || !p[0]) continue;
    const v6 = !p[1];
    const ip = (v6 ? p[3]! : p[1]!).split(',').at(-1)!;
    const src = v6 ? `[${ip}]:${p[5]}` : `${ip}:${p[5]}`;
    const seg = { src, flags: parseInt(p[7]!, 16), seq: Number(p[8]), ack: Number(p[9] || 0), len: Number(p[10]), t: Number(p[11]) };
    if ([seg.flags, seg.seq, seg.len].some(Number.isNaN)) continue;
    let list = streams.get(p[0]);
    if (!list) streams.set(p[0], (list = []));
    list.push(seg);
  }
  const out: CleanClose[] = [];
  for (const [stream, unsorted] of streams) {
    const segs = [...unsorted].sort((a, b) => a.t - b.t);
    if (segs.some((s) => s.flags & 0x04)) continue;
    const syns = new Set(segs.filter((s) => s.flags & 0x02 && !(s.flags & 0x10)).map((s) => `${s.src} ${s.seq}`));
    if (syns.size !== 1) continue;
    const fins = new Map<string, { end: number; seg: Seg; at: number }>();
    segs.forEach((s, at) => {
      if (s.flags & 0x01 && !fins.has(s.src)) fins.set(s.src, { end: (s.seq + s.len) % MOD, seg: s, at });
    });
    if (fins.size !== 2) continue;
    const [[x, fx], [y, fy]] = [...fins].sort((a, b) => a[1].at - b[1].at) as [[string, { end: number; seg: Seg }], [string, { end: number; seg: Seg }]] &
      unknown[];
    const acked = (by: string, end: number): boolean => segs.some((s) => s.src === by && s.flags & 0x10 && le((end + 1) % MOD, s.ack));
    if (!acked(y, fx.end) || !acked(x, fy.end)) continue;
    const crossed = !(fy.seg.flags & 0x10 && le((fx.end + 1) % MOD, fy.seg.ack));
    out.push({ stream, first: x, second: y, crossed, want: { [x]: 'TIME-WAIT', [y]: crossed ? 'TIME-WAIT' : 'CLOSED' } });
  }
  return out;
}

export type Verdict = 'right' | 'unknown' | 'wrong' | 'skipped';

/** Compares one clean close with the trace's final row of the matching connection. */
export function judge(c: CleanClose, report: TraceReport): { verdict: Verdict; got?: string } {
  const cands = report.connections.filter((k) => (k.a === c.first && k.b === c.second) || (k.a === c.second && k.b === c.first));
  if (cands.length !== 1) return { verdict: 'skipped' };
  const k = cands[0]!;
  const last = k.segments.at(-1)!;
  const got: Record<string, string | null> = { [k.a]: last.stateA, [k.b]: last.stateB };
  const text = `${got[c.first] ?? '?'}/${got[c.second] ?? '?'}`;
  const sides = [c.first, c.second];
  if (sides.every((s) => got[s] === c.want[s])) return { verdict: 'right', got: text };
  if (sides.every((s) => got[s] === null || got[s] === c.want[s])) return { verdict: 'unknown', got: text };
  return { verdict: 'wrong', got: text };
}
