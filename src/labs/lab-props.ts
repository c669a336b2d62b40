/**
 * What every lab wrapper needs at build time: the page's strings for one island (only the keys
 * it uses, in the page's language) and a DOM id that is unique on the page even when a chapter
 * shows the same scenario twice.
 */
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import type { Locale } from '../i18n/locales';
import { pickStrings } from './view/explain.ts';
import { href, langPath } from '../site/urls';

/** Key prefixes the sequence lab reads (also used by the capture lab, which embeds one). */
export const SEQUENCE_KEYS = [
  'labs.side.',
  'labs.lane.',
  'labs.seq.',
  'labs.ctl.',
  'labs.step',
  'labs.time',
  'labs.lost',
  'labs.retransmit',
  'labs.oldDuplicate',
  'labs.attacker',
  'labs.vars.',
  'labs.table.',
  'labs.knob',
  'labs.error.',
  'labs.what.',
  'labs.cite',
  'labs.timer.',
  'labs.reason.',
] as const;

/**
 * The string sets a lab may need, by name. A page writes each set once, whatever number of labs
 * use it (LabRoot.astro); every lab used to carry its own copy in its props, about 4 KB gz each.
 */
export const STRING_SETS = {
  sequence: SEQUENCE_KEYS,
  capture: ['labs.cap.'],
  'time-wait': ['labs.tw.'],
  inspector: ['labs.si.', 'labs.field.', 'labs.fieldname.'],
} as const satisfies Record<string, readonly string[]>;
export type StringSetName = keyof typeof STRING_SETS;

/**
 * Where a page's labs read their string sets: one JSON file per language with every set
 * (src/pages/[lang]/lab-strings.json.ts), fetched once when the first lab wakes and kept offline
 * with its edition. Written into each chapter, the sets cost a Korean reader's offline copy about
 * 25 KB gz; a reader without JS never needs them (the labs are rendered at build time).
 */
export function labStringsHref(lang: Locale): string {
  return href(langPath(lang, 'lab-strings.json'));
}

/** Every string set in `lang`, by name: the content of labStringsHref(lang). */
export function allLabStringSets(lang: Locale): Record<StringSetName, Record<string, string>> {
  return Object.fromEntries(Object.entries(STRING_SETS).map(([name, prefixes]) => [name, labStrings(lang, prefixes)])) as Record<
    StringSetName,
    Record<string, string>
  >;
}

/** Named string sets in `lang`, as LabRoot names them, and all of them merged, as the component takes them. */
export function labStringSets(
  lang: Locale,
  names: StringSetName[],
): { sets: Array<{ name: StringSetName; strings: Record<string, string> }>; strings: Record<string, string> } {
  const sets = names.map((name) => ({ name, strings: labStrings(lang, STRING_SETS[name]) }));
  return { sets, strings: Object.assign({}, ...sets.map((s) => s.strings)) as Record<string, string> };
}

/** The strings of `prefixes` in `lang`. */
export function labStrings(lang: Locale, prefixes: readonly string[]): Record<string, string> {
  return pickStrings(lang === 'ko' ? ko : en, prefixes);
}

/**
 * A page-unique id: `base` the first time, `base-2`, `base-3` … after. The counter lives in
 * Astro.locals, which is per page render, so ids are stable from build to build.
 */
export function uniqueLabId(locals: object, base: string): string {
  const store = locals as { labIds?: Map<string, number> };
  store.labIds ??= new Map();
  const n = (store.labIds.get(base) ?? 0) + 1;
  store.labIds.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}
