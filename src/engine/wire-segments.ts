/**
 * Reading a trace back as the segments it put on the wire: the capture export, the pcap report,
 * the workshop and the segment inspector need this; a lab's knob change, which only draws the
 * run, does not. Its own module so the browser's engine chunk (astro.config.mjs) leaves it out:
 * it and the JSON readers it uses (fromHex, segmentFromJSON) were 0.25 KB gz of the lab budget.
 */
import { copyHeader } from './segment-data.ts';
import type { InjectOrigin, Segment, SegmentJSON, Side, Trace } from './types.ts';

/** A segment as it went on the wire, for pcap export and segment lists (OrderSegments quiz). */
export interface WireSegment {
  /** 1-based, in send order over both directions (the `drop` knob counts these). */
  wireId: number;
  /** Virtual ms when it left the sender. */
  t: number;
  from: Side;
  segment: Segment;
  retransmit: boolean;
  /** Removed by a fault rule or sent to no host (a capture at the sender still sees it, as synsent.pcap does). */
  dropped: boolean;
  /** Injected by the scenario (attacker SYNs, an old duplicate), not sent by A or B. */
  origin?: InjectOrigin;
}

/** Inverse of toHex; throws naming the offset of a bad digit. */
export function fromHex(h: string): Uint8Array {
  if (h.length % 2 !== 0) throw new Error(`hex payload has odd length ${h.length}`);
  const bad = h.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new Error(`hex payload: bad digit "${h[bad]}" at offset ${bad}`);
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** JSON form → Segment (for pcap export from a Trace, or replaying a stored trace). */
export function segmentFromJSON(j: SegmentJSON): Segment {
  return { ...copyHeader(j), payload: fromHex(j.payload) };
}

/** Every segment put on the wire in a trace, in order (dropped ones flagged). */
export function wireSegments(trace: Trace): WireSegment[] {
  const dropped = new Set(trace.events.filter((e) => e.kind === 'drop').map((e) => e.wireId));
  const out: WireSegment[] = [];
  for (const e of trace.events) {
    if ((e.kind !== 'send' && e.kind !== 'duplicate') || !e.segment || e.wireId === undefined) continue;
    if (e.kind === 'duplicate') continue;
    out.push({
      wireId: e.wireId,
      t: e.t,
      from: e.side,
      segment: segmentFromJSON(e.segment),
      retransmit: e.retransmit ?? false,
      dropped: dropped.has(e.wireId),
      ...(e.origin ? { origin: e.origin } : {}),
    });
  }
  return out;
}
