/**
 * Search lands on the answer: for questions as readers type them (src/search/reader-queries.ts,
 * 24 per language), a section that answers is among the best sections of the first three results,
 * and every excerpt shown is prose, never a run of " · "-joined keywords.
 */
import { expect, test } from '@playwright/test';
import { readerQueries } from '../../src/search/reader-queries.ts';
import { BASE } from './pages.ts';
import { openAndType, resultsFor } from './search-ui.ts';

/** `slug#anchor` of a result URL (`slug` alone for a chapter's introduction). */
function sectionOf(href: string, lang: string): string {
  const u = new URL(href);
  const slug = u.pathname.slice(`${BASE}${lang}/`.length).replace(/\/$/, '');
  return u.hash ? `${slug}${u.hash}` : slug;
}

const KEYWORD_RUN = /(?:\S+ · ){2,}\S+/;

for (const lang of ['ko', 'en'] as const) {
  test(`reader questions find the answering section in the first three results (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${BASE}${lang}/`);
    await openAndType(page, '');
    const misses: string[] = [];
    const keywordExcerpts: string[] = [];
    for (const { query, answers } of readerQueries[lang]) {
      const groups = (await resultsFor(page, query)).slice(0, 3);
      const shown = groups.flatMap((g) => g.sections.map((s) => sectionOf(s.href, lang)));
      if (!shown.some((s) => answers.includes(s))) misses.push(`"${query}" → ${shown.join(', ') || 'nothing'} (want one of ${answers.join(', ')})`);
      for (const s of groups.flatMap((g) => g.sections)) if (KEYWORD_RUN.test(s.excerpt)) keywordExcerpts.push(`"${query}": ${s.excerpt}`);
    }
    const total = readerQueries[lang].length;
    console.log(`search (${lang}): ${total - misses.length} of ${total} questions find their section`);
    expect(misses, 'questions whose answering section is not among the first three results').toEqual([]);
    expect(keywordExcerpts, 'excerpts that are keyword lists, not prose').toEqual([]);
  });
}
