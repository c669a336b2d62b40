/**
 * What a lab chapter sends before its first paint, rewritten after `astro build` (before the CSP is
 * computed, so the policy covers the script added here). On a phone the first paint of a chapter with
 * labs waited for its stylesheets: each is a request on a connection of its own, about 0.3 s on
 * Lighthouse's mobile model, after the HTML's own round trips. So on every chapter with a lab:
 *
 *   - the stylesheet every page links (the site's: page chrome and prose) is put inline, in a <style>;
 *   - the other stylesheets (the labs', the quizzes') are requested once the parser is done
 *     (DOMContentLoaded): on a chapter with labs the browser has painted the first screen by then.
 *     Lighthouse's model counts every request that ends before the largest paint as part of it,
 *     whatever its priority, so a stylesheet merely linked without blocking (media="print") still
 *     cost the LCP a connection. Not later (after a frame, as the labs' and quizzes' scripts,
 *     src/site/client/chrome.ts): requested before the load event they delay it, and a contents link
 *     followed before they arrived landed 350 px off (the labs above it changed height under it).
 *     The labs and quizzes sit below a chapter's first screen, so nothing on it waits for them or
 *     moves. A page opened at a #hash (a lab or a quiz may be the first thing
 *     on screen) gets them at once and render-blocking (`blocking="render"`), so nothing there is
 *     drawn unstyled. The files are named in a <noscript>, which also applies them without JavaScript;
 *     a line of inline script (allowed by its hash, scripts/csp.ts) reads them from it;
 *   - the labs' props (`script[data-lab-props]`, JSON beside each lab) move to the end of <body>, next
 *     to each other. Beside each lab they sat between 30 KB of markup, out of reach of gzip's 32 KB
 *     window from each other, and cost 8.6 KB gz on the Korean three-way chapter; together they
 *     compress to about a third of that (lab-loader.ts finds them by id wherever they are).
 *
 * Why only chapters with labs: inlining repeats the site's stylesheet (5 KB gz) in every such page of
 * the offline copy (scripts/service-worker.ts), which the props' move pays for on these pages; on pages
 * without labs it would add about 5 KB gz a page to the offline copy and gain less (one stylesheet).
 * Measured on the Korean three-way chapter with Lighthouse's mobile emulation: FCP about 1.05 s with
 * the stylesheets linked (lab and quiz scripts already loaded after the first paint), under 0.95 s with
 * this.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Marks the <noscript> that names the stylesheets loaded after the first paint. */
export const LATER_ATTR = 'data-css-later';

/**
 * Links the stylesheets the marked <noscript> names: at a #hash at once and render-blocking, else once
 * the parser is done. It sits right after that <noscript> (its previous sibling); setting the
 * noscript's outerHTML to its text turns the named links into real ones. Their `blocking=render`
 * takes effect only at a #hash: the HTML standard lets an element block rendering only while the
 * document has no <body> yet, and at DOMContentLoaded it has one. Written small by hand: it is part of
 * what the labs cost on every chapter with labs (the bench's "inline: this page only").
 */
export const LATER_SCRIPT =
  "{let n=document.currentScript.previousSibling,a=()=>n.outerHTML=n.textContent.replace(/<link/g,'<link blocking=render');" +
  "location.hash?a():addEventListener('DOMContentLoaded',a)}";

const PROPS = /<script type="application\/json" data-lab-props=[^>]*>[\s\S]*?<\/script>/g;
const STYLESHEET = /<link rel="stylesheet" href="([^"]+)"\s*\/?>/g;

/** A page with a lab root inside a chapter body (the labs page and the workshop are no chapters). */
export const isLabChapter = (html: string): boolean => html.includes('data-lab-root=') && html.includes('data-pagefind-body');

/** Moves every lab's props to the end of <body>, in page order. */
export function gatherLabProps(html: string): string {
  const props = html.match(PROPS);
  if (!props) return html;
  const rest = html.replace(PROPS, '');
  const at = rest.lastIndexOf('</body>');
  if (at < 0) throw new Error('first paint: a page with lab props has no </body>');
  return rest.slice(0, at) + props.join('') + rest.slice(at);
}

/**
 * Puts the `inline` stylesheets into the page and names the others in a <noscript> that LATER_SCRIPT
 * reads. `read(href)` gives a stylesheet's text.
 */
export function splitStylesheets(html: string, inline: Set<string>, read: (href: string) => string): string {
  const later: string[] = [];
  const out = html.replace(STYLESHEET, (_, href: string) => {
    if (inline.has(href)) return `<style>${read(href).replace(/<\/style/gi, '<\\/style')}</style>`;
    later.push(href);
    return '';
  });
  if (later.length === 0) return out;
  const end = out.indexOf('</head>');
  if (end < 0) throw new Error('first paint: a page with stylesheets has no </head>');
  const links = later.map((h) => `<link rel="stylesheet" href="${h}">`).join('');
  return `${out.slice(0, end)}<noscript ${LATER_ATTR}>${links}</noscript><script>${LATER_SCRIPT}</script>${out.slice(end)}`;
}

/** The stylesheets every page links: the site's own, needed for any first paint. */
export function sharedStylesheets(pages: string[]): Set<string> {
  const sets = pages.map((html) => new Set([...html.matchAll(STYLESHEET)].map((m) => m[1]!)));
  const [first, ...others] = sets;
  return new Set([...(first ?? [])].filter((href) => others.every((s) => s.has(href))));
}

/** Rewrites the build's lab chapters; `base` is the site's base path ("/" or "/book/"). Returns how many pages changed. */
export function applyFirstPaint(outDir: string, base: string): { pages: number } {
  const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(outDir, f));
  const pages = files.map((f) => ({ f, html: readFileSync(f, 'utf8') }));
  const shared = sharedStylesheets(pages.filter((p) => p.html.includes('<link rel="stylesheet"')).map((p) => p.html));
  const read = (href: string): string => {
    if (!href.startsWith(base)) throw new Error(`first paint: stylesheet ${href} is outside the base path ${base}`);
    return readFileSync(join(outDir, href.slice(base.length)), 'utf8');
  };
  let changed = 0;
  for (const { f, html } of pages) {
    if (!isLabChapter(html)) continue;
    writeFileSync(f, splitStylesheets(gatherLabProps(html), shared, read));
    changed += 1;
  }
  return { pages: changed };
}
