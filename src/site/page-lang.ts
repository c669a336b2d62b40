import { isLocale, type Locale } from '../i18n/locales';
import { stripBase } from './urls';

/**
 * The language of the page being rendered, read from its URL. MDX components (Callout, OnYourMachine)
 * are rendered inside chapters without props telling them the language; the URL is the one truth.
 * Falls back to English for pages outside /ko/ and /en/ (the landing page, the root 404).
 */
export function pageLang(url: URL): Locale {
  const first = stripBase(url.pathname).split('/')[0];
  return isLocale(first) ? first : 'en';
}
