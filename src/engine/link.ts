/**
 * The link between the two hosts: every segment put on it gets a wire id, waits out the
 * latency, and passes the scenario's fault rules (drop, delay, duplicate, reorder, random loss)
 * on its way. Segments addressed to neither host (a spoofed source) are dropped with a note.
 */
import { NOTES } from './notes.ts';
import { type RunContext, other, sameAddr } from './run-context.ts';
import { segmentToJSON } from './segment-data.ts';
import type { Address, FaultRule, InjectOrigin, Segment, SegmentJSON, SegmentMatch, Side } from './types.ts';

/** A segment on its way, due at `at`. */
export interface InFlight {
  at: number;
  order: number;
  wireId: number;
  to: Side;
  segment: Segment;
  json: SegmentJSON;
  origin?: InjectOrigin;
}

export interface Link {
  /**
   * A segment leaves `from`: faults decide whether, when and how often it arrives. `origin`
   * marks a segment the scenario injects; `to` overrides the host its address would reach.
   */
  transmit(from: Side, segment: Segment, retransmit: boolean, origin?: InjectOrigin, to?: Side): void;
  /** When the next segment arrives (Infinity when none is on its way). */
  nextArrival(): number;
  /** Takes the first segment (in send order) that arrives at `t` off the link. */
  takeArrival(t: number): InFlight | undefined;
}

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

/** A segment held back by a reorder rule: it arrives right after the sender's next segment to `to`, or at its own `at`. */
interface Held {
  from: Side;
  entry: InFlight;
}

export function createLink(run: RunContext): Link {
  const def = run.def;
  const addr: Record<Side, Address> = { A: def.a, B: def.b };
  const finSeen: Record<Side, boolean> = { A: false, B: false };
  const faultHits = new Map<FaultRule, number>();
  let wireCount = 0;
  let flight: InFlight[] = [];
  let held: Held[] = [];
  // One generator per random-loss rule, each drawn once per segment A or B sends.
  const draws = new Map(def.faults.flatMap((f) => (f.kind === 'random-loss' ? [[f, seededRandom(f.seed)] as const] : [])));

  const transmit: Link['transmit'] = (from, segment, retransmit, origin, to) => {
    const wireId = ++wireCount;
    const json = segmentToJSON(segment);
    run.record({ kind: 'send', side: from, segment: json, wireId, ...(retransmit ? { retransmit } : {}), ...(origin ? { origin } : {}) });
    /** The segment is lost here, for the reason `detail` says (only with the working notes). */
    const lost = (detail: string | false): void => run.record({ kind: 'drop', side: from, segment: json, wireId, ...(detail && { detail }) });
    const dest: Side | null = to ?? (sameAddr(segment.dst, addr[other(from)]) ? other(from) : null);
    if (segment.flags.FIN && !origin) finSeen[from] = true;
    if (dest === null) return lost(NOTES && `no host at ${segment.dst.ip}:${segment.dst.port} (spoofed source)`);
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
        if (f.wireId === wireId) return lost(NOTES && `fault: drop segment #${wireId}`);
        continue;
      }
      const hit = hits.get(f);
      if (hit === undefined) continue;
      if (f.kind === 'random-loss') return lost(NOTES && `fault: random loss (${f.percent} %)`);
      if (f.match.nth !== undefined && f.match.nth !== hit) continue;
      if (f.kind === 'drop-match') return lost(NOTES && 'fault: drop rule');
      if (f.kind === 'delay') delay += f.extraDelayMs;
      if (f.kind === 'duplicate') copies.push(def.latencyMs + f.extraDelayMs);
      if (f.kind === 'reorder') reorderMs = Math.max(reorderMs ?? 0, f.extraDelayMs);
    }
    const entry: InFlight = { at: run.now + delay, order: run.nextOrder(), wireId, to: dest, segment, json, ...(origin ? { origin } : {}) };
    // Segments this sender's earlier segments were held back for: they now arrive just after this one.
    for (const h of held.filter((x) => x.from === from && x.entry.to === dest && x.entry.at >= entry.at)) {
      h.entry.at = entry.at;
      h.entry.order = run.nextOrder();
    }
    held = held.filter((x) => x.from !== from || x.entry.to !== dest);
    flight.push(entry);
    if (reorderMs !== null) {
      entry.at += reorderMs;
      held.push({ from, entry });
    }
    for (const d of copies) {
      const copyId = ++wireCount;
      run.record({
        kind: 'duplicate',
        side: from,
        segment: json,
        wireId: copyId,
        ...(NOTES && { detail: `copy of #${wireId}, arrives ${d} ms after sending` }),
      });
      flight.push({ at: run.now + d, order: run.nextOrder(), wireId: copyId, to: dest, segment, json, origin: 'old-duplicate' });
    }
  };

  return {
    transmit,
    nextArrival: () => flight.reduce((m, f) => Math.min(m, f.at), Infinity),
    takeArrival(t) {
      const f = flight.filter((x) => x.at === t).sort((x, y) => x.order - y.order)[0];
      if (f) flight = flight.filter((x) => x !== f);
      return f;
    },
  };
}
