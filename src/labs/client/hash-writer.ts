/**
 * Keeps a lab's link in the address bar without slowing a step down. `history.replaceState` is a
 * same-document navigation that the browser commits on the spot (it showed up as several ms of each
 * step's input task on a phone's CPU), so the hash is written a moment after the reader stops
 * stepping, in a task of its own: pressing ▶ or an arrow key ten times writes it once.
 *
 * The link must still be right whenever something reads it, so the pending hash is written at once:
 *  - on any click, before the click's own handlers run (capture phase on the window): the language
 *    switch copies `location.hash` at click time (src/site/client/chrome.ts), "copy link" reads it;
 *  - when the page is left or hidden (pagehide: a reload, a tab switch on a phone, the back button).
 * A hash the reader (or a link) sets meanwhile wins: a hashchange drops the pending write. A
 * hashchange that only reports this module's own write is not the reader's (browsers fire none for
 * replaceState, but some DOM implementations do): `isOwnHash` tells the lab to ignore it.
 * One address bar, one pending hash: the lab that changed last writes it, as with replaceState.
 */

/** How long the hash waits after the last change (ms): longer than a key's repeat, shorter than a reader's pause. */
export const HASH_DELAY_MS = 300;

let pending: string | null = null;
/** The hash this module wrote last. */
let written: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/** Writes `hash`, else the pending hash, now (if it differs from the address bar's); nothing stays pending. */
export function flushHash(now?: string): void {
  clearTimeout(timer);
  const hash = now ?? pending;
  pending = null;
  if (hash === null || location.hash === hash) return;
  written = hash;
  history.replaceState(history.state, '', hash);
}

/** Whether the address bar shows what this module wrote last (then a hashchange is its own echo). */
export const isOwnHash = (): boolean => written !== null && location.hash === written;

/** Forgets the pending hash when the address bar changed under it (a hashchange that is not an echo). */
function dropPendingHash(): void {
  if (isOwnHash()) return;
  clearTimeout(timer);
  pending = null;
}

/** Puts `hash` (with '#') into the address bar shortly, replacing the current entry (no history entry per step). */
export function writeHashSoon(hash: string): void {
  if (!listening) {
    listening = true;
    const now = (): void => flushHash();
    addEventListener('click', now, true);
    addEventListener('pagehide', now);
    addEventListener('hashchange', dropPendingHash);
  }
  pending = hash;
  clearTimeout(timer);
  timer = setTimeout(flushHash, HASH_DELAY_MS);
}
