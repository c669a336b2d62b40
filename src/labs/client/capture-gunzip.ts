/**
 * A gzip capture in the capture lab's worker: unpacked as it is read, through the browser's
 * DecompressionStream, into chunks that the capture reader then takes one by one (each dropped
 * once read), so no buffer of the whole unpacked file is ever made. The reader pulls bytes
 * synchronously, so unpacking finishes before the analysis starts; the unpacked size is held
 * to the same limit as an unpacked file. A damaged or cut gzip stream is one error naming the
 * compressed byte reached when it failed.
 */
import type { ReadChunk } from '../../engine/pcap/index.ts';

/** True when the file starts with gzip's magic bytes (1f 8b). */
export async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** What went wrong, in the shape the capture lab's error text takes. */
export interface GunzipFailure {
  code: 'too-large' | 'bad-gzip';
  offset?: number;
  detail?: string;
}

/** Unpacks `file` up to `limit` unpacked bytes; rejects with a GunzipFailure. */
export async function gunzipFile(file: Blob, limit: number): Promise<{ read: ReadChunk; total: number }> {
  let compressed = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        compressed += chunk.length;
        out.enqueue(chunk);
      },
    }),
  );
  const reader = counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  const chunks: (Uint8Array | null)[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        void reader.cancel();
        throw { code: 'too-large', detail: `unpacks to more than ${limit} bytes` } satisfies GunzipFailure;
      }
      chunks.push(value);
    }
  } catch (e) {
    if ((e as GunzipFailure).code === 'too-large') throw e;
    throw { code: 'bad-gzip', offset: compressed, detail: (e as Error).message } satisfies GunzipFailure;
  }
  let k = 0;
  let at = 0;
  const read: ReadChunk = (into) => {
    let n = 0;
    while (n < into.length && k < chunks.length) {
      const c = chunks[k]!;
      const take = Math.min(c.length - at, into.length - n);
      into.set(c.subarray(at, at + take), n);
      n += take;
      at += take;
      if (at === c.length) {
        chunks[k++] = null;
        at = 0;
      }
    }
    return n;
  };
  return { read, total };
}
