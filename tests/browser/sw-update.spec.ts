/**
 * Updates reach readers: after a content-only redeploy (same sw.js size, same normalised mtimes,
 * and a host that answers 304 by mtime), an open tab shows the "new version" prompt, and its
 * button brings the new content. And the kill switch: a self-unregistering sw.js removes the
 * offline copy and the worker.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { KILL_SWITCH } from '../../scripts/service-worker.ts';
import { controlled, normaliseMtimes, privateDeploy, type Deploy } from './sw-helpers.ts';

test.use({ serviceWorkers: 'allow' });

let deploy: Deploy;
test.beforeEach(async () => {
  deploy = await privateDeploy();
});
test.afterEach(async () => {
  await deploy.close();
});

for (const lang of ['en', 'ko'] as const) {
  test(`a content-only redeploy reaches an open tab through the prompt (${lang})`, async ({ page, request }) => {
    await page.goto(`${deploy.url}${lang}/`);
    await controlled(page);
    const prompt = page.locator('[data-update-prompt]');
    await expect(prompt).toBeHidden();

    // Deploy 2: one page's words change, nothing else; mtimes normalised again.
    const file = join(deploy.dir, lang, 'index.html');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('<h1', '<h1 data-deploy="2"');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    // The build puts each file's md5 in sw.js (workbox's revision, and ours): the redeploy's sw.js is
    // this one with that revision changed (the unit tests check the build does exactly this).
    const oldSw = readFileSync(join(deploy.dir, 'sw.js'), 'utf8');
    const md5 = (t: string) => createHash('md5').update(t).digest('hex');
    expect(oldSw, 'sw.js lists the page with its md5').toContain(md5(before));
    writeFileSync(join(deploy.dir, 'sw.js'), oldSw.replace(md5(before), md5(after)));
    normaliseMtimes(deploy.dir);
    const newSw = readFileSync(join(deploy.dir, 'sw.js'), 'utf8');
    expect(newSw, 'sw.js bytes change with any precached file').not.toBe(oldSw);
    expect(statSync(join(deploy.dir, 'sw.js')).size, 'and its size does not (the case mtime/size validators miss)').toBe(Buffer.byteLength(oldSw));
    // The host answers 304 for sw.js when asked with its mtime: only a fetch without validators sees deploy 2.
    const cond = await request.get(`${deploy.url}sw.js`, { headers: { 'if-modified-since': new Date('2026-01-01T00:00:00Z').toUTCString() } });
    expect(cond.status()).toBe(304);

    // The reader comes back to the tab (or navigates): the worker checks for an update.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    await expect(prompt).toContainText(lang === 'en' ? 'A new version of this book is ready.' : '이 책의 새 버전이 준비되었습니다.');
    await expect(page.locator('h1[data-deploy="2"]')).toHaveCount(0);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button').click()]);
    await expect(page.locator('h1[data-deploy="2"]')).toHaveCount(1);
    await expect(page.locator('[data-update-prompt]')).toBeHidden();
  });
}

test('the kill switch: a self-unregistering sw.js removes the worker and the offline copy', async ({ page }) => {
  await page.goto(`${deploy.url}en/`);
  await controlled(page);
  expect(await page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('tcp-book')))).toBe(true);
  writeFileSync(join(deploy.dir, 'sw.js'), KILL_SWITCH);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  // The kill switch ends by reloading the tab, so an evaluate can land mid-navigation (its context
  // is destroyed): it answers null then, and the poll asks again.
  const ask = <T>(fn: () => T | Promise<T>): Promise<T | null> => page.evaluate(fn).catch(() => null);
  await expect.poll(() => ask(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => ask(async () => (await caches.keys()).filter((k) => k.startsWith('tcp-book')).length)).toBe(0);
  // After that reload the page comes from the network, with no worker in control.
  await expect.poll(() => ask(() => navigator.serviceWorker.controller === null), { timeout: 30_000 }).toBe(true);
  await expect(page.locator('main')).toBeVisible();
});
