/**
 * Collects what a reader would never see but that means a page is broken: console errors,
 * uncaught exceptions, failed or 4xx/5xx requests, and any request leaving the site's origin
 * (the book promises no CDN, no remote font, no analytics).
 */
import type { Page } from '@playwright/test';

/** Starts watching a page; call the returned function to get every problem seen so far. */
export function watchPage(page: Page, origin: string): () => string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request left the site's origin: ${url}`);
  });
  page.on('requestfailed', (req) => {
    // A navigation the test itself cut short (goto of the next page) is not a defect of the page.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && req.isNavigationRequest()) return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return () => [...problems];
}
