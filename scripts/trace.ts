/**
 * Trace CLI (issue 3): print a capture's or a built-in scenario's TCP connections as a table
 * or as stable JSON, and export a scenario as pcap. Runs on Node 24 type stripping:
 *   npm run trace -- capture.pcap [--json]
 *   npm run trace -- --scenario close-3-segment [--json] [--pcap out.pcap]
 *   npm run trace -- --scenarios [--json]
 * Exit codes: 0 ok, 1 the capture or scenario could not be read/run, 2 bad usage.
 */
import { closeSync, openSync, readSync, fstatSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario, scenarios } from '../src/engine/index.ts';
import { analyseCapture, CaptureError, formatWarning, MAX_FILE_BYTES, traceReport, traceToPcap } from '../src/engine/pcap/index.ts';
import type { RowDetail, TraceReport } from '../src/engine/pcap/index.ts';

const USAGE = `usage:
  npm run trace -- <capture.pcap|capture.pcapng> [--json]
  npm run trace -- --scenario <id> [--json] [--pcap out.pcap]
  npm run trace -- --scenarios [--json]`;

class UsageError extends Error {}

interface Args {
  file?: string;
  scenario?: string;
  list: boolean;
  json: boolean;
  pcap?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { list: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--scenarios') args.list = true;
    else if (a === '--scenario') args.scenario = value();
    else if (a === '--pcap') args.pcap = value();
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (args.file !== undefined) throw new UsageError(`only one capture file, got "${args.file}" and "${a}"`);
    else args.file = a;
  }
  const modes = [args.file !== undefined, args.scenario !== undefined, args.list].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('give exactly one of: a capture file, --scenario <id>, --scenarios');
  if (args.pcap !== undefined && args.scenario === undefined) throw new UsageError('--pcap works only with --scenario');
  return args;
}

/** Reads the file after checking its size, so a huge file is refused before it is loaded. */
function readLimited(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) throw new CaptureError('too-large', `file is ${size} bytes; the limit is ${MAX_FILE_BYTES} (MAX_FILE_BYTES)`);
    const buf = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, null);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** The human table: one block per connection. */
function printTable(report: TraceReport, details?: RowDetail[][]): void {
  const out: string[] = [];
  if (report.connections.length === 0) out.push('no TCP connections found');
  for (const [ci, c] of report.connections.entries()) {
    if (ci > 0) out.push('');
    out.push(`connection ${ci + 1}: A ${c.a}  <->  B ${c.b}  (${c.segments.length} segments)`);
    out.push(`${pad('time', 12, true)}  ${pad('dir', 4)}  ${pad('flags', 16)}  ${pad('seq', 10, true)}  ${pad('ack', 10, true)}  ${pad('len', 6, true)}  ${pad('A state', 13)}  ${pad('B state', 13)}${details ? '  packet' : ''}`);
    for (const [ri, r] of c.segments.entries()) {
      const d = details?.[ci]?.[ri];
      out.push(
        `${pad(r.t.toFixed(6), 12, true)}  ${pad(r.from === 'A' ? 'A→B' : 'B→A', 4)}  ${pad(r.flags.join(','), 16)}  ${pad(String(r.seq), 10, true)}  ${pad(r.ack === null ? '-' : String(r.ack), 10, true)}  ${pad(String(r.len), 6, true)}  ${pad(r.stateA ?? '?', 13)}  ${pad(r.stateB ?? '?', 13)}${d ? `  #${d.packet}` : ''}`,
      );
      for (const n of d?.notes ?? []) out.push(`${' '.repeat(14)}note: ${n}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

/**
 * `npm run` starts scripts in the package root; INIT_CWD is where the reader typed the command,
 * so relative capture and output paths mean what they meant there.
 */
function fromUserDir(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`trace: ${e.message}\n`);
    process.stderr.write(USAGE + '\n');
    return e.message ? 2 : 0;
  }
  if (args.list) {
    const list = scenarios.map((s) => ({ id: s.id, title: s.title.en }));
    process.stdout.write(args.json ? JSON.stringify(list, null, 2) + '\n' : list.map((s) => s.id).join('\n') + '\n');
    return 0;
  }
  if (args.scenario !== undefined) {
    const id = args.scenario;
    if (!scenarios.some((s) => s.id === id)) {
      process.stderr.write(`trace: unknown scenario "${id}"; \`npm run trace -- --scenarios\` lists them\n`);
      return 1;
    }
    const trace = runScenario(id, { profile: 'linux' });
    const report = traceReport(trace);
    if (args.pcap !== undefined) {
      writeFileSync(fromUserDir(args.pcap), traceToPcap(trace));
      process.stderr.write(`trace: wrote ${args.pcap}\n`);
    }
    if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printTable(report);
    return 0;
  }
  const file = args.file!;
  try {
    const analysis = analyseCapture(readLimited(fromUserDir(file)));
    for (const w of analysis.warnings) process.stderr.write(`trace: ${file}: warning: ${formatWarning(w)}\n`);
    if (args.json) process.stdout.write(JSON.stringify(analysis.report, null, 2) + '\n');
    else printTable(analysis.report, analysis.details);
    return 0;
  } catch (e) {
    if (e instanceof CaptureError) {
      process.stderr.write(`trace: ${file}: error: ${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (typeof err?.code === 'string' && typeof err.message === 'string') {
      process.stderr.write(`trace: ${file}: cannot read: ${err.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
