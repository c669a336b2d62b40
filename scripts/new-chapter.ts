/**
 * `npm run new-chapter -- <slug>`: creates content/ko/<slug>.mdx and content/en/<slug>.mdx from
 * templates/chapter/, with `order` after the last chapter. Adding a chapter needs nothing else.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Slugs become URLs (/ko/<slug>/) and file names: lowercase kebab-case only. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Path segments already taken by other routes under /<lang>/ (ARCHITECTURE.md). */
export const RESERVED_SLUGS = ['labs', 'drill', 'review', '404', 'index'];

const LANGS = ['ko', 'en'] as const;

/** A refusal the CLI prints as is; thrown instead of exiting so tests can assert on it. */
export class NewChapterError extends Error {}

/** Highest `order:` in the existing chapters, so the new chapter lands at the end of the sidebar. */
function lastOrder(contentDir: string): number {
  let max = -1;
  for (const lang of LANGS) {
    const dir = join(contentDir, lang);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const m = /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, file), 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return max;
}

/** Creates the ko/en pair; returns the two paths. Refuses bad, reserved or existing slugs with a message that says why. */
export function createChapter(slug: string | undefined, contentDir: string, templateDir: string): string[] {
  if (!slug) throw new NewChapterError('Usage: npm run new-chapter -- <slug>   (for example: npm run new-chapter -- rst-and-resets)');
  if (!SLUG_PATTERN.test(slug)) {
    throw new NewChapterError(`"${slug}" is not a valid slug: use lowercase letters, digits and single hyphens (e.g. "time-wait").`);
  }
  if (RESERVED_SLUGS.includes(slug)) throw new NewChapterError(`"${slug}" is reserved: /<lang>/${slug}/ is already another page of the book.`);
  const targets = LANGS.map((lang) => join(contentDir, lang, `${slug}.mdx`));
  const existing = targets.filter((p) => existsSync(p));
  if (existing.length > 0) throw new NewChapterError(`Chapter "${slug}" already exists: ${existing.join(', ')}. Pick another slug or edit those files.`);
  const order = String(lastOrder(contentDir) + 1);
  LANGS.forEach((lang, i) => {
    const template = readFileSync(join(templateDir, `${lang}.mdx`), 'utf8');
    mkdirSync(join(contentDir, lang), { recursive: true });
    writeFileSync(targets[i]!, template.replaceAll('{{slug}}', slug).replaceAll('{{order}}', order), { flag: 'wx' });
  });
  return targets;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  try {
    const created = createChapter(process.argv[2], join(root, 'content'), join(root, 'templates/chapter'));
    console.log(`Created:\n  ${created.join('\n  ')}\nWrite both, then run npm run dev. See CONTRIBUTING.md.`);
  } catch (e) {
    if (!(e instanceof NewChapterError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
