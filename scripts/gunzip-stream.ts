/**
 * A gzip capture as a stream for the trace CLI. The capture reader pulls bytes synchronously
 * (ReadChunk) and node:zlib only streams asynchronously, so a worker thread reads the file and
 * unpacks it through zlib.createGunzip(), handing each unpacked chunk over a shared buffer; the
 * reader's ReadChunk waits (Atomics.wait) for the next one. Neither side ever holds the whole
 * capture: one chunk of at most SLOT bytes is in flight. A damaged or cut gzip stream becomes one
 * error naming the compressed byte where zlib stopped.
 */
import { Worker } from 'node:worker_threads';
import { CaptureError } from '../src/engine/pcap/index.ts';

/** Largest unpacked chunk handed over at once. */
const SLOT = 1 << 20;
/** Control words: who may write the slot, how many bytes it holds, and the compressed offset on error. */
const STATE = 0;
const LENGTH = 1;
const EMPTY = 0;
const FULL = 1;
const END = 2;
const FAILED = 3;

/**
 * Unpacks the gzip stream on `fd` whose first bytes, already read, are `head`. Returns a
 * ReadChunk of the unpacked bytes and `close` (stops the worker). Errors from the worker are
 * thrown from the ReadChunk as CaptureError (code bad-gzip).
 */
export function gunzipStream(fd: number, head: Uint8Array): { read: (into: Uint8Array) => number; close: () => void } {
  const shared = new SharedArrayBuffer(16 + SLOT);
  const ctrl = new Int32Array(shared, 0, 4);
  const data = new Uint8Array(shared, 16, SLOT);
  const worker = new Worker(new URL('./gunzip-worker.ts', import.meta.url), { workerData: { fd, head, shared } });
  worker.unref();
  let pending = new Uint8Array(0);
  let ended = false;
  const read = (into: Uint8Array): number => {
    if (pending.length === 0 && !ended) {
      while (Atomics.load(ctrl, STATE) === EMPTY) Atomics.wait(ctrl, STATE, EMPTY, 1000);
      const state = Atomics.load(ctrl, STATE);
      const n = Atomics.load(ctrl, LENGTH);
      if (state === FAILED) {
        const offset = Atomics.load(ctrl, 2) * 2 ** 31 + Atomics.load(ctrl, 3);
        ended = true;
        throw new CaptureError('bad-gzip', `gzip data is damaged: ${new TextDecoder().decode(data.slice(0, n))}`, { offset });
      }
      if (state === END) ended = true;
      else {
        pending = data.slice(0, n);
        Atomics.store(ctrl, STATE, EMPTY);
        Atomics.notify(ctrl, STATE);
      }
    }
    const n = Math.min(pending.length, into.length);
    into.set(pending.subarray(0, n));
    pending = pending.subarray(n);
    return n;
  };
  return { read, close: () => void worker.terminate() };
}

export const SHARED = { SLOT, STATE, LENGTH, EMPTY, FULL, END, FAILED };
