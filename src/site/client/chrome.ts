/**
 * The book's only script on prose pages (kept tiny: the budget is 3 KB gzipped before search opens).
 * Theme toggle, copy buttons, on-this-page marks, back-to-top, the language switch's #hash, lazy search,
 * mobile menu Escape, service worker registration.
 * Every feature degrades to plain HTML without it. The page imports it once its first contentful
 * paint is on screen (scripts/first-paint.ts), so none of this may change the layout of what is drawn.
 */

const root = document.documentElement;
const THEME_KEY = 'tcp-book:theme';

function storedTheme(): string | null {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // storage disabled (privacy mode): follow the system
  }
}

function syncToggles(): void {
  const dark = String(root.dataset.theme === 'dark');
  document.querySelectorAll('[data-theme-toggle]').forEach((b) => b.setAttribute('aria-pressed', dark));
}

document.querySelectorAll('[data-theme-toggle]').forEach((button) =>
  button.addEventListener('click', () => {
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      /* not persisted, still switched */
    }
    syncToggles();
  }),
);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
  const s = storedTheme();
  if (s !== 'dark' && s !== 'light') {
    root.dataset.theme = e.matches ? 'dark' : 'light';
    syncToggles();
  }
});
syncToggles();

// Copy buttons on code blocks; labels come from the article so this file holds no UI strings.
const article = document.querySelector<HTMLElement>('[data-copy]');
if (article) {
  const { copy = 'Copy', copied = 'Copied', copyLabel = 'Copy' } = article.dataset;
  article.querySelectorAll('pre').forEach((pre) => {
    const wrap = document.createElement('div');
    wrap.className = 'code-block';
    pre.replaceWith(wrap);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn copy-btn';
    button.textContent = copy;
    button.setAttribute('aria-label', copyLabel);
    button.setAttribute('data-pagefind-ignore', '');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, '')).then(() => {
        button.textContent = copied;
        setTimeout(() => (button.textContent = copy), 1500);
      });
    });
    wrap.append(pre, button);
  });
}

// "On this page" (right-hand column, and the phone bar): mark the section being read (the last
// heading above the top third of the screen), name it in the phone bar, and show back-to-top once
// the reader is a screen down and scrolling up.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a, [data-page-contents] a')];
const tocHeadings = tocLinks.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
const contents = document.querySelector<HTMLDetailsElement>('[data-page-contents]');
const currentName = contents?.querySelector('[data-page-contents-current]');
const toTop = document.querySelector<HTMLElement>('[data-back-to-top]');
function markSection(): void {
  let current: HTMLElement | null = null;
  for (const h of tocHeadings) if (h && h.getBoundingClientRect().top < innerHeight / 3) current = h;
  // Only what changed is written: a scroll that stays in one section (a lab's step scrolling the page)
  // then marks nothing for the next frame to style and lay out again.
  tocLinks.forEach((a, i) => {
    const on = tocHeadings[i] === current && !!current;
    if (a.hasAttribute('aria-current') !== on) on ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current');
  });
  const name = current ? (tocLinks[tocHeadings.indexOf(current)]?.textContent ?? '') : '';
  if (currentName && currentName.textContent !== name) currentName.textContent = name;
  // Shown a screen down and only while the reader scrolls up (the moment they look for it), so it
  // does not sit over a control at the right edge while they read on.
  // Only the reader's own scrolling down (wheel, touch, keys, within the last second) hides it:
  // a shift the page makes (a lab waking above, text blocks getting their real height as they come
  // near the screen, scroll anchoring) does not, or it would vanish under the reader's finger.
  const dy = scrollY - lastY;
  lastY = scrollY;
  if (dy < 0) {
    down = 0;
    upShown = true;
  } else if (performance.now() - readerInput < 1000 && (down += dy) > 80) upShown = false;
  if (scrollY <= innerHeight) upShown = false;
  toTop?.toggleAttribute('data-shown', upShown && !overLab());
}
/**
 * Never over a lab: on a phone the button would hide the end of a lab's step sentence or a control
 * at its right edge (the lab is the width of the screen). It comes back once the lab has moved on.
 */
const labs = document.getElementsByClassName('lab');
function overLab(): boolean {
  if (!toTop || labs.length === 0) return false;
  const b = toTop.getBoundingClientRect();
  for (const lab of labs) {
    const r = lab.getBoundingClientRect();
    if (r.top < b.bottom && r.bottom > b.top && r.left < b.right && r.right > b.left) return true;
  }
  return false;
}
let lastY = scrollY;
let down = 0;
let readerInput = -Infinity;
for (const type of ['touchmove', 'keydown']) addEventListener(type, () => (readerInput = performance.now()), { passive: true });
// A wheel tells its direction: turning it up ends the reader's scrolling down, so a shift the page
// makes just after (a block above getting its real height) is not taken for the reader's.
addEventListener('wheel', (e) => (readerInput = e.deltaY > 0 ? performance.now() : -Infinity), { passive: true });
let upShown = false;
let queued = false;
addEventListener(
  'scroll',
  () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      markSection();
    });
  },
  { passive: true },
);
markSection();
contents?.addEventListener('click', (e) => {
  if ((e.target as Element).closest('a')) contents.open = false;
});
toTop?.addEventListener('click', (e) => {
  // Not "#": that would replace a lab's state in the URL hash.
  e.preventDefault();
  scrollTo({ top: 0 });
  document.querySelector<HTMLElement>('.brand')?.focus({ preventScroll: true });
});

// The language switch keeps the #hash: heading ids are the same in both languages, and a lab keeps
// its state there (#lab=…&step=…). Set at click time, because labs update the hash without a
// hashchange event (history.replaceState).
document.querySelectorAll<HTMLAnchorElement>('.topbar a[hreflang]').forEach((a) =>
  a.addEventListener('click', () => {
    a.hash = location.hash;
  }),
);

// Search: the book's own results over pagefind's API, loaded only when the reader opens the dialog.
const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
let searchLoaded = false;

function openSearch(): void {
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('#search-input');
  input?.focus();
  if (searchLoaded || !input) return;
  searchLoaded = true;
  import('../../search/client/search-ui.ts')
    .then(({ mountSearch }) => mountSearch(dialog, input))
    .then((ui) => ui.run(input.value)) // what the reader typed while it loaded
    .catch(() => {
      searchLoaded = false;
      const status = dialog.querySelector('[data-search-status]');
      if (status) status.textContent = dialog.dataset.offline ?? '';
    });
}

document.querySelectorAll('[data-search-open]').forEach((b) => b.addEventListener('click', openSearch));
dialog?.addEventListener('click', (e) => {
  if (e.target === dialog) dialog.close(); // click on the backdrop
});
addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    openSearch();
  } else if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    openSearch();
  } else if (e.key === 'Escape') {
    const menu = document.querySelector<HTMLDetailsElement>('.mobile-nav[open]');
    if (menu) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  }
});

/**
 * The labs' and the quizzes' page scripts, on the pages that have a lab or a quiz, loaded once the
 * page has painted (the frame after the first one): neither is needed to draw the page, since both
 * are server-rendered and wake later (a lab near the viewport, a quiz within a screen of it). As
 * component `<script>`s they were module scripts the parser requested before the first paint, which
 * Lighthouse's mobile model counts as blocking it (about 0.1 s of a lab chapter's FCP). A deep link
 * to a lab is followed as soon as the labs' script runs (lab-loader.ts `showLinkedLab`).
 */
function afterFirstPaint(what: string, load: () => Promise<unknown>): void {
  requestAnimationFrame(() =>
    setTimeout(() => load().catch((e: unknown) => console.warn(`${what}: could not load the page script; the page stays as rendered`, e))),
  );
}
if (document.querySelector('[data-lab-root]')) afterFirstPaint('labs', () => import('../../labs/client/lab-loader.ts').then((m) => m.startLabs()));
if (document.querySelector('[data-quiz-id]')) afterFirstPaint('quizzes', () => import('../../quiz/client/quiz-loader.ts').then((m) => m.startQuizzes()));

// Everything above is wired: a test (or a reader's devtools) can tell the page's controls work now.
root.toggleAttribute('data-chrome-ready', true);

/**
 * The service worker (offline copy). Fetched past the HTTP cache (updateViaCache: 'none'), checked
 * again whenever the tab comes back to the front; a new version waits until the reader clicks the
 * prompt, which activates it, and the page reloads once the new worker is in control.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const prompt = document.querySelector<HTMLElement>('[data-update-prompt]');
  let accepted = false;
  const offer = (reg: ServiceWorkerRegistration): void => {
    const waiting = reg.waiting;
    if (!waiting || !navigator.serviceWorker.controller || !prompt) return;
    prompt.hidden = false;
    prompt.querySelector('[data-update-reload]')?.addEventListener(
      'click',
      () => {
        accepted = true;
        waiting.postMessage({ type: 'SKIP_WAITING' });
      },
      { once: true },
    );
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // only after the reader asked: the first install also takes control (clients.claim)
    if (accepted) location.reload();
  });
  const register = (): void => {
    // The web app manifest, linked here rather than in the page (BaseLayout.astro says why): the
    // book installs as an app only with its service worker.
    const manifest = document.createElement('link');
    manifest.rel = 'manifest';
    manifest.href = `${import.meta.env.BASE_URL}manifest.webmanifest`;
    document.head.append(manifest);
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { updateViaCache: 'none' })
      .then((reg) => {
        offer(reg);
        reg.addEventListener('updatefound', () => {
          const next = reg.installing;
          next?.addEventListener('statechange', () => {
            if (next.state === 'installed') offer(reg);
          });
        });
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') reg.update().catch(() => undefined);
        });
      })
      .catch(() => {
        /* no service worker (dev server, file://): the book still works online */
      });
  };
  // This script runs after the first paint (scripts/first-paint.ts), often after the load event.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}
