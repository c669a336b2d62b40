/**
 * A small static server for the built book (BOOK_OUT, default dist/).
 *
 * Why our own and not `astro preview`: the browser tests, the benchmark and `npm start` need the
 * same behaviour a static host gives (directory index, 404 page with status 404, gzip, correct
 * MIME types for pagefind's wasm and index chunks, a service worker at the root), with no dev
 * middleware in between, and they need to start it on any port from a script.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321] [--host 127.0.0.1]
 *
 * BOOK_OUT, BOOK_PORT and BOOK_HOST set the same things; BOOK_BASE serves the book under a base path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** Content types a static host sends; pagefind's chunks and wasm must not be served as text. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pcap': 'application/vnd.tcpdump.pcap',
  '.pcapng': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg)/;

/** Options of {@link startServer}; every field has a default so tests can call it bare. */
export interface ServeOptions {
  dir?: string;
  port?: number;
  host?: string;
  base?: string;
  /** Print one line per request (off by default: the test output stays readable). */
  log?: boolean;
}

interface Found {
  file: string;
  status: number;
}

/** Normalises a base path to the form `/x/` (or `/`), as Astro writes it into links. */
function normaliseBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The 404 page in the reader's language when the path says which, else the root one. */
function notFoundPage(root: string, rel: string): string | undefined {
  const lang = /^\/(ko|en)\//.exec(rel)?.[1];
  const candidates = [lang ? join(root, lang, '404', 'index.html') : '', lang ? join(root, lang, '404.html') : '', join(root, '404.html')];
  return candidates.find((c) => c && isFile(c));
}

/**
 * Cache-Control per file, as docs/PUBLISHING.md asks of every host: hashed assets for a year,
 * sw.js never stored (so an update check always gets its current bytes), everything else
 * revalidated (HTML, the pagefind entry; the service worker's manifest revisions cover them offline).
 */
export function cacheControl(rel: string): string {
  if (/(^|\/)sw\.js$/.test(rel)) return 'no-store';
  if (/(^|\/)_astro\//.test(rel)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * Security headers for every response: the Content-Security-Policy the build wrote
 * (csp-header.txt, with frame-ancestors, which a meta tag cannot carry) and a Referrer-Policy.
 */
function securityHeaders(root: string): Record<string, string> {
  const h: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' };
  try {
    const csp = readFileSync(join(root, 'csp-header.txt'), 'utf8').trim();
    if (csp) h['content-security-policy'] = csp;
  } catch {
    /* a build without a policy file (older builds): no header */
  }
  return h;
}

/**
 * Starts the server and resolves once it listens. Port 0 picks a free port; read the real one
 * from the returned URL.
 */
export async function startServer(opts: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = resolve(opts.dir ?? process.env.BOOK_OUT ?? 'dist');
  const base = normaliseBase(opts.base ?? process.env.BOOK_BASE ?? '/');
  const host = opts.host ?? process.env.BOOK_HOST ?? '127.0.0.1';
  const port = opts.port ?? Number(process.env.BOOK_PORT ?? 4321);
  if (!isDir(root)) {
    throw new Error(`serve: ${root} does not exist. Build first: npm run build (BOOK_OUT=${process.env.BOOK_OUT ?? 'dist'})`);
  }
  // Keyed by the file's bytes, not its mtime: a redeploy with normalised mtimes must not serve old bytes.
  const gzCache = new Map<string, { raw: Buffer; body: Buffer }>();

  const resolvePath = (rel: string): Found | { redirect: string } | undefined => {
    const abs = resolve(join(root, rel));
    if (abs !== root && !abs.startsWith(root + sep)) return undefined;
    if (isFile(abs)) return { file: abs, status: 200 };
    if (isDir(abs)) {
      if (!rel.endsWith('/')) return { redirect: `${base}${rel.slice(1)}/` };
      const index = join(abs, 'index.html');
      if (isFile(index)) return { file: index, status: 200 };
    }
    if (!extname(abs) && isFile(`${abs}.html`)) return { file: `${abs}.html`, status: 200 };
    return undefined;
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    // The request target is a path ("/x", or "//x", which `new URL(target, base)` would read as a
    // host and throw on), so it is appended to an origin rather than resolved against one.
    let url: URL;
    let pathname: string;
    try {
      url = new URL(`http://localhost${req.url ?? '/'}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`bad request: malformed request target ${JSON.stringify(req.url)}`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    const rel = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
    let found = rel === undefined ? undefined : resolvePath(rel);
    if (found && 'redirect' in found) {
      res.writeHead(301, { location: found.redirect + url.search }).end();
      return;
    }
    if (!found) {
      const page = notFoundPage(root, rel ?? pathname);
      if (!page) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}`);
        return;
      }
      found = { file: page, status: 404 };
    }
    const type = MIME[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, ...securityHeaders(root) };
    headers['cache-control'] = cacheControl(found.file.slice(root.length).split(sep).join('/'));
    // Validators from mtime and size, as most static hosts send them: a file whose bytes changed but
    // whose mtime and size did not (a deploy with normalised mtimes) answers 304. sw.js is no-store,
    // so the browser never holds a copy to revalidate and always sees its new bytes.
    const st = statSync(found.file);
    const lastModified = new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString();
    const etag = `W/"${Math.floor(st.mtimeMs / 1000).toString(16)}-${st.size.toString(16)}"`;
    headers['last-modified'] = lastModified;
    headers.etag = etag;
    const since = req.headers['if-modified-since'];
    if (
      found.status === 200 &&
      (req.headers['if-none-match'] === etag || (since && !req.headers['if-none-match'] && Date.parse(since) >= Date.parse(lastModified)))
    ) {
      res.writeHead(304, headers).end();
      if (opts.log) console.log(`304 ${pathname}`);
      return;
    }
    let body: Buffer = readFileSync(found.file);
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(accepts) && body.length > 256) {
      const cached = gzCache.get(found.file);
      if (cached && cached.raw.equals(body)) body = cached.body;
      else {
        const gz = gzipSync(body);
        gzCache.set(found.file, { raw: body, body: gz });
        body = gz;
      }
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(found.status, headers);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
    if (opts.log) console.log(`${found.status} ${pathname}`);
  };

  const server = createServer(handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const addr = server.address();
  const realPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shownHost}:${realPort}${base}` };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const portArg = argValue(args, '--port');
  try {
    const { url } = await startServer({
      dir: argValue(args, '--dir'),
      port: portArg === undefined ? undefined : Number(portArg),
      host: argValue(args, '--host'),
      log: args.includes('--log'),
    });
    console.log(`Serving the book at ${url} (Ctrl+C to stop)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
