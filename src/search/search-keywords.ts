import type { GlossaryEntry } from '../data/glossary';
import type { Locale } from '../i18n/locales';

/**
 * Hyphen/underscore/space variants of a spelling: readers type TIME_WAIT, TIME-WAIT, time wait and
 * timewait for the same state, and pagefind only matches what is literally indexed (prefixes of words), so the search box
 * expands a query with these (aliases.ts, query.ts).
 */
export function spellingVariants(term: string): string[] {
  const out = new Set([term]);
  // Only for Latin-script terms: "4-way 핸드셰이크" → "4_way 핸드셰이크" helps nobody and clutters excerpts.
  if (/^[\x20-\x7e]+$/.test(term) && /[A-Za-z0-9][-_ ][A-Za-z0-9]/.test(term)) {
    for (const sep of ['-', '_', ' ', '']) out.add(term.replace(/(?<=[A-Za-z0-9])[-_ ](?=[A-Za-z0-9])/g, sep));
  }
  return [...out];
}

/** Every searchable spelling of an entry for pages in `lang` (Korean pages also get English terms: readers type both). */
export function entryKeywords(entry: GlossaryEntry, lang: Locale): string[] {
  const own = [entry[lang], ...(entry.aliases?.[lang] ?? [])];
  const english = lang === 'ko' ? [entry.en, ...(entry.aliases?.en ?? [])] : [];
  const spellings = Object.values(entry.spellings ?? {});
  return [...new Set([...own, ...english, ...spellings].flatMap(spellingVariants))];
}
