/**
 * Preact islands hydrate in the production build: on the labs page of each language every
 * <astro-island> loses its `ssr` marker (Astro removes it once the component has hydrated), and
 * an island reacts to a click, which server-rendered HTML alone cannot do.
 */
import { expect, test } from '@playwright/test';
import { watchPage } from './watch.ts';

for (const lang of ['en', 'ko'] as const) {
  test(`islands hydrate on /${lang}/labs/`, async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    const res = await page.goto(`${lang}/labs/`);
    expect(res?.status(), `/${lang}/labs/ exists`).toBe(200);
    const islands = page.locator('astro-island');
    const count = await islands.count();
    expect(count, 'islands on the labs page').toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await islands.nth(i).scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]'), 'islands still waiting to hydrate').toHaveCount(0);

    let reacted = false;
    for (let i = 0; i < count && !reacted; i++) {
      const island = islands.nth(i);
      const buttons = island.locator('button:enabled:visible');
      const n = Math.min(await buttons.count(), 5);
      for (let b = 0; b < n && !reacted; b++) {
        const before = await island.innerHTML();
        await buttons.nth(b).click();
        await page.waitForTimeout(100);
        reacted = (await island.innerHTML()) !== before;
      }
    }
    expect(reacted, 'some island changed its DOM after a click on one of its buttons').toBe(true);
    expect(problems()).toEqual([]);
  });
}
