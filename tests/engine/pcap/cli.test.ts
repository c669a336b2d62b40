/**
 * The trace CLI, spawned as readers run it (`node scripts/trace.ts`, Node 24 type stripping):
 * on every fixture, the pcapng and SLL2 variants, broken files, and the scenario modes.
 */
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIO_IDS } from '../../../src/engine/index.ts';
import { readCapture } from '../../../src/engine/pcap/index.ts';

// Spawning Node or tshark takes seconds when the machine is busy; these are not speed tests.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = join(ROOT, 'tests/fixtures');
const STATES = ['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];
const FLAG_ORDER = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'];

function trace(...args: string[]): { code: number | null; out: string; err: string } {
  return traceWith(undefined, ...args);
}

function traceWith(input: Uint8Array | undefined, ...args: string[]): { code: number | null; out: string; err: string } {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    throw new Error(`the CLI needs Node 24 (type stripping); this test runs on ${process.version}: run it through npm/npx so the pinned node package is used`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/trace.ts'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Checks the documented --json shape exactly: no missing and no extra keys. */
function checkShape(doc: unknown): { connections: { a: string; b: string; segments: Record<string, unknown>[] }[] } {
  expect(Object.keys(doc as object)).toEqual(['schema', 'connections']);
  const d = doc as { connections: { a: string; b: string; segments: Record<string, unknown>[] }[] };
  for (const c of d.connections) {
    expect(Object.keys(c)).toEqual(['a', 'b', 'segments']);
    expect(c.a).toMatch(/:\d+$/);
    for (const s of c.segments) {
      expect(Object.keys(s).filter((k) => k !== 'notes')).toEqual(['t', 'from', 'flags', 'seq', 'ack', 'len', 'stateA', 'stateB', 'packet']);
      expect(['A', 'B']).toContain(s.from);
      const flags = s.flags as string[];
      expect(flags).toEqual(FLAG_ORDER.filter((f) => flags.includes(f)));
      expect([...STATES, null]).toContain(s.stateA);
      expect([...STATES, null]).toContain(s.stateB);
      expect(Number.isInteger(s.packet) && (s.packet as number) >= 1).toBe(true);
      expect(s.ack === null || typeof s.ack === 'number').toBe(true);
    }
  }
  return d;
}

const captures = ['kernel-traces', 'variants'].flatMap((d) =>
  readdirSync(join(FIX, d))
    .filter((f) => /\.pcap(ng)?$/.test(f))
    .map((f) => `${d}/${f}`),
);

describe('npm run trace -- <capture>', () => {
  it.each(captures.map((c) => [c]))('%s: JSON in the documented shape, one row per TCP packet', (name) => {
    const r = trace(join(FIX, name), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = checkShape(JSON.parse(r.out));
    const rows = doc.connections.reduce((n, c) => n + c.segments.length, 0);
    expect(rows).toBe(readCapture(new Uint8Array(readFileSync(join(FIX, name)))).packets.length);
  });

  it("npm run trace's entry (scripts/trace.mjs, which turns on the compile cache) prints what trace.ts prints", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.trace).toMatch(/ scripts\/trace\.mjs$/);
    const file = join(FIX, 'kernel-traces/normal.pcap');
    // Node puts the cache in the OS temp directory, which TMPDIR moves.
    const tmp = mkdtempSync(join(tmpdir(), 'trace-cache-'));
    try {
      const env = { ...process.env, TMPDIR: tmp, NODE_COMPILE_CACHE: undefined };
      for (let run = 0; run < 2; run++) {
        // the first run fills the cache, the second reads it
        const r = spawnSync(process.execPath, [join(ROOT, 'scripts/trace.mjs'), file, '--summary'], { encoding: 'utf8', cwd: ROOT, timeout: 30_000, env });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(trace(file, '--summary').out);
      }
      expect(readdirSync(join(tmp, 'node-compile-cache')).length).toBeGreaterThan(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('the pcapng and SLL2 versions of normal.pcap print exactly what normal.pcap prints', () => {
    const ref = trace(join(FIX, 'kernel-traces/normal.pcap'), '--json').out;
    expect(trace(join(FIX, 'variants/normal.pcapng'), '--json').out).toBe(ref);
    expect(trace(join(FIX, 'variants/normal-sll2.pcap'), '--json').out).toBe(ref);
  });

  it('the table shows every column and both states', () => {
    const r = trace(join(FIX, 'kernel-traces/normal.pcap'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/connection 1: A 127\.0\.0\.1:42112 {2}<-> {2}B 127\.0\.0\.1:40000/);
    expect(r.out).toMatch(/time +dir +flags +seq +ack +len +A state +B state/);
    expect(r.out).toMatch(/0\.349713 +B→A +ACK,FIN +5 +6 +0 +TIME-WAIT +LAST-ACK/);
  });

  it.each([
    ['broken/bad-magic.pcap', /error: not a pcap or pcapng file: magic bytes 50 4b 03 04.*byte offset 0/],
    ['broken/absurd-caplen.pcap', /error: captured length 2147483647 exceeds.*\(packet 2, byte offset 122\)/],
    ['broken/absurd-block.pcapng', /error: block length 4294967280 is invalid/],
    ['broken/empty.pcap', /error: file is 0 bytes/],
  ])('%s: a clear message on stderr, exit code 1', (name, message) => {
    const r = trace(join(FIX, name));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it.each([
    ['broken/truncated.pcap', /warning: file cut short inside packet data \(30 of 74 bytes\) \(packet 2, byte offset 130\)/],
    ['broken/non-tcp.pcap', /warning: 1 packet\(s\) skipped: IP protocol 17 is not TCP \(packet 1, byte offset 24\)/],
    ['broken/midconnection.pcap', /warning: connection 127\.0\.0\.1:42112 ↔ 127\.0\.0\.1:40000 starts mid-connection.*\(packet 1, byte offset 24\)/],
  ])('%s: prints what it could read and warns what and where', (name, message) => {
    const r = trace(join(FIX, name), '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(message);
    checkShape(JSON.parse(r.out));
  });

  it('bad usage exits 2 with the usage text', () => {
    const r = trace('--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --frobnicate[\s\S]*usage:/);
  });

  it.each([
    ['does-not-exist.pcap', /^trace: .*does-not-exist\.pcap: cannot open: ENOENT[^\n]*\n$/],
    ['broken', /^trace: .*broken: is a directory, not a capture file\n$/],
  ])('an I/O error (%s) is one line on stderr and exit 2, never a stack trace', (name, message) => {
    const r = trace(join(FIX, name));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('--help goes to stdout with exit 0; --version names the JSON schema', () => {
    const h = trace('--help');
    expect([h.code, h.err]).toEqual([0, '']);
    expect(h.out).toMatch(/^usage:[\s\S]*--summary/);
    expect(trace('--version').out).toMatch(/trace \d+\.\d+\.\d+ \(JSON schema tcp-book-trace\/2\)/);
  });

  it('"-" reads the capture from stdin, gzip is unpacked, and --opt=value works like --opt value', () => {
    const plain = trace(join(FIX, 'kernel-traces/normal.pcap'), '--json');
    const stdin = traceWith(readFileSync(join(FIX, 'kernel-traces/normal.pcap')), '-', '--json');
    expect(stdin.code).toBe(0);
    expect(stdin.out).toBe(plain.out);
    expect(trace(join(FIX, 'corpus/normal.pcap.gz'), '--json').out).toBe(plain.out);
    expect(trace('--scenario=close-3-segment', '--json').out).toBe(trace('--scenario', 'close-3-segment', '--json').out);
  });

  it('a gzip capture is unpacked as a stream: a cut or damaged one is one line naming the compressed byte, exit 1', () => {
    const gz = readFileSync(join(FIX, 'corpus/normal.pcap.gz'));
    const dir = mkdtempSync(join(tmpdir(), 'trace-gz-'));
    try {
      const cut = join(dir, 'cut.pcap.gz');
      writeFileSync(cut, gz.subarray(0, 200));
      const bad = join(dir, 'bad.pcap.gz');
      const damaged = Uint8Array.from(gz);
      damaged[60]! ^= 0xff;
      damaged[61]! ^= 0x55;
      writeFileSync(bad, damaged);
      const a = trace(cut, '--summary');
      expect([a.code, a.out]).toEqual([1, '']);
      expect(a.err).toMatch(/^trace: .*cut\.pcap\.gz: error: gzip data is damaged: unexpected end of file in compressed bytes \d+–200 \(byte offset \d+\)\n$/);
      const b = trace(bad, '--summary');
      expect([b.code, b.out]).toEqual([1, '']);
      expect(b.err).toMatch(/^trace: .*bad\.pcap\.gz: error: gzip data is damaged: .+ in compressed bytes \d+–\d+ \(byte offset \d+\)\n$/);
      // From a pipe too.
      expect(traceWith(gz, '-', '--json').out).toBe(trace(join(FIX, 'kernel-traces/normal.pcap'), '--json').out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--json is exactly JSON.stringify of the report, every key documented in docs/trace-schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/trace-schema.json'), 'utf8')) as {
      properties: { schema: { const: string } };
      $defs: { row: { properties: object; required: string[] } };
    };
    const r = trace(join(FIX, 'corpus/normal.drop-6.pcap'), '--json');
    const doc = JSON.parse(r.out) as { schema: string; connections: { segments: Record<string, unknown>[] }[] };
    expect(r.out).toBe(JSON.stringify(doc, null, 2) + '\n');
    expect(doc.schema).toBe(schema.properties.schema.const);
    const keys = Object.keys(schema.$defs.row.properties);
    for (const row of doc.connections.flatMap((c) => c.segments)) {
      for (const k of Object.keys(row)) expect(keys).toContain(k);
      for (const k of schema.$defs.row.required) expect(row).toHaveProperty(k);
      expect(Math.abs((row.t as number) * 1e6 - Math.round((row.t as number) * 1e6))).toBeLessThan(1e-6);
    }
    expect(doc.connections[0]!.segments.some((s) => (s.notes as string[] | undefined)?.some((n) => /segment not captured/.test(n)))).toBe(true);
  });

  it('--ndjson: a header line, then one connection per line; --summary: one line per connection', () => {
    const file = join(FIX, 'corpus/merged-whois-resp.pcapng');
    const lines = trace(file, '--ndjson')
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ schema: 'tcp-book-trace/2', connections: lines.length - 1 });
    expect(lines.length).toBeGreaterThan(10);
    const summary = trace(file, '--summary').out.trim().split('\n');
    expect(summary).toHaveLength(lines.length - 1);
    expect(summary[0]).toMatch(/^1  A \S+  B \S+  end TIME-WAIT\/CLOSED  \d+\.\d{6} s  A→B \d+ B  B→A \d+ B  \d+ segments  clean$/);
    expect(trace(join(FIX, 'corpus/normal.c2s.pcap'), '--summary').out).toMatch(/end \?\/\?.*one-way/);
  });
});

describe('npm run trace -- --scenario / --scenarios', () => {
  it('--scenarios lists every id, one a line', () => {
    const r = trace('--scenarios');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([...SCENARIO_IDS]);
  });
  it('--scenarios --json is an array of {id, title}', () => {
    const list = JSON.parse(trace('--scenarios', '--json').out) as { id: string; title: string }[];
    expect(list.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const s of list) {
      expect(Object.keys(s)).toEqual(['id', 'title']);
      expect(s.title.length).toBeGreaterThan(3);
    }
  });
  it('--scenario close-3-segment --json --pcap writes a capture that the CLI reads back the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ew-cli-'));
    try {
      const file = join(dir, 'out.pcap');
      const r = trace('--scenario', 'close-3-segment', '--json', '--pcap', file);
      expect(r.code).toBe(0);
      const doc = checkShape(JSON.parse(r.out));
      const back = checkShape(JSON.parse(trace(file, '--json').out));
      const strip = (d: typeof doc) => d.connections[0]!.segments.map(({ t: _t, ...rest }) => rest);
      expect(strip(back)).toEqual(strip(doc));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('an unknown scenario is an error naming it', () => {
    const r = trace('--scenario', 'no-such-thing');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown scenario "no-such-thing"/);
  });
});
