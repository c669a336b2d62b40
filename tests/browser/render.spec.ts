/**
 * Every built page, in both languages, loads with no console error, no uncaught exception,
 * no failed request and no request to another origin, and declares its language.
 */
import { expect, test } from '@playwright/test';
import { builtPages } from './pages.ts';
import { watchPage } from './watch.ts';

for (const p of builtPages()) {
  test(`renders cleanly: ${p.path}`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const problems = watchPage(page, origin);
    const res = await page.goto(p.path, { waitUntil: 'load' });
    expect(res?.status(), 'HTTP status').toBeLessThan(400);
    // Islands that hydrate when visible only run (and only fail) once scrolled into view.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    if (p.lang !== 'root') await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${p.lang}\\b`));
    else await expect(page.locator('html')).toHaveAttribute('lang', /^(ko|en)\b/);
    await expect(page).toHaveTitle(/\S/);
    expect(problems(), `problems on ${p.path}`).toEqual([]);
  });
}
