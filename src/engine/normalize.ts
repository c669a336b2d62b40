import { flagList } from './segment-data.ts';
import { seqAdd } from './seq.ts';
import type { FlagName, Segment, SegmentJSON, Side } from './types.ts';

/**
 * One segment reduced to what the kernel conformance check compares: who sent it, flags without
 * PSH, relative seq/ack, payload length. Options, windows and times are left out on purpose
 * (kernel-traces/README.md "When comparing with the engine").
 */
export interface NormalizedSegment {
  from: Side;
  flags: FlagName[];
  seq: number;
  /** Relative ack, or null when the ACK bit is clear. */
  ack: number | null;
  len: number;
}

/**
 * Normalize an ordered list of segments (from a Trace or a capture) the way tshark prints
 * relative numbers: each side's base is the seq of its first SYN; a side that never sends a SYN
 * gets base = (its first seq) − 1, so a bare RST with seq 0 shows as 1, as tshark shows
 * rst.pcap. Both the pcap import (src/engine/pcap) and the engine tests use this one function.
 */
export function normalize(list: ReadonlyArray<{ from: Side; segment: Segment | SegmentJSON }>): NormalizedSegment[] {
  const base: Partial<Record<Side, number>> = {};
  for (const { from, segment } of list) {
    if (base[from] !== undefined) continue;
    base[from] = segment.flags.SYN ? segment.seq : seqAdd(segment.seq, -1);
  }
  return list.map(({ from, segment }) => {
    const other: Side = from === 'A' ? 'B' : 'A';
    const len = typeof segment.payload === 'string' ? segment.payload.length / 2 : segment.payload.length;
    const ob = base[other];
    return {
      from,
      flags: flagList(segment.flags).filter((f) => f !== 'PSH'),
      seq: seqAdd(segment.seq, -(base[from] ?? 0)),
      ack: segment.flags.ACK ? seqAdd(segment.ack, -(ob ?? seqAdd(segment.ack, -1))) : null,
      len,
    };
  });
}

/**
 * Compact one-line form, e.g. "A S 0 - 0" or "B SA 0 1 0": side, flags (S A F R), seq, ack or
 * "-", len. Readable in test failures and easy to type from `tshark` output.
 */
export function signature(n: NormalizedSegment): string {
  const f = n.flags.map((x) => x[0]).join('');
  return `${n.from} ${f} ${n.seq} ${n.ack === null ? '-' : n.ack} ${n.len}`;
}
