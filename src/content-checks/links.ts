/**
 * Checks the book's internal links: `../slug/#id` between chapters, `#id` within a chapter and quiz
 * `proof="#id"` anchors. The interview chapter links into every other chapter, and chapters are
 * written by different people at the same time, so a renamed heading id must fail `npm test`
 * instead of sending an interview reader to the top of a page.
 *
 * Ids come from headings written `## Title {#id}` (ARCHITECTURE.md) and from JSX `id="…"` props.
 * Relative links are the book's convention because they survive any base path (BOOK_BASE); an
 * absolute `/en/time-wait/` works on a local build and 404s on GitHub Pages, so it fails here with
 * the relative link to write instead.
 */
import { blankFences, lineAt } from './mdx-source.ts';

/** One chapter: its language, slug and MDX source. */
export interface LinkChapter {
  path: string;
  lang: string;
  slug: string;
  source: string;
}

/** A broken internal link. */
export interface LinkIssue {
  file: string;
  line: number;
  message: string;
}

/** Routes that are pages of the site, not chapters (ARCHITECTURE.md "Routes"). */
export const NON_CHAPTER_ROUTES = ['labs', 'drill', 'review'] as const;

/** The anchor ids a chapter defines. */
export function chapterIds(source: string): Set<string> {
  const ids = new Set<string>();
  for (const m of source.matchAll(/^#{1,6}\s.*\{#([A-Za-z0-9_-]+)\}\s*$/gm)) ids.add(m[1] as string);
  // Quiz ids are not anchors, so only plain HTML elements count.
  for (const m of source.matchAll(/<(?:h[1-6]|a|span|div|section)\b[^>]*\bid="([A-Za-z0-9_-]+)"/g)) ids.add(m[1] as string);
  return ids;
}

/**
 * A sequence-lab deep link (`lab=lab-<scenario>&s=<scenario>&step=n`, src/labs/view/lab-hash.ts)
 * must name a lab the target chapter shows: the lab's DOM id is `lab-<scenario>` for the first lab of
 * that scenario on the page, `lab-<scenario>-2` for the second, and so on.
 */
export function checkLabLink(hash: string, targetSource: string): string | null {
  const p = new URLSearchParams(hash);
  const lab = p.get('lab') ?? '';
  const m = /^lab-([a-z0-9-]+?)(?:-(\d+))?$/.exec(lab);
  if (!m) return `lab id "${lab}" is not of the form lab-<scenario>`;
  const shown = [...targetSource.matchAll(/<SequenceLab\b[^>]*\bscenario="([a-z0-9-]+)"/g)].map((x) => x[1]);
  const scenario = m[1] as string;
  const nth = m[2] ? Number(m[2]) : 1;
  if (shown.filter((s) => s === scenario).length < nth)
    return nth > 1 ? `the chapter shows fewer than ${nth} <SequenceLab scenario="${scenario}">` : `the chapter shows no <SequenceLab scenario="${scenario}">`;
  const s = p.get('s');
  if (s !== null && s !== scenario) return `s=${s} differs from the lab's scenario ${scenario}`;
  const step = p.get('step');
  if (step !== null && !/^\d{1,5}$/.test(step)) return `step "${step}" is not a whole number`;
  return null;
}

/**
 * An absolute internal link names no base path, so it 404s when the book is served under one
 * (`BOOK_BASE=/tcp-book/`, GitHub Pages). The message gives the relative link that works everywhere.
 */
export function absoluteLinkMessage(target: string, lang: string): string {
  const m = /^\/(ko|en)\/([^#?]*)(.*)$/.exec(target);
  const fix = m ? (m[1] === lang ? `../${m[2]}${m[3]}` : `../../${m[1]}/${m[2]}${m[3]}`) : null;
  const how = fix
    ? `write "${fix}" (relative links work under any base path)`
    : 'link a chapter as "../slug/", or build the URL with href() from src/site/urls.ts in a component';
  return `absolute link "${target}" breaks when the book is served under a base path (BOOK_BASE=/tcp-book/, GitHub Pages): ${how}`;
}

/** Every broken internal link or anchor across a set of chapters. */
export function checkLinks(chapters: readonly LinkChapter[]): LinkIssue[] {
  const ids = new Map<string, Set<string>>();
  const sources = new Map<string, string>();
  for (const c of chapters) {
    ids.set(`${c.lang}/${c.slug}`, chapterIds(c.source));
    sources.set(`${c.lang}/${c.slug}`, c.source);
  }
  const issues: LinkIssue[] = [];
  for (const c of chapters) {
    const src = blankFences(c.source);
    const own = ids.get(`${c.lang}/${c.slug}`) as Set<string>;
    // Markdown links and href props: ](target) or href="target".
    for (const m of src.matchAll(/\]\(([^)\s]+)\)|\bhref="([^"]+)"/g)) {
      const target = (m[1] ?? m[2]) as string;
      const line = lineAt(src, m.index);
      const rel = /^(?:\.\.\/|\.\.\/\.\.\/(ko|en)\/)([a-z0-9-]+)\/(?:#([A-Za-z0-9_-]+|lab=[^#\s]+))?$/.exec(target);
      if (target.startsWith('#lab=')) {
        const problem = checkLabLink(target.slice(1), c.source);
        if (problem) issues.push({ file: c.path, line, message: `"${target}": ${problem}` });
        continue;
      }
      if (target.startsWith('#')) {
        if (!own.has(target.slice(1))) issues.push({ file: c.path, line, message: `no heading id "${target.slice(1)}" in this chapter` });
        continue;
      }
      if (/^(?:https?:|mailto:)/.test(target)) continue;
      if (target.startsWith('/')) {
        issues.push({ file: c.path, line, message: absoluteLinkMessage(target, c.lang) });
        continue;
      }
      if (!rel) {
        if (target.startsWith('../') || target.startsWith('/')) {
          issues.push({ file: c.path, line, message: `internal link "${target}" is not of the form ../slug/, ../slug/#id or ../../<lang>/slug/` });
        }
        continue;
      }
      const lang = rel[1] ?? c.lang;
      const slug = rel[2] as string;
      const anchor = rel[3];
      if ((NON_CHAPTER_ROUTES as readonly string[]).includes(slug)) {
        if (anchor) issues.push({ file: c.path, line, message: `"${target}": the ${slug} page has no anchors to check` });
        continue;
      }
      const targetIds = ids.get(`${lang}/${slug}`);
      if (!targetIds) {
        issues.push({ file: c.path, line, message: `"${target}": no chapter ${lang}/${slug}` });
      } else if (anchor?.startsWith('lab=')) {
        const problem = checkLabLink(anchor, sources.get(`${lang}/${slug}`) as string);
        if (problem) issues.push({ file: c.path, line, message: `"${target}": ${problem}` });
      } else if (anchor && !targetIds.has(anchor)) {
        issues.push({ file: c.path, line, message: `"${target}": ${lang}/${slug} has no heading id "${anchor}"` });
      }
    }
    for (const m of src.matchAll(/\bproof="#([^"]*)"/g)) {
      if (!own.has(m[1] as string))
        issues.push({ file: c.path, line: lineAt(src, m.index), message: `quiz proof "#${m[1]}" names no heading id in this chapter` });
    }
  }
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** `file:line: message`. */
export function formatLinkIssue(i: LinkIssue): string {
  return `${i.file}:${i.line}: ${i.message}`;
}
