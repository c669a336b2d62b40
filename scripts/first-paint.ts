/**
 * What a page sends before its first paint, rewritten after `astro build` (before the CSP is computed,
 * so the loader below is allowed by its hash). Four rewrites, each measured with Lighthouse's mobile
 * model (Lantern), which simulates a slow 4G phone from the page's real requests and main-thread tasks:
 *
 * 1. One stylesheet for the whole book. Astro links a chapter with labs and quizzes to three
 *    stylesheets (the site's, the labs', the quizzes'). All three block the first paint, and over
 *    HTTP/1.1 only one of them can reuse the document's connection: the other two open new ones, a
 *    round trip more (about 0.15 s of the three-way chapter's 1.05 s FCP). Every page links one file
 *    instead, `_astro/book.<hash>.css`, all of Astro's stylesheets joined in the pages' order: 8.3 KB
 *    gz, cached once for every page (the offline copy holds it once, where one joined file per set
 *    of stylesheets added 29 KB); a page without labs parses 3 KB gz of rules it does not use.
 *
 * 2. The layout's script (src/site/client/chrome.ts: theme toggle, search, back-to-top…) is imported
 *    once the first contentful paint has been presented, by a few lines of inline script in its
 *    place. Nothing it does is needed to draw the page (the theme is set by an inline script before
 *    the first paint), but as a module script the parser requests it, and a request that ends
 *    before the paint counts as blocking it in the model (another new connection: FCP and LCP 1.05 s
 *    with the stylesheets joined). It still starts the lab and quiz scripts after that (chrome.ts).
 *
 * 3. The labs' props (`script[data-lab-props]`, JSON beside each lab) move to the end of <body>,
 *    next to each other. Beside each lab they sat between 30 KB of markup, out of reach of gzip's
 *    32 KB window from each other, and cost 8.6 KB gz on the Korean three-way chapter; together they
 *    compress to about a third of that (lab-loader.ts finds them by id wherever they are).
 *
 * 4. The 32-px favicon (368 bytes) is written into the page as a data: URL. Chromium fetches it as
 *    soon as the page has loaded, which on a short page is before its first paint, and the model
 *    then waits for that request too (the Korean glossary: LCP 1.05 s with it, 0.9 s without).
 *    It also fetched it again at every change of the address (a lab's link).
 *
 * The web app manifest is not linked in the HTML for the same reason: chrome.ts links it when it
 * registers the service worker, the only case where installing the book can work.
 *
 * Measured and left, on the three-way chapter (FCP / LCP / TBT):
 *   - the site's stylesheet inline and the labs' and quizzes' linked by a line of script after the
 *     first paint: 0.84-1.0 s / 0.85-1.2 s, but 53-133 ms of TBT (Lighthouse 99): their late arrival
 *     restyles and lays out the whole chapter again in one long task;
 *   - all three inline: 0.84-0.91 s / 0.84-1.06 s / 8-31 ms, but 9 KB gz more in each of the twelve
 *     chapters with labs, which puts the Korean offline copy (scripts/service-worker.ts) at about
 *     745 KB, over its 700 KB.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROPS = /<script type="application\/json" data-lab-props=[^>]*>[\s\S]*?<\/script>/g;
/** A stylesheet link as Astro writes it: `href` is the base, then `_astro/<name>.css`. */
const STYLESHEET = /<link rel="stylesheet" href="([^"]*)(_astro\/[^"]+\.css)">/g;
/** A module script the parser requests, as Astro writes it. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

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

/** The page's stylesheets: the base they are linked under and their paths below it, in order. */
export function stylesheetsOf(html: string): { base: string; files: string[] } {
  const links = [...html.matchAll(STYLESHEET)];
  const bases = new Set(links.map((m) => m[1]));
  if (bases.size > 1) throw new Error(`first paint: stylesheets linked under several bases (${[...bases].join(', ')})`);
  return { base: links[0]?.[1] ?? '', files: links.map((m) => m[2] ?? '') };
}

/** The name of the file that joins `css` (the stylesheets' texts, in order): changes with its content. */
export const joinedName = (css: string): string => `_astro/book.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;

/** The selectors a stylesheet styles (inside at-rules too), to tell whether two sheets' order can matter. */
export function selectorsOf(css: string): Set<string> {
  const out = new Set<string>();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{};]+)\{/g)) {
    const head = (m[1] ?? '').trim();
    if (head.startsWith('@') || /^(from|to|\d+(\.\d+)?%)(\s*,\s*(from|to|\d+(\.\d+)?%))*$/.test(head)) continue; // at-rules, keyframe steps
    for (const sel of head.split(',')) out.add(sel.trim());
  }
  return out;
}

/**
 * One order for every stylesheet any page links: each page's order where pages agree. Astro links
 * some pairs in both orders on different pages; those may be put in either only if they style no
 * selector in common (else the cascade could change on one page), which the build checks here.
 */
export function bookOrder(pageSheets: string[][], cssOf: (file: string) => string): string[] {
  const order: string[] = [];
  for (const sheets of [...pageSheets].sort((a, b) => b.length - a.length)) for (const f of sheets) if (!order.includes(f)) order.push(f);
  const selectors = new Map(order.map((f) => [f, selectorsOf(cssOf(f))]));
  for (const sheets of pageSheets)
    sheets.forEach((a, i) =>
      sheets.slice(i + 1).forEach((b) => {
        if (order.indexOf(a) < order.indexOf(b)) return;
        const mine = selectors.get(a) ?? new Set();
        const shared = [...(selectors.get(b) ?? [])].filter((x) => mine.has(x));
        if (shared.length)
          throw new Error(`first paint: ${a} and ${b} are linked in both orders and both style ${shared.slice(0, 3).join(', ')}: their order matters`);
      }),
    );
  return order;
}

/** Links `file` in place of the page's first stylesheet and drops the others. */
export function linkOneStylesheet(html: string, base: string, file: string): string {
  let first = true;
  return html.replace(STYLESHEET, () => {
    if (!first) return '';
    first = false;
    return `<link rel="stylesheet" href="${base}${file}">`;
  });
}

/**
 * The inline script that imports `src` once the first contentful paint has been presented (the
 * `paint` entry), in a task of its own; at the latest after 3 s (a tab opened in the background
 * paints only when shown), and at once where the browser has no paint timing.
 */
export function loaderFor(src: string): string {
  // Kept short: it is in every page (about 0.2 KB gz). `d` makes the import happen once.
  return (
    `<script>(function(){var d=0;function g(){d||(d=1,import(${JSON.stringify(src)}))}` +
    `try{new PerformanceObserver(function(l){l.getEntriesByName("first-contentful-paint")[0]&&setTimeout(g)}).observe({type:"paint",buffered:!0});` +
    `typeof PerformancePaintTiming=="undefined"&&g()}catch(e){g()}setTimeout(g,3e3)})()</script>`
  );
}

/** The module script every page with scripts requests: the layout's (pages add their own beside it). */
export function layoutScript(pages: string[]): string {
  const sets = pages.map((html) => new Set([...html.matchAll(MODULE_SCRIPT)].map((m) => m[1] ?? ''))).filter((s) => s.size > 0);
  const common = [...(sets[0] ?? [])].filter((src) => sets.every((s) => s.has(src)));
  if (common.length !== 1)
    throw new Error(`first paint: expected one module script on every page (the layout's), found ${common.length}: ${common.join(', ')}`);
  return common[0] ?? '';
}

/** Replaces the parser's request of `src` with the loader. */
export function deferScript(html: string, src: string): string {
  const tag = `<script type="module" src="${src}"></script>`;
  if (!html.includes(tag)) throw new Error(`first paint: the page does not request ${src}`);
  return html.replace(tag, loaderFor(src));
}

/** Small icons go into the page; larger ones stay linked (the 192-px one is 5.6 KB). */
const INLINE_ICON_BYTES = 1024;
const ICON = /<link rel="icon" href="([^"]*)(icons\/[^"]+\.png)"/g;

/** Writes each small PNG favicon the page links into it as a data: URL (`read` gives a file's bytes). */
export function inlineIcons(html: string, read: (file: string) => Buffer): string {
  return html.replace(ICON, (tag, _base: string, file: string) => {
    const png = read(file);
    return png.length > INLINE_ICON_BYTES ? tag : `<link rel="icon" href="data:image/png;base64,${png.toString('base64')}"`;
  });
}

/** Rewrites every page of the build. Returns how many pages it rewrote and the stylesheets it joined. */
export function applyFirstPaint(outDir: string): { pages: number; labChapters: number; stylesheet: string; joined: string[]; removed: string[] } {
  const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(outDir, f));
  const pages = files.map((f) => ({ f, html: readFileSync(f, 'utf8') }));
  const script = layoutScript(pages.map((p) => p.html));
  const sheets = pages.map((p) => stylesheetsOf(p.html));
  const bases = new Set(sheets.filter((x) => x.files.length).map((x) => x.base));
  if (bases.size > 1) throw new Error(`first paint: stylesheets linked under several bases (${[...bases].join(', ')})`);
  // Each stylesheet read once (bookOrder and the joined file both need its text).
  const texts = new Map<string, string>();
  const cssOf = (f: string): string => {
    const known = texts.get(f);
    if (known !== undefined) return known;
    const text = readFileSync(join(outDir, f), 'utf8');
    // Joined text must keep its meaning: @import and @charset are only valid at a sheet's start.
    if (/@import|@charset/.test(text)) throw new Error(`first paint: ${f} has @import or @charset and cannot be joined with others`);
    texts.set(f, text.endsWith('\n') ? text : `${text}\n`);
    return cssOf(f);
  };
  const joined = bookOrder(
    sheets.map((x) => x.files),
    cssOf,
  );
  const css = joined.map(cssOf).join('');
  const stylesheet = joinedName(css);
  writeFileSync(join(outDir, stylesheet), css);
  const icons = new Map<string, Buffer>();
  const readIcon = (file: string): Buffer => icons.get(file) ?? icons.set(file, readFileSync(join(outDir, file))).get(file)!;
  let labChapters = 0;
  const written = pages.map((p, i) => {
    let html = p.html.includes(script) ? deferScript(p.html, script) : p.html;
    if (sheets[i]?.files.length) html = linkOneStylesheet(html, sheets[i]?.base ?? '', stylesheet);
    html = inlineIcons(html, readIcon);
    if (isLabChapter(html)) {
      html = gatherLabProps(html);
      labChapters += 1;
    }
    writeFileSync(p.f, html);
    return html;
  });
  // A stylesheet no page and no script names any more is not shipped (nor precached).
  const scriptsAndSheets = (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => readFileSync(join(outDir, f), 'utf8'));
  const named = [...written, ...scriptsAndSheets];
  const removed = joined.filter((s) => {
    const name = s.slice(s.lastIndexOf('/') + 1);
    return existsSync(join(outDir, s)) && !named.some((t) => t.includes(name));
  });
  removed.forEach((s) => rmSync(join(outDir, s)));
  return { pages: pages.length, labChapters, stylesheet, joined, removed };
}
