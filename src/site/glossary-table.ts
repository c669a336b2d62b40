import type { GlossaryEntry } from '../data/glossary';
import type { Locale } from '../i18n/locales';

/**
 * What the glossary table shows as "also written" for a term: the reader's-language aliases, then the
 * RFC and Wireshark spellings, without repeating the term itself. Pure, so the table is testable
 * without rendering Astro.
 */
export function variantsOf(entry: GlossaryEntry, lang: Locale): string[] {
  const own = new Set([entry.ko, entry.en].map((s) => s.toLowerCase()));
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (!s) return;
    const k = s.toLowerCase();
    if (own.has(k) || out.some((o) => o.toLowerCase() === k)) return;
    out.push(s);
  };
  for (const a of entry.aliases?.[lang] ?? []) add(a);
  add(entry.spellings?.rfc);
  add(entry.spellings?.wireshark);
  return out;
}
