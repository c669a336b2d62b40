/**
 * A link to a place far down a long chapter lands there and stays there. Anchors are what the
 * table of contents, quiz proofs, the review page and the interview chapter's lab links all rely
 * on; anything that renders parts of a chapter lazily (content-visibility: auto on its blocks,
 * see src/site/global.css) can leave the target off the top of the viewport, or make it jump
 * as the blocks above it get their real height. Each link is opened on a fresh page, on a phone
 * (the tallest layout), and the target is checked after the page settles and again a second later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BASE, OUT } from './pages.ts';

/** Long chapters, where a wrong height estimate for the blocks above a target adds up the most. */
const CHAPTERS = ['en/tcp-basics', 'ko/tcp-basics', 'en/interview', 'ko/interview', 'en/time-wait', 'ko/time-wait'];

/** How far (px) a target may sit from where the browser should have put it. */
const SLACK = 24;

// Both motion settings: with smooth scrolling the jump to a target on page load used to glide, and
// labs waking above the target during the glide left it low (global.css now keeps that jump instant).
const MOTION = (process.env.ANCHORS_MOTION ?? 'reduce,no-preference').split(',') as Array<'reduce' | 'no-preference'>;

function html(path: string): string {
  return readFileSync(join(OUT, path, 'index.html'), 'utf8');
}

/** The chapter body only (the search dialog and table of contents carry ids too). */
function body(page: string): string {
  const start = page.indexOf('data-pagefind-body');
  const end = page.indexOf('</article>', start);
  if (start < 0 || end < 0) throw new Error('no chapter body (data-pagefind-body … </article>) in the built page');
  return page.slice(start, end);
}

/** Heading ids from the second half of the chapter (the far-down ones), at most four. */
function farHeadingIds(path: string): string[] {
  // Lab titles (h3.lab-title) included: a lab waking near its title must not move it.
  const ids = [...body(html(path)).matchAll(/<h[23][^>]*\sid="([^"]+)"/g)].map((m) => m[1] ?? '');
  const far = ids.slice(Math.floor(ids.length / 2));
  // Spread over the far half: first, two in the middle, last.
  const pick = [...new Set([far[0], far[Math.floor(far.length / 3)], far[Math.floor((2 * far.length) / 3)], far[far.length - 1]])];
  return pick.filter((id): id is string => !!id);
}

/**
 * The interview chapter's links into labs in other chapters (`../x/#lab=…`), as book paths, and
 * for each chapter they point into, a plain link to its last lab's id (`#lab-…`, which the
 * browser scrolls to by itself).
 */
function labLinks(lang: string): { path: string; lab: string }[] {
  const hrefs = [...body(html(`${lang}/interview`)).matchAll(/href="\.\.\/([^/"#]+)\/#(lab=[^"]+)"/g)];
  const deep = [...new Set(hrefs.map((m) => `${m[1]}/#${(m[2] ?? '').replaceAll('&amp;', '&')}`))].map((rest) => ({
    path: `${lang}/${rest}`,
    lab: /lab=([^&]+)/.exec(rest)?.[1] ?? '',
  }));
  const chapters = [...new Set(deep.map((l) => l.path.slice(0, l.path.indexOf('#'))))];
  const plain = chapters.map((c) => {
    const ids = [...body(html(c)).matchAll(/<section class="lab seq-lab[^"]*" id="([^"]+)"/g)].map((m) => m[1] ?? '');
    return { path: `${c}#${ids.at(-1)}`, lab: ids.at(-1) ?? '' };
  });
  return [...deep, ...plain];
}

/** Waits until the page has not scrolled for 400 ms (the lab link scrolls smoothly), at most 8 s. */
async function settle(page: Page): Promise<void> {
  let last = -1;
  let still = 0;
  for (let i = 0; i < 80 && still < 4; i++) {
    const y = await page.evaluate(() => window.scrollY);
    still = y === last ? still + 1 : 0;
    last = y;
    await page.waitForTimeout(100);
  }
}

/**
 * Where the target sits against where it belongs: its top at the root's scroll-padding-top, or
 * lower only when the page is scrolled to its very end.
 */
async function placement(page: Page, id: string) {
  return page.evaluate((target) => {
    const el = document.getElementById(target);
    if (!el) return null;
    const pad = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const atEnd = window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1;
    return { top: Math.round(el.getBoundingClientRect().top), pad: Math.round(pad), atEnd, y: Math.round(window.scrollY) };
  }, id);
}

async function expectAtTop(page: Page, url: string, id: string, viewHeight = 823): Promise<void> {
  await page.goto(BASE + url.replace(/^\//, ''), { waitUntil: 'load' });
  await expectLanded(page, url, id, viewHeight);
}

/** The target sits where the browser should have put it, after the page settles and a second later. */
async function expectLanded(page: Page, url: string, id: string, viewHeight: number): Promise<void> {
  await settle(page);
  const first = await placement(page, id);
  expect(first, `#${id} exists on ${url}`).not.toBeNull();
  await page.waitForTimeout(1000);
  const later = await placement(page, id);
  for (const [when, p] of [
    ['after settling', first],
    ['a second later', later],
  ] as const) {
    if (!p) throw new Error(`#${id} disappeared from ${url}`);
    const msg = `${url}: #${id} ${when} has its top at ${p.top}px (scrollY ${p.y}), expected ${p.pad}px`;
    if (p.atEnd) {
      // Near the end of the page the browser cannot scroll further; the target only has to be in view, not below the fold.
      expect(p.top, msg).toBeGreaterThanOrEqual(p.pad - SLACK);
      expect(p.top, msg).toBeLessThan(viewHeight - 40);
    } else {
      expect(Math.abs(p.top - p.pad), msg).toBeLessThanOrEqual(SLACK);
    }
  }
  expect(Math.abs((later?.top ?? 0) - (first?.top ?? 0)), `${url}: #${id} moved between settling and a second later`).toBeLessThanOrEqual(SLACK);
}

for (const motion of MOTION) {
  test.describe(`prefers-reduced-motion: ${motion}`, () => {
    test.use({ reducedMotion: motion, viewport: { width: 412, height: 823 } });

    for (const chapter of CHAPTERS) {
      test(`heading anchors far down ${chapter} land at the top and stay there (${motion})`, async ({ page }) => {
        const ids = farHeadingIds(chapter);
        expect(ids.length, `far-down heading ids in ${chapter}`).toBeGreaterThanOrEqual(3);
        for (const id of ids) await expectAtTop(page, `${chapter}/#${id}`, id);
      });
    }
  });
}

/**
 * Deep links to labs, on a phone and a desktop: the link's lab lands at the top and stays there
 * while it wakes (it draws up to the link's step and grows) and while the text blocks above it get
 * their real height (content-visibility). Before the lab's title served as a scroll anchor, such
 * links landed 30-150 px low (en three-way #lab=lab-normal-open&step=5 at 269 px instead of 116).
 * Smooth scrolling on (no-preference), the harder case; the heading tests above cover both settings.
 */
const DEVICES = [
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1366, height: 850 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
];
for (const { name, ...device } of DEVICES) {
  test.describe(`lab deep links on a ${name}`, () => {
    test.use({ ...device, reducedMotion: 'no-preference' });
    for (const lang of ['en', 'ko']) {
      test(`the ${lang} interview chapter's deep links to labs land on the lab and stay there (${name})`, async ({ page }) => {
        const links = labLinks(lang);
        expect(links.length, `lab deep links in ${lang}/interview`).toBeGreaterThanOrEqual(3);
        // Each link costs a page load and a second of watching; the interview chapter has dozens.
        test.setTimeout(Math.max(60_000, links.length * 5_000));
        for (const { path, lab } of links) await expectAtTop(page, path, lab, device.viewport.height);
      });
    }
  });
}

/**
 * A click on the chapter's own contents, on a chapter opened without a #hash: there the labs and
 * quizzes below the first screen are not drawn yet and sit at estimated heights (global.css). The
 * browser scrolls by the estimates, then draws what comes near the screen at its real height;
 * scroll anchoring keeps the heading in place meanwhile (with `overflow-anchor: none` on the
 * page, the three-way and TIME-WAIT chapters' headings landed 280-410 px off).
 */
test.describe('contents links on a desktop', () => {
  test.use({ viewport: { width: 1366, height: 850 }, reducedMotion: 'reduce' });
  for (const chapter of ['ko/three-way-handshake', 'en/time-wait']) {
    test(`the last headings of ${chapter}'s contents land at the top when clicked and stay there`, async ({ page }) => {
      await page.goto(`${BASE}${chapter}/`, { waitUntil: 'load' });
      const ids = (await page.locator('.toc a').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))))).slice(-3);
      expect(ids.length, `contents links in ${chapter}`).toBe(3);
      for (const id of ids) {
        await page.goto(`${BASE}${chapter}/`, { waitUntil: 'load' });
        await page.locator(`.toc a[href="#${id}"]`).click();
        await expectLanded(page, `${chapter}/ (contents link)`, id, 850);
      }
    });
  }
});
