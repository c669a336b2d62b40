/**
 * On a 360 px phone, short inline code such as a state name stays on one line
 * (src/build/keep-code-together.mjs), nothing makes the page scroll sideways, and nothing on a
 * page moves while it loads (the chapter figure stays where it is first drawn; the review page's
 * summary is drawn at build time).
 */
import { expect, test } from '@playwright/test';
import { BASE, chapterPages } from './pages.ts';

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

for (const lang of ['ko', 'en'] as const) {
  test(`360 px: nothing on a page moves while it loads (CLS 0), ${lang}`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: string[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] }[])
          if (!e.hadRecentInput) w.shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => (s.node as Element | null)?.className ?? '?').join(', ')}`);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const chapters = chapterPages(lang);
    expect(chapters.length).toBeGreaterThan(3);
    // Every chapter, and the pages whose scripts fill in what the build could not know (progress, labs, the workshop).
    const others = ['', 'drill/', 'review/', 'labs/', 'workshop/'].map((rest) => ({ path: `${BASE}${lang}/${rest}` }));
    for (const c of [...chapters, ...others]) {
      await page.goto(c.path, { waitUntil: 'load' });
      // Two frames after load: blocks skipped by content-visibility have been sized by then.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts), `layout shifts on ${c.path}`).toEqual([]);
    }
  });
}
