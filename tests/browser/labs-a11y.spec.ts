/**
 * The labs with something open (a step taken, a field focused, a capture replayed), checked with
 * axe in both themes, and on a 360 px phone: the page itself must not scroll sideways (the
 * diagrams scroll inside their own boxes) and text keeps its size.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function openEverything(page: Page) {
  await page.goto('en/labs/#lab=lab-close-4-segment&s=close-4-segment&step=8');
  for (const sel of ['#lab-close-4-segment', '.state-diagram', '#lab-lost-syn-ack', '#time-wait-lab', '#inspect-normal-open', '#capture-lab']) {
    await page.locator(sel).first().scrollIntoViewIfNeeded();
  }
  await expect(page.locator('[data-lab-root]:not([data-lab-awake])')).toHaveCount(0);
  await page.locator('#inspect-normal-open button[data-field="flag.syn"]').focus();
  await page.locator('#capture-lab input[type=file]').setInputFiles('tests/fixtures/kernel-traces/normal.pcap');
  await expect(page.locator('#capture-lab-replay')).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe is clean with every lab open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openEverything(page);
    const result = await new AxeBuilder({ page }).include('.labs-area').analyze();
    const readable = result.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(readable).toEqual([]);
  });
}

test('fits a 360 px phone without shrinking text', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openEverything(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.labs-area .lab-sentence, .labs-area .lab button, .labs-area .lab td')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
  );
  expect(Math.min(...sizes), 'smallest lab text (px)').toBeGreaterThanOrEqual(13);
});
