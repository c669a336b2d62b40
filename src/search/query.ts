/**
 * What the search box does with a reader's words before and after pagefind, as pure functions
 * (tested without a browser; `client/search-ui.ts` wires them to pagefind and the dialog).
 *
 * Why not pagefind's query as typed: pagefind requires every word of a query (one word it has
 * never seen empties the results), has no Korean stemming (it matches prefixes of indexed words, so
 * "필요해" misses "필요합니다"), and knows nothing of spelling variants. So the query is cut into
 * units, each unit is searched on its own with its alternatives, and the section scores are added
 * up, like a search engine's OR query ranked by BM25 (pagefind's score is a BM25 score per term):
 * - a glossary spelling (핸드쉐이크, TIME_WAIT, `time wait`, SYN_RECV) is one unit whose
 *   alternatives are what the reader typed and the term the book's prose uses;
 * - a Korean word that matches nothing is retried without its last syllables (쌓이는 → 쌓), so
 *   particles and verb endings do not hide the stem;
 * - Korean particles after a Latin term are dropped (TIME_WAIT가 → TIME_WAIT);
 * - a unit that matches nothing anywhere is left out and shown to the reader as not found.
 * The variants are never indexed, so they never show in an excerpt and never lift a chapter that
 * only mentions a term above the one whose prose explains it.
 */
import type { Locale } from '../i18n/locales.ts';

/**
 * One spelling a reader may type, the term the book's prose uses for it in one language, and the
 * chapters the glossary says explain the term.
 */
export type AliasTable = readonly (readonly [variant: string, canonical: string, chapters: readonly string[]])[];

/** A part of the query that is searched on its own. */
export interface QueryUnit {
  /** What the reader typed for this unit. */
  typed: string;
  /** The strings to search for, what was typed first; a section's score for the unit is the best of them. */
  alternatives: string[];
  /** For a glossary term: the chapters that explain it (their sections rank higher for it). */
  chapters?: readonly string[];
}

/** Words that carry no meaning of their own in English questions (pagefind matches them everywhere). */
const EN_STOP = new Set(
  'a an the is are was were be been do does did of to in on at for and or it its i my me we our you your can could would should will there this that these those than then so as by from about into'.split(
    ' ',
  ),
);

/**
 * Korean question endings and helper verbs: they say "this is a question", not what it is about, and
 * the interview chapter's headings end in them (되나요?, 인가요?), so they would pull every question
 * heading up. 왜 stays: "why" sections are what such a query wants.
 */
const KO_STOP = new Set(
  '어떻게 돼 되나 되나요 되요 되는지 하나 하나요 해 해요 하는지 인가 인가요 일까 뭐 뭐야 뭔가요 무엇 무엇인가요 있나 있나요 있어 있어요 없나 써도 해도 돼요 알려줘 설명해줘 궁금해 궁금합니다'.split(
    ' ',
  ),
);

const LATIN_THEN_HANGUL = /^([A-Za-z0-9][A-Za-z0-9_\-+./×()]*?)([\uac00-\ud7a3]+)$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new WeakMap<AliasTable, RegExp[]>();

/** The pattern of one spelling, compiled once per table: a whole word ("FIN" is not in "FINISH"), Korean particles may follow. */
function spellingPattern(aliases: AliasTable, i: number): RegExp {
  let list = patterns.get(aliases);
  if (!list) patterns.set(aliases, (list = []));
  let re = list[i];
  if (!re) {
    const variant = aliases[i]![0];
    const tail = /[A-Za-z0-9_]$/.test(variant) ? '(?![A-Za-z0-9_])' : '';
    re = list[i] = new RegExp(`(?<=[\\s])${escapeRe(variant)}${tail}([\\uac00-\\ud7a3]{0,3})(?=\\s)`, 'iu');
  }
  return re;
}

/**
 * Cuts a query into units: glossary spellings first (longest first, so "time wait state" wins over
 * "time wait"), then the remaining words.
 */
export function prepareQuery(raw: string, lang: Locale, aliases: AliasTable): QueryUnit[] {
  let rest = ` ${raw
    .normalize('NFC')
    .replace(/[?!？,;:"“”'‘’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  const units: QueryUnit[] = [];
  const lower = rest.toLowerCase();
  for (const [i, [variant, canonical, chapters]] of aliases.entries()) {
    if (!lower.includes(variant.toLowerCase())) continue; // cheap test before the pattern
    const m = spellingPattern(aliases, i).exec(rest);
    if (!m) continue;
    const typed = m[0].slice(0, m[0].length - (m[1]?.length ?? 0));
    const alternatives = [...new Set([typed, canonical])];
    units.push({ typed, alternatives, chapters });
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  }
  for (const word of rest.split(' ')) {
    if (!word) continue;
    if (EN_STOP.has(word.toLowerCase()) || KO_STOP.has(word)) continue;
    const split = LATIN_THEN_HANGUL.exec(word);
    units.push({ typed: word, alternatives: [split ? split[1]! : word] });
  }
  // A query of nothing but such words ("what is", "어떻게 돼") is searched as typed.
  if (!units.length) for (const word of rest.split(' ').filter(Boolean)) units.push({ typed: word, alternatives: [word] });
  return units;
}

/**
 * Shorter forms of a word to try when it matches nothing: a Korean word loses syllables from its
 * end (particles and endings), down to one. Other words have no shorter form.
 */
export function fallbacks(word: string): string[] {
  if (!/^[\uac00-\ud7a3]{2,}$/.test(word)) return [];
  const out: string[] = [];
  for (let n = word.length - 1; n >= 1; n--) out.push(word.slice(0, n));
  return out;
}

/** pagefind's score of each record for one string (record id → score). */
export type Scores = ReadonlyMap<string, number>;

/** A record's combined score and the units it matched. */
export interface Ranked {
  id: string;
  score: number;
  /** Indices of the units this record matched. */
  matched: number[];
}

/**
 * Adds up per-unit scores. `perUnit[i]` holds the record scores for unit i (already the best of its
 * alternatives). A record that matches more of the query ranks higher: its sum is scaled by the
 * share of the query it matches, squared, where each unit counts by how rare it is (a unit found in
 * few sections, such as tcp_tw_reuse, says more than one found nearly everywhere, such as the stem
 * 되 of 되나), and a unit found only through a shortened Korean stem counts half. Units that
 * matched nothing anywhere do not count.
 */
export function combine(perUnit: readonly Scores[], shortened: readonly boolean[] = []): Ranked[] {
  const weight = perUnit.map((s, i) => (s.size ? Math.log(1 + INDEX_SIZE / s.size) * (shortened[i] ? 0.5 : 1) : 0));
  const total = weight.reduce((a, b) => a + b, 0);
  const byId = new Map<string, Ranked>();
  perUnit.forEach((scores, i) => {
    for (const [id, score] of scores) {
      const r = byId.get(id) ?? { id, score: 0, matched: [] };
      r.score += score;
      r.matched.push(i);
      byId.set(id, r);
    }
  });
  const share = (r: Ranked) => (total ? r.matched.reduce((a, i) => a + weight[i]!, 0) / total : 0);
  const ranked = [...byId.values()].map((r) => ({ ...r, score: r.score * share(r) ** 2 }));
  return ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** About how many sections one language's index holds; only the ratio to a unit's hits matters. */
const INDEX_SIZE = 100;

/**
 * The best alternative per record: the highest score any alternative of a unit gave it.
 *
 * A tool's own spelling (TCP_SYN_RECV, SYN_RECV, tcp.flags.syn: underscores or dots) that is in the
 * book as typed means the reader wants where the book shows that spelling (the glossary's table,
 * an `ss` output), so those sections count more than ones with the book's usual term. pagefind
 * answers a compound it has never indexed (SYN_RCVD) with its parts (every SYN): such a spelling,
 * finding more sections than the book's term, is taken as not in the book, and only the term counts.
 */
export function bestOf(alternatives: readonly Scores[], typed = ''): Map<string, number> {
  const out = new Map<string, number>();
  const own = alternatives[0]?.size ?? 0;
  const others = Math.max(0, ...alternatives.slice(1).map((a) => a.size));
  const toolSpelling = /[_.]/.test(typed) && alternatives.length > 1;
  const literal = toolSpelling && own > 0 && own <= others;
  alternatives.forEach((scores, i) => {
    if (i === 0 && toolSpelling && !literal) return;
    const w = i > 0 && literal ? OTHER_SPELLING : 1;
    for (const [id, s] of scores) out.set(id, Math.max(out.get(id) ?? 0, s * w));
  });
  return out;
}

/** How much a section with the book's term counts next to one with the reader's own spelling. */
const OTHER_SPELLING = 0.25;

/** How much more a section of a chapter that explains a query's term counts. */
export const EXPLAINING_CHAPTER = 1.6;

/** The boost of a section (by its URL) for the units it matched: once, if any unit's term is explained by its chapter. */
export function chapterBoost(url: string, units: readonly QueryUnit[], matched: readonly number[]): number {
  const slug = /\/([^/]+)\/(?:#.*)?$/.exec(url)?.[1] ?? '';
  return matched.some((i) => units[i]?.chapters?.includes(slug)) ? EXPLAINING_CHAPTER : 1;
}

/** A piece of an excerpt: plain text, or a word that matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of a section's text around the words that matched: the window of `size` words with the
 * most different matched stems (then the most matches), with "…" where it is cut. `stems` are the
 * strings that matched (lowercase prefix match, as pagefind matches).
 */
export function excerpt(content: string, stems: readonly string[], size = 26): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  const keys = [...new Set(stems.map((s) => s.toLowerCase()).filter(Boolean))];
  const hitOf = (w: string): number => {
    const lw = w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
    return keys.findIndex((k) => lw.startsWith(k) || (k.includes(' ') ? false : lw.includes(k) && /[-_]/.test(k)));
  };
  const hits = words.map(hitOf);
  let best = 0;
  let bestKey = [-1, -1];
  for (let start = 0; start < Math.max(1, words.length - size + 1); start++) {
    const window = hits.slice(start, start + size).filter((h) => h >= 0);
    const key = [new Set(window).size, window.length];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) {
      bestKey = key;
      best = start;
    }
  }
  // Start a little before the first match, so the sentence around it reads.
  const inWindow = hits.map((h, i) => (i >= best && i < best + size && h >= 0 ? i : -1)).filter((i) => i >= 0);
  const first = inWindow[0] ?? best;
  const last = inWindow[inWindow.length - 1] ?? best;
  const lead = Math.max(0, Math.min(4, size - (last - first + 1)));
  const from = Math.max(0, first - lead);
  const slice = words.slice(from, from + size);
  const parts: ExcerptPart[] = [];
  if (from > 0) parts.push({ text: '… ', mark: false });
  slice.forEach((w, i) => {
    const sep = i < slice.length - 1 ? ' ' : '';
    if (hits[from + i]! >= 0) {
      parts.push({ text: w, mark: true });
      if (sep) parts.push({ text: sep, mark: false });
    } else {
      const last = parts[parts.length - 1];
      if (last && !last.mark) last.text += w + sep;
      else parts.push({ text: w + sep, mark: false });
    }
  });
  if (from + size < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/** A section shown in the results. */
export interface SectionHit {
  url: string;
  title: string;
  chapter: string;
  score: number;
}

/** Results grouped by chapter: chapters in the order of their best section, sections by score. */
export interface ChapterGroup {
  chapter: string;
  /** The chapter's URL (a section URL without its #anchor). */
  url: string;
  sections: SectionHit[];
}

export function groupByChapter(hits: readonly SectionHit[], perChapter = 3): ChapterGroup[] {
  const groups = new Map<string, ChapterGroup>();
  for (const hit of [...hits].sort((a, b) => b.score - a.score)) {
    const url = hit.url.split('#')[0]!;
    const g = groups.get(url) ?? { chapter: hit.chapter, url, sections: [] };
    if (g.sections.length < perChapter) g.sections.push(hit);
    groups.set(url, g);
  }
  return [...groups.values()];
}
