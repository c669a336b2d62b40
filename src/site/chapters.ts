import { getCollection, type CollectionEntry } from 'astro:content';
import { isLocale, type Locale } from '../i18n/locales';

/** One chapter file (one language) from the `chapters` collection. */
export type ChapterEntry = CollectionEntry<'chapters'>;

/**
 * Splits a collection id ("ko/tcp-basics") into language and slug. A file outside ko/ or en/
 * is a contributor mistake, so it fails loudly with the id instead of producing a stray page.
 */
export function splitChapterId(id: string): { lang: Locale; slug: string } {
  const [lang, slug, ...rest] = id.split('/');
  if (!isLocale(lang) || !slug || rest.length > 0) {
    throw new Error(`content/${id}.mdx: chapters must live in content/ko/<slug>.mdx or content/en/<slug>.mdx`);
  }
  return { lang, slug };
}

/** Sidebar order: `order` first, slug as a tie-breaker so two chapters with the same order never swap between builds. */
export function byOrder(a: ChapterEntry, b: ChapterEntry): number {
  return a.data.order - b.data.order || a.id.localeCompare(b.id);
}

/** A language's chapters in reading order, the single source of sidebar, table of contents and prev/next. */
export async function chaptersOf(lang: Locale): Promise<ChapterEntry[]> {
  const all = await getCollection('chapters', (entry) => splitChapterId(entry.id).lang === lang);
  return all.sort(byOrder);
}

/** Sidebar/prev-next item, kept small so layouts don't depend on the collection's entry shape. */
export interface ChapterLink {
  slug: string;
  title: string;
}

/** Maps entries to links, in the order given. */
export function toLinks(entries: ChapterEntry[]): ChapterLink[] {
  return entries.map((entry) => ({ slug: splitChapterId(entry.id).slug, title: entry.data.title }));
}
