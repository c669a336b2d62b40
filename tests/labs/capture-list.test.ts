import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, REPLAY_CAP, pageConnections, replayPart } from '../../src/labs/view/capture-list.ts';
import type { TraceConnection } from '../../src/engine/pcap/index.ts';

const conn = (i: number, segments = 1): TraceConnection => ({
  a: `10.0.${i >> 8}.${i & 0xff}:${1024 + i}`,
  b: '10.0.0.1:80',
  segments: Array.from({ length: segments }, () => ({}) as TraceConnection['segments'][number]),
});

describe('capture connection list', () => {
  const conns = Array.from({ length: 1000 }, (_, i) => conn(i));
  it('pages through all connections, PAGE_SIZE at a time', () => {
    const first = pageConnections(conns, '', 0);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first).toMatchObject({ matched: 1000, page: 0, pages: Math.ceil(1000 / PAGE_SIZE) });
    expect(pageConnections(conns, '', 999).page).toBe(first.pages - 1);
    expect(pageConnections(conns, '', -3).page).toBe(0);
  });
  it('finds connections by every word of the query, keeping their index in the capture', () => {
    const r = pageConnections(conns, '10.0.1.7: 1287', 0);
    expect(r.items.map((c) => c.index)).toEqual([263]);
    expect(pageConnections(conns, 'nowhere', 0)).toMatchObject({ items: [], matched: 0, pages: 1 });
  });
  it('cuts a long connection for the replay and says so', () => {
    expect(replayPart(conn(1, 5)).cut).toBe(false);
    const long = replayPart(conn(1, REPLAY_CAP + 1));
    expect(long.cut).toBe(true);
    expect(long.conn.segments).toHaveLength(REPLAY_CAP);
  });
});
