/**
 * A chapter with labs paints without waiting for lab or quiz code (src/site/client/chrome.ts): on
 * every such chapter of the build, the only script the parser requests is the layout's; lab and quiz
 * code come later, requested by script, and the labs' and quizzes' styles apply, with and without
 * JavaScript. Read from Chromium's own network events (the initiator Lighthouse's model also reads).
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
  test(`${path}: the parser requests no lab or quiz script`, async ({ page }) => {
    const requests = await recordRequests(page);
    await page.goto(path);
    expect(await labStyled(page), 'the labs stylesheet applies').toBe(true);
    const file = (url: string) => new URL(url).pathname.split('/').pop();
    const byParser = requests.filter((r) => r.initiator === 'parser');
    expect(
      byParser.filter((r) => r.type === 'Script' && !file(r.url)?.startsWith('BaseLayout.astro_')).map((r) => file(r.url)),
      "scripts the parser requests besides the layout's",
    ).toEqual([]);
    if (await page.locator('.quiz').count()) expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['ko', 'en'] as const)
    test(`/${lang}/three-way-handshake/: labs and quizzes are styled`, async ({ page }) => {
      await page.goto(`${lang}/three-way-handshake/`);
      expect(await labStyled(page), 'the labs stylesheet applies').toBe(true);
      expect(await quizBorder(page), 'the quiz stylesheet applies').toBe('4px');
    });
});
