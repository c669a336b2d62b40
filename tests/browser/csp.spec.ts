/**
 * The Content-Security-Policy holds on every page: each page carries the policy (meta tag, and the
 * header from the server with frame-ancestors), and nothing the book does violates it: loading,
 * waking every lab, stepping one, searching (pagefind's wasm and worker), opening a capture, and
 * the service worker.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './pages.ts';
import { search } from './search-ui.ts';

/** Records every CSP violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleLines.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleLines];
}

/** Scrolls through the page so every lab wakes up, and steps the first sequence lab. */
async function exercise(page: Page): Promise<void> {
  const n = await page.locator('.lab').count();
  for (let i = 0; i < n; i++) await page.locator('.lab').nth(i).scrollIntoViewIfNeeded();
  // Labs that wake through LabRoot mark themselves; the workshop page drives its lab itself.
  if (n > 0 && (await page.locator('[data-lab-root]').count()) > 0) await expect(page.locator('[data-lab-awake]').first()).toBeAttached();
  const next = page.getByRole('button', { name: /Next step|다음 단계/ }).first();
  if (await next.count()) await next.click();
}

const pages = builtPages();

test('every page carries the policy: meta tag, and the header with frame-ancestors and a Referrer-Policy', async ({ request }) => {
  expect(pages.length).toBeGreaterThan(10);
  for (const p of pages) {
    const res = await request.get(p.path);
    const header = res.headers()['content-security-policy'] ?? '';
    expect(header, `${p.path}: Content-Security-Policy header`).toContain("frame-ancestors 'none'");
    expect(header).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(res.headers()['referrer-policy'], `${p.path}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(meta, `${p.path}: meta policy`).toBeDefined();
    expect(meta).not.toContain('frame-ancestors');
    expect(html.indexOf('<meta http-equiv="Content-Security-Policy"'), `${p.path}: the meta policy comes before any script`).toBeLessThan(
      html.indexOf('<script'),
    );
  }
});

for (const lang of ['en', 'ko', 'root'] as const) {
  test(`no CSP violation on any ${lang} page, labs woken and stepped`, async ({ page }) => {
    test.setTimeout(180_000);
    const violations = await watchViolations(page);
    for (const p of pages.filter((x) => x.lang === lang)) {
      await page.goto(p.path);
      await exercise(page);
      expect(await violations(), p.path).toEqual([]);
    }
  });
}

test('no CSP violation while searching, opening a capture and with the service worker', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.goto('en/labs/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const lab = page.locator('#capture-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveClass(/is-live/);
  await lab.locator('input[type=file]').setInputFiles('tests/fixtures/kernel-traces/normal.pcap');
  await expect(page.locator('#capture-lab-replay')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: /Download/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pcap$/);
  expect((await search(page, 'TIME_WAIT')).length).toBeGreaterThan(0);
  await page.goto('ko/');
  expect((await search(page, '핸드셰이크')).length).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
  await context.close();
});
