/**
 * RFC 9293 Figure 5 as data: the eleven states, the transitions the figure draws, and where
 * each box and arrow goes. The SVG is drawn from this at build time only; the browser script reads
 * the arrows it may highlight back from that SVG, so the drawing and the highlighting can never
 * disagree about which transition exists.
 * The layout is this project's own; only the states and transitions come from the RFC.
 */

import { edgeIdFor, nodeFor, type NodeId, type TcpStateName } from './state-diagram-ids.ts';

export type { NodeId, TcpStateName };
/** Re-exported: the box rule lives beside the arrow-id rule, which the browser script shares without these tables. */
export { nodeFor };

/** One box: centre and label. */
export interface DiagramNode {
  id: NodeId;
  state: TcpStateName;
  x: number;
  y: number;
  /** Short label drawn in the box (the RFC's own abbreviations where a name is long). */
  label: string;
}

/** One arrow of Figure 5. `event` over `action`, as the RFC writes them. */
export interface DiagramEdge {
  id: string;
  from: NodeId;
  to: NodeId;
  event: string;
  action: string;
  /** Polyline from the border of `from` to the border of `to`. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Where the two-line label starts, and how it is anchored. */
  label: readonly [number, number];
  anchor: 'start' | 'middle' | 'end';
  /** Drawn dashed: the figure only mentions it in a note. */
  note?: boolean;
}

export const BOX_W = 132;
export const BOX_H = 36;
export const VIEW_W = 660;
export const VIEW_H = 780;

const node = (id: NodeId, x: number, y: number, label: string): DiagramNode => ({
  id,
  state: id === 'CLOSED-END' ? 'CLOSED' : id,
  x,
  y,
  label,
});

/** Every box of the figure. */
export const NODES: readonly DiagramNode[] = [
  node('CLOSED', 320, 40, 'CLOSED'),
  node('LISTEN', 320, 150, 'LISTEN'),
  node('SYN-RECEIVED', 100, 270, 'SYN-RECEIVED'),
  node('SYN-SENT', 540, 270, 'SYN-SENT'),
  node('ESTABLISHED', 320, 390, 'ESTABLISHED'),
  node('FIN-WAIT-1', 100, 510, 'FIN-WAIT-1'),
  node('CLOSE-WAIT', 540, 510, 'CLOSE-WAIT'),
  node('FIN-WAIT-2', 100, 630, 'FIN-WAIT-2'),
  node('CLOSING', 320, 630, 'CLOSING'),
  node('LAST-ACK', 540, 630, 'LAST-ACK'),
  node('TIME-WAIT', 320, 740, 'TIME-WAIT'),
  node('CLOSED-END', 540, 740, 'CLOSED'),
];

const edge = (
  from: NodeId,
  to: NodeId,
  event: string,
  action: string,
  points: Array<[number, number]>,
  label: [number, number],
  anchor: DiagramEdge['anchor'],
  note = false,
): DiagramEdge => ({ id: `${from}>${to}`, from, to, event, action, points, label, anchor, note });

/** Every arrow of the figure, plus note 2's FIN-WAIT-1 → TIME-WAIT (dashed), which the 3-segment close takes. */
export const EDGES: readonly DiagramEdge[] = [
  edge(
    'CLOSED',
    'LISTEN',
    'passive OPEN',
    'create TCB',
    [
      [300, 58],
      [300, 132],
    ],
    [294, 90],
    'end',
  ),
  edge(
    'LISTEN',
    'CLOSED',
    'CLOSE',
    'delete TCB',
    [
      [340, 132],
      [340, 58],
    ],
    [346, 84],
    'start',
  ),
  edge(
    'CLOSED',
    'SYN-SENT',
    'active OPEN',
    'snd SYN',
    [
      [386, 32],
      [600, 32],
      [600, 252],
    ],
    [493, 12],
    'middle',
  ),
  edge(
    'SYN-SENT',
    'CLOSED',
    'CLOSE',
    'delete TCB',
    [
      [560, 252],
      [560, 50],
      [386, 50],
    ],
    [553, 104],
    'end',
  ),
  edge(
    'LISTEN',
    'SYN-RECEIVED',
    'rcv SYN',
    'snd SYN,ACK',
    [
      [254, 142],
      [80, 142],
      [80, 252],
    ],
    [168, 116],
    'middle',
  ),
  edge(
    'LISTEN',
    'SYN-SENT',
    'SEND',
    'snd SYN',
    [
      [386, 150],
      [510, 150],
      [510, 252],
    ],
    [504, 196],
    'end',
  ),
  edge(
    'SYN-RECEIVED',
    'LISTEN',
    'rcv RST',
    '(note 1)',
    [
      [130, 252],
      [130, 162],
      [254, 162],
    ],
    [138, 196],
    'start',
  ),
  edge(
    'SYN-SENT',
    'SYN-RECEIVED',
    'rcv SYN',
    'snd SYN,ACK',
    [
      [474, 262],
      [166, 262],
    ],
    [320, 232],
    'middle',
  ),
  edge(
    'SYN-RECEIVED',
    'ESTABLISHED',
    'rcv ACK of SYN',
    '',
    [
      [166, 282],
      [290, 282],
      [290, 372],
    ],
    [284, 324],
    'end',
  ),
  edge(
    'SYN-SENT',
    'ESTABLISHED',
    'rcv SYN,ACK',
    'snd ACK',
    [
      [474, 282],
      [350, 282],
      [350, 372],
    ],
    [356, 318],
    'start',
  ),
  edge(
    'SYN-RECEIVED',
    'FIN-WAIT-1',
    'CLOSE',
    'snd FIN',
    [
      [100, 288],
      [100, 492],
    ],
    [94, 390],
    'end',
  ),
  edge(
    'ESTABLISHED',
    'FIN-WAIT-1',
    'CLOSE',
    'snd FIN',
    [
      [254, 400],
      [140, 400],
      [140, 492],
    ],
    [148, 440],
    'start',
  ),
  edge(
    'ESTABLISHED',
    'CLOSE-WAIT',
    'rcv FIN',
    'snd ACK',
    [
      [386, 400],
      [540, 400],
      [540, 492],
    ],
    [548, 440],
    'start',
  ),
  edge(
    'FIN-WAIT-1',
    'FIN-WAIT-2',
    'rcv ACK of FIN',
    '',
    [
      [100, 528],
      [100, 612],
    ],
    [108, 574],
    'start',
  ),
  edge(
    'FIN-WAIT-1',
    'CLOSING',
    'rcv FIN',
    'snd ACK',
    [
      [166, 516],
      [320, 516],
      [320, 612],
    ],
    [326, 556],
    'start',
  ),
  edge(
    'FIN-WAIT-1',
    'TIME-WAIT',
    'rcv FIN, ACK',
    'snd ACK (note 2)',
    [
      [166, 524],
      [220, 524],
      [220, 728],
      [254, 728],
    ],
    [226, 574],
    'start',
    true,
  ),
  edge(
    'FIN-WAIT-2',
    'TIME-WAIT',
    'rcv FIN',
    'snd ACK',
    [
      [100, 648],
      [100, 748],
      [254, 748],
    ],
    [94, 700],
    'end',
  ),
  edge(
    'CLOSING',
    'TIME-WAIT',
    'rcv ACK of FIN',
    '',
    [
      [320, 648],
      [320, 722],
    ],
    [326, 690],
    'start',
  ),
  edge(
    'CLOSE-WAIT',
    'LAST-ACK',
    'CLOSE',
    'snd FIN',
    [
      [540, 528],
      [540, 612],
    ],
    [548, 566],
    'start',
  ),
  edge(
    'LAST-ACK',
    'CLOSED-END',
    'rcv ACK of FIN',
    '',
    [
      [540, 648],
      [540, 722],
    ],
    [548, 690],
    'start',
  ),
  edge(
    'TIME-WAIT',
    'CLOSED-END',
    'timeout 2MSL',
    'delete TCB',
    [
      [386, 740],
      [474, 740],
    ],
    [430, 720],
    'middle',
  ),
];

/**
 * The drawn arrow for a change of state, or null when Figure 5 does not draw it (RST or
 * abort, note 3; a timeout of SYN-SENT). The diagram then highlights only the boxes and says why.
 */
export function edgeFor(prev: TcpStateName | null | undefined, next: TcpStateName): DiagramEdge | null {
  const id = edgeIdFor(prev, next);
  return id ? (EDGES.find((e) => e.id === id) ?? null) : null;
}

/** Whether Figure 5 draws an arrow with this id: the lookup the highlight rule takes at build time. */
export function hasEdge(id: string): boolean {
  return EDGES.some((e) => e.id === id);
}

/** The SVG path data of an edge. */
export function edgePath(e: DiagramEdge): string {
  return e.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
}

/** Looks up a box; throws so a typo in the tables above fails the tests, not the reader's page. */
export function nodeById(id: NodeId): DiagramNode {
  const n = NODES.find((m) => m.id === id);
  if (!n) throw new Error(`state diagram: no node ${id}`);
  return n;
}
