/**
 * The spellings readers type for each glossary term, mapped to the term the book's prose uses in
 * one language (src/data/glossary.ts is the one source). The search box expands a query with them
 * (query.ts); nothing of this is indexed.
 */
import type { GlossaryEntry } from '../data/glossary.ts';
import type { Locale } from '../i18n/locales.ts';
import type { AliasTable } from './query.ts';
import { entryKeywords } from './search-keywords.ts';

/** Every spelling of every entry → the entry's term in `lang`, longest spelling first. */
export function aliasTable(glossary: readonly GlossaryEntry[], lang: Locale): AliasTable {
  const seen = new Map<string, readonly [string, string, readonly string[]]>();
  for (const entry of glossary) {
    for (const variant of [entry[lang], ...entryKeywords(entry, lang)]) {
      const key = variant.toLowerCase();
      // The first entry to claim a spelling keeps it (states come first in the glossary).
      if (variant.length >= 2 && !seen.has(key)) seen.set(key, [key, entry[lang], entry.chapters ?? []]);
    }
  }
  return [...seen.values()].sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
}
