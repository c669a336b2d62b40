/**
 * Drives the book's search the way a reader does: the `/` shortcut, typing, reading the results.
 * Shared by the search and offline tests so all of them exercise the same path.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { layoutReady } from './pages.ts';

/** Result links of the search dialog (and of pagefind's default UI, which the book used before). */
export function resultLinks(page: Page): Locator {
  return page.locator('[data-search-results] a, a.pagefind-ui__result-link');
}

/** One chapter in the results, with its sections as shown (best first) and their excerpts. */
export interface ResultGroup {
  chapter: string;
  sections: { href: string; excerpt: string }[];
}

/** Opens search with `/` (or `shortcut`) and types the query. */
export async function openAndType(page: Page, query: string, shortcut = '/'): Promise<void> {
  await layoutReady(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press(shortcut);
  const input = page.locator('input:focus, [contenteditable]:focus');
  await expect(input, `a focused search input after pressing ${shortcut}`).toHaveCount(1);
  await page.keyboard.type(query, { delay: 10 });
}

/** Opens search with `/`, types the query, and returns the hrefs of the results shown. */
export async function search(page: Page, query: string, shortcut = '/'): Promise<string[]> {
  await openAndType(page, query, shortcut);
  const links = resultLinks(page);
  await expect(links.first(), `a search result for "${query}"`).toBeVisible({ timeout: 15_000 });
  return links.evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
}

/**
 * Replaces the query in an open search dialog and reads the results once they are for it (the
 * status line changes with every query). Also reads pagefind's default UI, so the same test can be
 * run against a build from before the book had its own results.
 */
export async function resultsFor(page: Page, query: string): Promise<ResultGroup[]> {
  const input = page.locator('#search-dialog input:focus, .pagefind-ui__search-input:focus');
  await input.fill('');
  await input.fill(query);
  await page.waitForFunction(
    (q) => {
      const status = document.querySelector('[data-search-status]');
      if (status) return (status as HTMLElement).dataset.query === q;
      // pagefind's default UI: results loaded, each with its link.
      const links = [...document.querySelectorAll('.pagefind-ui__result a')];
      const none = document.querySelector('.pagefind-ui__message')?.textContent?.includes(q);
      return none || (links.length > 0 && links.every((a) => (a as HTMLAnchorElement).getAttribute('href')));
    },
    query,
    { timeout: 15_000 },
  );
  if (await page.locator('.pagefind-ui').count()) await page.waitForTimeout(800); // its search is debounced
  return page.evaluate(() => {
    const own = [...document.querySelectorAll('[data-search-results] [role="group"]')];
    if (own.length)
      return own.map((g) => ({
        chapter: g.querySelector('.sr-chapter')?.textContent ?? '',
        sections: [...g.querySelectorAll('a')].map((a) => ({
          href: (a as HTMLAnchorElement).href,
          excerpt: a.querySelector('.sr-excerpt')?.textContent ?? '',
        })),
      }));
    return [...document.querySelectorAll('.pagefind-ui__result')].map((r) => {
      const main = r.querySelector('a.pagefind-ui__result-link') as HTMLAnchorElement | null;
      const nested = [...r.querySelectorAll('.pagefind-ui__result-nested')];
      const sections = nested.length
        ? nested.map((n) => ({
            href: (n.querySelector('a') as HTMLAnchorElement).href,
            excerpt: n.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? '',
          }))
        : [{ href: main?.href ?? '', excerpt: r.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? '' }];
      return { chapter: main?.textContent ?? '', sections };
    });
  });
}
