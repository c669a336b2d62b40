/**
 * Splits a built chapter page into one search record per section, so a result can open at the
 * section that answers the query (`/en/time-wait/#why-2msl`) and its excerpt comes from that
 * section's prose only.
 *
 * Runs at build time on the HTML Astro wrote (scripts/build.ts), not on the MDX source: what is
 * indexed is exactly what readers see. Pure string work, no DOM: the chapter body is the element
 * carrying `data-pagefind-body`, and every heading of the body is wrapped by `Heading.astro` in
 * `<div class="heading-wrap level-N">` at the top level of the body, which is where a section
 * starts. Elements marked `data-pagefind-ignore` (labs, quiz controls, anchors) stay in the
 * fragment: pagefind drops them when it indexes the record.
 */

/** One indexed section of a chapter. */
export interface SectionRecord {
  /** The section's URL: the chapter's URL, plus `#id` for every section but the introduction. */
  url: string;
  /** The heading id, or '' for the text before the first heading. */
  anchor: string;
  /** The heading's text (the chapter title for the introduction). */
  title: string;
  /** The chapter's title (its h1). */
  chapter: string;
  /** A small HTML document that pagefind indexes: the section's fragment inside `data-pagefind-body`. */
  html: string;
}

const HEADING_WRAP = /<div class="heading-wrap level-([23])">/g;

/** Finds the element that carries `data-pagefind-body` and returns its inner HTML, or null. */
export function pagefindBody(html: string): string | null {
  const open = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!open) return null;
  const tag = open[1]!.toLowerCase();
  const start = open.index + open[0].length;
  // Walk same-name tags to find the matching close (an article inside the article is allowed).
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return null;
}

/** Plain text of an HTML fragment (tags dropped, the few entities Astro writes decoded). */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Cuts the chapter at `chapterUrl` into section records. `lang` is the page's language (each
 * record is a document of its own, so pagefind needs `<html lang>` to put it in the right index).
 * The list of sources at the end of a chapter is not indexed: titles of RFCs are not an answer.
 */
export function chapterSections(html: string, chapterUrl: string, lang: string): SectionRecord[] {
  const body = pagefindBody(html);
  if (body === null) return [];
  const content = body.replace(/<section class="sources"[\s\S]*?<\/section>/, '');
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(content);
  const chapter = h1 ? textOf(h1[1]!) : '';
  const cuts = [...content.matchAll(HEADING_WRAP)].map((m) => m.index);
  const pieces = [0, ...cuts].map((from, i) => content.slice(from, i < cuts.length ? cuts[i] : content.length));
  const records: SectionRecord[] = [];
  for (const piece of pieces) {
    const heading = /<h([1-3])\b([^>]*)>([\s\S]*?)<\/h\1>/i.exec(piece);
    const sub = heading !== null && heading[1] !== '1';
    const anchor = sub ? (/\sid="([^"]+)"/.exec(heading[2]!)?.[1] ?? '') : '';
    if (sub && !anchor) continue; // a heading without an id cannot be linked to
    const title = anchor ? textOf(heading![3]!) : chapter;
    const fragment = piece;
    if (!textOf(fragment.replace(/<([a-z0-9-]+)\b[^>]*data-pagefind-ignore[\s\S]*?<\/\1>/gi, ''))) continue;
    const url = anchor ? `${chapterUrl}#${anchor}` : chapterUrl;
    const meta = `<span data-pagefind-meta="title:${escapeAttr(title)}"></span><span data-pagefind-meta="chapter:${escapeAttr(chapter)}"></span>`;
    records.push({
      url,
      anchor,
      title,
      chapter,
      html: `<!doctype html><html lang="${lang}"><head><title>${escapeAttr(title)}</title></head><body><main data-pagefind-body>${meta}${fragment}</main></body></html>`,
    });
  }
  return records;
}
