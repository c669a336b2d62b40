/**
 * The segments of a run as IPv4+TCP bytes for the segment inspector, built with the engine's wire
 * encoder (the same bytes the pcap export writes, minus the Ethernet header).
 */
import { segmentFrame } from '../../engine/pcap/index.ts';
import { wireSegments } from '../../engine/index.ts';
import type { Trace } from '../../engine/types.ts';
import { flagNotation } from '../../engine/segment.ts';

/** Length of the Ethernet II header segmentFrame puts in front of the IP packet. */
const ETHERNET_HEADER = 14;

/** One entry per segment on the wire: a label for the picker and the packet's bytes. */
export function inspectorPackets(trace: Trace): { label: string; bytes: number[] }[] {
  return wireSegments(trace).map((w, i) => {
    const frame = segmentFrame(w.segment, i + 1, w.from, w.from === 'A' ? 'B' : 'A');
    const dir = w.from === 'A' ? 'A → B' : 'B → A';
    return { label: `#${w.wireId} ${dir} ${flagNotation(w.segment.flags)}`, bytes: Array.from(frame.subarray(ETHERNET_HEADER)) };
  });
}
