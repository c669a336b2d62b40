/**
 * The sequence lab's renderer in the browser, instead of Preact's diff and hydrate.
 *
 * Why: a chapter with sequence labs and the state diagram loads only the sequence lab, and the
 * book caps that at 25 KB gz of JS (ARCHITECTURE.md, "Lab JavaScript"). Preact's runtime was the
 * largest part of it: 4.4 KB gz of the `lab` chunk (measured through a source map; the lab itself
 * is 1.9 KB, its diagram 1.4, the layout 1.2). This file does what the lab needs of it in 1.4 KB:
 * the chunk went from 15.7 to 12.7 KB gz. A page with a Preact lab loads both (1.6 KB more there). The stack stays Preact 10: the build renders the lab with preact-render-to-string,
 * the other labs and the workshop are Preact components, and they show a sequence lab through
 * sequence-lab-host.tsx, which gives this renderer a box of its own.
 *
 * How: the lab's JSX makes plain vnodes (`h` below, the same shape as Preact's, so the build's
 * render-to-string takes them), and `renderLab` patches the live DOM against a fresh tree: the first
 * call wakes the server's markup (nothing is rebuilt when the markup matches) and every later
 * render takes the same path. It handles what the lab's components use:
 *  - elements (SVG in its namespace; no foreignObject) and text, adjacent text merged into one node as the server's
 *    HTML has it;
 *  - attributes (false, null and undefined remove one; `aria-*`/`data-*` keep "false" as Preact
 *    does), `value` and `checked` as properties set after the children (a select's options first);
 *  - `on*` handlers as the element's own `onclick`-style properties: one listener per event, replaced in place;
 *  - object refs (createRef); keys (scoped per array, so two lists in one parent may share keys);
 *  - function components called inline, class components rendered without state; a class with
 *    `shouldComponentUpdate` (memo.ts) keeps its one element as it is when that says no;
 *  - one stateful root (`LabComponent`): setState batched to a microtask, then componentDidUpdate
 *    (previous props, previous state); componentDidMount and componentWillUnmount.
 * Nothing else (no context, no hooks, no portals): a component of the sequence lab that needs more
 * belongs in a Preact tree.
 */

/** A vnode: Preact's shape, without the fields only Preact's diff uses. */
export interface LabVNode {
  type: string | ((props: any) => unknown) | (new (props: any) => LabComponent<any, any>);
  props: Record<string, any>;
  key: unknown;
  ref: unknown;
}

/** JSX's element factory in the browser (the build's classicJsx plugin makes the lab's files call it). */
export function h(type: LabVNode['type'], attrs: Record<string, any> | null, ...kids: unknown[]): LabVNode {
  const { key, ref, ...props } = attrs ?? {};
  if (kids.length) props.children = kids;
  return { type, props, key, ref };
}

export const Fragment = (p: { children?: unknown }): unknown => p.children;

export const createRef = <T>(): { current: T | null } => ({ current: null });

/** What the renderer keeps on a DOM node it drew. */
interface Drawn {
  /** Scoped key; null once drawn without one, undefined for markup it has not drawn yet (the server's). */
  _k?: string | null;
  /** The props it was drawn with (which attributes and handlers to remove when they go). */
  _p?: Record<string, any>;
  /** For a memo component's element: the component and its props. */
  _m?: { t: unknown; p: Record<string, any> };
  /** On a box: the lab rendered into it. */
  _lab?: LabComponent<any, any>;
}
type DNode = ChildNode & Drawn;

/**
 * The root of a lab drawn by this renderer; render-to-string takes it too (a class with `render`).
 * Typed like Preact's Component where JSX needs it.
 */
export abstract class LabComponent<P = object, S = object> {
  props: P;
  state = {} as S;
  declare context: any;
  /** The first DOM node the component draws (its section). */
  declare base?: Element | Text;
  /** State set since the last render. */
  declare _n?: S;
  /** The box it is drawn in, until unmounted. */
  declare _c?: Element & Drawn;
  constructor(props: P) {
    this.props = props;
  }
  abstract render(props: P, state: S): unknown;
  setState(u: Partial<S> | ((s: S, p: P) => Partial<S> | null) | null): void {
    const next = (this._n ??= { ...this.state });
    Object.assign(next as object, typeof u === 'function' ? u(next, this.props) : u);
    // An empty set: no flush is due yet.
    if (!dirty.size) void Promise.resolve().then(flushLabRenders);
    dirty.add(this);
  }
  forceUpdate(): void {
    this.setState({});
  }
  componentDidMount?(): void;
  componentDidUpdate?(prev: P, was: S): void;
  componentWillUnmount?(): void;
  shouldComponentUpdate?(next: P): boolean;
}

const dirty = new Set<LabComponent<any, any>>();

/** Renders every lab with state set since its last render, now (the microtask does it otherwise; tests call it after an event). */
export function flushLabRenders(): void {
  // A Set visits what is added while it is walked: a componentDidUpdate's setState renders in the same flush.
  for (const c of dirty) update(c, c.props);
}

function update(c: LabComponent<any, any>, props: object): void {
  const prev = c.props;
  const was = c.state;
  dirty.delete(c);
  if (!c._c) return;
  c.props = props;
  if (c._n) [c.state, c._n] = [c._n, undefined];
  draw(c);
  c.componentDidUpdate?.(prev, was);
}

function draw(c: LabComponent<any, any>): void {
  const box = c._c!;
  patchChildren(box, flat(c.render(c.props, c.state)), false);
  c.base = box.firstChild as Element;
}

/**
 * Draws a `Lab` with `props` in `box`: the first time over the markup already there, later giving
 * the lab drawn there these props as its new ones.
 */
export function renderLab<P extends object>(Lab: new (props: P) => LabComponent<P, any>, props: P, box: Element): void {
  const b = box as Element & Drawn;
  // One lab per box: a box's lab is never replaced by another kind.
  if (b._lab) return update(b._lab, props);
  const c = (b._lab = new Lab(props));
  c._c = b;
  draw(c);
  c.componentDidMount?.();
}

/** Ends the lab drawn in `box` (componentWillUnmount; its pending renders are dropped). */
export function unmountLab(box: Element): void {
  const b = box as Element & Drawn;
  const c = b._lab;
  if (!c) return;
  c._c = b._lab = undefined;
  dirty.delete(c);
  c.componentWillUnmount?.();
}

/** A child to draw: merged text, or an element (or a keyed memo component's vnode) with its scoped key. */
type Item = string | { v: LabVNode; k: string | null };

/** The children `x` as a flat list: components called, text merged, keys scoped by the array they are in. */
function flat(x: unknown, out: Item[] = [], scope = ''): Item[] {
  if (x == null || typeof x === 'boolean' || x === '') return out;
  if (Array.isArray(x)) x.forEach((y, i) => flat(y, out, Array.isArray(y) ? `${scope}${i}/` : scope));
  else if (typeof x !== 'object') {
    const last = out.length - 1;
    if (typeof out[last] === 'string') out[last] += `${x}`;
    else out.push(`${x}`);
  } else {
    const v = x as LabVNode;
    const k = v.key == null ? null : `${scope}${v.key}`;
    // A memo component is drawn when its element is found (patchChildren); memo.ts's are all keyed.
    if (typeof v.type === 'string' || (k != null && v.type.prototype?.shouldComponentUpdate)) out.push({ v, k });
    else flat(renderComponent(v), out, k == null ? scope : `${k}>`);
  }
  return out;
}

function renderComponent(v: LabVNode): unknown {
  const t = v.type as any;
  return t.prototype?.render ? new t(v.props).render(v.props, {}) : t(v.props);
}

const fits = (n: DNode, it: Item): boolean => (typeof it === 'string' ? n.nodeType === 3 : (n as Element).localName === it.v.type);

/** Makes `parent`'s children those of `items`, reusing its nodes: by key, else the next one that fits (or any the server drew). */
function patchChildren(parent: Node, items: Item[], svg: boolean): void {
  const keyed = new Map<string, DNode>();
  for (let n = parent.firstChild as DNode | null; n; n = n.nextSibling) if (n._k != null) keyed.set(n._k, n);
  let prev: DNode | null = null;
  /** The node after `prev`: every node from there on is still unused. */
  const next = () => (prev ? prev.nextSibling : parent.firstChild) as DNode | null;
  const put = (n: DNode): void => {
    if (n !== next()) parent.insertBefore(n, next());
    prev = n;
  };
  for (let it of items) {
    const k = typeof it === 'string' ? null : it.k;
    let node = (k != null && keyed.get(k)) || null;
    if (node) keyed.delete(k!);
    let memo: LabVNode | undefined;
    if (typeof it !== 'string' && typeof it.v.type !== 'string') {
      // A memo component: its element stays as it is when its props say nothing changed; else it draws its one element.
      memo = it.v;
      const m = node?._m;
      if (m?.t === memo.type && !(memo.type as any).prototype.shouldComponentUpdate.call({ props: m.p }, memo.props)) {
        m.p = memo.props;
        put(node!);
        continue;
      }
      it = { v: (flat(renderComponent(memo))[0] as { v: LabVNode }).v, k };
    }
    // Unused nodes are all after `prev`: the first that fits, unkeyed (a keyed item takes only a node the server drew).
    if (!(node && fits(node, it)))
      for (node = next(); node; node = node.nextSibling as DNode | null) if ((k == null ? node._k == null : node._k === undefined) && fits(node, it)) break;
    if (typeof it !== 'string') node = patchElement(node as Element | null, it.v, svg);
    else if (!node) node = document.createTextNode(it);
    else if ((node as Text).data !== it) (node as Text).data = it;
    node._m = memo && { t: memo.type, p: memo.props };
    node._k = k;
    put(node);
  }
  // Whatever is left after the last child drawn is not drawn any more.
  for (let n; (n = next());) n.remove();
}

const SVG = 'http://www.w3.org/2000/svg';

function patchElement(el: (Element & Drawn) | null, v: LabVNode, svg: boolean): Element & Drawn {
  const type = v.type as string;
  svg ||= type === 'svg';
  el ??= svg ? document.createElementNS(SVG, type) : document.createElement(type);
  const { props } = v;
  // Every prop it had or has: one that went is set to undefined (removed).
  for (const name in { ...el._p, ...props }) setProp(el, name, props[name]);
  patchChildren(el, flat(props.children), svg);
  // After the children: a select's value needs its options.
  for (const name of ['value', 'checked'] as const) if (props[name] != null && (el as any)[name] !== props[name]) (el as any)[name] = props[name];
  el._p = props;
  if (v.ref) (v.ref as { current: Element | null }).current = el;
  return el;
}

function setProp(el: Element & Drawn, name: string, value: any): void {
  if (name === 'children' || name === 'value' || name === 'checked') return;
  if (name[0] === 'o' && name[1] === 'n') return void ((el as any)[name.toLowerCase()] = value ?? null);
  // As render-to-string writes them: true is a bare attribute, false none, except aria-* and data-*, which say "true" and "false".
  const named = name[4] === '-';
  const a = value == null || (value === false && !named) ? null : value === true && !named ? '' : String(value);
  if (el.getAttribute(name) === a) return;
  if (a === null) el.removeAttribute(name);
  else el.setAttribute(name, a);
}
