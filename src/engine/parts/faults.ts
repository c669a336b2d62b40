/**
 * Engine part (see parts.ts): the fault rules other than "drop segment #n" (drop by match, delay,
 * duplicate, reorder, random loss). The link (link.ts) asks it what happens to each segment when
 * a scenario has such a rule.
 */
import { NOTES } from '../notes.ts';
import type { FaultRule, InjectOrigin, ScenarioDef, Segment, SegmentMatch, Side } from '../types.ts';

/** Whether a segment `from` a side meets a fault rule's match (nth aside); `finSeen`: whose FIN is already on the wire. */
export function matches(m: SegmentMatch, from: Side, seg: Segment, finSeen: Record<Side, boolean>): boolean {
  if (m.from !== undefined && m.from !== from) return false;
  if (m.flags && !m.flags.every((f) => seg.flags[f])) return false;
  if (m.notFlags && m.notFlags.some((f) => seg.flags[f])) return false;
  if (m.hasData !== undefined && seg.payload.length > 0 !== m.hasData) return false;
  if (m.afterFinFrom !== undefined && !finSeen[m.afterFinFrom]) return false;
  return true;
}

/**
 * Mulberry32: a small deterministic generator of numbers in [0, 1), so a seeded loss rate loses
 * the same segments on every run of the same scenario (the engine never calls Math.random).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the rules do to one segment: lost (with the note saying why), or its delay, its copies' delays and how long it is held back. */
export type Judged = { lost: string | false } | { delay: number; copies: number[]; reorderMs: number | null };

/** The fault rules of `def`, with their counts of matching segments and their random-loss generators. */
export function createFaults(def: ScenarioDef) {
  const faultHits = new Map<FaultRule, number>();
  // One generator per random-loss rule, each drawn once per segment A or B sends.
  const draws = new Map(def.faults.flatMap((f) => (f.kind === 'random-loss' ? [[f, seededRandom(f.seed)] as const] : [])));
  /** Segment `wireId` leaves `from`; `finSeen`: whose FIN is already on the wire. */
  const judge = (from: Side, segment: Segment, wireId: number, origin: InjectOrigin | undefined, finSeen: Record<Side, boolean>): Judged => {
    let delay = def.latencyMs;
    const copies: number[] = [];
    // Every rule counts the segments it matches, even one an earlier rule drops: "the 2nd final
    // ACK" is the 2nd on the wire, whether or not another rule lost the 1st.
    const hits = new Map<FaultRule, number>();
    let reorderMs: number | null = null;
    for (const f of def.faults) {
      if (f.kind === 'random-loss') {
        if (!origin && (draws.get(f)?.() ?? 1) * 100 < f.percent) hits.set(f, 1);
        continue;
      }
      if (f.kind === 'drop' || origin || !matches(f.match, from, segment, finSeen)) continue;
      const hit = (faultHits.get(f) ?? 0) + 1;
      faultHits.set(f, hit);
      hits.set(f, hit);
    }
    for (const f of def.faults) {
      if (f.kind === 'drop') {
        if (f.wireId === wireId) return { lost: NOTES && `fault: drop segment #${wireId}` };
        continue;
      }
      const hit = hits.get(f);
      if (hit === undefined) continue;
      if (f.kind === 'random-loss') return { lost: NOTES && `fault: random loss (${f.percent} %)` };
      if (f.match.nth !== undefined && f.match.nth !== hit) continue;
      if (f.kind === 'drop-match') return { lost: NOTES && 'fault: drop rule' };
      if (f.kind === 'delay') delay += f.extraDelayMs;
      if (f.kind === 'duplicate') copies.push(def.latencyMs + f.extraDelayMs);
      if (f.kind === 'reorder') reorderMs = Math.max(reorderMs ?? 0, f.extraDelayMs);
    }
    return { delay, copies, reorderMs };
  };
  return { judge };
}
