/**
 * pcap import throughput for `npm run bench`. Builds a large capture in
 * a temp dir by repeating engine scenario exports (each repetition on its own client port, so
 * it is a real many-connection capture), then times the whole import: parse, decode, split
 * into connections, infer states. Prints one JSON line: {"importMBps": n, "fileMB": n}.
 *   node scripts/bench-pcap.ts [targetMB]   (default 50)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario, wireSegments } from '../src/engine/index.ts';
import { analyseCapture, LINKTYPE, segmentFrame, writePcap, type FrameToWrite } from '../src/engine/pcap/index.ts';

const targetMB = Number(process.argv[2] ?? 50);
const SCENARIOS = ['close-3-segment', 'close-4-segment', 'server-closes-first', 'simultaneous-close', 'lost-final-ack', 'closed-port-rst'];

const templates = SCENARIOS.map((id) => {
  const trace = runScenario(id, { profile: 'linux' });
  return { a: trace.a, wire: wireSegments(trace).filter((w) => !w.origin) };
});

const frames: FrameToWrite[] = [];
let bytes = 24;
let time = 0;
for (let rep = 0; bytes < targetMB * 1024 * 1024; rep++) {
  const tpl = templates[rep % templates.length]!;
  const port = 1024 + (rep % 60000);
  const ip = `10.${(rep >> 16) & 0xff}.${(rep >> 8) & 0xff}.${rep & 0xff}`;
  for (const w of tpl.wire) {
    const seg = { ...w.segment, src: { ...w.segment.src }, dst: { ...w.segment.dst } };
    if (w.from === 'A') {
      seg.src.port = port;
      seg.src.ip = ip;
    } else {
      seg.dst.port = port;
      seg.dst.ip = ip;
    }
    const data = segmentFrame(seg, rep & 0xffff, w.from, w.from === 'A' ? 'B' : 'A');
    frames.push({ time: time + w.t / 1000, data });
    bytes += 16 + data.length;
  }
  time += 0.001;
}
frames.sort((x, y) => x.time - y.time);

const dir = mkdtempSync(join(tmpdir(), 'bench-pcap-'));
try {
  const file = join(dir, 'big.pcap');
  writeFileSync(file, writePcap(frames, { linkType: LINKTYPE.ETHERNET }));
  frames.length = 0; // only the file's bytes stay in memory while importing
  const input = new Uint8Array(readFileSync(file));
  const fileMB = input.length / (1024 * 1024);
  const started = performance.now();
  const analysis = analyseCapture(input);
  const seconds = (performance.now() - started) / 1000;
  if (analysis.report.connections.length === 0) throw new Error('benchmark capture imported no connections');
  process.stdout.write(JSON.stringify({ importMBps: Number((fileMB / seconds).toFixed(2)), fileMB: Number(fileMB.toFixed(2)) }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
