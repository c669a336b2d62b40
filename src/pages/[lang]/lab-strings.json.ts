/** /<lang>/lab-strings.json: every string set of the labs in one language (src/labs/lab-props.ts labStringsHref). */
import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../i18n/locales';
import { allLabStringSets } from '../../labs/lab-props';

export function getStaticPaths() {
  return locales.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(allLabStringSets(params.lang as Locale)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
