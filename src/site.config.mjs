/**
 * The one place that knows where the book is published and where its source lives,
 * so that canonical links, the sitemap and "edit this page" never disagree.
 * BOOK_BASE overrides the base path (e.g. /tcp-book/ on GitHub Pages).
 */
export const site = {
  url: process.env.BOOK_SITE ?? 'https://tcp-book.example.org',
  base: process.env.BOOK_BASE ?? '/',
  repo: 'https://github.com/tcp-book/tcp-book',
  branch: 'main',
};
