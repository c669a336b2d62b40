/**
 * Every content check over a content folder, as one list of `file:line: message` findings: chapter
 * pairs and components, quizzes, links, sources, spellings, frontmatter keys and lab props. What
 * `npm run check:content` prints, and what the pull-request workflow turns into annotations.
 */
import { join } from 'node:path';
import { readChapterFiles, runContentChecks } from './index.ts';
import { lintQuizFiles } from './quiz.ts';
import { checkLinks } from './links.ts';
import { checkSourceFiles } from './sources.ts';
import { checkSpellings } from './spellings.ts';
import { checkLabProps } from './lab-props.ts';
import { checkFrontmatterKeys } from './frontmatter.ts';

/** One finding of one check. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

/** Runs every check on `<root>/content`; findings sorted by file and line, the order an author fixes them in. */
export function allContentFindings(root: string, dir = 'content'): Finding[] {
  const files = readChapterFiles(join(root, dir), dir);
  const out: Finding[] = [];
  const add = (check: string, list: readonly { file: string; line?: number; message: string }[]): void => {
    for (const f of list) out.push({ check, file: f.file, line: f.line ?? 1, message: f.message });
  };
  add('pairs', runContentChecks(join(root, dir), undefined, dir));
  add(
    'quiz',
    lintQuizFiles(files).map((i) => ({ ...i, message: `${i.quizId ? `quiz "${i.quizId}": ` : ''}${i.message}` })),
  );
  add('links', checkLinks(files));
  add('sources', checkSourceFiles(files));
  add(
    'spellings',
    files.flatMap((f) => checkSpellings(f.path, f.source)),
  );
  add(
    'frontmatter',
    files.flatMap((f) => checkFrontmatterKeys(f.path, f.source)),
  );
  add(
    'lab props',
    files.flatMap((f) => checkLabProps(f.path, f.source)),
  );
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** `file:line: message (check)`, the form editors and terminals turn into links. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.message} (${f.check})`;
}

/**
 * A GitHub Actions workflow command that annotates the pull request's line
 * (docs.github.com, "Workflow commands": `::error file=…,line=…,title=…::message`).
 */
export function githubAnnotation(f: Finding): string {
  const esc = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${prop(f.file)},line=${f.line},title=${prop(`content check: ${f.check}`)}::${esc(f.message)}`;
}
