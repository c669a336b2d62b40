/**
 * What the quizzes of one page cost in JavaScript, gzipped: every module script the page loads
 * and their static imports, plus the modules they load later (the engine of PredictNumbers), read
 * from a production build. Pass the build folder and a page; by default the quiz demo page,
 * which holds one quiz of each kind and nothing else:
 *
 *   BOOK_QUIZ_DEMO=1 BOOK_OUT=/tmp/q npm run build && node scripts/quiz-js-cost.ts /tmp/q en/quiz-demo/
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [out = process.env.BOOK_OUT ?? 'dist', page = 'en/quiz-demo/'] = process.argv.slice(2);
const file = join(out, page, 'index.html');
if (!existsSync(file)) {
  console.error(`quiz-js-cost: no ${file}. Build first (BOOK_QUIZ_DEMO=1 builds the quiz demo page).`);
  process.exit(1);
}
const html = readFileSync(file, 'utf8');
const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;

/** Follows static imports (loaded at once) and dynamic ones (loaded later) separately. */
function walk(start: string[]): { now: Map<string, number>; later: Map<string, number> } {
  const now = new Map<string, number>();
  const later = new Map<string, number>();
  const visit = (f: string, lazy: boolean): void => {
    if (now.has(f) || (lazy && later.has(f)) || !existsSync(f)) return;
    const src = readFileSync(f);
    (lazy ? later : now).set(f, gz(src));
    const text = src.toString();
    for (const m of text.matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) visit(join(dirname(f), m[1] ?? ''), lazy);
    for (const m of text.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) visit(join(dirname(f), m[1] ?? ''), true);
  };
  for (const f of start) visit(f, false);
  for (const f of now.keys()) later.delete(f);
  return { now, later };
}

const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(out, m[1] ?? ''));
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('\n');
const { now, later } = walk(scripts);
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const quizzes = html.match(/data-quiz-id=/g)?.length ?? 0;
console.log(`${page}: ${quizzes} quizzes`);
for (const [f, n] of [...now].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(n).padStart(8)}  ${f.slice(out.length)}`);
for (const [f, n] of [...later].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(n).padStart(8)}  ${f.slice(out.length)} (loaded when needed)`);
console.log(`module JS at load: ${kb(sum(now))}; loaded later: ${kb(sum(later))}; inline scripts (frame + sidebar score): ${kb(gz(inline))} (all gzipped)`);
