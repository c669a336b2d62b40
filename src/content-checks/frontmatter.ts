/**
 * Unknown frontmatter keys, at their line, with "did you mean". Astro's strict schema fails the
 * build on them too, but names only the file; this check runs in a second and points at the line.
 */
import { FRONTMATTER_KEYS } from '../content-schema.ts';
import { frontmatterKeys } from './mdx-source.ts';
import { didYouMean } from './suggest.ts';

export interface FrontmatterIssue {
  file: string;
  line: number;
  message: string;
}

/** Every top-level frontmatter key of `source` that the chapter schema does not know. */
export function checkFrontmatterKeys(file: string, source: string): FrontmatterIssue[] {
  return frontmatterKeys(source)
    .filter(({ key }) => !FRONTMATTER_KEYS.includes(key))
    .map(({ key, line }) => {
      const near = didYouMean(key, FRONTMATTER_KEYS);
      return {
        file,
        line,
        message: `unknown frontmatter key "${key}".${near ? ` Did you mean "${near}"?` : ''} Allowed: ${FRONTMATTER_KEYS.join(', ')}`,
      };
    });
}
