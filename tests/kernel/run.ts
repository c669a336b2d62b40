/**
 * Live conformance with the Linux kernel (`npm run test:kernel`). For each case it
 * makes a network namespace of its own, brings its loopback up, captures it with tcpdump while
 * peer.ts runs real sockets on 127.0.0.1 inside, and compares the normalized captured segment
 * sequence with the engine's scenario under the Linux profile. The workshop scenarios of
 * kernel-coverage.ts run the same way through a generic peer (workshop-peer.ts) and are compared
 * with the engine's run of their link. Then it exports every engine
 * scenario as pcap and has tshark check checksums, malformed packets and expert warnings.
 *
 * Needs root, iproute2 (`ip netns`), tcpdump, nft, tc and tshark. Anything missing is a
 * failure that names it. Ends with "N passed, N failed"; exit code 1 on any failure.
 * Only 127.0.0.1 inside namespaces this script creates and deletes (also on failure).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_PARTS, normalize, runScenario, scenarios, signature, wireSegments, type Segment, type Trace } from '../../src/engine/index.ts';
import { analyseCapture, decodeSegments, LINKTYPE, readCapture, splitConnections, traceFrames, writePcap } from '../../src/engine/pcap/index.ts';
import { exportAll, problemsByRange, tsharkProblems } from '../engine/pcap/tshark.ts';
import { LIVE_KERNEL_CASES, WORKSHOP_KERNEL_CASES } from '../../src/engine/kernel-coverage.ts';
import { runWorkshop } from '../../src/workshop/model/run.ts';
import { scenarioOfLink, unsupported } from './workshop.ts';
import { CASES, engineRun } from './cases.ts';

const PEER = fileURLToPath(new URL('./peer.ts', import.meta.url));
const WORKSHOP_PEER = fileURLToPath(new URL('./workshop-peer.ts', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ew-kernel-'));
const namespaces = new Set<string>();
const results: { name: string; ok: boolean; detail: string }[] = [];
const started = Date.now();

function record(name: string, ok: boolean, detail = ''): void {
  results.push({ name, ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n     ${detail.split('\n').join('\n     ')}` : ''}\n`);
}

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** What this suite needs that the machine lacks, each with how to get it. */
function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) missing.push('root (run as root: network namespaces, nft and tc need it)');
  if (!has('ip', ['-V'])) missing.push('ip (Debian package iproute2)');
  if (!has('tcpdump', ['--version'])) missing.push('tcpdump (Debian package tcpdump)');
  if (!has('nft', ['--version'])) missing.push('nft (Debian package nftables)');
  if (!has('tc', ['-V'])) missing.push('tc (Debian package iproute2)');
  if (!has('tshark', ['--version'])) missing.push('tshark (Debian package tshark)');
  if (!has('python3', ['--version'])) missing.push('python3 (Debian package python3; the raw-socket sender of the SYN-flood and old-duplicate cases)');
  if (!has('ss', ['-V'])) missing.push('ss (Debian package iproute2)');
  if (missing.length === 0) {
    const probe = `ewprobe${process.pid}`;
    if (!has('ip', ['netns', 'add', probe])) missing.push('`ip netns add` works (network namespaces unavailable in this container?)');
    else spawnSync('ip', ['netns', 'delete', probe]);
  }
  return missing;
}

function netnsCreate(name: string): void {
  execFileSync('ip', ['netns', 'add', name]);
  namespaces.add(name);
  execFileSync('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
}

function cleanup(): void {
  for (const ns of namespaces) spawnSync('ip', ['netns', 'delete', ns]);
  namespaces.clear();
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });

function waitFor(child: ChildProcess, pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`tcpdump did not start within ${ms} ms: ${seen}`)), ms);
    child.stderr?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tcpdump exited (${code}): ${seen}`));
    });
  });
}

let nsCount = 0;

/** Captures one case in a fresh namespace; returns the capture's bytes. */
async function capture(
  name: string,
  timeoutMs = 15_000,
  sysctls: Readonly<Record<string, number>> = {},
  peer: readonly string[] = [PEER, name],
): Promise<{ bytes: Uint8Array; stdout: string }> {
  const ns = `ew${++nsCount}${name.replace(/[^a-z0-9]/g, '').slice(0, 8)}${process.pid}`;
  const file = join(work, `${name}.pcap`);
  netnsCreate(ns);
  try {
    for (const [key, value] of Object.entries(sysctls)) execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', `net.ipv4.${key}=${value}`]);
    const dump = spawn('ip', ['netns', 'exec', ns, 'tcpdump', '-i', 'lo', '--immediate-mode', '-U', '-n', '-w', file, 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await waitFor(dump, /listening on/, 5000);
    const app = spawnSync('ip', ['netns', 'exec', ns, process.execPath, ...peer], {
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, EW_PCAP: file },
    });
    await new Promise((r) => setTimeout(r, 200));
    const exited = new Promise((r) => dump.once('exit', r));
    dump.kill('SIGINT');
    await exited;
    if (app.status !== 0) throw new Error(`peer failed (exit ${app.status ?? app.signal}): ${app.stderr}`);
    return { bytes: new Uint8Array(readFileSync(file)), stdout: app.stdout };
  } finally {
    spawnSync('ip', ['netns', 'delete', ns]);
    namespaces.delete(ns);
  }
}

/** Other clients of the server in peer.ts: the SYN-flood cases' spoofed sources and accept-queue-full's two others. */
const spoofed = (address: string): boolean => address.startsWith('10.99.') || address.endsWith(':40006') || address.endsWith(':40008');

/** The capture's segments; several incarnations of one 4-tuple (`connections`) come back in time order. */
function kernelSegments(bytes: Uint8Array, connections = 1, loopbackOnly = false): { t: number; from: 'A' | 'B'; segment: Segment }[] {
  const { segments } = decodeSegments(readCapture(bytes).packets);
  const conns = splitConnections(segments, () => undefined).filter((c) => !loopbackOnly || !spoofed(c.a));
  if (conns.length !== connections) throw new Error(`expected ${connections} connection(s) in the capture, found ${conns.length}`);
  return conns.flatMap((c) => c.segments).sort((x, y) => x.t - y.t);
}

function kernelSignatures(bytes: Uint8Array, connections = 1, loopbackOnly = false): string[] {
  return normalize(kernelSegments(bytes, connections, loopbackOnly)).map(signature);
}

/**
 * Every segment's time from the first one, kernel (capture, s) against engine (virtual ms), and
 * the application's error time: each must be within `tolerance` of the engine's value.
 */
function timingProblems(bytes: Uint8Array, stdout: string, trace: Trace, tolerance: number): { problems: string[]; table: string } {
  const segs = kernelSegments(bytes);
  const kernel = segs.map((s) => s.t - (segs[0]?.t ?? 0));
  const ws = wireSegments(trace);
  const engine = ws.map((w) => (w.t - (ws[0]?.t ?? 0)) / 1000);
  const problems: string[] = [];
  const rows: string[] = [];
  for (let i = 1; i < Math.max(kernel.length, engine.length); i++) {
    const k = kernel[i];
    const e = engine[i];
    rows.push(`#${i + 1} kernel ${k === undefined ? '-' : k.toFixed(3)} s engine ${e === undefined ? '-' : e.toFixed(3)} s`);
    if (k === undefined || e === undefined || Math.abs(k - e) > tolerance * e)
      problems.push(`segment #${i + 1}: kernel ${k?.toFixed(3) ?? 'none'} s, engine ${e?.toFixed(3) ?? 'none'} s`);
  }
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const app = line ? (JSON.parse(line) as { error?: string; ms?: number }) : {};
  const err = trace.events.find((e) => e.kind === 'app' && e.app === 'error' && e.side === 'A');
  if (err) {
    const want = (err.t - (ws[0]?.t ?? 0)) / 1000;
    const got = (app.ms ?? Number.NaN) / 1000;
    rows.push(`error kernel ${app.error ?? 'none'} at ${got.toFixed(3)} s, engine ${err.error ?? ''} at ${want.toFixed(3)} s`);
    const expected = err.error === 'connection-timeout' ? 'ETIMEDOUT' : err.error;
    if (app.error !== expected || !(Math.abs(got - want) <= tolerance * want))
      problems.push(`application error: kernel ${app.error ?? 'none'} at ${got.toFixed(3)} s, engine ${expected ?? ''} at ${want.toFixed(3)} s`);
  }
  return { problems, table: rows.join('\n') };
}

function engineSignatures(name: string, scenario: string, mainOnly = false): string[] {
  const trace = engineRun(name, scenario);
  const key = (x: { ip: string; port: number }): string => `${x.ip}:${x.port}`;
  const main = new Set([key(trace.a), key(trace.b)]);
  return normalize(wireSegments(trace).filter((w) => !mainOnly || (!w.origin && main.has(key(w.segment.src)) && main.has(key(w.segment.dst))))).map(signature);
}

/**
 * A workshop scenario (kernel-coverage.ts WORKSHOP_KERNEL_CASES): the generic peer makes its calls
 * and drops on real sockets, and the capture must equal the engine's run of the same link. A case
 * the kernel cannot run says why, and so does a link the generic peer could not run as the engine
 * does (`unsupported`), instead of running something else.
 */
async function workshopCase(c: (typeof WORKSHOP_KERNEL_CASES)[number]): Promise<void> {
  if (c.unchecked) {
    process.stdout.write(`--   kernel ${c.name}: not run: ${c.unchecked}\n`);
    return;
  }
  let kernel: string[] = [];
  try {
    const s = scenarioOfLink(c.link);
    const why = unsupported(s);
    if (why) throw new Error(`kernel-coverage.ts lists it as live, but the kernel cannot run it: ${why}`);
    const run = runWorkshop(s, ALL_PARTS);
    if (!run.ok) throw new Error('the engine rejects the link');
    const { bytes } = await capture(c.name, 20_000, {}, [WORKSHOP_PEER, c.link]);
    kernel = kernelSignatures(bytes);
    const engine = normalize(wireSegments(run.trace)).map(signature);
    const same = kernel.join('|') === engine.join('|');
    record(
      `kernel workshop ${c.name} = engine (${c.what})`,
      same,
      same
        ? kernel.join(' | ')
        : `kernel: ${kernel.join(' | ')}\nengine: ${engine.join(' | ')}\nlink: ${c.link}\ncapture kept at ${join(work, `${c.name}.pcap`)}`,
    );
  } catch (e) {
    record(`kernel workshop ${c.name}`, false, `${String((e as Error).message ?? e)}${kernel.length ? `\nkernel: ${kernel.join(' | ')}` : ''}`);
  }
}

async function main(): Promise<void> {
  const missing = missingPrerequisites();
  if (missing.length > 0) {
    for (const m of missing) record(`prerequisite: ${m}`, false, 'missing; this suite cannot run without it');
    return;
  }
  for (const name of Object.keys(CASES)) {
    if (!LIVE_KERNEL_CASES.some((l) => l.name === name))
      record(`kernel case ${name}`, false, 'defined in tests/kernel/cases.ts but no scenario names it in src/engine/kernel-coverage.ts');
  }
  // `npm run test:kernel -- name…` runs only those cases (and skips the tshark pass).
  const only = process.argv.slice(2);
  for (const { name, scenarios: ids } of LIVE_KERNEL_CASES) {
    if (only.length > 0 && !only.includes(name)) continue;
    const c = CASES[name];
    if (!c) {
      record(`kernel case ${name}`, false, `src/engine/kernel-coverage.ts names it for ${ids.join(', ')} but tests/kernel/cases.ts does not define it`);
      continue;
    }
    let kernel: string[] = [];
    try {
      const { bytes, stdout } = await capture(name, c.timeoutMs, c.sysctls);
      kernel = kernelSignatures(bytes, c.connections, c.clientOnly);
      const extra = c.check?.(kernelSegments(bytes, c.connections, c.clientOnly));
      if (extra !== undefined) record(`kernel ${name}: ${extra.what}`, extra.problem === null, extra.problem ?? extra.shown);
      if (c.stdoutCheck) {
        const line = stdout.trim().split('\n').at(-1) ?? '{}';
        for (const id of ids) {
          const r = c.stdoutCheck(JSON.parse(line) as Record<string, number>, engineRun(name, id));
          record(`kernel ${name}: ${r.what}`, r.problem === null, r.problem ?? r.shown);
        }
      }
      for (const id of ids) {
        const engine = engineSignatures(name, id, c.clientOnly);
        const problem = c.compare ? c.compare(kernel, engine) : kernel.length === engine.length && kernel.every((s, i) => s === engine[i]) ? null : 'differ';
        const same = problem === null;
        record(
          `kernel ${name} = engine ${id}`,
          same,
          same
            ? kernel.join(' | ')
            : `${problem === 'differ' ? '' : `${problem}\n`}kernel: ${kernel.join(' | ')}\nengine: ${engine.join(' | ')}\ncapture kept at ${join(work, `${name}.pcap`)}`,
        );
        if (c.timing !== undefined) {
          const { problems, table } = timingProblems(bytes, stdout, engineRun(name, id), c.timing);
          const sys = Object.entries(c.sysctls ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join(' ');
          record(
            `kernel ${name} times = engine within ${c.timing * 100}%${sys ? ` (${sys})` : ''}`,
            problems.length === 0,
            `${problems.join('\n')}${problems.length ? '\n' : ''}${table}`,
          );
        }
      }
      // The capture must also import cleanly, and the inferred states end where ss would show them.
      const analysis = analyseCapture(bytes);
      const conn = analysis.report.connections.filter((x) => !spoofed(x.a)).at(-1);
      const rows = conn?.segments ?? [];
      const last = rows.at(-1);
      // The import says "unknown" (null, shown ?) where the capture cannot prove a state; an
      // unknown side is never wrong, a different state is.
      const final = last ? `${last.stateA ?? '?'}/${last.stateB ?? '?'}` : 'no rows';
      const finalOk = final.split('/').every((s, i) => s === '?' || s === c.final.split('/')[i]);
      const a = conn?.a ?? '';
      const wantA = name.endsWith('@ipv6') ? /^\[::1\]:\d+$/ : /^(127\.0\.0\.1|10\.98\.0\.1):\d+$/;
      const problems = [
        ...analysis.warnings.map((w) => w.message),
        ...(finalOk ? [] : [`final states ${final}, expected ${c.final} (or ? for unknown)`]),
        ...(wantA.test(a) ? [] : [`client address ${a} does not match ${String(wantA)}`]),
      ];
      record(
        `import of live ${name} capture (A ${a}) ends ${c.final}${final !== c.final && finalOk ? ` (import: ${final})` : ''}`,
        problems.length === 0,
        problems.join('\n'),
      );
    } catch (e) {
      record(`kernel ${name}`, false, `${String((e as Error).message ?? e)}${kernel.length ? `\nkernel: ${kernel.join(' | ')}` : ''}`);
    }
  }
  for (const c of WORKSHOP_KERNEL_CASES) if (only.length === 0 || only.includes(c.name)) await workshopCase(c);
  if (only.length > 0) return;
  try {
    // Every scenario's export in one file (tshark starts once), each on its own address pair.
    const ids: string[] = scenarios.map((s) => s.id);
    const { frames, ranges } = exportAll(ids, (id) => {
      const trace = runScenario(id, { profile: 'linux' });
      const k = ids.indexOf(id);
      return traceFrames(trace, (ip) => (ip === trace.a.ip ? `10.${k}.0.1` : ip === trace.b.ip ? `10.${k}.0.2` : ip));
    });
    const file = join(work, 'engine-all-scenarios.pcap');
    writeFileSync(file, writePcap(frames, { linkType: LINKTYPE.ETHERNET }));
    const byScenario = problemsByRange(tsharkProblems(file), ranges);
    for (const id of ids) {
      const problems = byScenario[id] ?? [];
      record(`tshark clean on engine export ${id}`, problems.length === 0, problems.slice(0, 10).join('\n'));
    }
    if (byScenario['whole file']) record('tshark on engine exports', false, byScenario['whole file'].join('\n'));
  } catch (e) {
    record('tshark on engine exports', false, String((e as Error).message ?? e));
  }
}

main()
  .catch((e: unknown) => record('suite', false, String(e)))
  .finally(() => {
    cleanup();
    const failed = results.filter((r) => !r.ok).length;
    if (failed === 0) rmSync(work, { recursive: true, force: true });
    process.stdout.write(`\nkernel suite took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
    process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
  });
