/**
 * Every lab on a phone (360×740, 2×, touch) and a desktop (1366×850), in ko and en, light and
 * dark, on the labs page and every chapter with a lab:
 *   - after each step, both lanes and the current arrow's label are on screen (below the sticky
 *     step bar, above the bottom edge), and so are the lane headers; nothing covers the step
 *     buttons (on a phone chapter the contents bar once lay over them);
 *   - nothing is wider than the screen, except inside a scroll frame that shows it scrolls;
 *   - every lab control is at least 44×44 CSS px (for a radio or checkbox: its label);
 *   - the state diagram shows the current state;
 *   - the TIME-WAIT timeline's words stay inside it and its badges apart;
 *   - tapping a field of the segment inspector shows its explanation where the finger is;
 *   - nothing (the back-to-top button) covers a lab's step sentence at the bottom of a phone screen.
 * Stepping through every lab fully costs time, so it runs once (phone, ko, light); the other
 * combinations check the start, the middle and the end of each lab.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

const OUT = process.env.BOOK_OUT ?? 'dist';
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 850 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

/** Pages of one language with a lab, read from the build: the labs page and each chapter that embeds one. */
function labPages(lang: string): string[] {
  const dir = join(OUT, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'index.html')) && readFileSync(join(dir, slug, 'index.html'), 'utf8').includes('data-lab-kind='))
    .sort();
}

/** Problems with what is on screen for one sequence lab at its current step (empty: all good). */
async function stepProblems(page: Page, lab: Locator): Promise<string[]> {
  return lab.evaluate((el) => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = innerHeight;
    const step = el.querySelector('.lab-step')?.textContent ?? '?';
    const bar = el.querySelector('.seq-bar')?.getBoundingClientRect() ?? { bottom: 0 };
    const inside = (r: DOMRect, top: number) => r.left >= -1 && r.right <= vw + 1 && r.top >= top - 1 && r.bottom <= vh + 1;
    for (const line of el.querySelectorAll('.seq-lane')) {
      const r = line.getBoundingClientRect();
      if (r.left < 0 || r.right > vw) out.push(`${step}: a lane is off screen (x ${r.left.toFixed(0)})`);
    }
    // The step bar's buttons can be tapped: nothing (the page's own sticky bars) lies over them.
    for (const b of el.querySelectorAll('.seq-bar button')) {
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !b.contains(hit))
        out.push(
          `${step}: "${b.getAttribute('aria-label') ?? b.textContent}" is covered by <${hit?.tagName.toLowerCase()} class="${hit?.getAttribute('class') ?? ''}">`,
        );
    }
    const heads = el.querySelector('.seq-heads')?.getBoundingClientRect();
    if (!heads || !inside(heads, 0)) out.push(`${step}: lane headers ${heads ? `off screen (top ${heads.top.toFixed(0)})` : 'missing'}`);
    // The current arrows' labels: the newest (lowest) always, and every one when they fit between
    // the sticky bar and the bottom edge together (an arrow ending now may have left screens ago).
    const labels = [...el.querySelectorAll('.seq-label-current')].map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
    const fit = labels.length > 0 && Math.max(...labels.map((l) => l.r.bottom)) - Math.min(...labels.map((l) => l.r.top)) <= vh - bar.bottom;
    const newest = labels.reduce<(typeof labels)[number] | null>((a, l) => (!a || l.r.top > a.r.top ? l : a), null);
    for (const { text, r } of labels) {
      if ((fit || text === newest?.text) && !inside(r, bar.bottom))
        out.push(
          `${step}: label "${text}" not on screen (${r.left.toFixed(0)},${r.top.toFixed(0)}–${r.right.toFixed(0)},${r.bottom.toFixed(0)}; bar ends at ${bar.bottom.toFixed(0)})`,
        );
    }
    return out;
  });
}

/** Elements of `root` that reach past the screen's edges, other than inside a scroll frame that shows it scrolls. */
async function overflowProblems(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const inFrame = (e: Element): boolean => {
      for (let p = e.parentElement; p && p !== el.parentElement; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (/(auto|scroll)/.test(cs.overflowX) && p.scrollWidth > p.clientWidth) {
          const r = p.getBoundingClientRect();
          const hint = /gradient/.test(cs.backgroundImage) || p.hasAttribute('data-scroll-hint');
          return r.left >= -1 && r.right <= vw + 1 && hint;
        }
      }
      return false;
    };
    for (const e of [el, ...el.querySelectorAll('*')]) {
      if (!e.checkVisibility({ contentVisibilityAuto: true })) continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || (r.right <= vw + 1 && r.left >= -1)) continue;
      if (!inFrame(e))
        out.push(`<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${vw}`);
    }
    return out.slice(0, 5);
  });
}

/** Visible lab controls smaller than 44×44 (a radio's or checkbox's target is its label). */
async function smallControls(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = [];
    for (const c of el.querySelectorAll<HTMLElement>('button, select, input, summary, [tabindex="0"]')) {
      if (c.closest('[hidden], details:not([open]) > :not(summary)') || c.getClientRects().length === 0) continue;
      const cs = getComputedStyle(c);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const target = c.matches('input[type=radio], input[type=checkbox]') ? (c.closest('label') ?? c) : c;
      const r = target.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5)
        out.push(
          `${c.tagName.toLowerCase()} "${(c.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 30)}" is ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
        );
    }
    return out;
  });
}

/** Whether the state diagram's current state (its first highlighted box) is on screen and inside its frame. */
async function stateShown(page: Page): Promise<string> {
  const fig = page.locator('figure[data-sd]').first();
  await fig.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  return fig.evaluate((f) => {
    // At least one current state (the two may be too far apart for one phone screen) fully inside the frame and the screen.
    const boxes = [...f.querySelectorAll('.sd-current rect')];
    if (!boxes.length) return 'no current state';
    const frame = (f.querySelector('.sd-frame') ?? f).getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const shown = (r: DOMRect) =>
      r.left >= Math.max(0, frame.left) - 1 && r.right <= Math.min(vw, frame.right) + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
    if (boxes.some((b) => shown(b.getBoundingClientRect()))) return '';
    return (
      boxes
        .map((b) => {
          const r = b.getBoundingClientRect();
          return `${b.parentElement?.getAttribute('data-node')} at ${r.left.toFixed(0)}–${r.right.toFixed(0)} × ${r.top.toFixed(0)}–${r.bottom.toFixed(0)}`;
        })
        .join(', ') + ` not inside frame ${frame.left.toFixed(0)}–${frame.right.toFixed(0)} × ${frame.top.toFixed(0)}–${frame.bottom.toFixed(0)}`
    );
  });
}

async function wake(page: Page, lab: Locator): Promise<void> {
  await lab.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect(lab).toHaveClass(/is-live/);
}

/** The step a sequence lab shows and its last: "Step n of N" / "N단계 중 n단계". */
async function stepOf(lab: Locator): Promise<{ now: number; last: number }> {
  const text = (await lab.locator('.lab-step').textContent()) ?? '';
  const [a = 0, b = 0] = (text.match(/\d+/g) ?? []).map(Number);
  return /단계/.test(text) ? { now: b, last: a } : { now: a, last: b };
}

/**
 * Goes through a sequence lab and returns what went wrong: every step with the step bar's Next
 * button, as a reader taps it; or the start, middle and end, reached with the arrow keys (the same
 * path in the lab, without a pointer action per step). Each check waits for the lab to show the
 * step it was sent to.
 */
async function walk(page: Page, lab: Locator, every: boolean): Promise<string[]> {
  const problems: string[] = [];
  const bar = lab.locator('.seq-bar');
  const { last } = await stepOf(lab);
  const at = async (s: number) => {
    await expect.poll(async () => (await stepOf(lab)).now, { message: `${await lab.getAttribute('id')} at step ${s}` }).toBe(s);
    // The lab brings the step on screen in the task after the frame that drew it (keepStepInView):
    // a frame, a task queued after the lab's and another frame later it has.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(done), 0))));
    problems.push(...(await stepProblems(page, lab)));
  };
  if (every) {
    const reset = bar.getByRole('button', { name: /Back to the start|처음으로/ });
    if (await reset.isEnabled()) await reset.click();
    const next = bar.getByRole('button', { name: /Next step|다음 단계/ });
    for (let s = 0; s <= last; s++) {
      if (s > 0) await next.click();
      await at(s);
    }
    return problems;
  }
  // Keys go to the drawing's frame (the lab listens on its section); focusing it must not scroll.
  await lab.locator('.seq-frame').evaluate((f: HTMLElement) => f.focus({ preventScroll: true }));
  await page.keyboard.press('Home');
  await at(0);
  const mid = Math.floor(last / 2);
  for (let s = 0; s < mid; s++) await page.keyboard.press('ArrowRight');
  await at(mid);
  await page.keyboard.press('End');
  await at(last);
  return problems;
}

const combos = [
  { name: 'phone ko light', device: PHONE, lang: 'ko', theme: 'light', every: true },
  { name: 'phone en dark', device: PHONE, lang: 'en', theme: 'dark', every: false },
  { name: 'phone en light', device: PHONE, lang: 'en', theme: 'light', every: false },
  { name: 'phone ko dark', device: PHONE, lang: 'ko', theme: 'dark', every: false },
  { name: 'desktop ko light', device: DESKTOP, lang: 'ko', theme: 'light', every: false },
  { name: 'desktop en dark', device: DESKTOP, lang: 'en', theme: 'dark', every: false },
  { name: 'desktop en light', device: DESKTOP, lang: 'en', theme: 'light', every: false },
  { name: 'desktop ko dark', device: DESKTOP, lang: 'ko', theme: 'dark', every: false },
] as const;

for (const c of combos) {
  test.describe(c.name, () => {
    test.use({ ...c.device, colorScheme: c.theme });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('tcp-book:theme', t), c.theme);
    });
    for (const slug of labPages(c.lang)) {
      test(`${c.lang}/${slug}/: every lab fits, steps in view, 44-px controls`, async ({ page }) => {
        test.setTimeout(c.every ? 180_000 : 90_000);
        await page.goto(`${c.lang}/${slug}/`);
        const problems: string[] = [];
        const roots = page.locator('[data-lab-root]');
        for (let i = 0; i < (await roots.count()); i++) {
          const lab = roots.nth(i).locator('> .lab');
          await wake(page, lab);
          const id = await lab.getAttribute('id');
          const seqs = lab.locator('.seq-lab').or(lab.and(page.locator('.seq-lab')));
          for (let j = 0; j < (await seqs.count()); j++) {
            const seq = seqs.nth(j);
            await wake(page, seq);
            problems.push(...(await walk(page, seq, c.every)).map((p) => `${id}: ${p}`));
          }
          problems.push(...(await overflowProblems(lab)).map((p) => `${id}: ${p}`));
          problems.push(...(await smallControls(lab)).map((p) => `${id}: ${p}`));
        }
        if (await page.locator('figure[data-sd]').count()) {
          // The figure catches up with the lab once it comes near the screen (an observer's report after a frame): wait for it.
          const shown = await expect
            .poll(() => stateShown(page), { timeout: 10_000 })
            .toBe('')
            .then(
              () => '',
              () => stateShown(page),
            );
          if (shown) problems.push(`state diagram: ${shown}`);
          problems.push(...(await overflowProblems(page.locator('figure[data-sd]').first())).map((p) => `state diagram: ${p}`));
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

test.describe('phone', () => {
  test.use({ ...PHONE });

  test('the TIME-WAIT timeline keeps its words inside and its badges apart, for every case and MSL', async ({ page }) => {
    await page.goto('en/labs/');
    const lab = page.locator('#time-wait-lab');
    await wake(page, lab);
    const problems: string[] = [];
    for (const c of ['The final ACK is lost', 'TIME-WAIT cut short', 'RST in TIME-WAIT']) {
      await lab.getByRole('radio', { name: c }).check();
      const slider = lab.locator('input[type=range]');
      for (const f of [0, 0.1, 0.5, 1]) {
        await slider.evaluate((el: HTMLInputElement, frac) => {
          const v = Number(el.min) + (Number(el.max) - Number(el.min)) * frac;
          el.value = String(Math.round(v / Number(el.step)) * Number(el.step));
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, f);
        // The lab re-runs the engine (loaded on demand) and is aria-busy until the run on screen is the one asked for.
        await expect(lab).toHaveAttribute('aria-busy', 'false');
        problems.push(
          ...(await lab.locator('.tw-chart svg').evaluate((svg, where) => {
            const out: string[] = [];
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1)
                out.push(`${where}: "${t.textContent}" spills (${r.left.toFixed(0)}–${r.right.toFixed(0)} in ${box.left.toFixed(0)}–${box.right.toFixed(0)})`);
            }
            const badges = [...svg.querySelectorAll('.tw-mark circle')].map((b) => b.getBoundingClientRect());
            badges.forEach((a, i) =>
              badges.slice(i + 1).forEach((b) => {
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${where}: two badges overlap`);
              }),
            );
            return out;
          }, `${c} at ${f}`)),
        );
      }
    }
    expect(problems).toEqual([]);
  });

  for (const path of ['ko/three-way-handshake/', 'en/time-wait/']) {
    test(`nothing covers a lab's step sentence, wherever it sits on the screen (${path})`, async ({ page }) => {
      await page.goto(path);
      const lab = page.locator('.seq-lab').first();
      await wake(page, lab);
      for (let i = 0; i < 3; i++) await lab.getByRole('button', { name: /Next step|다음 단계/ }).click();
      await expect.poll(async () => (await stepOf(lab)).now).toBe(3);
      const sentence = lab.locator('.lab-sentence');
      const problems: string[] = [];
      for (const gap of [4, 24, 60, 120]) {
        // The sentence's bottom `gap` px above the screen's bottom, reached by scrolling back up (when
        // the back-to-top button shows).
        await sentence.evaluate((e, g) => scrollBy({ top: e.getBoundingClientRect().bottom - innerHeight + g + 300, behavior: 'instant' }), gap);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.evaluate(() => scrollBy({ top: -300, behavior: 'instant' }));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        problems.push(
          ...(await sentence.evaluate((el, g) => {
            const out: string[] = [];
            // Every line of the sentence, across the whole width its text may take (a longer word
            // reaches the right edge), not just where this step's text happens to end.
            const box = el.getBoundingClientRect();
            const cs = getComputedStyle(el);
            const [left, right] = [box.left + parseFloat(cs.paddingLeft), box.right - parseFloat(cs.paddingRight)];
            const range = document.createRange();
            range.selectNodeContents(el);
            for (const line of range.getClientRects()) {
              if (line.bottom > innerHeight || line.width < 4) continue;
              for (const x of [left + 2, (left + right) / 2, right - 2]) {
                const hit = document.elementFromPoint(x, line.top + line.height / 2);
                if (hit && !el.contains(hit))
                  out.push(
                    `${g} px up: the line at y ${line.top.toFixed(0)} is covered at x ${x.toFixed(0)} by <${hit.tagName.toLowerCase()} class="${hit.getAttribute('class') ?? ''}">`,
                  );
              }
            }
            return out;
          }, gap)),
        );
      }
      expect(problems).toEqual([]);
    });
  }

  test('tapping a field of the segment inspector shows its explanation on screen', async ({ page }) => {
    await page.goto('ko/labs/');
    const lab = page.locator('.si').first();
    await wake(page, lab);
    // The blocks above get their real height once they are drawn (content-visibility) and scroll
    // anchoring then moves the page under the lab by as much: tap once the lab stays put, as a
    // reader would, not while the page is still settling.
    const labTop = (): Promise<number> =>
      lab.evaluate((e) => new Promise((r) => requestAnimationFrame(() => r(Math.round(e.getBoundingClientRect().top + scrollY)))));
    await expect.poll(async () => (await labTop()) === (await labTop()) && (await labTop()) === (await labTop()), { message: 'the lab stays put' }).toBe(true);
    const fields = lab.locator('.si-fields button');
    const field = fields.nth((await fields.count()) - 2);
    await field.tap();
    const r = await lab.locator('.si-explain').evaluate((e) => {
      const b = e.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, vh: innerHeight };
    });
    expect(r.top, 'explanation below the site header').toBeGreaterThanOrEqual(56);
    expect(r.bottom, 'explanation above the bottom edge').toBeLessThanOrEqual(r.vh);
  });
});
