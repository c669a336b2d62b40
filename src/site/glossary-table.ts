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

/** One piece of a table cell's text: `keep` pieces are rendered unbreakable (a nowrap span). */
export interface TextRun {
  text: string;
  keep: boolean;
}

/**
 * Splits a cell's text so that words a browser would otherwise break at punctuation stay whole:
 * state names and compounds at their hyphen ("SYN-" / "RECEIVED", "4-" / "tuple"), a call before
 * its Korean particle ("close()" / "하기를"), a parenthesis before one ("(ESTABLISHED)" / "가"). Words without such punctuation are left to the
 * browser, which breaks only between words there (word-break: keep-all).
 */
export function unbreakableRuns(text: string): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(/\S*(?:[\p{L}\p{N}](?:-[\p{L}\p{N}]|\(\))|\)\p{L})\S*/gu)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), keep: false });
    out.push({ text: m[0], keep: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), keep: false });
  return out;
}
