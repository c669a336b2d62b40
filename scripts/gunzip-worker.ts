/**
 * The worker side of gunzip-stream.ts: reads the gzip capture from the file descriptor, unpacks it
 * with node:zlib and hands the unpacked bytes over the shared buffer, one slot at a time, waiting
 * (Atomics.waitAsync) until the reader has taken the previous one.
 */
import { readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { SHARED } from './gunzip-stream.ts';

const { SLOT, STATE, LENGTH, EMPTY, FULL, END, FAILED } = SHARED;
const { fd, head, shared } = workerData as { fd: number; head: Uint8Array; shared: SharedArrayBuffer };
const ctrl = new Int32Array(shared, 0, 4);
const data = new Uint8Array(shared, 16, SLOT);
/** Compressed bytes read, to name where a damaged stream stopped. */
const IN_CHUNK = 16 * 1024;

async function slotFree(): Promise<void> {
  while (Atomics.load(ctrl, STATE) !== EMPTY) {
    const w = Atomics.waitAsync(ctrl, STATE, Atomics.load(ctrl, STATE), 1000);
    // A pending waitAsync does not keep a worker alive; the timer does.
    if (w.async) await Promise.race([w.value, new Promise((r) => setTimeout(r, 1000))]);
  }
}

async function hand(bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; at += SLOT) {
    await slotFree();
    const part = bytes.subarray(at, at + SLOT);
    data.set(part);
    Atomics.store(ctrl, LENGTH, part.length);
    Atomics.store(ctrl, STATE, FULL);
    Atomics.notify(ctrl, STATE);
  }
}

async function finish(state: number, message = '', offset = 0): Promise<void> {
  await slotFree();
  const text = new TextEncoder().encode(message).subarray(0, SLOT);
  data.set(text);
  Atomics.store(ctrl, LENGTH, text.length);
  Atomics.store(ctrl, 2, Math.floor(offset / 2 ** 31));
  Atomics.store(ctrl, 3, offset % 2 ** 31);
  Atomics.store(ctrl, STATE, state);
  Atomics.notify(ctrl, STATE);
}

/** One read from the descriptor; a non-blocking stdin with nothing yet is waited for. */
function readChunk(buf: Uint8Array): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      else if (code === 'EOF') return 0;
      else throw new Error(`cannot read: ${(e as Error).message}`);
    }
  }
}

async function main(): Promise<void> {
  const gz = createGunzip({ chunkSize: 256 * 1024 });
  let fed = 0;
  let failed: Error | null = null;
  gz.on('error', (e) => (failed = e));
  const out: Uint8Array[] = [];
  gz.on('data', (c: Buffer) => out.push(new Uint8Array(c.buffer, c.byteOffset, c.length)));
  const feed = async (chunk: Uint8Array): Promise<void> => {
    const before = fed;
    fed += chunk.length;
    if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
    await new Promise((r) => setImmediate(r));
    for (const c of out.splice(0)) await hand(c);
    if (failed) throw Object.assign(failed, { at: before });
  };
  try {
    await feed(head);
    const buf = new Uint8Array(IN_CHUNK);
    for (;;) {
      const n = readChunk(buf);
      if (n === 0) break;
      await feed(buf.slice(0, n));
    }
    if (!failed)
      await new Promise<void>((resolve) => {
        gz.once('end', resolve);
        gz.once('close', resolve);
        gz.end();
      });
    for (const c of out.splice(0)) await hand(c);
    if (failed) throw Object.assign(failed as Error, { at: Math.max(0, fed - 1) });
    await finish(END);
  } catch (e) {
    const err = e as Error & { at?: number };
    // zlib names no position: the byte where reading stopped is in the chunk fed last.
    const at = err.at ?? fed;
    await finish(FAILED, `${err.message} in compressed bytes ${at}–${fed}`, at);
  }
}

// Should the worker end without saying so (it should not), the reader is not left waiting.
process.on('exit', () => {
  const state = Atomics.load(ctrl, STATE);
  if (state !== END && state !== FAILED) {
    Atomics.store(ctrl, LENGTH, 0);
    Atomics.store(ctrl, STATE, FAILED);
    Atomics.notify(ctrl, STATE);
  }
});

void main();
