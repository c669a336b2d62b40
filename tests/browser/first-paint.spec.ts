/**
 * What a page sends before its first paint (scripts/first-paint.ts), read from Chromium's own
 * network events (the initiator Lighthouse's model also reads) and timings:
 * - every page links one stylesheet, and the parser requests no script at all: the layout's script
 *   is imported after the first contentful paint, and lab and quiz code after it;
 * - the labs' and quizzes' styles apply, with and without JavaScript;
 * - the layout's script changes nothing on screen when it comes (the code blocks' copy frames), and
 *   links the web app manifest.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BASE, builtPages } from './pages.ts';

const pages = builtPages();
const labChapters = pages.filter((p) => {
  const html = readFileSync(p.file, 'utf8');
  return html.includes('data-lab-root=') && html.includes('data-pagefind-body');
});

/** Every request's type and initiator as Chromium reports them. */
async function recordRequests(page: Page): Promise<{ url: string; type: string; initiator: string }[]> {
  const seen: { url: string; type: string; initiator: string }[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => seen.push({ url: e.request.url, type: e.type ?? '', initiator: e.initiator.type }));
  return seen;
}

/** The first quiz's left border, 4px from the quizzes' stylesheet. */
const quizBorder = (page: Page) =>
  page
    .locator('.quiz')
    .first()
    .evaluate((el) => getComputedStyle(el).borderLeftWidth);

/** Whether the labs' stylesheet applies (a custom property only it sets). */
const labStyled = (page: Page) =>
  page
    .locator('.lab')
    .first()
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--lab-line').trim() !== '');

const file = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

test('there are chapters with labs to check', () => {
  expect(labChapters.length, 'chapters with a lab in the build').toBeGreaterThan(1);
});

test('every page links one stylesheet', () => {
  const counts = pages.map((p) => ({ path: p.path, sheets: (readFileSync(p.file, 'utf8').match(/<link rel="stylesheet"/g) ?? []).length }));
  expect(counts.filter((c) => c.sheets !== 1)).toEqual([]);
});

for (const { path } of labChapters) {
  test(`${path}: the parser requests no script; the layout's comes after the first contentful paint`, async ({ page }) => {
    const requests = await recordRequests(page);
    await page.goto(path);
    await page.locator('html[data-chrome-ready]').waitFor({ state: 'attached' });
    expect(await labStyled(page), 'the labs stylesheet applies').toBe(true);
    const byParser = requests.filter((r) => r.initiator === 'parser');
    expect(
      byParser.filter((r) => r.type === 'Script' || r.type === 'Manifest').map((r) => file(r.url)),
      'scripts (and the manifest) the parser requests',
    ).toEqual([]);
    expect(byParser.filter((r) => r.type === 'Stylesheet').length, 'stylesheets the parser requests').toBe(1);
    if (await page.locator('.quiz').count()) expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ name: r.name, start: r.startTime })),
    }));
    expect(timing.scripts.length, 'scripts loaded').toBeGreaterThan(0);
    expect(
      timing.scripts.filter((s) => !(s.start >= timing.fcp)).map((s) => file(s.name)),
      `scripts requested before the first contentful paint (${timing.fcp.toFixed(0)} ms)`,
    ).toEqual([]);
  });
}

test('the layout script links the web app manifest', async ({ page }) => {
  await page.goto(`${BASE}en/`);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', `${BASE}manifest.webmanifest`);
});

/** The top of every paragraph of the article, page-relative. */
const paragraphTops = (page: Page) => page.locator('article p').evaluateAll((ps) => ps.map((p) => Math.round(p.getBoundingClientRect().top + scrollY)));

test('the copy buttons’ frames move nothing on the page', async ({ page }) => {
  const path = `${BASE}ko/four-way-handshake/`;
  const html = readFileSync(pages.find((p) => p.path === path)?.file ?? '', 'utf8');
  const layout = /import\("([^"]+)"\)/.exec(html)?.[1] ?? '';
  expect(layout, "the loader's import of the layout script").toMatch(/\.js$/);
  // Labs and quizzes change their own height when they wake: every script is refused but, in the
  // second load, the layout's, so the two loads differ only in what the layout's script does.
  let allow = '';
  await page.route('**/*.js', (r) => (allow && new URL(r.request().url()).pathname === allow ? r.continue() : r.abort()));
  await page.goto(path);
  expect(await page.locator('article pre').count(), 'code blocks on the page').toBeGreaterThan(1);
  await expect(page.locator('.code-block')).toHaveCount(0);
  const plain = await paragraphTops(page);
  allow = layout;
  await page.reload();
  await expect(page.locator('.code-block').first()).toBeAttached();
  expect(await paragraphTops(page)).toEqual(plain);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['ko', 'en'] as const)
    test(`/${lang}/three-way-handshake/: labs and quizzes are styled`, async ({ page }) => {
      await page.goto(`${BASE}${lang}/three-way-handshake/`);
      expect(await labStyled(page), 'the labs stylesheet applies').toBe(true);
      expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
    });
});
