/**
 * A chapter's frontmatter: the one schema both Astro's content collection (src/content.config.ts)
 * and the content checks (src/content-checks/frontmatter.ts) use. It imports only zod, so Node
 * scripts and tests can load it without Astro's virtual modules.
 */
import { z } from 'astro/zod';

// Strict: a misspelt or unknown key (`titel:`, `author:`) fails, naming it, instead of being ignored.
export const chapterSchema = z.strictObject({
  /** The chapter's title: the page's <h1>, its <title> and its entry in the contents. */
  title: z.string().min(1),
  /** One or two sentences: the meta description, search excerpts and the contents page. */
  description: z.string().min(1),
  /** Place in the book's contents (0 first); the ko and en files of a chapter share it. */
  order: z.number().int().nonnegative(),
  /** What the chapter's claims rest on (RFC sections, kernel sources, docs); at least one. */
  sources: z.array(z.object({ title: z.string(), url: z.url() })).min(1),
  /** The figure at the top of the chapter, drawn at build time from the engine's run of
   *  `scenario`: `part` is "open" (until both sides are ESTABLISHED), "close" (from the first FIN
   *  or RST) or "all". Same value in ko and en. This file imports nothing of the book (the
   *  frontmatter tests load it alone), so ChapterFigure.astro checks that `scenario` is an
   *  engine scenario id, and chapter-figure.ts's FigurePart must list the same parts. */
  figure: z.strictObject({ scenario: z.string().regex(/^[a-z0-9-]+$/), part: z.enum(['open', 'close', 'all']) }).optional(),
});

/** The keys a chapter's frontmatter may have. */
export const FRONTMATTER_KEYS: readonly string[] = Object.keys(chapterSchema.shape);
