// @ts-check
/**
 * hreflang alternates for sitemap entries. @astrojs/sitemap's i18n option assumes the default
 * language lives at "/", which is wrong for this book (/ is a language chooser), so each URL's
 * alternates are computed here from the path after the language.
 *
 * @param {string} url absolute page URL from the sitemap integration
 * @param {string} siteUrl e.g. https://example.org
 * @param {string} base normalised base path, "/" or "/x/"
 * @param {readonly string[]} langs
 * @returns {{ url: string, lang: string }[]}
 */
export function sitemapAlternates(url, siteUrl, base, langs) {
  const root = siteUrl.replace(/\/+$/, '') + base;
  if (!url.startsWith(root)) return [];
  const path = url.slice(root.length);
  const [first, ...rest] = path.split('/');
  const tail = rest.join('/');
  if (path === '') return langs.map((lang) => ({ url: `${root}${lang}/`, lang })).concat({ url: root, lang: 'x-default' });
  if (!first || !langs.includes(first)) return [];
  return langs.map((lang) => ({ url: `${root}${lang}/${tail}`, lang })).concat({ url: root, lang: 'x-default' });
}
