/** robots.txt pointing crawlers at the sitemap; built so the sitemap URL carries BOOK_SITE and BOOK_BASE. */
import type { APIRoute } from 'astro';
import { absoluteHref } from '../site/urls';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteHref('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
