/**
 * The book's frame, as a reader uses it: mobile menu without JS, skip link, heading anchors and the
 * "on this page" list, copy buttons, edit link, quiz score slots, landing-page language choice, and
 * no request leaving the site's origin.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BASE, chapterPages, layoutReady, slugOf } from './pages.ts';

const en = chapterPages('en');
const ko = chapterPages('ko');
/** A chapter with a code block, for the copy button. */
const withCode = [...en, ...ko].find((p) => readFileSync(p.file, 'utf8').includes('<pre'));

test.describe('without JavaScript, on a phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  test('the menu opens and leads to another chapter', async ({ page }) => {
    const from = ko[0];
    const to = ko[1];
    expect(from && to, 'two Korean chapters').toBeTruthy();
    await page.goto(from?.path ?? '');
    const menu = page.locator('details.mobile-nav');
    await expect(menu.locator('summary')).toBeVisible();
    await expect(page.locator('.sidebar'), 'the wide-screen sidebar is hidden on a phone').toBeHidden();
    await menu.locator('summary').click();
    const link = menu.locator(`a[href="${to?.path}"]`);
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${to?.path}$`));
  });
});

test('the skip link is the first tab stop and lands on the main content', async ({ page }) => {
  await page.goto(en[0]?.path ?? '');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('every h2/h3 has an anchor link, and the "on this page" list points at real headings', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const chapter = en.find((p) => readFileSync(p.file, 'utf8').includes('class="toc"'));
  expect(chapter, 'a chapter with an "on this page" list').toBeDefined();
  await page.goto(chapter?.path ?? '');
  // Chapter headings (from MDX); lab widgets carry their own titled headings and are not part of the TOC.
  const headings = page.locator('article .heading-wrap > :is(h2, h3)[id]');
  const count = await headings.count();
  expect(count).toBeGreaterThan(0);
  const anchors = await page.locator('article .heading-wrap > a.anchor').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  const ids = await headings.evaluateAll((els) => els.map((e) => `#${e.id}`));
  expect(anchors).toEqual(ids);
  await expect(page.locator('aside.toc')).toBeVisible();
  const tocTargets = await page.locator('aside.toc a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const target of tocTargets) expect(ids, `TOC entry ${target}`).toContain(target);
});

test('the copy button copies the code block', async ({ page, context }) => {
  expect(withCode, 'a chapter with a code block').toBeDefined();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(withCode?.path ?? '');
  const block = page.locator('.code-block').first();
  await block.scrollIntoViewIfNeeded();
  const button = block.locator('button.copy-btn');
  await expect(button).toBeVisible();
  const before = await button.textContent();
  await button.click();
  await expect(button).not.toHaveText(before ?? '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const code = await block.locator('pre').innerText();
  expect(copied.trim()).toBe(code.trim());
});

test('chapters link to their source file and carry a quiz score slot per chapter', async ({ page }) => {
  const chapter = ko[0];
  await page.goto(chapter?.path ?? '');
  const edit = page.locator('.page-meta a');
  await expect(edit).toHaveAttribute('href', new RegExp(`/edit/[^/]+/content/ko/${slugOf(chapter!)}\\.mdx$`));
  const slots = await page.locator('.sidebar [data-quiz-score]').evaluateAll((els) => els.map((e) => e.getAttribute('data-quiz-score')));
  expect([...slots].sort(), 'one slot per Korean chapter').toEqual(ko.map(slugOf).sort());
});

test('a first-time visitor is sent to their language once; the landing page stays reachable', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.addInitScript(() => Object.defineProperty(navigator, 'webdriver', { get: () => false }));
  await page.goto(BASE);
  await expect(page).toHaveURL(new RegExp(`${BASE}ko/$`));
  await page.goto(BASE);
  await expect(page).toHaveURL(new RegExp(`${BASE}$`));
  await expect(page.locator('a[href$="/en/"]')).toBeVisible();
  await context.close();
});

test('no request leaves the origin, even with search open', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  await page.goto(en[0]?.path ?? '');
  await layoutReady(page);
  await page.keyboard.press('Control+k');
  await expect(page.locator('#search-dialog input')).toBeVisible();
  await page.keyboard.type('handshake');
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
});
