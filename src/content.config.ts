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
  }),
});

export const collections = { chapters };
