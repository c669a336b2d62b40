/**
 * After one visit to each edition the whole book works offline: pages never visited, in both
 * languages, and search with its index, served by the service worker. (One edition alone:
 * sw-offline.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { chapterPages } from './pages.ts';
import { search } from './search-ui.ts';
import { waitForEdition } from './sw-helpers.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit, pages and search work offline', async ({ page, context }) => {
  const en = chapterPages('en');
  const ko = chapterPages('ko');
  expect(en.length && ko.length, 'chapters in both languages').toBeTruthy();
  await page.goto('');
  const active = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 'no serviceWorker API';
    const reg = await Promise.race([navigator.serviceWorker.ready, new Promise<undefined>((r) => setTimeout(() => r(undefined), 20_000))]);
    return reg?.active ? 'active' : 'no service worker became active within 20 s';
  });
  expect(active, 'the service worker installed (precache done) and activated').toBe('active');
  // each edition is cached when the reader first opens it
  for (const lang of ['en', 'ko']) {
    await page.goto(`${lang}/`);
    await waitForEdition(page, lang);
  }

  await context.setOffline(true);
  for (const p of [en[en.length - 1], ko[ko.length - 1], ko[0]]) {
    if (!p) continue;
    const res = await page.goto(p.path);
    expect(res?.ok(), `offline: ${p.path} served`).toBe(true);
    await expect(page.locator('[data-pagefind-body]'), `offline: ${p.path} has its chapter body`).toBeVisible();
  }
  const hrefs = await search(page, '핸드셰이크');
  expect(hrefs.length, 'offline search results').toBeGreaterThan(0);
  await page.goto(en[0]?.path ?? '');
  expect((await search(page, 'TIME_WAIT')).length, 'offline search results (en)').toBeGreaterThan(0);
});
