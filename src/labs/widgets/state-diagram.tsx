/** @jsxImportSource preact */
/**
 * RFC 9293 Figure 5, drawn from the geometry tables at build time only (no client directive):
 * a complete static figure. In the browser, state-diagram-live.ts (~1 KB gzipped, no Preact)
 * follows the sequence lab through the page's lab bus and updates this markup in place,
 * reading what it needs from the data attributes below instead of shipping the tables.
 */
import type { LabPosition } from '../client/lab-bus.ts';
import { diagramHighlight, type CaptionLabels, type DiagramHighlight } from '../view/diagram-highlight.ts';
import { BOX_H, BOX_W, EDGES, NODES, VIEW_H, VIEW_W, edgePath, hasEdge } from '../view/state-diagram-geometry.ts';

/** The few strings the figure needs, in the page's language. */
export interface StateDiagramLabels {
  title: string;
  desc: string;
  /** "{name} is in {state}" style caption parts. */
  now: string;
  lastMove: string;
  notDrawn: string;
  waiting: string;
}

export interface StateDiagramProps {
  labels: StateDiagramLabels;
  /** Position to highlight in the build-time markup (tests; pages leave it to the browser script). */
  initial?: LabPosition | null;
  id?: string;
}

/**
 * The figure, highlighted for `initial`. `data-sd` (the id, which prefixes the arrow markers) and
 * `data-sd-labels` (the caption templates) are what the browser script needs beyond the markup.
 */
export default function StateDiagram({ labels, initial = null, id = 'state-diagram' }: StateDiagramProps) {
  const pos = initial;
  const captionLabels: CaptionLabels = { now: labels.now, lastMove: labels.lastMove, notDrawn: labels.notDrawn };
  const hl: DiagramHighlight = diagramHighlight(pos, hasEdge, captionLabels);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure class="lab state-diagram" data-pagefind-ignore data-sd={id} data-sd-labels={JSON.stringify(captionLabels)}>
      {/* Scaled to fit where there is room; on a phone it keeps its size and pans to the current state
          (state-diagram-live.ts). Focusable, so a keyboard can scroll it too. */}
      <div class="lab-scroll sd-frame" tabIndex={0} role="group" aria-label={labels.title}>
        <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} width={VIEW_W} height={VIEW_H} role="img" aria-labelledby={`${titleId} ${descId}`} class="sd-svg">
          <title id={titleId}>{labels.title}</title>
          <desc id={descId}>{labels.desc}</desc>
          <defs>
            <Arrowhead id={`${id}-arrow`} />
            <Arrowhead id={`${id}-arrow-hot`} hot />
          </defs>
          {EDGES.map((e) => {
            const who = hl.edges.get(e.id);
            return (
              <g key={e.id} class={`sd-edge${who ? ' sd-hot' : ''}${e.note ? ' sd-note' : ''}`} data-edge={e.id}>
                <path d={edgePath(e)} marker-end={`url(#${id}-arrow${who ? '-hot' : ''})`} />
                <text x={e.label[0]} y={e.label[1]} text-anchor={e.anchor} class="sd-label">
                  <tspan x={e.label[0]} dy="0">
                    {e.event}
                  </tspan>
                  {e.action ? (
                    <tspan x={e.label[0]} dy="13">
                      {e.action}
                    </tspan>
                  ) : null}
                  {who ? <tspan x={e.label[0]} dy="13" class="sd-who">{`◆ ${who}`}</tspan> : null}
                </text>
              </g>
            );
          })}
          {NODES.map((n) => {
            const who = hl.nodes.get(n.id);
            return (
              <g key={n.id} class={`sd-node${who ? ' sd-current' : ''}`} data-node={n.id}>
                <rect x={n.x - BOX_W / 2} y={n.y - BOX_H / 2} width={BOX_W} height={BOX_H} rx="6" />
                <text x={n.x} y={n.y + 5} text-anchor="middle" class="sd-state">
                  {n.label}
                </text>
                {who ? (
                  <text x={n.x + BOX_W / 2 - 4} y={n.y - BOX_H / 2 - 4} text-anchor="end" class="sd-badge">
                    {who}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption class="sd-caption" aria-live="polite">
        {pos
          ? hl.caption.map((l, i) => (
              <span key={i} class="sd-line">
                {l}
              </span>
            ))
          : labels.waiting}
      </figcaption>
    </figure>
  );
}

/** One arrowhead marker: the plain one, or the hot one of the arrows the lab is on (`sd-arrowhead-hot`). */
function Arrowhead({ id, hot = false }: { id: string; hot?: boolean }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
      <path d="M0 0 L10 5 L0 10 z" class={hot ? 'sd-arrowhead-hot' : 'sd-arrowhead'} />
    </marker>
  );
}
