import { locales, type Locale } from '../i18n/locales';
import { absoluteHref, langPath } from './urls';

/** One `<link rel="alternate" hreflang>` entry. */
export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates for a page that exists in every language at `/<lang>/<rest>`; x-default points
 * at the landing page, which lets the reader choose. Every page of the book (chapters, TOC, labs, 404)
 * exists in both languages, so one function serves them all.
 */
export function alternatesFor(rest: string): Alternate[] {
  return [...locales.map((lang) => ({ hreflang: lang, href: absoluteHref(langPath(lang, rest)) })), { hreflang: 'x-default', href: absoluteHref('') }];
}

/** Open Graph locale codes; OG wants language_TERRITORY. */
export const ogLocale: Record<Locale, string> = { ko: 'ko_KR', en: 'en_US' };
