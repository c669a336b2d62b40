/**
 * The page script of every lab (LabRoot.astro), kept tiny. The layout's script loads it once the
 * page has painted, on pages with a lab (src/site/client/chrome.ts), and calls `startLabs`:
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

/** The language's lab strings file (LabRoot.astro names it), fetched once per page; a failed fetch is tried again by the next lab. */
const stringFiles = new Map<string, Promise<Record<string, Record<string, string>>>>();
function stringFile(url: string): Promise<Record<string, Record<string, string>>> {
  let file = stringFiles.get(url);
  if (!file) {
    file = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url} answered ${r.status}`);
      return r.json() as Promise<Record<string, Record<string, string>>>;
    });
    stringFiles.set(url, file);
    file.catch(() => stringFiles.delete(url));
  }
  return file;
}

/** Reads a lab's props and hydrates it; never throws. */
async function wake(root: Element): Promise<void> {
  const id = root.getAttribute(LAB_ROOT);
  try {
    const json = document.querySelector(`script[data-lab-props="${CSS.escape(id ?? '')}"]`)?.textContent;
    if (!json) throw new Error('no props');
    const props = JSON.parse(json) as { stringSets?: string[]; stringsFrom?: string; strings?: Record<string, string> };
    const code = import('./lab-mount.ts');
    code.catch(() => undefined); // a failure is reported below, when it is awaited
    // The props name their string sets in the language's strings file (LabRoot.astro): put this lab's strings together.
    if (props.stringSets) {
      const from = props.stringsFrom ?? '';
      const file = await stringFile(from);
      props.strings = Object.assign(
        {},
        ...props.stringSets.map((n) => {
          if (!file[n]) throw new Error(`no string set "${n}" in ${from}`);
          return file[n];
        }),
      );
    }
    const { mountLab } = await code;
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
  if (id) document.getElementById(id)?.scrollIntoView({ behavior: 'instant' }); // block: 'start', the default
}

/** What the page does about its labs: wake each near the viewport, and follow deep links (now and on later hash changes). */
export function startLabs(): void {
  watchLabs();
  showLinkedLab();
  addEventListener('hashchange', showLinkedLab);
}
