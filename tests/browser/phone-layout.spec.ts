/**
 * On a 360 px phone, short inline code such as a state name stays on one line
 * (src/build/keep-code-together.mjs), and nothing makes the page scroll sideways.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 360, height: 740 } });

for (const path of ['ko/four-way-handshake/', 'en/time-wait/']) {
  test(`360 px: state names never break at a hyphen, no sideways scroll (${path})`, async ({ page }) => {
    await page.goto(path);
    const split = await page.locator('main code.nowrap').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent));
    expect(await page.locator('main code.nowrap').count(), 'short inline code is marked').toBeGreaterThan(10);
    expect(split, 'inline code broken over two lines').toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
  });
}
