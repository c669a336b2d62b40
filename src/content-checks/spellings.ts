/**
 * The spellings check: the study notes' typos (SYN_SEND, SYN_RECIEVED, ESTACLISHED) and
 * their "TIME_WAIT default 240 s" must never reach a reader as fact. They may only be quoted where the
 * book says they are wrong, so a sentence copied from the notes fails `npm test` with file and line.
 *
 * Where a quote is allowed:
 * - inside `<Callout type="misconception" …>…</Callout>` (its `title` quotes the usual claim);
 * - inside `<SpotError …>…</SpotError>`: by contract (ARCHITECTURE.md) its `claim` is a wrong claim
 *   from study notes that the reader must find the error in, and its options explain it.
 *
 * Reads MDX through mdx-source.ts (like the quiz lint), so it reports exact lines.
 */
import { jsxTags, lineAt, propText } from './mdx-source.ts';

/** One forbidden spelling: what it matches and what the book writes instead. */
export interface ForbiddenSpelling {
  id: string;
  /** Global, so every occurrence on a line is found. */
  pattern: RegExp;
  /** What is true instead, shown in the failure. */
  instead: string;
}

/** A `\_` in Markdown is an escaped underscore, as in the notes' `SYN\_SEND`. */
const US = String.raw`(?:\\?_|-| )`;

/**
 * Sentences that give 240 s as a *default*. Windows 2000 really had 240 s, and RFC 9293's 2×MSL is
 * 240 s, so a sentence naming either is a sourced fact and not the notes' claim.
 */
const DEFAULT_240 = new RegExp(
  String.raw`(?:default|디폴트|기본값?)[^.\n。]{0,24}?240\s*(?:s\b|sec|seconds|초)|240\s*(?:s\b|sec|seconds|초)[^.\n]{0,16}?(?:by default|default|디폴트|기본)`,
  'gi',
);

/** The forbidden spellings. */
export const FORBIDDEN: readonly ForbiddenSpelling[] = [
  { id: 'SYN_SEND', pattern: new RegExp(String.raw`\bSYN${US}SEND\b`, 'gi'), instead: 'SYN-SENT (Linux TCP_SYN_SENT, netstat SYN_SENT)' },
  { id: 'SYN_RECIEVED', pattern: new RegExp(String.raw`\bSYN${US}RECIEVED\b`, 'gi'), instead: 'SYN-RECEIVED (Linux TCP_SYN_RECV, ss SYN-RECV)' },
  { id: 'ESTACLISHED', pattern: /ESTACLISHED/gi, instead: 'ESTABLISHED' },
  {
    id: 'TIME_WAIT default 240 s',
    pattern: DEFAULT_240,
    instead: 'no system defaults to 240 s today: Linux 60 s fixed, Windows 120 s, macOS 30 s; the RFC’s 2×MSL is 240 s',
  },
];

/** Sentences in which a 240 s figure is attributed to a source, not claimed as a default. */
const ATTRIBUTED_240 = /Windows\s*2000|2\s*[×x*]\s*MSL|RFC/i;

/** A forbidden spelling found outside the places that may quote it. */
export interface SpellingIssue {
  file: string;
  line: number;
  id: string;
  text: string;
  message: string;
}

/** One region (character offsets, end exclusive) where quoting the notes is allowed. */
interface Region {
  start: number;
  end: number;
}

/**
 * The misconception callouts and SpotError quizzes of a chapter. An unclosed one runs to the end of the
 * file: MDX would reject the file anyway, and the build reports that better than this check could.
 */
export function allowedRegions(src: string): Region[] {
  const regions: Region[] = [];
  for (const t of jsxTags(src, ['Callout', 'SpotError'])) {
    const a = t.attributes;
    if ('error' in a) {
      regions.push({ start: t.start, end: src.length });
      continue;
    }
    if (t.name === 'Callout' && propText(a.props.type) !== 'misconception') continue;
    if (a.selfClosing) {
      regions.push({ start: t.start, end: a.end });
      continue;
    }
    const close = src.indexOf(`</${t.name}>`, a.end);
    regions.push({ start: t.start, end: close < 0 ? src.length : close + t.name.length + 3 });
  }
  return regions;
}

/** The sentence around `index`, so the 240 s rule can see whether the figure is attributed. */
function sentenceAround(src: string, index: number): string {
  const before = Math.max(src.lastIndexOf('.', index - 1), src.lastIndexOf('\n\n', index - 1), src.lastIndexOf('|', index - 1));
  const afterDot = src.indexOf('.', index);
  const afterPara = src.indexOf('\n\n', index);
  const ends = [afterDot, afterPara].filter((n) => n >= 0);
  const after = ends.length ? Math.min(...ends) : src.length;
  return src.slice(before + 1, after);
}

/** Every forbidden spelling in one chapter outside misconception callouts and SpotError quizzes. */
export function checkSpellings(file: string, src: string): SpellingIssue[] {
  const regions = allowedRegions(src);
  const inside = (i: number) => regions.some((r) => i >= r.start && i < r.end);
  const issues: SpellingIssue[] = [];
  for (const f of FORBIDDEN) {
    const re = new RegExp(f.pattern.source, f.pattern.flags);
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (inside(m.index)) continue;
      if (f.id === 'TIME_WAIT default 240 s' && ATTRIBUTED_240.test(sentenceAround(src, m.index))) continue;
      issues.push({
        file,
        line: lineAt(src, m.index),
        id: f.id,
        text: m[0],
        message: `"${m[0]}" outside a misconception callout; write ${f.instead}`,
      });
    }
  }
  return issues.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
}

/** `file:line: message`, the form editors and CI logs turn into links. */
export function formatSpellingIssue(i: SpellingIssue): string {
  return `${i.file}:${i.line}: ${i.message}`;
}
