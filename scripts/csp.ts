/**
 * The Content-Security-Policy, generated after `astro build` from the pages themselves: every
 * inline script that runs (the theme-before-paint snippet, the landing redirect, the sidebar score)
 * is allowed by its SHA-256 hash, nothing else inline runs. The policy goes
 *   - into every page as <meta http-equiv> (for hosts that cannot set headers; without
 *     frame-ancestors, which browsers ignore in a meta tag and warn about), and
 *   - into csp-header.txt with frame-ancestors 'none', which scripts/serve.ts sends as the header
 *     and scripts/host-headers.ts writes into `_headers`; docs/PUBLISHING.md gives it per host.
 *
 * Why each source: 'wasm-unsafe-eval' lets pagefind compile its search wasm; style-src allows inline
 * styles because pagefind's UI and the labs' SVG set style attributes; blob: covers the object URLs
 * of the capture lab's downloads; everything else is 'self'.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of each inline script the browser would run (no src, a JavaScript type). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    out.push(m[2] ?? '');
  }
  return out;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy for these script hashes; `header` adds what only a header can carry. */
export function cspPolicy(hashes: Iterable<string>, header: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** Hashes every page's inline scripts, writes the meta tag into each page and csp-header.txt; returns the header policy. */
export function applyCsp(outDir: string): { header: string; meta: string; pages: number; scripts: number } {
  const files = htmlFiles(outDir);
  const hashes = new Set<string>();
  for (const f of files) for (const s of inlineScripts(readFileSync(f, 'utf8'))) hashes.add(sha256(s));
  const meta = cspPolicy(hashes, false);
  const header = cspPolicy(hashes, true);
  const tag = `<meta http-equiv="Content-Security-Policy" content="${meta}">`;
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    // Right after <meta charset>: a meta policy only covers what comes after it.
    const at = /<meta charset=[^>]*>/i.exec(html);
    if (!at) throw new Error(`csp: ${f} has no <meta charset> to put the policy after`);
    const end = at.index + at[0].length;
    writeFileSync(f, html.slice(0, end) + tag + html.slice(end));
  }
  writeFileSync(join(outDir, 'csp-header.txt'), `${header}\n`);
  return { header, meta, pages: files.length, scripts: hashes.size };
}
