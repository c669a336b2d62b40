/**
 * Decides what the state diagram highlights for a lab position: the box of each endpoint's
 * current state, the arrow each one just took, and the caption line that says so. Kept out of
 * the component so the rule ("both endpoints, last transition only, CLOSED at the right end of
 * the figure") is tested without a DOM, and so the build-time figure (state-diagram.tsx) and the
 * browser script that updates it (state-diagram-live.ts) cannot drift apart. It takes the drawn
 * arrows as a lookup instead of importing the geometry tables, which the browser never loads (it
 * reads the arrow ids from the figure's `data-edge` attributes).
 */
import { fill } from '../../i18n/fill.ts';
import type { LabPosition } from '../client/lab-bus.ts';
import { edgeIdFor, nodeFor, type NodeId } from './state-diagram-ids.ts';

/** The caption templates (`{name}`, `{state}`, `{from}`, `{to}`), in the page's language. */
export interface CaptionLabels {
  now: string;
  lastMove: string;
  notDrawn: string;
}

/**
 * Boxes and arrows to emphasise, each with the endpoint names on it (text, so colour is not the
 * only cue), and one caption line per endpoint (none before any lab has published).
 */
export interface DiagramHighlight {
  nodes: Map<NodeId, string>;
  edges: Map<string, string>;
  caption: string[];
}

function add<K>(m: Map<K, string>, k: K, name: string): void {
  const had = m.get(k);
  m.set(k, had ? `${had}, ${name}` : name);
}

/**
 * The highlight for a position; both endpoints may share a box or an arrow (simultaneous
 * open/close). `drawn` says whether Figure 5 has an arrow with a given `FROM>TO` id; a move it
 * does not draw (RST, abort, timeout) highlights only the box, and the caption says so.
 */
export function diagramHighlight(pos: LabPosition | null, drawn: (edgeId: string) => boolean, labels: CaptionLabels): DiagramHighlight {
  const out: DiagramHighlight = { nodes: new Map(), edges: new Map(), caption: [] };
  for (const { name, state, from, changed } of pos ? [pos.a, pos.b] : []) {
    const id = edgeIdFor(from, state);
    const edge = id && drawn(id) ? id : null;
    add(out.nodes, nodeFor(state, from), name);
    if (edge) add(out.edges, edge, name);
    out.caption.push(fill(labels.now, { name, state }) + (changed && from ? ` ${fill(edge ? labels.lastMove : labels.notDrawn, { from, to: state })}` : ''));
  }
  return out;
}
