// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.mjs';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  // BOOK_OUT / BOOK_CACHE let several builds run side by side (tests, bench, authors) without clobbering dist/.
  outDir: process.env.BOOK_OUT ?? './dist',
  cacheDir: process.env.BOOK_CACHE ?? './node_modules/.astro',
  integrations: [mdx(), preact()],
  // `## 제목 {#id}`: explicit heading ids, identical in ko and en, so links and quiz `proof` anchors survive translation.
  markdown: { processor: satteri({ features: { headingAttributes: true } }) },
});
