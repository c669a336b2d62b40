import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, so checks report repository-relative paths that editors can open. */
export const root = join(import.meta.dirname, '..', '..');

/** One chapter file: repository-relative path and MDX source. */
export interface ChapterText {
  path: string;
  source: string;
}

/** Reads `<dir>/{en,ko}/*.mdx` (dir relative to the root) in a stable order, as the content checks see chapters. */
export function readChapters(dir: string): ChapterText[] {
  const out: ChapterText[] = [];
  for (const lang of ['en', 'ko']) {
    const d = join(root, dir, lang);
    if (!existsSync(d)) continue;
    for (const name of readdirSync(d).filter((n) => n.endsWith('.mdx')).sort()) {
      out.push({ path: relative(root, join(d, name)), source: readFileSync(join(d, name), 'utf8') });
    }
  }
  return out;
}
