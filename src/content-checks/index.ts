/**
 * Content checks that need no build: every chapter exists in both languages, and both versions embed
 * the same components in the same order. Reusable: other checks (quiz ids, lab props) plug in as
 * PairCheck functions, using componentCalls() to read the JSX tags of a chapter.
 * Pure Node (fs only), so it runs under vitest and from scripts alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsxTags } from './mdx-source.ts';

/** One chapter file as read from disk. */
export interface ChapterFile {
  lang: string;
  slug: string;
  /** Path as shown in messages, e.g. content/ko/tcp-basics.mdx. */
  path: string;
  source: string;
}

/** A problem found by a check; `file` (at `line`, when known) is what the contributor must open. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

/** One JSX element opening in a chapter: `<Callout type="note">` → { name: 'Callout', attrs: { type: 'note' } }. */
export interface ComponentCall {
  name: string;
  /** String attributes as written; `{expr}` attributes keep the expression text; bare attributes are "true". */
  attrs: Record<string, string>;
  line: number;
}

/** Compares the two language versions of one chapter. */
export type PairCheck = (ko: ChapterFile, en: ChapterFile) => Problem[];

/** The book's languages as folders under content/. */
export const CONTENT_LANGS = ['ko', 'en'] as const;

/** Reads content/<lang>/*.mdx. `label` is the folder name used in messages (content/ for the real book). */
export function readChapterFiles(contentDir: string, label = 'content'): ChapterFile[] {
  const files: ChapterFile[] = [];
  for (const lang of CONTENT_LANGS) {
    const dir = join(contentDir, lang);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .sort()) {
      files.push({ lang, slug: name.slice(0, -4), path: `${label}/${lang}/${name}`, source: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return files;
}

/** Every component (capitalised JSX tag) a chapter opens, in source order, with its attributes. */
export function componentCalls(source: string): ComponentCall[] {
  return jsxTags(source).map((t) => {
    const attrs: Record<string, string> = {};
    if (!('error' in t.attributes)) {
      for (const [name, p] of Object.entries(t.attributes.props)) attrs[name] = p.kind === 'flag' ? 'true' : p.value;
    }
    return { name: t.name, attrs, line: t.line };
  });
}

/**
 * What a contributor who wrote one language reads (CONTRIBUTING.md, "Writing in one language"): the
 * check stays red until the other file exists, so nothing half-translated is published, and says
 * exactly how the other edition gets written.
 */
export function missingPairMessage(have: string, missing: string, lang: string): string {
  const name = lang === 'ko' ? 'Korean' : 'English';
  return (
    `${have} has no ${lang} version: ${missing} is missing. ` +
    `Writing in one language only is welcome: open the pull request anyway, tick "One language only" in its checklist ` +
    `(a maintainer labels it "needs translation"), and a translator adds ${missing} to your branch; this check passes then. ` +
    `Writing the ${name} edition yourself: copy ${have} to ${missing} and translate it (TRANSLATING.md).`
  );
}

/** A chapter must exist in every language (same slug). */
export function missingPairs(files: ChapterFile[], label = 'content'): Problem[] {
  const problems: Problem[] = [];
  const slugs = new Set(files.map((f) => f.slug));
  for (const slug of [...slugs].sort()) {
    const have = files.filter((f) => f.slug === slug);
    for (const lang of CONTENT_LANGS) {
      if (!have.some((f) => f.lang === lang)) {
        const other = have[0]!;
        problems.push({ file: other.path, line: 1, message: missingPairMessage(other.path, `${label}/${lang}/${slug}.mdx`, lang) });
      }
    }
  }
  return problems;
}

/** Same components, same order in ko and en: the labs and quizzes must not drift apart between languages. */
export const sameComponents: PairCheck = (ko, en) => {
  const a = componentCalls(ko.source);
  const b = componentCalls(en.source);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i]?.name !== b[i]?.name) {
      const describe = (c: ComponentCall | undefined, f: ChapterFile) => (c ? `<${c.name}> at ${f.path}:${c.line}` : `nothing (${f.path} ends)`);
      return [
        {
          file: en.path,
          line: b[i]?.line ?? a[i]?.line,
          message: `component #${i + 1} differs between languages: ${describe(a[i], ko)} vs ${describe(b[i], en)}. Both versions must embed the same components in the same order.`,
        },
      ];
    }
  }
  return [];
};

/** The pair checks run by default; add yours to this list (or pass your own list to runContentChecks). */
export const defaultPairChecks: PairCheck[] = [sameComponents];

/** Runs the pairing check, then every pair check on each complete pair. */
export function runContentChecks(contentDir: string, pairChecks: PairCheck[] = defaultPairChecks, label = 'content'): Problem[] {
  const files = readChapterFiles(contentDir, label);
  const problems = missingPairs(files, label);
  for (const ko of files.filter((f) => f.lang === 'ko')) {
    const en = files.find((f) => f.lang === 'en' && f.slug === ko.slug);
    if (en) for (const check of pairChecks) problems.push(...check(ko, en));
  }
  return problems;
}

/** One line per problem, for test failures. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `- ${p.message}`).join('\n');
}
