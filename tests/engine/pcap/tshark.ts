/**
 * Runs Wireshark's dissector over a pcap and lists every problem: a bad or unverified IPv4/TCP
 * checksum, a malformed packet, an expert warning or error that is not on the allow-list.
 * Shared by the vitest export test and the live kernel suite. Missing tshark is a failure
 * that says so, never a skip.
 */
import { execFileSync } from 'node:child_process';

/** Expert severities as tshark prints them (epan/proto.h PI_CHAT … PI_ERROR). */
const SEVERITY = { chat: 2097152, note: 4194304, warn: 6291456, error: 8388608 } as const;

/**
 * Warnings a correct TCP conversation can still carry, and why:
 * - "Connection reset (RST)": tshark flags every RST; closed-port and RST lessons send one on purpose.
 */
export const EXPECTED_WARNINGS: readonly RegExp[] = [/^Connection reset \(RST\)$/];

/** Throws a clear error when tshark is not installed (apt package tshark). */
export function requireTshark(): string {
  try {
    return execFileSync('tshark', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? 'tshark';
  } catch {
    throw new Error('tshark is missing: install the Debian package "tshark" (apt-get install -y tshark); this check cannot pass without it');
  }
}

/** Problems tshark sees in `file` (empty = clean). */
export function tsharkProblems(file: string, allowed: readonly RegExp[] = EXPECTED_WARNINGS): string[] {
  requireTshark();
  const out = execFileSync(
    'tshark',
    [
      '-o',
      'tcp.check_checksum:TRUE',
      '-o',
      'ip.check_checksum:TRUE',
      '-r',
      file,
      '-T',
      'fields',
      '-E',
      'occurrence=a',
      '-E',
      'aggregator=\u001f',
      '-e',
      'frame.number',
      '-e',
      'ip.checksum.status',
      '-e',
      'tcp.checksum.status',
      '-e',
      '_ws.malformed',
      '-e',
      '_ws.expert.severity',
      '-e',
      '_ws.expert.message',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const problems: string[] = [];
  const lines = out.split('\n').filter((l) => l.length > 0);
  if (lines.length === 0) problems.push('tshark read no packets');
  for (const line of lines) {
    const [frame, ipStatus, tcpStatus, malformed, severities, messages] = line.split('\t');
    // 1 = good; anything else (0 bad, 2 unverified, empty = no such header) is a problem.
    if (ipStatus !== '1') problems.push(`frame ${frame}: IPv4 checksum status ${ipStatus || 'missing'}`);
    if (tcpStatus !== '1') problems.push(`frame ${frame}: TCP checksum status ${tcpStatus || 'missing'}`);
    if (malformed) problems.push(`frame ${frame}: malformed packet`);
    const sev = (severities ?? '').split('\u001f');
    const msg = (messages ?? '').split('\u001f');
    sev.forEach((s, i) => {
      const level = Number(s);
      const text = msg[i] ?? '';
      if (level >= SEVERITY.warn && !allowed.some((re) => re.test(text)))
        problems.push(`frame ${frame}: expert ${level >= SEVERITY.error ? 'error' : 'warning'}: ${text}`);
    });
  }
  return problems;
}

/**
 * Every scenario's export in ONE capture, so tshark starts once instead of once per scenario
 * (it takes seconds to start on a busy machine). Each scenario gets its own address pair
 * (10.k.0.1 ↔ 10.k.0.2) and its own hour, so tshark's conversation tracking keeps them apart;
 * `ranges` maps frame numbers back to scenario ids.
 */
export function exportAll(
  ids: readonly string[],
  frameOf: (id: string) => { time: number; data: Uint8Array }[],
): { frames: { time: number; data: Uint8Array }[]; ranges: { id: string; first: number; last: number }[] } {
  const frames: { time: number; data: Uint8Array }[] = [];
  const ranges: { id: string; first: number; last: number }[] = [];
  ids.forEach((id, k) => {
    const own = frameOf(id);
    ranges.push({ id, first: frames.length + 1, last: frames.length + own.length });
    for (const f of own) frames.push({ time: k * 3600 + f.time, data: f.data });
  });
  return { frames, ranges };
}

/** Groups "frame N: …" problems by the scenario whose range holds N. */
export function problemsByRange(problems: string[], ranges: { id: string; first: number; last: number }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const n = Number(/^frame (\d+):/.exec(p)?.[1] ?? NaN);
    const id = ranges.find((r) => n >= r.first && n <= r.last)?.id ?? 'whole file';
    if ((SCENARIO_WARNINGS[id] ?? []).some((re) => re.test(p.replace(/^frame \d+: expert warning: /, '')))) continue;
    (out[id] ??= []).push(p);
  }
  return out;
}

/**
 * Expert warnings a scenario causes on purpose. tshark follows one sequence space per 4-tuple:
 * - old-duplicate-syn: the old SYN and the SYN+ACK and RST answering it use another ISN than the
 *   real SYN on the same 4-tuple, so tshark sees segments "not captured";
 * - time-wait-reopen: the new incarnation's SYN (fixed ISN 1000 again) and SYN+ACK (old SND.NXT +
 *   65537) continue the old connection's 4-tuple with numbers tshark did not see coming.
 */
const SEQ_GAPS = [/^ACKed segment that wasn't captured/, /^Previous segment\(s\) not captured/];
export const SCENARIO_WARNINGS: Readonly<Record<string, readonly RegExp[]>> = {
  'old-duplicate-syn': SEQ_GAPS,
  'time-wait-reopen': SEQ_GAPS,
};
