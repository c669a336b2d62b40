/**
 * Pure rules of the offline copy, shared by the build (which files belong to which edition) and
 * the service worker (which precached file answers a URL). No DOM, no service-worker globals:
 * tested in Node, and inlined into sw.js by scripts/service-worker.ts.
 */

/** One precached file: its path under the base (no leading slash), content revision, edition. */
export interface PrecacheEntry {
  url: string;
  revision: string;
  /**
   * 'shared' files are cached on install; an edition's files when the reader first opens it;
   * `ON_USE` files (code of tools few readers open) the first time the page fetches them.
   */
  group: string;
}

/** The group of files cached on their first use rather than with an edition. */
export const ON_USE = 'on-use';

/**
 * Which edition a built file belongs to: everything under `<lang>/`, and pagefind's index files
 * of that language (`…/<lang>_<hash>.pf_*`, `pagefind.<lang>_<hash>.pf_meta`, `wasm.<lang>.pagefind`).
 * `wasmOwners` maps a wasm name pagefind shares (e.g. `unknown`, used by languages without a stemmer)
 * to the one language using it; a wasm used by several languages stays shared.
 */
export function groupOf(url: string, langs: readonly string[], wasmOwners: Record<string, string> = {}): string {
  const first = url.split('/')[0] ?? '';
  if (langs.includes(first)) return first;
  const pf = /^pagefind\/(?:(?:index|fragment)\/([a-z-]+)_[0-9a-f]+\.pf_\w+|pagefind\.([a-z-]+)_[0-9a-f]+\.pf_meta|wasm\.([a-z-]+)\.pagefind)$/.exec(url);
  if (pf) {
    const lang = pf[1] ?? pf[2] ?? (pf[3] !== undefined ? (wasmOwners[pf[3]] ?? pf[3]) : undefined);
    if (lang && langs.includes(lang)) return lang;
  }
  return 'shared';
}

/**
 * The precached paths that may answer a request path (already relative to the base, without the
 * query string, which never changes a static file): `x/` is `x/index.html`, and `x` (no trailing
 * slash, no extension) is the page `x/` as static hosts serve it.
 */
export function candidatesFor(rel: string): string[] {
  if (rel === '' || rel.endsWith('/')) return [`${rel}index.html`];
  const last = rel.slice(rel.lastIndexOf('/') + 1);
  return last.includes('.') ? [rel] : [rel, `${rel}/index.html`, `${rel}.html`];
}

/** The edition a request path belongs to, if any (`ko/…` → `ko`). */
export function langOf(rel: string, langs: readonly string[]): string | undefined {
  const first = rel.split('/')[0] ?? '';
  return langs.includes(first) ? first : undefined;
}

/** The page shown for a URL that is not in the offline copy: the edition's own 404, else the root one. */
export function notFoundFor(rel: string, langs: readonly string[]): string[] {
  const lang = langOf(rel, langs);
  return lang ? [`${lang}/404/index.html`, '404.html'] : ['404.html'];
}
