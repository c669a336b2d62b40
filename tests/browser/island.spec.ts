/**
 * The labs hydrate in the production build without Astro's island runtime (src/labs/client/lab-mount.ts):
 * on the labs page of each language every lab wakes once scrolled into view (its root element gets
 * `data-lab-awake`), and a lab reacts to a click, which server-rendered HTML alone cannot do.
 */
import { expect, test } from '@playwright/test';
import { watchPage } from './watch.ts';

for (const lang of ['en', 'ko'] as const) {
  test(`every lab wakes on /${lang}/labs/`, async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    const res = await page.goto(`${lang}/labs/`);
    expect(res?.status(), `/${lang}/labs/ exists`).toBe(200);
    expect(await page.locator('astro-island').count(), 'Astro islands on the labs page').toBe(0);
    const islands = page.locator('[data-lab-root]');
    const kinds = await islands.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-lab-kind')))].sort());
    expect(kinds, 'lab kinds on the labs page').toEqual(['capture', 'inspector', 'sequence', 'time-wait']);
    const count = await islands.count();
    for (let i = 0; i < count; i++) await islands.nth(i).locator(':scope > *').first().scrollIntoViewIfNeeded();
    await expect(page.locator('[data-lab-root]:not([data-lab-awake])'), 'labs still asleep').toHaveCount(0);

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

/**
 * A chapter whose labs are sequence labs and the state diagram ships no island runtime, and each
 * lab sleeps until it comes into view, in both languages.
 */
for (const lang of ['en', 'ko'] as const) {
  test(`sequence labs wake without Astro's island runtime (/${lang}/three-way-handshake/)`, async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(`${lang}/three-way-handshake/`);
    expect(await page.locator('astro-island').count(), 'Astro islands on the page').toBe(0);
    const inline = await page.locator('script:not([src])').allTextContents();
    expect(
      inline.filter((s) => s.includes('astro-island')),
      'inline island runtime',
    ).toEqual([]);
    const labs = page.locator('[data-lab-root] > .seq-lab');
    const count = await labs.count();
    expect(count, 'sequence labs on the chapter').toBeGreaterThan(1);
    // Asleep until seen: the last lab has not woken while the page sits at its top.
    await expect(labs.nth(count - 1)).not.toHaveClass(/is-live/);
    for (let i = 0; i < count; i++) {
      await labs.nth(i).scrollIntoViewIfNeeded();
      await expect(labs.nth(i)).toHaveClass(/is-live/);
    }
    const last = labs.nth(count - 1);
    const before = await last.locator('.lab-step').textContent();
    await last.getByRole('button', { name: lang === 'en' ? 'Next step' : '다음 단계' }).click();
    await expect(last.locator('.lab-step')).not.toHaveText(before ?? '');
    expect(problems()).toEqual([]);
  });
}
