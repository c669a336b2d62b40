/**
 * Trace CLI: print a capture's or a built-in scenario's TCP connections as a table, a summary,
 * JSON or NDJSON, and export a scenario as pcap. Runs on Node 24 type stripping:
 *   npm run trace -- capture.pcap[.gz] [--json | --ndjson | --summary]
 *   npm run trace -- - < capture.pcap            (stdin; a FIFO or pipe is read as a stream)
 *   npm run trace -- --scenario close-3-segment [--json] [--pcap=out.pcap]
 *   npm run trace -- --scenarios [--json]
 * The JSON shape is docs/trace-schema.json (its version is the top-level `schema`).
 * Exit codes: 0 ok, 1 the capture could not be read as a capture or the scenario is unknown,
 * 2 bad usage or an I/O error (one line on stderr, never a stack trace).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario, scenarios } from '../src/engine/index.ts';
import { gunzipStream } from './gunzip-stream.ts';
import {
  analyseCapture,
  CaptureError,
  formatWarning,
  MAX_STREAM_BYTES,
  MAX_STREAM_CONNECTIONS,
  TRACE_SCHEMA,
  traceReport,
  traceToPcap,
} from '../src/engine/pcap/index.ts';
import type { ReadChunk, TraceConnection, TraceReport } from '../src/engine/pcap/index.ts';

const USAGE = `usage:
  npm run trace -- <capture.pcap|capture.pcapng|capture.gz|-> [--json | --ndjson | --summary]
  npm run trace -- --scenario <id> [--json | --ndjson | --summary] [--pcap out.pcap]
  npm run trace -- --scenarios [--json]
  npm run trace -- --help | --version
options take their value as "--opt value" or "--opt=value"; "-" reads the capture from stdin.
--json: one JSON document (docs/trace-schema.json); --ndjson: a header line, then one line per
connection; --summary: one line per connection with both end states, duration, bytes each way
and anomalies. A state the capture cannot prove is "?" (null in JSON), with a note saying why.`;

class UsageError extends Error {}
/** A file that could not be read or written: one line, exit 2. */
class IoError extends Error {}

type Output = 'table' | 'json' | 'ndjson' | 'summary';

interface Args {
  file?: string;
  scenario?: string;
  list: boolean;
  output: Output;
  pcap?: string;
  help: boolean;
  version: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { list: false, output: 'table', help: false, version: false };
  const setOutput = (o: Output): void => {
    if (args.output !== 'table' && args.output !== o) throw new UsageError(`--${args.output} and --${o} cannot be combined`);
    args.output = o;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const a = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) {
        if (inline === '') throw new UsageError(`${a} needs a value`);
        return inline;
      }
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${a} takes no value`);
    };
    if (a === '--json') {
      flag();
      setOutput('json');
    } else if (a === '--ndjson') {
      flag();
      setOutput('ndjson');
    } else if (a === '--summary') {
      flag();
      setOutput('summary');
    } else if (a === '--scenarios') {
      flag();
      args.list = true;
    } else if (a === '--scenario') args.scenario = value();
    else if (a === '--pcap') args.pcap = value();
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--version' || a === '-V') args.version = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (args.file !== undefined) throw new UsageError(`only one capture file, got "${args.file}" and "${a}"`);
    else args.file = a;
  }
  if (args.help || args.version) return args;
  const modes = [args.file !== undefined, args.scenario !== undefined, args.list].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('give exactly one of: a capture file (or - for stdin), --scenario <id>, --scenarios');
  if (args.pcap !== undefined && args.scenario === undefined) throw new UsageError('--pcap works only with --scenario');
  return args;
}

/** The capture to analyse: a stream of chunks from a file descriptor (unpacked on the way for gzip). */
interface CaptureInput {
  input: Uint8Array | ReadChunk;
  totalBytes?: number;
  done: () => void;
}

/**
 * Opens a capture (a regular file, a FIFO, a pipe or stdin alike) and reads it as a stream of
 * chunks: the analysis holds per-connection state, never the whole file, so the size limit is
 * MAX_STREAM_BYTES, and a pipe is never taken for an empty file. A `.gz` capture (gzip magic) is
 * unpacked as it is read (gunzip-stream.ts), the unpacked bytes held to MAX_STREAM_BYTES too.
 */
function openCapture(path: string | null, name: string): CaptureInput {
  let fd: number;
  try {
    // Opening a FIFO waits for its writer (as cat does); say so instead of sitting silent.
    if (path !== null && statSync(path).isFIFO()) process.stderr.write(`trace: ${name}: waiting for a writer on the FIFO\n`);
    fd = path === null ? 0 : openSync(path, 'r');
  } catch (e) {
    throw new IoError(`cannot open: ${(e as Error).message}`);
  }
  const done = (): void => {
    if (path !== null) closeSync(fd);
  };
  try {
    let st;
    try {
      st = fstatSync(fd);
    } catch (e) {
      throw new IoError(`cannot read: ${(e as Error).message}`);
    }
    if (st.isDirectory()) throw new IoError('is a directory, not a capture file');
    if (st.isFile() && st.size > MAX_STREAM_BYTES)
      throw new CaptureError('too-large', `file is ${st.size} bytes; the limit is ${MAX_STREAM_BYTES} (MAX_STREAM_BYTES)`);
    const read: ReadChunk = (into) => {
      for (;;) {
        try {
          return readSync(fd, into, 0, into.length, null);
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          if (err.code === 'EAGAIN') continue; // a non-blocking stdin with nothing yet
          if (err.code === 'EOF') return 0;
          throw new IoError(`cannot read: ${err.message}`);
        }
      }
    };
    // The first bytes say whether it is gzip; they are handed back to the reader first.
    const head = new Uint8Array(2);
    let got = 0;
    while (got < 2) {
      const n = read(head.subarray(got));
      if (n === 0) break;
      got += n;
    }
    if (got === 2 && head[0] === 0x1f && head[1] === 0x8b) {
      const gz = gunzipStream(fd, head);
      return {
        input: gz.read,
        done: () => {
          gz.close();
          done();
        },
      };
    }
    let pending: Uint8Array | null = head.subarray(0, got);
    const input: ReadChunk = (into) => {
      if (pending && pending.length > 0) {
        const n = Math.min(pending.length, into.length);
        into.set(pending.subarray(0, n));
        pending = pending.subarray(n);
        return n;
      }
      return read(into);
    };
    return { input, totalBytes: st.isFile() ? st.size : undefined, done };
  } catch (e) {
    done();
    throw e;
  }
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/** Buffered writes to stdout, flushed every 64 KB, so a huge report is never one string. */
class Out {
  private parts: string[] = [];
  private size = 0;
  line(s: string): void {
    this.part(s);
    this.part('\n');
  }
  /** Text without a line break after it. */
  part(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    let buf = Buffer.from(text);
    while (buf.length > 0) {
      try {
        buf = buf.subarray(writeSync(1, buf));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EAGAIN') continue;
        throw err;
      }
    }
  }
}

/** The human table: one block per connection. */
function printTableConnection(out: Out, c: TraceConnection, ci: number): void {
  if (ci > 0) out.line('');
  out.line(`connection ${ci + 1}: A ${c.a}  <->  B ${c.b}  (${c.segments.length} segments)`);
  out.line(
    `${pad('time', 12, true)}  ${pad('dir', 4)}  ${pad('flags', 16)}  ${pad('seq', 10, true)}  ${pad('ack', 10, true)}  ${pad('len', 6, true)}  ${pad('A state', 13)}  ${pad('B state', 13)}  packet`,
  );
  for (const r of c.segments) {
    out.line(
      `${pad(r.t.toFixed(6), 12, true)}  ${pad(r.from === 'A' ? 'A→B' : 'B→A', 4)}  ${pad(r.flags.join(','), 16)}  ${pad(String(r.seq), 10, true)}  ${pad(r.ack === null ? '-' : String(r.ack), 10, true)}  ${pad(String(r.len), 6, true)}  ${pad(r.stateA ?? '?', 13)}  ${pad(r.stateB ?? '?', 13)}  #${r.packet}`,
    );
    for (const n of r.notes ?? []) out.line(`${' '.repeat(14)}note: ${n}`);
  }
}

/** What a connection's notes and flags say went unusually, as short words for --summary. */
export function anomalies(c: TraceConnection): string[] {
  const found = new Set<string>();
  const notes = c.segments.flatMap((r) => r.notes ?? []);
  const has = (re: RegExp): boolean => notes.some((n) => re.test(n));
  if (has(/mid-connection/)) found.add('mid-connection');
  if (has(/one direction only/)) found.add('one-way');
  if (has(/segment not captured|cut by the snap length/)) found.add('not-captured');
  if (has(/^not received by/)) found.add('lost');
  if (has(/crossed/)) found.add('crossed');
  if (has(/old duplicate/)) found.add('old-duplicate');
  if (c.segments.some((r) => r.flags.includes('RST'))) found.add('reset');
  if (c.segments.some((r) => r.stateA === null || r.stateB === null)) found.add('unknown-state');
  return [...found];
}

/** --summary: one line per connection: end states, duration, bytes each way, anomalies. */
function printSummaryConnection(out: Out, c: TraceConnection, ci: number): void {
  const last = c.segments.at(-1);
  const first = c.segments[0];
  const bytes = { A: 0, B: 0 };
  for (const r of c.segments) bytes[r.from] += r.len;
  const duration = first && last ? (last.t - first.t).toFixed(6) : '0.000000';
  const odd = anomalies(c);
  out.line(
    `${ci + 1}  A ${c.a}  B ${c.b}  end ${last?.stateA ?? '?'}/${last?.stateB ?? '?'}  ${duration} s  A→B ${bytes.A} B  B→A ${bytes.B} B  ${c.segments.length} segments  ${odd.length > 0 ? odd.join(',') : 'clean'}`,
  );
}

/**
 * Prints connections one at a time as the analysis hands them over, so a large capture's
 * report is never held whole. The JSON document is the same as JSON.stringify(report, null, 2);
 * NDJSON's header line needs the count, so its lines wait as (compact) text until the end.
 */
class Printer {
  private count = 0;
  private readonly lines: string[] = [];
  private readonly out: Out;
  private readonly output: Output;
  constructor(out: Out, output: Output) {
    this.out = out;
    this.output = output;
  }
  connection(c: TraceConnection): void {
    const i = this.count++;
    const out = this.out;
    if (this.output === 'json') {
      if (i === 0) out.line(`{\n  "schema": ${JSON.stringify(TRACE_SCHEMA)},\n  "connections": [`);
      else out.line(',');
      out.part(JSON.stringify(c, null, 2).replace(/^/gm, '    '));
    } else if (this.output === 'ndjson') this.lines.push(JSON.stringify(c));
    else if (this.output === 'summary') printSummaryConnection(out, c, i);
    else printTableConnection(out, c, i);
  }
  end(): void {
    const out = this.out;
    if (this.output === 'json') {
      if (this.count === 0) out.line(`{\n  "schema": ${JSON.stringify(TRACE_SCHEMA)},\n  "connections": [`);
      else out.line('');
      out.line('  ]\n}');
    } else if (this.output === 'ndjson') {
      out.line(JSON.stringify({ schema: TRACE_SCHEMA, connections: this.count }));
      for (const l of this.lines) out.line(l);
    } else if (this.count === 0) out.line('no TCP connections found');
  }
}

function printReport(out: Out, report: TraceReport, output: Output): void {
  const p = new Printer(out, output);
  for (const c of report.connections) p.connection(c);
  p.end();
}

/**
 * `npm run` starts scripts in the package root; INIT_CWD is where the reader typed the command,
 * so relative capture and output paths mean what they meant there.
 */
function fromUserDir(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${pkg.name} trace ${pkg.version} (JSON schema ${TRACE_SCHEMA})`;
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`trace: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const out = new Out();
  if (args.help) {
    out.line(USAGE);
    out.flush();
    return 0;
  }
  if (args.version) {
    out.line(version());
    out.flush();
    return 0;
  }
  if (args.list) {
    const list = scenarios.map((s) => ({ id: s.id, title: s.title.en }));
    out.line(args.output === 'json' ? JSON.stringify(list, null, 2) : list.map((s) => s.id).join('\n'));
    out.flush();
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
      try {
        writeFileSync(fromUserDir(args.pcap), traceToPcap(trace));
      } catch (e) {
        process.stderr.write(`trace: ${args.pcap}: cannot write: ${(e as Error).message}\n`);
        return 2;
      }
      process.stderr.write(`trace: wrote ${args.pcap}\n`);
    }
    printReport(out, report, args.output);
    out.flush();
    return 0;
  }
  const file = args.file!;
  const name = file === '-' ? 'stdin' : file;
  try {
    const capture = openCapture(file === '-' ? null : fromUserDir(file), name);
    const printer = new Printer(out, args.output);
    let analysis;
    try {
      analysis = analyseCapture(capture.input, undefined, {
        totalBytes: capture.totalBytes,
        limit: MAX_STREAM_BYTES,
        maxConnections: MAX_STREAM_CONNECTIONS,
        onConnection: (c) => printer.connection(c),
      });
    } finally {
      capture.done();
    }
    for (const w of analysis.warnings) process.stderr.write(`trace: ${name}: warning: ${formatWarning(w)}\n`);
    printer.end();
    out.flush();
    return 0;
  } catch (e) {
    if (e instanceof CaptureError) {
      process.stderr.write(`trace: ${name}: error: ${e.message}\n`);
      return 1;
    }
    if (e instanceof IoError) {
      process.stderr.write(`trace: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  // A closed pipe (trace ... | head) is not an error of ours.
  if (err?.code === 'EPIPE') process.exitCode = 0;
  else {
    process.stderr.write(`trace: ${err?.code ? `${err.code}: ` : ''}${err?.message ?? String(e)}\n`);
    process.exitCode = 2;
  }
}
