import { CaptureError } from '../wire/capture-error.ts';
import { MAX_CAPLEN } from './limits.ts';

/** One frame to write: link-layer bytes and a time in seconds (fractions kept to the nanosecond). */
export interface FrameToWrite {
  time: number;
  data: Uint8Array;
}

/**
 * Writes a classic little-endian pcap (2.4) file, the format every tool opens. Nanosecond
 * resolution is optional because the engine's virtual clock is finer than microseconds only
 * in lessons that want it; microseconds is what most readers' tools expect.
 */
export function writePcap(frames: FrameToWrite[], opts: { linkType: number; nanosecond?: boolean; snaplen?: number }): Uint8Array {
  const nano = opts.nanosecond ?? false;
  const unit = nano ? 1e9 : 1e6;
  let size = 24;
  for (const f of frames) size += 16 + f.data.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, nano ? 0xa1b23c4d : 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, opts.snaplen ?? MAX_CAPLEN, true);
  view.setUint32(20, opts.linkType, true);
  let at = 24;
  for (const [i, f] of frames.entries()) {
    if (f.data.length > MAX_CAPLEN) throw new CaptureError('too-large', `frame of ${f.data.length} bytes exceeds ${MAX_CAPLEN}`, { packet: i + 1 });
    if (!(f.time >= 0) || !Number.isFinite(f.time))
      throw new CaptureError('bad-timestamp', `frame time ${f.time} is not a finite non-negative number`, { packet: i + 1 });
    let sec = Math.floor(f.time);
    let frac = Math.round((f.time - sec) * unit);
    if (frac >= unit) {
      sec += 1;
      frac -= unit;
    }
    view.setUint32(at, sec, true);
    view.setUint32(at + 4, frac, true);
    view.setUint32(at + 8, f.data.length, true);
    view.setUint32(at + 12, f.data.length, true);
    out.set(f.data, at + 16);
    at += 16 + f.data.length;
  }
  return out;
}
