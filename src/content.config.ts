import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { SCENARIO_IDS } from './engine/scenario-ids.ts';
import { FIGURE_PARTS } from './site/chapter-figure.ts';

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
     *  or RST) or "all". Same value in ko and en. */
    figure: z.strictObject({ scenario: z.enum(SCENARIO_IDS as [string, ...string[]]), part: z.enum(FIGURE_PARTS) }).optional(),
  }),
});

export const collections = { chapters };
