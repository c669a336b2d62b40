/**
 * Drives the book's search the way a reader does: the `/` shortcut, typing, reading the result
 * links. Shared by the search and offline tests so both exercise the same path.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Result links of pagefind's UI packages (component UI and default UI). */
export function resultLinks(page: Page): Locator {
  return page.locator('a.pf-result-link, a.pf-searchbox-result, .pf-searchbox-result a, a.pagefind-ui__result-link, [data-search-results] a');
}

/** Opens search with `/`, types the query, and returns the hrefs of the results shown. */
export async function search(page: Page, query: string, shortcut = '/'): Promise<string[]> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press(shortcut);
  const input = page.locator('input:focus, [contenteditable]:focus');
  await expect(input, `a focused search input after pressing ${shortcut}`).toHaveCount(1);
  await page.keyboard.type(query, { delay: 20 });
  const links = resultLinks(page);
  await expect(links.first(), `a search result for "${query}"`).toBeVisible({ timeout: 15_000 });
  return links.evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
}
