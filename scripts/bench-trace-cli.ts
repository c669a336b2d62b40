/**
 * Capture import figures for `npm run bench`: `npm run trace` against tshark on the same large
 * captures, in the same run. The captures are built from the real ones in tests/fixtures by
 * scripts/make-big-captures.ts into a temp dir (never the repository) and removed afterwards:
 *   - a one-way transfer: one connection carrying the size in one direction, server ACKs only;
 *   - a merged file: thousands of overlapping copies of the real captures, two interfaces.
 * Each is timed as a reader would run it: `npm run trace -- FILE --summary` (the whole analysis,
 * a line per connection; npm's own start-up is included), and `tshark -r FILE -q -z conv,tcp`
 * (tshark's conversation table). Wall time, CPU time (user + system) and peak RSS come from GNU
 * time (`/usr/bin/time`, Debian package `time`). Targets (what the trace CLI should reach on
 * captures up to 500 MB): at most 2x tshark's time, peak RSS below 4x the file size. The time
 * target is judged on CPU time: on a shared machine wall time mostly measures the other jobs.
 *   node scripts/bench-trace-cli.ts [MB ...]   (default 100; e.g. `100 500` adds the 500 MB pair)
 * Prints a markdown table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { merged, oneWay } from './make-big-captures.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100);
const TIME = '/usr/bin/time';

interface Run {
  ok: boolean;
  seconds: number;
  cpu: number;
  rssBytes: number;
  stdout: string;
  error: string;
}

/** Runs a command under GNU time; its last stderr line is "<wall s> <user s> <system s> <max RSS KB>". */
function timed(cmd: string, argv: string[]): Run {
  const r = spawnSync(TIME, ['-f', '%e %U %S %M', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = (r.stderr ?? '').trim().split('\n').at(-1) ?? '';
  const [s, user, sys, kb] = last.split(' ').map(Number);
  const error = r.status === 0 ? '' : (r.stderr ?? '').trim().split('\n').slice(-3, -1).join(' ');
  // A capture analysed only in part (a limit reached) is not a figure for the whole file.
  const partial = /the rest are ignored|MAX_[A-Z_]+\)/.exec(r.stderr ?? '');
  return {
    ok: r.status === 0 && !partial,
    seconds: s ?? NaN,
    cpu: (user ?? NaN) + (sys ?? NaN),
    rssBytes: (kb ?? NaN) * 1024,
    stdout: r.stdout ?? '',
    error: partial ? `a limit was reached: ${partial[0]}` : error,
  };
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function main(): void {
  if (!existsSync(TIME)) {
    process.stdout.write('Capture figures need GNU time (`apt-get install time`) to read peak RSS; not measured.\n');
    process.exitCode = 1;
    return;
  }
  if (spawnSync('tshark', ['--version']).status !== 0) {
    process.stdout.write('Capture figures need tshark (`apt-get install tshark`) as the reference; not measured.\n');
    process.exitCode = 1;
    return;
  }
  const load = loadavg();
  const rows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-trace-cli-'));
  try {
    for (const size of sizes) {
      const files: [string, string][] = [
        ['one-way transfer, 1 connection', join(dir, `one-way-${size}.pcap`)],
        ['merged, 2 interfaces', join(dir, `merged-${size}.pcapng`)],
      ];
      oneWay(files[0]![1], size);
      const m = merged(files[1]![1], dir, size);
      files[1]![0] = `merged, 2 interfaces, ${m.copies} copies of ${m.connectionsPerCopy} captures`;
      for (const [what, file] of files) {
        const bytes = statSync(file).size;
        const ours = timed('npm', ['run', '--silent', 'trace', '--', file, '--summary']);
        const ref = timed('tshark', ['-r', file, '-q', '-z', 'conv,tcp']);
        const conns = ours.stdout.split('\n').filter((l) => /^\d+ {2}A /.test(l)).length;
        const ratio = ours.cpu / ref.cpu;
        const rssRatio = ours.rssBytes / bytes;
        const status = ours.ok
          ? `${ratio <= 2 ? '✓' : '✗'} CPU ${ratio.toFixed(2)}× tshark, ${rssRatio < 4 ? '✓' : '✗'} RSS ${rssRatio.toFixed(2)}× file`
          : `✗ failed: ${ours.error}`;
        rows.push(
          `| ${what} | ${mb(bytes)} | ${ours.ok ? conns : '—'} | ${ours.seconds.toFixed(2)} s (CPU ${ours.cpu.toFixed(2)} s) | ${(bytes / 1e6 / ours.seconds).toFixed(1)} MB/s | ${mb(ours.rssBytes)} | ${ref.ok ? `${ref.seconds.toFixed(2)} s (CPU ${ref.cpu.toFixed(2)} s)` : 'failed'} | ${mb(ref.rssBytes)} | ${status} |`,
        );
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = [
    `Machine load average (1 / 5 / 15 min) before: ${load.map((l) => l.toFixed(1)).join(' / ')}.`,
    '',
    '| capture | size | connections | npm run trace --summary | throughput (wall) | peak RSS | tshark -z conv,tcp | tshark peak RSS | against targets (CPU ≤ 2× tshark, RSS < 4× file) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
  process.stdout.write(out.join('\n') + '\n');
}

main();
