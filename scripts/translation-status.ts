/**
 * `npm run translation-status [-- --base <git ref>]`: which sections of a chapter's other edition
 * may be stale, read from git history. Both editions carry the same heading ids (`## … {#id}`),
 * so a change under `{#id}` in one edition points at the section `{#id}` of the other.
 *
 *   --base <ref>   (pull requests) a chapter changed since <ref> in one language only: the other
 *                  edition's sections under the changed headings may need the same change.
 *   (no --base)    for each pair, the sections of the edition changed since the other one was
 *                  last committed.
 *
 * Informational: prints `file:line: …` (and a warning annotation under GitHub Actions) and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = ['ko', 'en'] as const;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Heading ids with their lines: `## Title {#id}`. */
export function headingIds(source: string): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  source.split('\n').forEach((text, i) => {
    const m = /^#{1,6}\s.*\{#([A-Za-z0-9_-]+)\}\s*$/.exec(text);
    if (m) out.push({ id: m[1] as string, line: i + 1 });
  });
  return out;
}

/** Lines of the new file touched by a unified diff with -U0 (a pure deletion counts as the line it happened at). */
export function changedLines(diff: string): number[] {
  const lines: number[] = [];
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    if (count === 0) lines.push(Math.max(start, 1));
    for (let i = 0; i < count; i++) lines.push(start + i);
  }
  return lines;
}

/** The section (heading id, or "the introduction" before the first id) each changed line is in. */
export function changedSections(source: string, lines: readonly number[]): string[] {
  const ids = headingIds(source);
  const sections = new Set<string>();
  for (const l of lines) {
    const h = ids.filter((x) => x.line <= l).at(-1);
    sections.add(h ? h.id : '');
  }
  return [...sections];
}

interface Stale {
  file: string;
  line: number;
  message: string;
}

function staleFor(slug: string, changed: (typeof LANGS)[number], since: string, why: string): Stale[] {
  const other = changed === 'ko' ? 'en' : 'ko';
  const changedFile = `content/${changed}/${slug}.mdx`;
  const otherFile = `content/${other}/${slug}.mdx`;
  const diff = git('diff', '-U0', since, '--', changedFile);
  if (!diff.trim()) return [];
  const sections = changedSections(readFileSync(resolve(root, changedFile), 'utf8'), changedLines(diff));
  const twinIds = headingIds(readFileSync(resolve(root, otherFile), 'utf8'));
  return sections.map((id) => {
    const at = id ? twinIds.find((h) => h.id === id) : undefined;
    const name = id ? `section #${id}` : 'the introduction (before the first heading)';
    const missing = id && !at ? ` (${otherFile} has no heading {#${id}})` : '';
    return { file: otherFile, line: at?.line ?? 1, message: `may be stale: ${name} changed in ${changedFile} ${why}${missing}` };
  });
}

function main(): void {
  const i = process.argv.indexOf('--base');
  const base = i >= 0 ? process.argv[i + 1] : undefined;
  const slugs = new Set<string>();
  for (const lang of LANGS) {
    for (const f of git('ls-files', `content/${lang}/*.mdx`).split('\n').filter(Boolean)) slugs.add(f.replace(/^.*\/|\.mdx$/g, ''));
  }
  const stale: Stale[] = [];
  for (const slug of [...slugs].sort()) {
    const files = Object.fromEntries(LANGS.map((l) => [l, `content/${l}/${slug}.mdx`])) as Record<(typeof LANGS)[number], string>;
    if (!LANGS.every((l) => existsSync(resolve(root, files[l])))) continue; // the pairs check reports it
    if (base) {
      const mergeBase = git('merge-base', base, 'HEAD').trim();
      const touched = LANGS.filter((l) => git('diff', '--name-only', mergeBase, '--', files[l]).trim() !== '');
      if (touched.length === 1) stale.push(...staleFor(slug, touched[0]!, mergeBase, `by this change, ${touched[0] === 'ko' ? 'en' : 'ko'} not`));
    } else {
      const last = Object.fromEntries(LANGS.map((l) => [l, git('log', '-1', '--format=%H %ct', '--', files[l]).trim().split(' ')])) as Record<string, string[]>;
      const [ko, en] = [last.ko, last.en];
      if (!ko?.[0] || !en?.[0] || ko[0] === en[0]) continue;
      const newer = Number(ko[1]) > Number(en[1]) ? 'ko' : 'en';
      const older = (newer === 'ko' ? en : ko)[0] as string;
      stale.push(...staleFor(slug, newer, older, `since ${newer === 'ko' ? 'en' : 'ko'} was last changed (${older.slice(0, 8)})`));
    }
  }
  for (const s of stale) {
    console.log(`${s.file}:${s.line}: ${s.message}`);
    if (process.env.GITHUB_ACTIONS === 'true') console.log(`::warning file=${s.file},line=${s.line},title=translation status::${s.message}`);
  }
  console.log(
    stale.length
      ? `\ntranslation status: ${stale.length} section(s) to compare with the other edition (informational)`
      : 'translation status: both editions of every chapter changed together',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
