/**
 * What a chapter with labs sends before its first paint, rewritten after `astro build` (before the
 * CSP is computed): the labs' props (`script[data-lab-props]`, JSON beside each lab) move to the end
 * of <body>, next to each other. Beside each lab they sat between 30 KB of markup, out of reach of
 * gzip's 32 KB window from each other, and cost 8.6 KB gz on the Korean three-way chapter; together
 * they compress to about a third of that (lab-loader.ts finds them by id wherever they are). The
 * first paint still waits for the page's stylesheets (the lab and quiz scripts wait for it instead:
 * src/site/client/chrome.ts).
 *
 * Measured and left, on the three-way chapter with Lighthouse's mobile model (FCP / LCP / TBT):
 *   - stylesheets linked as Astro links them: about 1.05 s / 1.09 s / 13-46 ms;
 *   - the site's stylesheet inline and the labs' and quizzes' linked by a line of script after the
 *     first paint: 0.84-1.0 s / 0.85-1.2 s, but 53-133 ms of TBT (Lighthouse 99): their late arrival
 *     restyles and lays out the whole chapter again in one long task;
 *   - all three inline: 0.84-0.91 s / 0.84-1.06 s / 8-31 ms, but 9 KB gz more in each of the twelve
 *     chapters with labs, which puts the Korean offline copy (scripts/service-worker.ts) at about
 *     745 KB, over its 700 KB.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROPS = /<script type="application\/json" data-lab-props=[^>]*>[\s\S]*?<\/script>/g;

/** A page with a lab root inside a chapter body (the labs page and the workshop are no chapters). */
export const isLabChapter = (html: string): boolean => html.includes('data-lab-root=') && html.includes('data-pagefind-body');

/** Moves every lab's props to the end of <body>, in page order. */
export function gatherLabProps(html: string): string {
  const props = html.match(PROPS);
  if (!props) return html;
  const rest = html.replace(PROPS, '');
  const at = rest.lastIndexOf('</body>');
  if (at < 0) throw new Error('first paint: a page with lab props has no </body>');
  return rest.slice(0, at) + props.join('') + rest.slice(at);
}

/** Rewrites the build's lab chapters. Returns how many pages changed. */
export function applyFirstPaint(outDir: string): { pages: number } {
  const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(outDir, f));
  let changed = 0;
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    if (!isLabChapter(html)) continue;
    writeFileSync(f, gatherLabProps(html));
    changed += 1;
  }
  return { pages: changed };
}
