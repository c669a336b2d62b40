/**
 * Builds the large captures `npm run bench` times the trace CLI on, from the real captures in
 * tests/fixtures (kernel traces and the tcpdump project's test files):
 *
 *   - oneWay: one connection carrying `mb` MB in one direction. The handshake, addresses, ISNs
 *     and options are those of kernel-traces/normal.pcap (a real Linux connection); the data
 *     phase goes on from there, 1448-byte segments from the client, an ACK from the server for
 *     every second one (as Linux's delayed ACK does), and the kernel trace's FIN exchange.
 *   - merged: every IPv4 TCP packet of the real captures, copied until the file holds `mb` MB.
 *     Each copy gets its own addresses (the checksums stay valid: one address word goes up by
 *     as much as the other goes down) and starts 10 ms after the previous one, so thousands of
 *     connections overlap. Ethernet and Linux-cooked copies go to two pcap files, one per link
 *     type, and `mergecap` merges them by time into one two-interface pcapng, as merged
 *     captures of two capture points are.
 *
 * Files are written in chunks, never held whole. Usage: node scripts/make-big-captures.ts <dir> [MB]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSegments, LINKTYPE, readCapture, segmentFrame, type RawPacket } from '../src/engine/pcap/index.ts';
import { flags } from '../src/engine/segment-data.ts';
import type { Segment } from '../src/engine/types.ts';

const FIXTURES = new URL('../tests/fixtures/', import.meta.url).pathname;

/** Writes a little-endian microsecond pcap record by record, buffered in 4 MB chunks. */
class PcapFile {
  private readonly fd: number;
  private buf = new Uint8Array(4 << 20);
  private view = new DataView(this.buf.buffer);
  private at = 0;
  bytes = 0;
  constructor(path: string, linkType: number) {
    this.fd = openSync(path, 'w');
    this.view.setUint32(0, 0xa1b2c3d4, true);
    this.view.setUint16(4, 2, true);
    this.view.setUint16(6, 4, true);
    this.view.setUint32(16, 262144, true);
    this.view.setUint32(20, linkType, true);
    this.at = 24;
  }
  add(time: number, data: Uint8Array, origLength = data.length): void {
    if (this.at + 16 + data.length > this.buf.length) this.flush();
    const sec = Math.floor(time);
    const usec = Math.min(999_999, Math.round((time - sec) * 1e6));
    this.view.setUint32(this.at, sec, true);
    this.view.setUint32(this.at + 4, usec, true);
    this.view.setUint32(this.at + 8, data.length, true);
    this.view.setUint32(this.at + 12, origLength, true);
    this.buf.set(data, this.at + 16);
    this.at += 16 + data.length;
  }
  private flush(): void {
    writeSync(this.fd, this.buf, 0, this.at);
    this.bytes += this.at;
    this.at = 0;
  }
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

/** One connection moving `mb` MB from client to server, continuing kernel-traces/normal.pcap. */
export function oneWay(path: string, mb: number): void {
  const { segments } = decodeSegments(readCapture(readFileSync(join(FIXTURES, 'kernel-traces/normal.pcap'))).packets);
  const syn = segments.find((s) => s.tcp.flags.syn && !s.tcp.flags.ack)!;
  const synAck = segments.find((s) => s.tcp.flags.syn && s.tcp.flags.ack)!;
  const ip = (b: Uint8Array): string => b.join('.');
  const A = { ip: ip(syn.src), port: syn.tcp.srcPort };
  const B = { ip: ip(syn.dst), port: syn.tcp.dstPort };
  const ts = (o: (typeof syn.tcp.options)[number]): o is Extract<typeof o, { kind: 'TS' }> => o.kind === 'TS';
  const tsA = syn.tcp.options.find(ts)?.value ?? 1;
  const tsB = synAck.tcp.options.find(ts)?.value ?? 1;
  const out = new PcapFile(path, LINKTYPE.ETHERNET);
  const payload = new Uint8Array(1448).fill(0x61);
  let sndA = syn.tcp.seq;
  let sndB = synAck.tcp.seq;
  let t = 0;
  let ids = { A: 0, B: 0 };
  const send = (from: 'A' | 'B', f: Segment['flags'], data = new Uint8Array(0)): void => {
    const fromA = from === 'A';
    const seg: Segment = {
      src: fromA ? A : B,
      dst: fromA ? B : A,
      seq: fromA ? sndA : sndB,
      ack: fromA ? sndB : sndA,
      flags: f,
      window: 502,
      options: { timestamps: { tsval: (fromA ? tsA : tsB) + Math.floor(t * 1000), tsecr: (fromA ? tsB : tsA) + Math.floor(t * 1000) } },
      payload: data,
    };
    if (f.SYN) seg.options = { mss: 1460, sackPermitted: true, windowScale: 7, timestamps: seg.options.timestamps! };
    const n = data.length + (f.SYN ? 1 : 0) + (f.FIN ? 1 : 0);
    if (fromA) sndA = (sndA + n) >>> 0;
    else sndB = (sndB + n) >>> 0;
    ids = { ...ids, [from]: (ids[from] + 1) & 0xffff };
    out.add(t, segmentFrame(seg, ids[from], from, fromA ? 'B' : 'A'));
    t += 10e-6;
  };
  send('A', flags('SYN'));
  send('B', flags('SYN', 'ACK'));
  send('A', flags('ACK'));
  // A data record is 1530 bytes (16 record header, 66 headers with timestamps, 1448 payload),
  // an ACK record 82, one per two data segments.
  const count = Math.ceil((mb * 1024 * 1024) / (1530 + 41));
  for (let i = 0; i < count; i++) {
    send('A', flags('ACK', 'PSH'), payload);
    if (i % 2 === 1) send('B', flags('ACK'));
  }
  send('A', flags('FIN', 'ACK'));
  send('B', flags('FIN', 'ACK'));
  send('A', flags('ACK'));
  out.close();
}

/** Offset of the IPv4 header in a frame of the given link type, or -1 when it is not IPv4. */
function ipv4At(p: RawPacket): number {
  const d = p.data;
  if (p.linkType === LINKTYPE.ETHERNET) return d.length > 34 && d[12] === 0x08 && d[13] === 0x00 ? 14 : -1;
  if (p.linkType === LINKTYPE.LINUX_SLL) return d.length > 36 && d[14] === 0x08 && d[15] === 0x00 ? 16 : -1;
  return -1;
}

/** Adds `d` to the 16-bit word at `at` in one's-complement arithmetic (what checksums sum in). */
function addWord(b: Uint8Array, at: number, d: number): void {
  let v = ((b[at]! << 8) | b[at + 1]!) + d;
  v = (v & 0xffff) + (v >>> 16);
  b[at] = v >> 8;
  b[at + 1] = v & 0xff;
}

/**
 * Gives copy `k` of a packet its own addresses: the lower endpoint of the pair goes up by k in
 * its last two octets' words, the higher goes down by as much, so both the IPv4 header checksum
 * and the TCP checksum (whose pseudo-header holds both addresses) stay right.
 */
function readdress(frame: Uint8Array, ipAt: number, k: number): void {
  const s = ipAt + 12;
  const d = ipAt + 16;
  // The pair's order by address, then port (loopback captures have one address on both sides),
  // so both directions of a connection move the same endpoint up.
  const tcpAt = ipAt + (frame[ipAt]! & 0x0f) * 4;
  const key = (at: number, portAt: number): number =>
    ((frame[at]! << 24) >>> 0) * 2 ** 16 +
    ((frame[at + 1]! << 16) | (frame[at + 2]! << 8) | frame[at + 3]!) * 2 ** 16 +
    ((frame[portAt]! << 8) | frame[portAt + 1]!);
  const lowFirst = key(s, tcpAt) < key(d, tcpAt + 2);
  const hi = (k >> 8) & 0xff;
  const lo = (k & 0xff) << 8;
  const [up, down] = lowFirst ? [s, d] : [d, s];
  addWord(frame, up, hi);
  addWord(frame, up + 2, lo);
  addWord(frame, down, 0xffff - hi);
  addWord(frame, down + 2, 0xffff - lo);
}

interface Source {
  linkType: number;
  packets: { t: number; data: Uint8Array; orig: number; ipAt: number }[];
}

function sources(): Source[] {
  const files = [
    ...readdirSync(join(FIXTURES, 'real')).map((f) => join(FIXTURES, 'real', f)),
    ...readdirSync(join(FIXTURES, 'kernel-traces')).map((f) => join(FIXTURES, 'kernel-traces', f)),
  ].filter((f) => f.endsWith('.pcap'));
  const out: Source[] = [];
  for (const f of files) {
    const { packets } = readCapture(readFileSync(f));
    const p0 = packets[0];
    if (!p0) continue;
    const keep = packets
      .map((p) => ({ t: p.sec - p0.sec + (p.nsec - p0.nsec) / 1e9, data: p.data, orig: p.origLength, ipAt: ipv4At(p) }))
      .filter((p) => p.ipAt >= 0 && p.data[p.ipAt + 9] === 6);
    if (keep.length > 0) out.push({ linkType: p0.linkType, packets: keep });
  }
  return out;
}

/** The merged many-connection capture (see the file comment); returns its connection count. */
export function merged(path: string, tmpDir: string, mb: number): { copies: number; connectionsPerCopy: number } {
  const src = sources();
  const perCopy = src.reduce((n, s) => n + s.packets.reduce((m, p) => m + 16 + p.data.length, 0), 0);
  const copies = Math.ceil((mb * 1024 * 1024) / perCopy);
  const byLink = new Map<number, { t: number; copy: number; s: number; i: number }[]>();
  src.forEach((s, si) => {
    const list = byLink.get(s.linkType) ?? [];
    byLink.set(s.linkType, list);
    for (let k = 0; k < copies; k++) s.packets.forEach((p, i) => list.push({ t: 1 + k * 0.01 + p.t, copy: k, s: si, i }));
  });
  const parts: string[] = [];
  for (const [linkType, list] of byLink) {
    list.sort((x, y) => x.t - y.t);
    const part = join(tmpDir, `part-${linkType}.pcap`);
    const file = new PcapFile(part, linkType);
    for (const r of list) {
      const p = src[r.s]!.packets[r.i]!;
      const frame = p.data.slice();
      readdress(frame, p.ipAt, r.copy * src.length + r.s + 1); // own addresses per copy and per source file
      file.add(r.t, frame, p.orig);
    }
    file.close();
    parts.push(part);
  }
  const m = spawnSync('mergecap', ['-w', path, ...parts], { encoding: 'utf8' });
  if (m.status !== 0) throw new Error(`mergecap failed: ${m.error?.message ?? m.stderr}`);
  return { copies, connectionsPerCopy: src.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  const mb = Number(process.argv[3] ?? 100);
  if (!dir) throw new Error('usage: node scripts/make-big-captures.ts <dir> [MB]');
  oneWay(join(dir, `one-way-${mb}MB.pcap`), mb);
  merged(join(dir, `merged-${mb}MB.pcapng`), dir, mb);
}
