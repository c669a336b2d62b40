/**
 * The state diagram's only browser code: it makes the build-time figure (state-diagram.tsx)
 * follow the sequence lab through the page's lab bus, by updating that markup in place. Plain
 * DOM, no Preact and no geometry tables: the arrows it may highlight are the figure's
 * `data-edge` groups, coordinates come from the drawn boxes and labels, and the caption
 * templates from `data-sd-labels`. Measured: ~970 B gzipped on its own, where the hydrated
 * island put ~2.4 KB gzipped (component, geometry table, preact/hooks) into the page's lab chunk.
 */
import { subscribe, type LabPosition } from './lab-bus.ts';
import { diagramHighlight, type CaptionLabels } from '../view/diagram-highlight.ts';
import type { NodeId } from '../view/state-diagram-ids.ts';

/**
 * Redraws one figure's highlight for a position: the same classes, marker, names and caption the
 * component renders. `near` false (the figure is off screen) updates only the caption, a live
 * region that must say each move: the drawing is left for when it comes near (followLabBus), so a
 * step far from the figure does not restyle, lay out and paint it.
 */
function paint(fig: HTMLElement, pos: LabPosition, near: boolean): void {
  const hl = highlightOf(fig, pos);
  if (near) {
    highlight(fig, hl);
    // Scrolled in a task after the next frame, which lays the page out: reading the frame's size and
    // scrolling it earlier would lay out inside this task or that frame whatever the lab has just
    // changed (a step's drawing, a whole replayed capture), on top of the frame's own work.
    requestAnimationFrame(() => setTimeout(() => follow(fig, pos), 0));
  }
  // One span per endpoint, as the component renders them; only changed text is rewritten (as
  // Preact's diff did), so the live region announces only what is new.
  const cap = fig.querySelector('figcaption')!;
  if (cap.children.length !== hl.caption.length) cap.innerHTML = '<span class="sd-line"></span>'.repeat(hl.caption.length);
  hl.caption.forEach((line, i) => {
    const span = cap.children[i]!;
    if (span.textContent !== line) span.textContent = line;
  });
}

/** What `pos` lights up in this figure, and its caption. */
const highlightOf = (fig: HTMLElement, pos: LabPosition) =>
  diagramHighlight(pos, (id) => !!fig.querySelector(`[data-edge="${id}"]`), JSON.parse(fig.dataset.sdLabels!) as CaptionLabels);

/** The drawing's part of `paint`: arrows and boxes. */
function highlight(fig: HTMLElement, hl: ReturnType<typeof highlightOf>): void {
  // Each arrow: class, marker, and its endpoint names as a third label line (a copy of the first, moved down).
  for (const g of fig.querySelectorAll<SVGGElement>('[data-edge]')) {
    const who = hl.edges.get(g.dataset.edge!);
    const line = g.querySelector('tspan')!;
    g.classList.toggle('sd-hot', !!who);
    const path = g.querySelector('path')!;
    const marker = `url(#${fig.dataset.sd}-arrow${who ? '-hot' : ''})`;
    if (path.getAttribute('marker-end') !== marker) path.setAttribute('marker-end', marker);
    g.querySelector('.sd-who')?.remove();
    if (who) {
      const name = line.cloneNode() as Element;
      name.setAttribute('dy', '13');
      name.setAttribute('class', 'sd-who');
      name.textContent = `◆ ${who}`;
      line.parentNode!.append(name);
    }
  }
  // Each box: class, and its endpoint names above the box's right corner.
  for (const g of fig.querySelectorAll<SVGGElement>('[data-node]')) {
    const who = hl.nodes.get(g.dataset.node as NodeId);
    const box = g.querySelector('rect')!;
    const at = (a: string) => Number(box.getAttribute(a));
    g.classList.toggle('sd-current', !!who);
    g.querySelector('.sd-badge')?.remove();
    if (who) {
      const name = g.querySelector('text')!.cloneNode() as Element;
      name.setAttribute('x', `${at('x') + at('width') - 4}`);
      name.setAttribute('y', `${at('y') - 4}`);
      name.setAttribute('text-anchor', 'end');
      name.setAttribute('class', 'sd-badge');
      name.textContent = who;
      g.append(name);
    }
  }
}

/**
 * Where the figure keeps its size and scrolls (a phone), brings the current states into view: both
 * when they fit the frame together, else the one that just moved (else the client's).
 */
function follow(fig: HTMLElement, pos: LabPosition): void {
  const frame = fig.querySelector<HTMLElement>('.sd-frame');
  if (!frame || frame.scrollWidth <= frame.clientWidth + 1) return;
  // The highlighted boxes, each with the names on its badge ("Client (A)", or both names).
  const boxes = [...fig.querySelectorAll('.sd-current')].map((g) => {
    const r = g.querySelector('rect')!;
    const at = (a: string) => Number(r.getAttribute(a));
    return { x: at('x') + at('width') / 2, y: at('y') + at('height') / 2, who: g.querySelector('.sd-badge')?.textContent ?? '' };
  });
  const [a, b] = boxes;
  if (!a) return;
  let { x, y } = a;
  if (b && Math.abs(a.x - b.x) < frame.clientWidth - 140 && Math.abs(a.y - b.y) < frame.clientHeight - 60) [x, y] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
  else if (b) {
    // Too far apart for one view: the endpoint that just moved (else the client).
    const moved = pos.b.changed && !pos.a.changed ? pos.b.name : pos.a.name;
    ({ x, y } = boxes.find((c) => c.who.includes(moved)) ?? a);
  }
  frame.scrollTo({ left: x - frame.clientWidth / 2, top: y - frame.clientHeight / 2, behavior: 'instant' });
}

const following = new WeakSet<Element>();

/**
 * Makes every state diagram under `root` follow the lab bus (at once with the last position,
 * if a lab already published). Each sequence lab calls it when it hydrates: the diagram has
 * nothing to show before a lab publishes, and riding in the lab's chunk costs ~0.6 KB gz less
 * than a script of its own. Safe to call again: a figure subscribes once.
 */
export function followLabBus(root: ParentNode): void {
  for (const fig of root.querySelectorAll<HTMLElement>('figure[data-sd]')) {
    if (following.has(fig)) continue;
    following.add(fig);
    let last: LabPosition | undefined;
    // Whether the figure is near the screen (until the observer first says, as if it were), and
    // whether the drawing lags behind the caption (steps taken while it was not).
    let near = true;
    let stale = false;
    // A step that moves neither endpoint (most do not) leaves the figure as it is.
    let shown = '';
    subscribe('position', (pos) => {
      const now = JSON.stringify([pos.a, pos.b]);
      if (now !== shown) {
        paint(fig, (last = pos), near);
        stale = !near;
      }
      shown = now;
    });
    // The observer reports after a layout, so reading the figure's size then lays nothing out again.
    new IntersectionObserver(
      (entries) => {
        near = !!entries.at(-1)?.isIntersecting;
        if (!near || !last) return;
        if (stale) highlight(fig, highlightOf(fig, last));
        stale = false;
        follow(fig, last);
      },
      { rootMargin: '25% 0px' },
    ).observe(fig);
  }
}
