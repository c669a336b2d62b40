/**
 * A chapter with labs paints without waiting for lab or quiz code or for any stylesheet request
 * (scripts/first-paint.ts, src/site/client/chrome.ts): on every such chapter of the build,
 *   - no stylesheet is requested by the parser (the site's is inline; the labs' and quizzes' are
 *     linked by script once the page has painted), and the only script the parser requests is the
 *     layout's: lab and quiz code come later, requested by script;
 *   - the labs' and quizzes' styles still apply, with and without JavaScript;
 *   - the first screen looks the same, to the pixel, before the labs' and quizzes' styles arrive
 *     (at a phone's size and a desktop's), so their arrival moves nothing a reader sees;
 *   - opened at a #hash, the labs' styles are in place before the first frame that has a lab.
 * Read from Chromium's own network events (the initiator Lighthouse's model also reads).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { builtPages } from './pages.ts';

const labChapters = builtPages().filter((p) => {
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

test('there are chapters with labs to check', () => {
  expect(labChapters.length, 'chapters with a lab in the build').toBeGreaterThan(1);
});

for (const { path } of labChapters) {
  test(`${path}: the parser requests no stylesheet and no lab or quiz script`, async ({ page }) => {
    const requests = await recordRequests(page);
    await page.goto(path);
    // The labs' styles arrive once the page has painted.
    await expect.poll(() => labStyled(page), 'the labs stylesheet applies after the first paint').toBe(true);
    const file = (url: string) => new URL(url).pathname.split('/').pop();
    const byParser = requests.filter((r) => r.initiator === 'parser');
    expect(
      byParser.filter((r) => r.type === 'Stylesheet').map((r) => file(r.url)),
      'stylesheets the parser requests (they block the first paint)',
    ).toEqual([]);
    expect(
      byParser.filter((r) => r.type === 'Script' && !file(r.url)?.startsWith('BaseLayout.astro_')).map((r) => file(r.url)),
      "scripts the parser requests besides the layout's",
    ).toEqual([]);
    if (await page.locator('.quiz').count()) expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
  });
}

for (const lang of ['ko', 'en'] as const) {
  test(`/${lang}/three-way-handshake/ at a lab's #hash: the lab is styled in the first frame that has it`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { firstLabFrame?: boolean };
      const look = (): void => {
        const lab = document.querySelector('.lab');
        if (lab) w.firstLabFrame = getComputedStyle(lab).getPropertyValue('--lab-line').trim() !== '';
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${lang}/three-way-handshake/#lab=lab-normal-open`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { firstLabFrame?: boolean }).firstLabFrame)).toBe(true);
    await expect(page.locator('#lab-normal-open')).toBeInViewport();
  });
}

const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1366, height: 850 } };
for (const { path } of labChapters)
  for (const [name, viewport] of Object.entries(SIZES))
    test(`${path} (${name}): the first screen does not wait for the labs' and quizzes' styles`, async ({ browser }) => {
      const shot = async (later: boolean): Promise<Buffer> => {
        const context = await browser.newContext({ viewport });
        // Without them: the stylesheets named in the page's <noscript> never arrive.
        if (!later)
          await context.route(
            (url) => url.pathname.endsWith('.css'),
            (route) => route.abort(),
          );
        const page = await context.newPage();
        await page.goto(path);
        if (later) await expect.poll(() => labStyled(page)).toBe(true);
        await page.evaluate(() => document.fonts.ready);
        const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
        await context.close();
        return png;
      };
      expect((await shot(false)).equals(await shot(true)), 'the first screen is the same with and without them').toBe(true);
    });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['ko', 'en'] as const)
    test(`/${lang}/three-way-handshake/: labs and quizzes are styled`, async ({ page }) => {
      await page.goto(`${lang}/three-way-handshake/`);
      expect(await labStyled(page), 'the labs stylesheet applies').toBe(true);
      expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
    });
});
