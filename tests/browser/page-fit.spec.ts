/**
 * Every page type at a phone (360×740, 2×, touch) and a desktop (1366×850), in Korean and English,
 * light and dark: what a reader on a phone runs into first.
 *
 * - nothing is wider than the screen, except a scroll frame that shows it scrolls (a shadow at the
 *   edge, drawn by a `local` background layer; lab internals are the labs' own suite's);
 * - every quiz, drill and review control is a 44×44 CSS px touch target (a radio's target is its row);
 * - no word in a content table or a lead is broken over two lines (each word's Range.getClientRects() lies on
 *   one line; a break before an opening parenthesis is a break between words);
 * - chapters on a phone have an on-page contents menu and a back-to-top control;
 * - the sidebar sits at the same x on every page (desktop).
 *
 * One test per viewport × language × theme walks every page type, so the run stays short.
 */
import { expect, test, type Page } from '@playwright/test';
import { BASE, builtPages, chapterPages, layoutReady } from './pages.ts';

const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 850 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

/** Every page of a language except the chapters, by the path after /<lang>/. */
function otherPages(lang: 'ko' | 'en'): string[] {
  const chapters = new Set(chapterPages(lang).map((p) => p.path));
  return builtPages()
    .filter((p) => p.lang === lang && !chapters.has(p.path) && !p.path.includes('quiz-demo') && p.path.endsWith('/'))
    .map((p) => p.path);
}

/** Elements sticking out of the viewport that are not inside a scroll frame, and scroll frames without an affordance. */
async function overflow(page: Page): Promise<{ wide: string[]; bare: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const name = (e: Element): string =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const scrolls = (e: Element): boolean => /auto|scroll/.test(getComputedStyle(e).overflowX);
    const clipped = (e: Element): boolean => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' || s.position === 'fixed' || p.closest('dialog:not([open]), [hidden], details:not([open]) > :not(summary)')) return true;
      }
      return false;
    };
    const wide: string[] = [];
    const bare: string[] = [];
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (e.closest('.sr-only, .skip-link, .search-keywords')) continue;
      if ((r.right > vw + 1 || r.left < -1) && !clipped(e)) wide.push(`${name(e)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      if (scrolls(e) && e.scrollWidth > e.clientWidth + 1 && !e.closest('.lab')) {
        const s = getComputedStyle(e);
        if (!(/gradient/.test(s.backgroundImage) && /local/.test(s.backgroundAttachment))) bare.push(name(e));
      }
    }
    return { wide: wide.slice(0, 8), bare };
  });
}

/** Quiz, drill and review controls smaller than 44×44 (a control inside a label counts as the label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    // Links inside text (a proof link, a claim's source) are not controls.
    const sel = ':is(.quiz, .drill, [data-review]) :is(button, input, select, textarea)';
    for (const c of document.querySelectorAll<HTMLElement>(sel)) {
      const target = c.closest('label') ?? c;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden (Try again before an answer, sr-only file input's label is the target)
      if (r.width < 43.5 || r.height < 43.5)
        out.push(
          `${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30) || target.getAttribute('aria-label')}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
        );
    }
    return out;
  });
}

/** Words of content table cells and leads that the browser laid out over more than one line. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const range = document.createRange();
    // Table cells, and the leads (a chapter's, the contents page's), where a state name broken at
    // its hyphen ("TIME-" / "WAIT") is the first thing a reader sees.
    for (const cell of document.querySelectorAll('main table:not(.lab *) :is(td, th), main .lead, main .toc-list p')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        // A word is what lies between spaces, except that a break before "(" is a normal one
        // ("쪽(동시 닫기에서는" may wrap before its parenthesis).
        for (const m of text.matchAll(/[^\s(]+|\([^\s(]*/g)) {
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

for (const [vpName, device] of Object.entries(VIEWPORTS)) {
  for (const lang of ['ko', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test.describe(`${vpName} ${lang} ${theme}`, () => {
        test.use({ ...device, colorScheme: theme });
        test(`every page type fits, has big touch targets and whole words in tables (${vpName} ${lang} ${theme})`, async ({ page }) => {
          test.setTimeout(120_000);
          const pages = [...chapterPages(lang).map((p) => p.path), ...otherPages(lang)];
          expect(pages.length).toBeGreaterThan(8);
          const problems: string[] = [];
          const sidebarX = new Map<string, number>();
          for (const path of pages) {
            await page.goto(path);
            // Quizzes and labs wake when scrolled near: walk down the page so their final markup is measured.
            await page.evaluate(async () => {
              for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
                scrollTo(0, y);
                await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
              }
              scrollTo(0, 0);
            });
            await page.waitForTimeout(100);
            const { wide, bare } = await overflow(page);
            if (wide.length) problems.push(`${path}: wider than the ${device.viewport.width} px screen: ${wide.join('; ')}`);
            if (bare.length) problems.push(`${path}: scrolls sideways with no shadow showing it: ${bare.join('; ')}`);
            const small = await smallTargets(page);
            if (small.length) problems.push(`${path}: controls under 44×44: ${small.join('; ')}`);
            const broken = await brokenWords(page);
            if (broken.length) problems.push(`${path}: words broken inside a table cell or a lead: ${broken.join(', ')}`);
            if (vpName === 'desktop') {
              const x = await page.locator('.sidebar').evaluate((e) => e.getBoundingClientRect().x);
              sidebarX.set(path, Math.round(x));
            }
          }
          if (vpName === 'desktop') {
            const xs = new Set(sidebarX.values());
            if (xs.size > 1) problems.push(`sidebar x differs between pages: ${[...sidebarX].map(([p, x]) => `${p.slice(BASE.length)} ${x}`).join(', ')}`);
          }
          expect(problems).toEqual([]);
        });
      });
    }
  }
}

test.describe('phone chapter navigation', () => {
  test.use(VIEWPORTS.phone);
  for (const lang of ['ko', 'en'] as const) {
    test(`chapters have an on-page contents menu and a back-to-top control (${lang})`, async ({ page }) => {
      test.setTimeout(150_000);
      for (const [i, p] of chapterPages(lang).entries()) {
        await page.goto(p.path);
        await layoutReady(page);
        const menu = page.locator('[data-page-contents]');
        await expect(menu, `${p.path}: on-page contents menu`).toBeVisible();
        const hasHeadings = await page.locator('main h2[id]').count();
        if (hasHeadings > 2) {
          // Opening the menu lists the chapter's sections; following one lands on it.
          await menu.locator('summary').click();
          const link = menu.locator('a[href^="#"]').nth(1);
          const hash = await link.getAttribute('href');
          await link.click();
          await expect(page).toHaveURL(new RegExp(`${hash}$`));
          await expect(menu, 'the menu closes once a section is chosen').not.toHaveAttribute('open', '');
        }
        // To the end, and wait there until the page stops growing (blocks drawn only near the screen get
        // their real height, labs wake): one scroll up must not land in the same frame as such a shift.
        const settledAtEnd = (): Promise<boolean> =>
          page.evaluate(async () => {
            const end = (): number => document.documentElement.scrollHeight;
            const before = end();
            scrollTo(0, before);
            await new Promise((r) => setTimeout(r, 150)); // a frame for the scroll handler to see the way down
            return end() === before && Math.abs(scrollY + innerHeight - before) < 2;
          });
        await expect.poll(settledAtEnd, { message: `${p.path}: the page stops growing at its end` }).toBe(true);
        const top = page.locator('[data-back-to-top]');
        // It shows when a reader far down scrolls back up.
        await page.evaluate(() => scrollBy(0, -300));
        await expect(top, `${p.path}: back-to-top once the reader scrolls up, far down`).toBeVisible();
        // A shift the page makes on its own (text blocks getting their real height, a lab waking)
        // does not hide it; the reader scrolling down does.
        await page.evaluate(() => scrollBy(0, 200));
        await page.waitForTimeout(150);
        await expect(top, `${p.path}: still shown after the page itself moved down`).toBeVisible();
        if (i === 0) {
          await page.mouse.move(180, 400);
          await page.mouse.wheel(0, 400);
          await expect(top, `${p.path}: hidden once the reader scrolls down`).toBeHidden();
          await page.mouse.wheel(0, -300);
          await expect(top).toBeVisible();
        }
        await top.click();
        await expect.poll(() => page.evaluate(() => scrollY), { message: 'back at the top' }).toBeLessThan(5);
      }
    });
  }
});

test.describe('chapter figures', () => {
  test.use(VIEWPORTS.phone);
  for (const lang of ['ko', 'en'] as const) {
    test(`the core chapters open with a figure drawn at build time, readable at 360 px (${lang})`, async ({ browser }) => {
      // No JS: the figure is static SVG in the page.
      const context = await browser.newContext({ ...VIEWPORTS.phone, javaScriptEnabled: false });
      const page = await context.newPage();
      for (const slug of ['three-way-handshake', 'four-way-handshake', 'time-wait']) {
        await page.goto(`${lang}/${slug}/`);
        const fig = page.locator('article figure.chapter-figure svg').first();
        await expect(fig, `${slug}: a figure`).toBeVisible();
        const m = await fig.evaluate((svg) => {
          const r = svg.getBoundingClientRect();
          const firstH2 = document.querySelector('article h2');
          return {
            right: r.right,
            scale: r.width / (svg as SVGSVGElement).viewBox.baseVal.width,
            beforeFirstHeading: !!firstH2 && !!(svg.compareDocumentPosition(firstH2) & Node.DOCUMENT_POSITION_FOLLOWING),
            arrows: svg.querySelectorAll('.cf-arrow').length,
          };
        });
        expect(m.beforeFirstHeading, `${slug}: the figure comes before the first section`).toBe(true);
        expect(m.right, `${slug}: inside the screen`).toBeLessThanOrEqual(360);
        expect(m.scale, `${slug}: drawn at ≥ 90 % of its size, so 10.5-unit labels stay ≥ 9.5 px`).toBeGreaterThanOrEqual(0.9);
        expect(m.arrows, `${slug}: segments drawn`).toBeGreaterThanOrEqual(3);
      }
      await context.close();
    });
  }
});
