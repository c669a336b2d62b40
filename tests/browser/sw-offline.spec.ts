/**
 * The offline copy per edition: a reader of one edition downloads that edition and the shared
 * files, not the other edition, until they open it; a precached page answers without its trailing
 * slash and with a query string; an unknown URL offline shows the edition's 404 page; the code of
 * the workshop and the capture lab is downloaded when first used, and works offline after that.
 */
import { expect, test } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { controlled, editionCached, privateDeploy, waitForEdition, type Deploy } from './sw-helpers.ts';

test.use({ serviceWorkers: 'allow' });

let deploy: Deploy;
test.beforeAll(async () => {
  deploy = await privateDeploy();
});
test.afterAll(async () => {
  await deploy.close();
});

test('a reader of one edition downloads it and the shared files, the other edition only once opened', async ({ page }) => {
  await page.goto(`${deploy.url}en/`);
  await controlled(page);
  await waitForEdition(page, 'shared');
  await waitForEdition(page, 'en');
  const ko = await editionCached(page, 'ko');
  expect(ko.listed, 'the manifest lists the Korean edition separately').toBeGreaterThan(0);
  expect(ko.cached, 'no Korean file downloaded by an English reader').toBe(0);
  await page.goto(`${deploy.url}ko/`);
  await waitForEdition(page, 'ko');
});

test('offline: a page without its trailing slash or with a query string, and the edition’s 404', async ({ page, context }) => {
  await page.goto(`${deploy.url}en/`);
  await controlled(page);
  await waitForEdition(page, 'en');
  await context.setOffline(true);
  for (const path of ['en/glossary', 'en/glossary/?ref=x', 'en/glossary?ref=x']) {
    const res = await page.goto(`${deploy.url}${path}`);
    expect(res?.status(), `offline: ${path}`).toBe(200);
    await expect(page.locator('[data-pagefind-body]'), `offline: ${path} shows the glossary`).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/en/glossary/');
  }
  const missing = await page.goto(`${deploy.url}en/no-such-page/`);
  expect(missing?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main')).toContainText(/not found|404/i);

  await context.setOffline(false);
  await page.goto(`${deploy.url}ko/`);
  await waitForEdition(page, 'ko');
  await context.setOffline(true);
  const ko404 = await page.goto(`${deploy.url}ko/없는-쪽/`);
  expect(ko404?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  expect((await page.goto(`${deploy.url}ko/time-wait`))?.status()).toBe(200);
  await context.setOffline(false);
});

test('offline: the workshop and the capture lab work once used online, their code not downloaded before', async ({ page, context }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\/_astro\/(capture-|workshop)/.test(r.url())) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${deploy.url}en/`);
  await controlled(page);
  await waitForEdition(page, 'en');
  const onUse = await editionCached(page, 'on-use');
  expect(onUse.listed, 'the manifest lists the capture and workshop code as cached on use').toBeGreaterThan(0);
  expect(onUse.cached, 'none of it downloaded by a reader who used neither').toBe(0);
  expect(scripts).toEqual([]);

  // Used once online: the workshop runs a linked scenario, the capture lab opens a real capture.
  const useWorkshop = async (url: string) => {
    await page.goto(url);
    await expect(page.locator('[data-workshop-awake]')).toHaveCount(1);
    if (!url.includes('#')) await page.getByRole('button', { name: en['workshop.fault.add'] }).click();
    await expect(page.getByTestId('ws-summary')).toContainText('1 lost');
    return page.url();
  };
  const useCapture = async () => {
    await page.goto(`${deploy.url}en/labs/`);
    const lab = page.locator('#capture-lab');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveClass(/is-live/);
    await lab.locator('input[type=file]').setInputFiles('tests/fixtures/kernel-traces/normal.pcap');
    await expect(page.locator('#capture-lab-replay .lab-trace')).toContainText('TIME-WAIT');
  };
  const link = await useWorkshop(`${deploy.url}en/workshop/`);
  await useCapture();
  expect(scripts.length, 'their code came from the network').toBeGreaterThan(0);
  await expect.poll(async () => (await editionCached(page, 'on-use')).cached, { message: 'the code used is kept offline' }).toBeGreaterThan(0);

  // Only the offline copy may answer: the browser's HTTP cache (which a phone evicts) is emptied.
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  await context.setOffline(true);
  await useWorkshop(link);
  await useCapture();
  await context.setOffline(false);
});
