import { en, type UiKey } from './en';
import { ko } from './ko';
import { fill } from './fill.ts';
import type { Locale } from './locales';

export { locales, isLocale, type Locale } from './locales';
export type { UiKey } from './en';

const dictionaries: Record<Locale, Record<UiKey, string>> = { en, ko };

/**
 * Looks up a UI string; `{name}` placeholders are filled from `vars`.
 * Islands receive the few strings they need as props instead of importing every dictionary.
 */
export function t(lang: Locale, key: UiKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  return vars ? fill(text, vars) : text;
}

/** A translator bound to one language, for use in a page. */
export function useTranslations(lang: Locale): (key: UiKey, vars?: Record<string, string | number>) => string {
  return (key, vars) => t(lang, key, vars);
}
