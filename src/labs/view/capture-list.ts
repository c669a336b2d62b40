/**
 * The capture lab's connection list, as pure functions the import worker runs: a search over the
 * connections' addresses and one page of results at a time, so a capture of 100,000 connections
 * never puts 100,000 elements (or one 100,000-option select) on the page.
 */
import type { TraceConnection } from '../../engine/pcap/index.ts';

/** Connections shown per page of the list. */
export const PAGE_SIZE = 20;
/**
 * Most segments of one connection replayed in the sequence lab (its diagram and table draw every
 * step at once: 200 took 260 ms and 50 took 127 ms on Lighthouse's mobile CPU); the virtualised table lists them all.
 */
export const REPLAY_CAP = 30;

/** One connection as the list shows it; `index` is its place in the whole capture. */
export interface ConnectionItem {
  index: number;
  a: string;
  b: string;
  segments: number;
}

/** A page of the (filtered) list: its items, how many matched, and which page this is. */
export interface ConnectionPage {
  items: ConnectionItem[];
  matched: number;
  page: number;
  pages: number;
}

/**
 * The `page`th page (0-based, clamped) of the connections whose "a ↔ b" text contains every
 * word of `query` (case-insensitive; "10.0.0.1 443" finds that host on that port).
 */
export function pageConnections(conns: readonly TraceConnection[], query: string, page: number, size = PAGE_SIZE): ConnectionPage {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: number[] = [];
  for (let i = 0; i < conns.length; i++) {
    const c = conns[i]!;
    const text = `${c.a} ${c.b}`.toLowerCase();
    if (words.every((w) => text.includes(w))) hits.push(i);
  }
  const pages = Math.max(1, Math.ceil(hits.length / size));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  const items = hits.slice(p * size, (p + 1) * size).map((index) => {
    const c = conns[index]!;
    return { index, a: c.a, b: c.b, segments: c.segments.length };
  });
  return { items, matched: hits.length, page: p, pages };
}

/** The connection cut to its first `cap` segments for the replay, and whether it was cut. */
export function replayPart(conn: TraceConnection, cap = REPLAY_CAP): { conn: TraceConnection; cut: boolean } {
  if (conn.segments.length <= cap) return { conn, cut: false };
  return { conn: { ...conn, segments: conn.segments.slice(0, cap) }, cut: true };
}
