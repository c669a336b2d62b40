/**
 * Browser tests against the production build (BOOK_OUT, default dist/), served by our own static
 * server, in the distribution's Chromium: Playwright's browser downloads cannot work on our machines.
 *
 *   npm run build && npm run test:browser
 *
 * BOOK_PORT picks the port (default 4330, so it never collides with `npm start` on 4321);
 * BOOK_TRACE=1 keeps a Playwright trace of each failing test; BOOK_TEST_WORKERS sets parallelism.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, ensureBrowser } from './scripts/ensure-browser.ts';

const port = Number(process.env.BOOK_PORT ?? 4330);
const out = process.env.BOOK_OUT ?? 'dist';
let base = process.env.BOOK_BASE ?? '/';
if (!base.endsWith('/')) base += '/';

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.BOOK_TEST_RESULTS ?? 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: Number(process.env.BOOK_TEST_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${port}${base}`,
    headless: true,
    // Off by default: each test's fresh context would otherwise precache the whole book (MBs). The offline test turns it on.
    serviceWorkers: 'block',
    launchOptions: { executablePath: ensureBrowser(), args: CHROMIUM_ARGS },
    trace: process.env.BOOK_TRACE ? 'retain-on-failure' : 'off',
  },
  webServer: {
    command: `node scripts/serve.ts --port ${port} --dir "${out}"`,
    port,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
