/**
 * Reading a capture as a stream of chunks (what the trace CLI does) finds exactly what reading
 * it whole finds, wherever the chunks are cut: the same packets with the same bytes, the same
 * warnings at the same places, the same errors, and the same analysis. Also: the analysis does
 * not keep the file's bytes alive (it keeps per-connection state, not packets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseCapture,
  CaptureError,
  ConnectionSplitter,
  scanCapture,
  SegmentDecoder,
  WarningLog,
  type RawPacket,
  type ReadChunk,
} from '../../../src/engine/pcap/index.ts';

const dir = new URL('../../fixtures/', import.meta.url);
const FILES = ['kernel-traces', 'real', 'variants', 'broken', 'corpus'].flatMap((d) =>
  readdirSync(new URL(`${d}/`, dir))
    .filter((f) => /\.pcap(ng)?$/.test(f))
    .map((f) => `${d}/${f}`),
);
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));

/** A stream over `data` that hands out at most `step` bytes per read, as a pipe may. */
function stream(data: Uint8Array, step: number): ReadChunk {
  let at = 0;
  return (into) => {
    const n = Math.min(step, into.length, data.length - at);
    into.set(data.subarray(at, at + n));
    at += n;
    return n;
  };
}

type Scan = { packets: string[]; summary: unknown } | { error: string };

function scan(input: Uint8Array | ReadChunk, chunk?: number): Scan {
  const packets: string[] = [];
  const show = (p: RawPacket): string =>
    `${p.number} ${p.offset} ${p.sec}.${p.nsec} ${p.linkType} ${p.interfaceId} ${p.origLength} ${Buffer.from(p.data).toString('hex')}`;
  try {
    const summary = scanCapture(input, (p) => packets.push(show(p)), { chunk });
    return { packets, summary };
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    return { error: e.message };
  }
}

describe('scanCapture over a stream', () => {
  it.each(FILES.map((f) => [f]))('%s: the same packets, warnings and errors as read whole, for any chunk size', (name) => {
    const data = bytes(name);
    const whole = scan(data);
    // Chunks smaller than a packet header, than a packet, and odd sizes that cut fields in two.
    for (const [chunk, step] of [
      [7, 3],
      [64, 64],
      [100, 1],
      [1500, 512],
    ] as const) {
      expect(scan(stream(data, step), chunk), `chunk ${chunk}, reads of ${step}`).toEqual(whole);
    }
  });

  it('an input over the limit is refused while it is read, naming the limit', () => {
    const data = bytes('real/ssh.pcap');
    expect(() => scanCapture(stream(data, 1000), () => undefined, { limit: 5000, chunk: 1024 })).toThrow(/over 5000 bytes/);
  });
});

describe('analyseCapture over a stream', () => {
  it.each(FILES.filter((f) => !f.startsWith('broken/')).map((f) => [f]))('%s: the same report and warnings', (name) => {
    const data = bytes(name);
    const whole = analyseCapture(data);
    const streamed: unknown[] = [];
    const s = analyseCapture(stream(data, 777), undefined, { onConnection: (c) => streamed.push(c) });
    expect(streamed).toEqual(whole.report.connections);
    expect(s.warnings).toEqual(whole.warnings);
  });

  it.each(FILES.filter((f) => !f.startsWith('broken/')).map((f) => [f]))(
    '%s: segments kept in columns (no payload) read back as the segments kept whole, but for the payload bytes',
    (name) => {
      const lean = new ConnectionSplitter(() => undefined, { keepPayload: false });
      const full = new ConnectionSplitter(() => undefined);
      const decoder = new SegmentDecoder(new WarningLog());
      scanCapture(bytes(name), (p) => {
        const s = decoder.decode(p);
        if (s) {
          lean.add(s);
          full.add(s);
        }
      });
      const shown = (c: ConnectionSplitter): unknown =>
        c.connections.map(({ a, b, midConnection, segments }) => ({
          a,
          b,
          midConnection,
          segments: segments.map(({ segment, ...rest }) => ({ ...rest, segment: { ...segment, payload: segment.payload.length } })),
        }));
      expect(full.connections.length).toBeGreaterThan(0);
      expect(shown(lean)).toEqual(shown(full));
    },
  );

  it('keeps no view of the capture bytes: segment payloads are stand-ins of the IP length', () => {
    const data = bytes('real/ssh.pcap');
    const log = new WarningLog();
    const decoder = new SegmentDecoder(log);
    const lean = new ConnectionSplitter(() => undefined, { keepPayload: false });
    const full = new ConnectionSplitter(() => undefined);
    scanCapture(
      stream(data, 4096),
      (p) => {
        const s = decoder.decode(p);
        if (s) {
          lean.add(s);
          full.add(s);
        }
      },
      { chunk: 2048 },
    );
    const kept = lean.connections.flatMap((c) => c.segments.map((s) => s.segment.payload));
    const viewed = full.connections.flatMap((c) => c.segments.map((s) => s.segment.payload));
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.map((p) => p.length)).toEqual(viewed.map((p) => p.length));
    expect(kept.every((p) => p.every((b) => b === 0))).toBe(true);
    // The default splitter does view the chunks: the check above can tell the two apart.
    expect(viewed.some((p) => p.some((b) => b !== 0))).toBe(true);
  });
});
