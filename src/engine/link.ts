/**
 * The link between the two hosts: every segment put on it gets a wire id, waits out the
 * latency, and passes the scenario's fault rules (drop, delay, duplicate, reorder, random loss)
 * on its way. Segments addressed to neither host (a spoofed source) are dropped with a note.
 */
import { NOTES } from './notes.ts';
import { type RunContext, other, sameAddr } from './run-context.ts';
import { part } from './parts.ts';
import { segmentToJSON } from './segment-data.ts';
import type { Judged } from './parts/faults.ts';
import type { Address, InjectOrigin, Segment, SegmentJSON, Side } from './types.ts';

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

/** A segment held back by a reorder rule: it arrives right after the sender's next segment to `to`, or at its own `at`. */
interface Held {
  from: Side;
  entry: InFlight;
}

export function createLink(run: RunContext): Link {
  const def = run.def;
  const addr: Record<Side, Address> = { A: def.a, B: def.b };
  const finSeen: Record<Side, boolean> = { A: false, B: false };
  const faults = def.faults.every((f) => f.kind === 'drop') ? null : part(run.parts, 'faults').createFaults(def);
  const plain: Judged = { delay: def.latencyMs, copies: [], reorderMs: null };
  let wireCount = 0;
  let flight: InFlight[] = [];
  let held: Held[] = [];

  const transmit: Link['transmit'] = (from, segment, retransmit, origin, to) => {
    const wireId = ++wireCount;
    const json = segmentToJSON(segment);
    run.record({ kind: 'send', side: from, segment: json, wireId, ...(retransmit ? { retransmit } : {}), ...(origin ? { origin } : {}) });
    /** The segment is lost here, for the reason `detail` says (only with the working notes). */
    const lost = (detail: string | false): void => run.record({ kind: 'drop', side: from, segment: json, wireId, ...(detail && { detail }) });
    const dest: Side | null = to ?? (sameAddr(segment.dst, addr[other(from)]) ? other(from) : null);
    if (segment.flags.FIN && !origin) finSeen[from] = true;
    if (dest === null) return lost(NOTES && `no host at ${segment.dst.ip}:${segment.dst.port} (spoofed source)`);
    // With only "drop segment #n" rules (the common case) the link needs no fault part.
    const dropped = def.faults.some((d) => d.kind === 'drop' && d.wireId === wireId);
    const f: Judged = faults ? faults.judge(from, segment, wireId, origin, finSeen) : dropped ? { lost: NOTES && `fault: drop segment #${wireId}` } : plain;
    if ('lost' in f) return lost(f.lost);
    const { delay, copies, reorderMs } = f;
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
