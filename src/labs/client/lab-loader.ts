/**
 * The page script of every lab (LabRoot.astro), loaded eagerly and kept tiny:
 *  - a lab wakes up (mountLab, loaded on demand) when it comes into view, as Astro's
 *    `client:visible` would, but without Astro's island runtime (see lab-mount.ts);
 *  - a deep link (#lab=<id>&…, e.g. from the interview chapter) names a lab that may sit far down
 *    the page, so the named lab is brought into view; once awake it reads the rest of the hash
 *    itself (parseLabHash, which reads the id the same way).
 * A lab whose props cannot be read or whose code cannot load stays as rendered (readable without
 * JS: a sequence lab shows its full run) and says why in the console.
 */
import { linkedLabId } from '../view/lab-link-id.ts';

/** Server-rendered labs waiting to wake up: `[data-lab-root]` (and `data-lab-kind`), with their props in `script[data-lab-props]`. */
const LAB_ROOT = 'data-lab-root';

/** Reads a lab's props and hydrates it; never throws. */
async function wake(root: Element): Promise<void> {
  const id = root.getAttribute(LAB_ROOT);
  try {
    const json = document.querySelector(`script[data-lab-props="${CSS.escape(id ?? '')}"]`)?.textContent;
    if (!json) throw new Error('no props');
    const props = JSON.parse(json) as { stringSets?: string[]; strings?: Record<string, string> };
    // Strings shared by the page's labs are written once (LabRoot.astro): put this lab's back together.
    if (props.stringSets)
      props.strings = Object.assign(
        {},
        ...props.stringSets.map((n) => JSON.parse(document.querySelector(`script[data-lab-strings="${n}"]`)?.textContent ?? '{}') as object),
      );
    const { mountLab } = await import('./lab-mount.ts');
    await mountLab(root.getAttribute('data-lab-kind') ?? 'sequence', root, props);
    // What Astro's `ssr` marker told: this lab is interactive now (tests and the bench wait for it).
    root.setAttribute('data-lab-awake', '');
  } catch (e) {
    console.error(`lab ${id}: stays static (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Watches every lab root under `doc` and wakes each once its drawing is in view. The root is
 * `display: contents` (no box of its own), so the watch is on its first child, as Astro does.
 */
export function watchLabs(doc: Document = document): void {
  const seen = new WeakSet<Element>();
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const root = e.target.parentElement;
      io.unobserve(e.target);
      if (root && !seen.has(root)) {
        seen.add(root);
        void wake(root);
      }
    }
  });
  for (const root of doc.querySelectorAll(`[${LAB_ROOT}]`)) if (root.firstElementChild) io.observe(root.firstElementChild);
}

/** Scrolls to the lab a deep link names, if it is on this page. */
export function showLinkedLab(): void {
  const id = linkedLabId(location.hash);
  // Instant: the labs above it wake and settle while a smooth glide would still be under way.
  if (id) document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'instant' });
}
