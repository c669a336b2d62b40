// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { site } from './src/site.config.mjs';
import { sitemapAlternates } from './src/site/sitemap-alternates.mjs';
import { keepCodeTogether } from './src/build/keep-code-together.mjs';
import {
  classicJsx,
  engineWithoutNotes,
  oneChunkPerGroup,
  plainDynamicImports,
  quietServerBundleWarnings,
  quietUpstreamWarnings,
} from './src/build/build-plugins.mjs';
import { devContentErrors } from './src/build/dev-content-errors.mjs';

const bookBase = `/${site.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/**
 * Fewer, larger chunks for the labs: one gzip stream compresses better than many small ones
 * (measured: 2.3 KB less on a lab page). `lab` is lab-mount.ts and the sequence lab with its renderer
 * (on every page with a lab; no Preact: client/lab-render.ts says why), and the state diagram's
 * browser code; `engine` loads on a lab's first knob change; `preact` with the labs that are Preact components. Modules that eager page scripts also
 * import get small groups of their own at a higher priority, so no eager script pulls in `lab` or
 * `engine`. The engine is a folder rule; `lab` names the sequence lab's modules in view/ and client/
 * because a group puts everything it matches into one chunk: a whole-folder rule would load the
 * capture, inspector and TIME-WAIT labs' code on every page with a sequence lab. The build fails if
 * two chunks end up with one group's name (oneChunkPerGroup).
 */
const CHUNK_GROUPS = [
  { name: 'page-helpers', test: /src[\\/]labs[\\/]view[\\/]lab-link-id\.ts|src[\\/]i18n[\\/]fill\.ts/, priority: 3 },
  // A chunk of its own so the build can find it and put its one line into each importer (inlineHelperChunk).
  { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 3 },
  { name: 'states', test: /src[\\/]engine[\\/]states\.ts/, priority: 3 },
  // The quiz's state-name checks, shared by the name-the-state quiz and the workshop's quizzes (its own
  // chunk either way; named here so it does not take the engine states' name).
  { name: 'state-names', test: /src[\\/]quiz[\\/]model[\\/]states\.ts/, priority: 3 },
  {
    name: 'lab',
    test: /src[\\/]labs[\\/](widgets[\\/]sequence-lab(-state)?\.tsx?|client[\\/](lab-mount|lab-render|state-diagram-live|lab-bus|hash-writer)\.ts|view[\\/](explain|lab-hash|knobs|sequence-layout|trace-view|diagram-highlight|state-diagram-ids)\.ts)|src[\\/]engine[\\/]knobs\.ts/,
    priority: 2,
  },
  // Preact itself (not its hooks), for the labs that are Preact components and the workshop: the sequence lab needs none of it.
  { name: 'preact', test: /node_modules[\\/]preact[\\/](?!hooks)/, priority: 2 },
  // Not the scenario list (nor its ids): a lab brings its own scenario (engine-adapter.ts). Not
  // wire-segments.ts either (`wire`): a knob change draws the run and never reads its segments back.
  {
    name: 'engine',
    test: /src[\\/]engine[\\/](?!states\.ts|scenarios\.ts|scenario-ids\.ts|scenario-text\.ts|index\.ts|normalize\.ts|observe\.ts|pcap|parts[\\/]|wire)|src[\\/]labs[\\/]view[\\/]engine-adapter\.ts/,
    priority: 1,
  },
];

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  // BOOK_OUT / BOOK_CACHE let several builds run side by side (tests, bench, authors) without clobbering dist/.
  outDir: process.env.BOOK_OUT ?? './dist',
  cacheDir: process.env.BOOK_CACHE ?? './node_modules/.astro',
  integrations: [
    mdx(),
    preact(),
    // hreflang alternates in the sitemap (computed per URL: "/" is a chooser, not a language); no 404 pages.
    sitemap({
      // no 404 pages (they say noindex); the review page is listed: it is built with every question of the book
      filter: (page) => !/\/404\/?$|\/404\.html$/.test(page),
      serialize: (item) => ({ ...item, links: sitemapAlternates(item.url, site.url, bookBase, ['ko', 'en']) }),
    }),
  ],
  vite: {
    // Browser build only: the engine without its English working notes, JSX as Preact's h() calls, and
    // dynamic imports without Vite's preload helper (src/build/build-plugins.mjs says what each trades).
    // Two chunks with one chunk group's name fail the build (oneChunkPerGroup).
    // …and, in `npm run dev` only, a chapter with wrong lab props answers with the mistakes at file:line.
    plugins: [engineWithoutNotes(), classicJsx(), plainDynamicImports(), oneChunkPerGroup(CHUNK_GROUPS.map((g) => g.name)), devContentErrors()],
    // Build logs (src/build/build-plugins.mjs): every bundle drops Astro's known head-inject directive
    // warning (upstream issue); the build-time server bundles also drop INEFFECTIVE_DYNAMIC_IMPORT.
    build: { rolldownOptions: { onLog: quietServerBundleWarnings } },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            onLog: quietUpstreamWarnings,
            output: {
              codeSplitting: { groups: CHUNK_GROUPS },
              // The layout's script is named in every page, inside the inline loader that imports it
              // after the first paint (scripts/first-paint.ts): a short name there, not Astro's
              // `BaseLayout.astro_astro_type_script_index_0_lang` (27 bytes gz more in each page's JS).
              entryFileNames: (chunk) => (chunk.name.startsWith('BaseLayout.astro_astro_type_script') ? '_astro/chrome.[hash].js' : '_astro/[name].[hash].js'),
            },
          },
        },
      },
    },
  },
  // `## 제목 {#id}`: explicit heading ids, identical in ko and en, so links and quiz `proof` anchors survive translation.
  markdown: {
    processor: satteri({ features: { headingAttributes: true }, hastPlugins: [keepCodeTogether] }),
    // Both shiki themes as CSS variables (defaultColor: false); global.css picks one per data-theme.
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
  },
});
