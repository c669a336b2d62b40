import type { GlossaryEntry } from '../data/glossary';
import type { Locale } from '../i18n/locales';

/**
 * Hyphen/underscore/space variants of a spelling: readers type TIME_WAIT, TIME-WAIT, time wait and
 * timewait for the same state, and pagefind only matches what is literally indexed (prefixes of words).
 */
export function spellingVariants(term: string): string[] {
  const out = new Set([term]);
  // Only for Latin-script terms: "4-way 핸드셰이크" → "4_way 핸드셰이크" helps nobody and clutters excerpts.
  if (/^[\x20-\x7e]+$/.test(term) && /[A-Za-z0-9][-_ ][A-Za-z0-9]/.test(term)) {
    for (const sep of ['-', '_', ' ', '']) out.add(term.replace(/(?<=[A-Za-z0-9])[-_ ](?=[A-Za-z0-9])/g, sep));
  }
  return [...out];
}

/** The spellings that prove a chapter talks about the term (not aliases: "handshake" is too broad to prove 3-way). */
function strongSpellings(entry: GlossaryEntry): string[] {
  return [entry.ko, entry.en, ...Object.values(entry.spellings ?? {})].flatMap(spellingVariants);
}

/** Every searchable spelling of an entry for pages in `lang` (Korean pages also get English terms: readers type both). */
export function entryKeywords(entry: GlossaryEntry, lang: Locale): string[] {
  const own = [entry[lang], ...(entry.aliases?.[lang] ?? [])];
  const english = lang === 'ko' ? [entry.en, ...(entry.aliases?.en ?? [])] : [];
  const spellings = Object.values(entry.spellings ?? {});
  return [...new Set([...own, ...english, ...spellings].flatMap(spellingVariants))];
}

const tokenPatterns = new Map<string, RegExp>();

/**
 * Whether `text` contains `needle` as a token: "FIN" is not found in "FINISHED" or "define", but
 * "TIME-WAIT" is found in "TIME-WAIT를" (Korean particles attach to the word they follow).
 */
function mentions(text: string, needle: string): boolean {
  let re = tokenPatterns.get(needle);
  if (!re) {
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const tail = /[A-Za-z0-9]$/.test(needle) ? '(?![A-Za-z0-9_])' : '';
    re = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}${tail}`, 'iu');
    tokenPatterns.set(needle, re);
  }
  return re.test(text);
}

/** The keywords to hide in one chapter, in two weights. */
export interface ChapterKeywords {
  /** Terms the glossary says this chapter explains: indexed with a higher weight. */
  primary: string[];
  /** Terms the chapter mentions: indexed at normal weight. */
  mentioned: string[];
}

/**
 * Chooses the alias keywords for one chapter from the glossary: entries listing the chapter's slug
 * (primary), and entries whose term or state spelling appears in the chapter's source (mentioned).
 */
export function chapterKeywords(glossary: readonly GlossaryEntry[], slug: string, lang: Locale, body: string): ChapterKeywords {
  const primary = new Set<string>();
  const mentioned = new Set<string>();
  for (const entry of glossary) {
    if (entry.chapters?.includes(slug)) entryKeywords(entry, lang).forEach((k) => primary.add(k));
    else if (strongSpellings(entry).some((s) => mentions(body, s))) entryKeywords(entry, lang).forEach((k) => mentioned.add(k));
  }
  // Spellings the prose already contains are found there, with a real excerpt: add only the others.
  const absent = (k: string) => !mentions(body, k);
  // Word-level dedupe: a word already boosted as primary must not be repeated at the lower weight.
  const primaryWords = new Set([...primary].flatMap((k) => k.toLowerCase().split(/\s+/)));
  return {
    primary: [...primary].filter(absent),
    mentioned: [...mentioned].filter((k) => absent(k) && !k.toLowerCase().split(/\s+/).every((w) => primaryWords.has(w))),
  };
}
