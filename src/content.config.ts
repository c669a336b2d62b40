import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const chapters = defineCollection({
  loader: glob({ pattern: '{ko,en}/*.mdx', base: './content' }),
  // Strict: a misspelt or unknown key (`titel:`, `author:`) fails the build naming it, instead of being ignored.
  schema: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    order: z.number().int().nonnegative(),
    sources: z.array(z.object({ title: z.string(), url: z.url() })).min(1),
    /** The figure at the top of the chapter, drawn at build time from the engine's run of
     *  `scenario`: `part` is "open" (until both sides are ESTABLISHED), "close" (from the first FIN
     *  or RST) or "all". Same value in ko and en. This file imports nothing of the book (the
     *  frontmatter tests load it alone), so ChapterFigure.astro checks that `scenario` is an
     *  engine scenario id, and chapter-figure.ts's FigurePart must list the same parts. */
    figure: z.strictObject({ scenario: z.string().regex(/^[a-z0-9-]+$/), part: z.enum(['open', 'close', 'all']) }).optional(),
  }),
});

export const collections = { chapters };
