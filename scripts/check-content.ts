/**
 * `npm run check:content`: every content check (chapter pairs, components, quizzes, links, sources,
 * spellings, lab props) in about a second, printed as `file:line: message`. Under GitHub Actions it
 * also prints each finding as an annotation, so it shows on the pull request's line.
 * Exit code 1 when anything is found.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allContentFindings, formatFinding, githubAnnotation } from '../src/content-checks/all.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const findings = allContentFindings(root);
for (const f of findings) {
  console.log(formatFinding(f));
  if (process.env.GITHUB_ACTIONS === 'true') console.log(githubAnnotation(f));
}
const took = ((performance.now() - started) / 1000).toFixed(1);
if (findings.length) {
  console.log(`\ncontent checks: ${findings.length} problem${findings.length === 1 ? '' : 's'} (${took} s)`);
  process.exitCode = 1;
} else console.log(`content checks: OK (pairs, components, quizzes, links, sources, spellings, frontmatter, lab props; ${took} s)`);
