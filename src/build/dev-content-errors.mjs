// @ts-check
/**
 * `npm run dev` only. A lab whose props are wrong (unknown scenario or knob, a step past the end of
 * the run) throws while its chapter streams, after Astro has already answered 200 with the first
 * bytes: the browser showed an empty page and the error was only in the terminal. This middleware
 * runs the lab-prop check (src/content-checks/lab-props.ts) on the requested chapter first and, when
 * it finds something, answers 500 with the findings at file:line, in the page the author is looking
 * at. Vite's client on that page reloads it when the chapter is saved again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} s */
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * The error page: what is wrong, where, and that saving the file reloads it.
 * @param {string} base
 * @param {{ file: string, line: number, message: string }[]} issues
 */
export function devErrorPage(base, issues) {
  const items = issues.map((i) => `<li><code>${esc(`${i.file}:${i.line}`)}</code><br>${esc(i.message)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chapter error</title>
<script type="module" src="${base}@vite/client"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}li{margin:1em 0}code{font-weight:600}h1{color:#b00020;font-size:1.4rem}</style>
</head><body><h1>This chapter cannot render: ${issues.length === 1 ? 'a lab prop is' : 'lab props are'} wrong</h1>
<ul>${items}</ul>
<p>Fix the file and save it: this page reloads. <code>npm run check:content</code> runs every content check.</p>
</body></html>`;
}

export function devContentErrors() {
  return {
    name: 'tcp-book:dev-content-errors',
    apply: /** @type {const} */ ('serve'),
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const m = /\/(ko|en)\/([a-z0-9-]+)\/?(?:index\.html)?(?:\?.*)?$/.exec(req.url ?? '');
        if (req.method !== 'GET' || !m) return next();
        const file = `content/${m[1]}/${m[2]}.mdx`;
        const path = join(server.config.root, file);
        if (!existsSync(path)) return next();
        try {
          // An absolute URL: Vite bundles this config to a temporary file before running it.
          const { checkLabProps } = await import(new URL('../content-checks/lab-props.ts', import.meta.url).href);
          const issues = checkLabProps(file, readFileSync(path, 'utf8'));
          if (!issues.length) return next();
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(devErrorPage(server.config.base, issues));
        } catch (err) {
          server.config.logger.warn(`[dev-content-errors] could not check ${file}: ${err instanceof Error ? err.message : err}`);
          next();
        }
      });
    },
  };
}
