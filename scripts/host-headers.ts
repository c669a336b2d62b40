/**
 * The `_headers` file Netlify and Cloudflare Pages read: the cache rules of docs/PUBLISHING.md and
 * the security headers (the Content-Security-Policy with frame-ancestors, which only a header can
 * carry, and a Referrer-Policy). `npm run serve` sends the same (scripts/serve.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The text of `_headers` for a book served under `base` ("/" or "/x/"). */
export function hostHeaders(base: string, csp: string | undefined): string {
  const lines = [`${base}*`, '  Cache-Control: no-cache', '  X-Content-Type-Options: nosniff', `  Referrer-Policy: ${REFERRER_POLICY}`];
  if (csp) lines.push(`  Content-Security-Policy: ${csp}`);
  lines.push(
    '',
    `${base}sw.js`,
    '  ! Cache-Control',
    '  Cache-Control: no-store',
    '',
    `${base}_astro/*`,
    '  ! Cache-Control',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  );
  return lines.join('\n');
}

export function writeHostHeaders(outDir: string, base: string, csp: string | undefined): void {
  writeFileSync(join(outDir, '_headers'), hostHeaders(base, csp));
}
