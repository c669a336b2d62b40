/**
 * `npm run dev` only: a component that throws while a page streams (a wrong prop the content checks
 * do not know, a bug) leaves Astro's response cut short after its 200 status, and the browser
 * showed an empty page while the error was only in the terminal. In dev, the page is read whole
 * first; a page that failed is answered with a 500 that says so in the browser. The production
 * build (prerendered, where a render error fails the build) passes through untouched.
 */
import { defineMiddleware } from 'astro:middleware';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!import.meta.env.DEV || !(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  let html: string;
  let error: unknown = null;
  try {
    html = await response.text();
    // Complete pages hold </html> (in dev, Astro may append a page script after it).
    if (/<\/html>/i.test(html)) return new Response(html, response);
  } catch (err) {
    error = err;
  }
  const message = error instanceof Error ? error.message : 'the page stopped rendering part-way; the terminal running npm run dev shows the error';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Render error</title>
<script type="module" src="${import.meta.env.BASE_URL}@vite/client"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:50rem;padding:0 1rem}h1{color:#b00020;font-size:1.4rem}</style></head>
<body><h1>${esc(context.url.pathname)} could not render</h1><p>${esc(message)}</p>
<p>Fix the file and save it: this page reloads. <code>npm run check:content</code> names content mistakes at file:line.</p></body></html>`;
  return new Response(body, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
});
