/**
 * The send queue's storage: appending is amortized O(1) per byte and acknowledging is O(1), so a
 * long one-way transfer costs linear time instead of copying the whole queue on every SEND.
 *
 * Queues stay immutable views as the TCB promises: bytes are only ever written past the end of
 * every view handed out so far. Each backing buffer records how far it is in use; a queue may
 * append in place only when it ends exactly there. A second branch from an older snapshot (a
 * replay, a lab's "what if") ends earlier, so it copies instead and never overwrites the first.
 */
const inUse = new WeakMap<ArrayBufferLike, number>();

/** `queue` followed by `data`, sharing `queue`'s storage when that is safe. */
export function appendToQueue(queue: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0) return queue;
  const end = queue.byteOffset + queue.length;
  const buf = queue.buffer;
  if (queue.length > 0 && inUse.get(buf) === end && end + data.length <= buf.byteLength) {
    const out = new Uint8Array(buf, queue.byteOffset, queue.length + data.length);
    out.set(data, queue.length);
    inUse.set(buf, end + data.length);
    return out;
  }
  const length = queue.length + data.length;
  const fresh = new Uint8Array(Math.max(256, length * 2));
  fresh.set(queue);
  fresh.set(data, queue.length);
  inUse.set(fresh.buffer, length);
  return fresh.subarray(0, length);
}

/** The queue without its first `n` bytes (acknowledged): a view, no copy. */
export function dropFromQueue(queue: Uint8Array, n: number): Uint8Array {
  return queue.subarray(Math.min(n, queue.length));
}
