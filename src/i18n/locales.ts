/** The book's languages, in the order the language switcher lists them. */
export const locales = ['ko', 'en'] as const;

/** A language code used in URLs (`/ko/…`) and in `<html lang>`. */
export type Locale = (typeof locales)[number];

/** Narrows a URL segment to a Locale, so routes cannot build pages for unknown languages. */
export function isLocale(value: string | undefined): value is Locale {
  return value === 'ko' || value === 'en';
}
