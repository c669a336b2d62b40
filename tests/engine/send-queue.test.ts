/**
 * The send queue's storage (src/engine/send-queue.ts): queues are immutable views, so appending
 * never changes bytes an older snapshot shows, and a branch from an older snapshot never writes
 * over a later one; and a long transfer acknowledged as it goes appends in place, allocating a
 * new buffer rarely (the capture import replays 100 MB transfers through it).
 */
import { describe, expect, it } from 'vitest';
import { appendToQueue, dropFromQueue } from '../../src/engine/send-queue.ts';

const bytes = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

describe('send queue storage', () => {
  it('an older snapshot keeps its bytes when a later one appends, and a branch from it copies', () => {
    const q1 = appendToQueue(new Uint8Array(0), bytes(10, 1));
    const q2 = appendToQueue(q1, bytes(5, 2));
    expect(q2.buffer).toBe(q1.buffer); // appended in place
    expect([...q1]).toEqual(Array(10).fill(1));
    const branch = appendToQueue(q1, bytes(5, 3)); // from the older snapshot: must not overwrite q2
    expect(branch.buffer).not.toBe(q1.buffer);
    expect([...q2]).toEqual([...Array(10).fill(1), ...Array(5).fill(2)]);
    expect([...branch]).toEqual([...Array(10).fill(1), ...Array(5).fill(3)]);
  });

  it('a queue acknowledged in full appends in place after what was acknowledged', () => {
    const q1 = appendToQueue(new Uint8Array(0), bytes(10, 1));
    const acked = dropFromQueue(q1, 10);
    expect(acked.length).toBe(0);
    const q2 = appendToQueue(acked, bytes(4, 2));
    expect(q2.buffer).toBe(q1.buffer);
    expect([...q2]).toEqual([2, 2, 2, 2]);
    expect([...q1]).toEqual(Array(10).fill(1));
  });

  it('a 20 MB transfer acknowledged every second segment allocates few buffers', () => {
    const buffers = new Set<ArrayBufferLike>();
    let q: Uint8Array = new Uint8Array(0);
    const seg = bytes(1448, 7);
    for (let i = 0; i < 14_000; i++) {
      q = appendToQueue(q, seg);
      buffers.add(q.buffer);
      if (i % 2 === 1) q = dropFromQueue(q, q.length);
    }
    // one buffer per MB once grown (plus the doublings up to 1 MB), where one every few SENDs would be thousands
    expect(buffers.size).toBeLessThan(40);
  });
});
