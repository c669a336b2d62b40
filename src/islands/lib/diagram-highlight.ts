/**
 * Decides what the state diagram highlights for a lab position: the box of each endpoint's
 * current state, and the arrow each one just took. Kept out of the component so the rule
 * ("both endpoints, last transition only, CLOSED at the right end of the figure") is tested
 * without a DOM.
 */
import type { LabPosition } from './lab-bus.ts';
import { edgeFor, nodeFor, type NodeId, type TcpStateName } from './state-diagram-geometry.ts';

/** One endpoint as the caption describes it. */
export interface HighlightLine {
  name: string;
  state: TcpStateName;
  from: TcpStateName | null;
  changed: boolean;
  /** The arrow taken, or null when Figure 5 does not draw that transition. */
  edge: string | null;
}

/** Boxes and arrows to emphasise, each with the endpoint names on it (text, so colour is not the only cue). */
export interface DiagramHighlight {
  nodes: Map<NodeId, string>;
  edges: Map<string, string>;
  lines: HighlightLine[];
}

function add<K>(m: Map<K, string>, k: K, name: string): void {
  const had = m.get(k);
  m.set(k, had ? `${had}, ${name}` : name);
}

/** The highlight for a position; both endpoints may share a box or an arrow (simultaneous open/close). */
export function diagramHighlight(pos: LabPosition | null): DiagramHighlight {
  const out: DiagramHighlight = { nodes: new Map(), edges: new Map(), lines: [] };
  if (!pos) return out;
  for (const side of [pos.a, pos.b]) {
    const e = side.from ? edgeFor(side.from, side.state) : null;
    add(out.nodes, nodeFor(side.state, side.from), side.name);
    if (e) add(out.edges, e.id, side.name);
    out.lines.push({ name: side.name, state: side.state, from: side.from, changed: side.changed, edge: e?.id ?? null });
  }
  return out;
}
