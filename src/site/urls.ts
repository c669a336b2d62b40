import { site } from '../site.config.mjs';
import type { Locale } from '../i18n/locales';

/**
 * Normalises a base path to "/" or "/x/y/", so every URL below can be built by plain concatenation
 * whatever the user typed in BOOK_BASE ("tcp-book", "/tcp-book", "/tcp-book/").
 */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The base path the book is published under (from site.config.mjs / BOOK_BASE). */
export const base: string = normalizeBase(site.base);

/**
 * The one way to build an internal URL: every link in the book goes through here, so a base path
 * (GitHub Pages project site, sub-folder hosting) never breaks a link. `path` is relative to the
 * book's root, e.g. "ko/tcp-basics/" or "ko/tcp-basics/#isn".
 */
export function href(path = '', basePath: string = base): string {
  return basePath + path.replace(/^\/+/, '');
}

/** Absolute URL for canonical links, hreflang, Open Graph and the sitemap, which must not be relative. */
export function absoluteHref(path = '', siteUrl: string = site.url, basePath: string = base): string {
  return siteUrl.replace(/\/+$/, '') + href(path, basePath);
}

/**
 * The part of a page's path after its language ("tcp-basics/", "labs/", "" for the table of contents).
 * Pages in both languages share it, which is what the language switcher and hreflang rely on.
 */
export function langPath(lang: Locale, rest = ''): string {
  return `${lang}/${rest.replace(/^\/+/, '')}`;
}

/** URL of a chapter; slugs are the same in every language. */
export function chapterHref(lang: Locale, slug: string, hash?: string): string {
  return href(langPath(lang, `${slug}/`)) + (hash ? `#${hash.replace(/^#/, '')}` : '');
}

/** URL of a language's table of contents. */
export function tocHref(lang: Locale): string {
  return href(langPath(lang));
}

/**
 * Removes the base path from a pathname, giving the book-relative path; used to find the current
 * language and page from Astro.url in components that only get a URL.
 */
export function stripBase(pathname: string, basePath: string = base): string {
  if (basePath !== '/' && pathname.startsWith(basePath)) return pathname.slice(basePath.length);
  if (basePath !== '/' && `${pathname}/` === basePath) return '';
  return pathname.replace(/^\/+/, '');
}

/** "Edit this page": the chapter's source file in the repository named in site.config.mjs. */
export function editHref(lang: Locale, slug: string, repo: string = site.repo, branch: string = site.branch): string {
  return `${repo.replace(/\/+$/, '')}/edit/${branch}/content/${lang}/${slug}.mdx`;
}
