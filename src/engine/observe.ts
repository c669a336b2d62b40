import type { ObservedSegment, ObservedStep, ProfileName } from './types.ts';

/** Options for observe(). */
export interface ObserveOptions {
  /** Profile whose timers decide e.g. when TIME-WAIT ends (default 'linux'). */
  profile?: ProfileName;
}

/**
 * Infer both sides' states after every captured segment (pcap import). Feed the segments in
 * capture order with `from` = 'A' for the side that sent the first SYN. Each segment is taken as
 * sent by its sender (an OPEN/SEND/CLOSE/ABORT is inferred for the sender when needed) and is
 * then delivered to the receiver's engine endpoint. A capture that starts mid-connection starts
 * both sides ESTABLISHED and says so in `notes`.
 */
export function observe(_segments: readonly ObservedSegment[], _options: ObserveOptions = {}): ObservedStep[] {
  throw new Error('not implemented yet');
}
