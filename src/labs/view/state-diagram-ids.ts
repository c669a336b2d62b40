/**
 * Which box and which arrow of RFC 9293 Figure 5 a change of state maps to, by id only, without
 * the coordinates. Split from the geometry tables so the browser script that highlights the
 * build-time figure (state-diagram-live.ts) can apply the same rule without shipping the drawing.
 */

import type { TcpState } from '../../engine/types.ts';

/** RFC 9293 state spellings (§3.3.2), from the engine's published types. */
export type TcpStateName = TcpState;

/** A box in the drawing. CLOSED appears twice, as in the RFC: at the top and, as the end of a close, at the bottom. */
export type NodeId = TcpStateName | 'CLOSED-END';

/** The states before synchronization (RFC 9293 §3.5.2); every other state is a synchronized one. */
const NOT_SYNCHRONIZED: ReadonlySet<TcpStateName> = new Set(['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED']);

/**
 * Which box stands for a state reached from `prev`: CLOSED after a teardown (or an abort of a
 * synchronized connection) is the bottom box, every other CLOSED the top one. Without this the
 * highlight would jump to the top of the figure at the end of a close, far from the arrow taken.
 */
export function nodeFor(state: TcpStateName, prev?: TcpStateName | null): NodeId {
  if (state === 'CLOSED' && prev && !NOT_SYNCHRONIZED.has(prev)) return 'CLOSED-END';
  return state;
}

/**
 * The id (`FROM>TO`, as in `data-edge`) an arrow for this change of state would have, or null when
 * the state did not change. Whether Figure 5 draws that arrow is the caller's lookup.
 */
export function edgeIdFor(prev: TcpStateName | null | undefined, next: TcpStateName): string | null {
  if (!prev || prev === next) return null;
  return `${nodeFor(prev)}>${nodeFor(next, prev)}`;
}
