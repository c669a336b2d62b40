import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './content-schema.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '{ko,en}/*.mdx', base: './content' }),
  // Strict (see content-schema.ts): an unknown key fails the build naming it. `npm run check:content`
  // reports it earlier, at its line.
  schema: chapterSchema,
});

export const collections = { chapters };
