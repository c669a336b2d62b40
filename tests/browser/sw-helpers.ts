/**
 * Helpers of the service-worker tests: a private copy of the build served by scripts/serve.ts
 * (so a test can redeploy or pull the worker without touching the shared build), and waits for
 * the worker and for an edition's offline copy.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { expect, type Page } from '@playwright/test';
import { startServer } from '../../scripts/serve.ts';

export interface Deploy {
  dir: string;
  url: string;
  close(): Promise<void>;
}

/** Copies the build (BOOK_OUT) to a temporary folder and serves it on a free port. */
export async function privateDeploy(): Promise<Deploy> {
  const dir = mkdtempSync(join(tmpdir(), 'book-sw-'));
  cpSync(resolve(process.env.BOOK_OUT ?? 'dist'), dir, { recursive: true });
  normaliseMtimes(dir);
  const { server, url } = await startServer({ dir, port: 0, base: '/' });
  return {
    dir,
    url,
    close: async () => {
      await new Promise<void>((ok) => (server as Server).close(() => ok()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sets every file's mtime to one fixed time, as reproducible deploys do (the hard case for validators). */
export function normaliseMtimes(dir: string): void {
  const when = new Date('2026-01-01T00:00:00Z');
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name);
    if (statSync(p).isFile()) utimesSync(p, when, when);
  }
}

/** Waits until a service worker controls the page. */
export async function controlled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000, message: 'a service worker controls the page' })
    .toBe(true);
}

/** The number of manifest entries of `group` and how many of them are cached (any revision). */
export async function editionCached(page: Page, group: string): Promise<{ listed: number; cached: number }> {
  return page.evaluate(async (g) => {
    const reg = await navigator.serviceWorker.ready;
    const text = await (await fetch(reg.active?.scriptURL ?? '', { cache: 'no-store' })).text();
    const scope = new URL(reg.scope).pathname;
    const list = JSON.parse(/const PRECACHE = (\[.*?\]);\n/.exec(text)?.[1] ?? '[]') as { url: string; group: string }[];
    const mine = new Set(list.filter((e) => e.group === g).map((e) => e.url));
    const cache = await caches.open('tcp-book-precache');
    const keys = (await cache.keys()).map((r) => new URL(r.url).pathname.slice(scope.length));
    return { listed: mine.size, cached: keys.filter((k) => mine.has(k)).length };
  }, group);
}

/**
 * Waits until every file of an edition (or 'shared') is in the offline copy. A worker without
 * editions in its manifest (older builds) precaches everything before it activates: then an
 * active worker is enough.
 */
export async function waitForEdition(page: Page, group: string): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(
      async () => {
        const r = await editionCached(page, group);
        return r.listed === 0 || r.cached === r.listed;
      },
      { timeout: 60_000, message: `every ${group} file is cached` },
    )
    .toBe(true);
}
