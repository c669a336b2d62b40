/**
 * The book's service worker (built into sw.js by scripts/service-worker.ts, which puts the
 * precache manifest in place of `__PRECACHE__`, so sw.js changes whenever any precached file does).
 *
 * - Per edition: install caches the shared files (layout assets, the landing page, search runtime)
 *   and the editions the reader reads (recorded in a small meta cache, or seen in open tabs). The
 *   first navigation into another edition caches that edition in the background. A Korean reader
 *   never downloads the English book, and vice versa, until they open it.
 * - On use: the code of tools few readers open (the capture lab, the workshop; group `on-use`) is
 *   cached the first time a page fetches it, so a tool used once works offline; a new worker
 *   downloads the new revision of such a file only if the reader had it.
 * - Revisions: every cache key carries the file's revision, so a new worker downloads changed files
 *   beside the old ones; old entries go only when it activates. Pages and the search index of one
 *   tab therefore always come from the same deploy.
 * - The new worker waits. The page shows a "new version — reload" prompt; its button posts
 *   SKIP_WAITING, the worker activates, and the page reloads once the new worker controls it.
 * - Navigation: a precached page answers with or without its trailing slash and with any query
 *   string; a URL not in the offline copy falls back, when the network fails, to the edition's 404.
 */
import { candidatesFor, langOf, notFoundFor, ON_USE, type PrecacheEntry } from './precache-rules.ts';

/** The service-worker globals this file uses (the DOM lib the project type-checks with lacks them). */
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface MessageEvt extends ExtendableEvent {
  data: unknown;
}
interface WindowClientLike {
  url: string;
}
interface SwScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void>; matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvt) => void): void;
}

/** Replaced by the build with the manifest and the book's languages (JSON). */
declare const __PRECACHE__: PrecacheEntry[];
declare const __LANGS__: string[];

const sw = self as unknown as SwScope;
const PRECACHE: PrecacheEntry[] = __PRECACHE__;
const LANGS: string[] = __LANGS__;
const CACHE = 'tcp-book-precache';
const META = 'tcp-book-meta';
/** Where the scope starts: every manifest url is relative to it. */
const BASE = new URL(sw.registration.scope).pathname;
const byUrl = new Map(PRECACHE.map((e) => [e.url, e]));
const keyOf = (e: PrecacheEntry): string => new URL(`${BASE}${e.url}?__rev=${e.revision}`, sw.location.href).href;
const LANGS_KEY = new URL(`${BASE}__langs`, sw.location.href).href;

/** The editions this reader keeps offline. */
async function keptLangs(): Promise<string[]> {
  const r = await (await caches.open(META)).match(LANGS_KEY);
  const list: unknown = r ? await r.json().catch(() => []) : [];
  return Array.isArray(list) ? list.filter((l): l is string => LANGS.includes(l)) : [];
}

async function keepLang(lang: string): Promise<void> {
  const langs = await keptLangs();
  if (langs.includes(lang)) return;
  await (await caches.open(META)).put(LANGS_KEY, new Response(JSON.stringify([...langs, lang]), { headers: { 'content-type': 'application/json' } }));
}

/** The paths (relative to the base) of on-use files this reader has at some revision. */
async function usedFiles(): Promise<Set<string>> {
  const keys = await (await caches.open(CACHE)).keys();
  return new Set(keys.map((r) => new URL(r.url).pathname.slice(BASE.length)).filter((u) => byUrl.get(u)?.group === ON_USE));
}

/** Downloads every file of these groups (and these on-use files) not yet cached at its revision (six at a time). */
async function fill(groups: string[], used: Set<string> = new Set()): Promise<void> {
  const cache = await caches.open(CACHE);
  const todo: PrecacheEntry[] = [];
  for (const e of PRECACHE) if ((groups.includes(e.group) || used.has(e.url)) && !(await cache.match(keyOf(e)))) todo.push(e);
  const next = async (): Promise<void> => {
    for (let e = todo.shift(); e; e = todo.shift()) {
      const res = await fetch(new URL(`${BASE}${e.url}`, sw.location.href), { cache: 'reload', credentials: 'same-origin' });
      if (!res.ok) throw new Error(`precache: ${e.url} answered ${res.status}`);
      await cache.put(keyOf(e), res);
    }
  };
  await Promise.all(Array.from({ length: 6 }, next));
}

/** Caches an edition the reader just opened (once); failures only mean it is not offline yet. */
const adding = new Map<string, Promise<void>>();
function addLang(lang: string): Promise<void> {
  const running = adding.get(lang);
  if (running) return running;
  const p = keepLang(lang)
    .then(() => fill([lang]))
    .catch(() => {
      adding.delete(lang);
    });
  adding.set(lang, p);
  return p;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const seen = open.map((c) => langOf(new URL(c.url).pathname.slice(BASE.length), LANGS)).filter((l): l is string => l !== undefined);
      for (const l of seen) await keepLang(l);
      await fill(['shared', ...(await keptLangs())], await usedFiles());
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Drop what this deploy no longer lists, and caches of earlier service workers of the book.
      const wanted = new Set(PRECACHE.map(keyOf));
      const cache = await caches.open(CACHE);
      for (const req of await cache.keys()) if (!wanted.has(req.url)) await cache.delete(req);
      for (const name of await caches.keys()) if (name.startsWith('tcp-book') && name !== CACHE && name !== META) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

/** The cached copy of a precached file, if this reader has it. */
async function cached(url: string): Promise<Response | undefined> {
  const e = byUrl.get(url);
  return e ? (await caches.open(CACHE)).match(keyOf(e)) : undefined;
}

async function notFound(rel: string): Promise<Response | undefined> {
  for (const page of notFoundFor(rel, LANGS)) {
    const r = await cached(page);
    if (r) return new Response(r.body, { status: 404, statusText: 'Not Found', headers: r.headers });
  }
  return undefined;
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin || !url.pathname.startsWith(BASE)) return;
  const rel = decodeURI(url.pathname.slice(BASE.length));
  const navigate = req.mode === 'navigate';
  const lang = langOf(rel, LANGS);
  if (navigate && lang) event.waitUntil(keptLangs().then((l) => (l.includes(lang) ? undefined : addLang(lang))));
  const hit = candidatesFor(rel).find((c) => byUrl.has(c));
  event.respondWith(
    (async () => {
      // `x` for the page `x/`: send the reader to the real address, as the server would
      if (navigate && hit && hit.endsWith('/index.html') && !rel.endsWith('/') && rel !== '') {
        return Response.redirect(`${url.origin}${BASE}${hit.slice(0, -'index.html'.length)}${url.search}`, 301);
      }
      const own = hit ? await cached(hit) : undefined;
      if (own) return own;
      try {
        const res = await fetch(req);
        const entry = hit ? byUrl.get(hit) : undefined;
        if (entry?.group === ON_USE && res.ok) {
          const copy = res.clone();
          event.waitUntil(caches.open(CACHE).then((c) => c.put(keyOf(entry), copy)));
        }
        return res;
      } catch (err) {
        if (navigate) {
          const page = await notFound(rel);
          if (page) return page;
        }
        throw err;
      }
    })(),
  );
});
