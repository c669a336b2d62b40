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

/**
 * Largest backing buffer the growth below reaches by itself. A fresh buffer is at least twice the
 * last one (up to this), so a long transfer whose queue is acknowledged as it goes (short, but
 * moving through its buffer) allocates one buffer per MB, not one every few SENDs.
 */
const GROW_TO = 1 << 20;

/** `queue` followed by `data`, sharing `queue`'s storage when that is safe. */
export function appendToQueue(queue: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0) return queue;
  const end = queue.byteOffset + queue.length;
  const buf = queue.buffer;
  // An empty queue may be a view at the end of its buffer (all of it acknowledged): it appends in place too.
  if (inUse.get(buf) === end && end + data.length <= buf.byteLength) {
    const out = new Uint8Array(buf, queue.byteOffset, queue.length + data.length);
    out.set(data, queue.length);
    inUse.set(buf, end + data.length);
    return out;
  }
  const length = queue.length + data.length;
  const fresh = new Uint8Array(Math.max(256, length * 2, Math.min(buf.byteLength * 2, GROW_TO)));
  fresh.set(queue);
  fresh.set(data, queue.length);
  inUse.set(fresh.buffer, length);
  return fresh.subarray(0, length);
}

/** The queue without its first `n` bytes (acknowledged): a view, no copy. */
export function dropFromQueue(queue: Uint8Array, n: number): Uint8Array {
  return queue.subarray(Math.min(n, queue.length));
}
