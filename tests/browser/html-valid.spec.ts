/**
 * html-validate over every built HTML file, with the repository's .htmlvalidate.json. The config
 * is loaded explicitly because the build may live outside the repository (BOOK_OUT=/tmp/...),
 * where html-validate's own config search would not find it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { builtPages } from './pages.ts';

const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));
const ASTRO_ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

for (const p of builtPages()) {
  test(`valid HTML: ${p.path}`, async () => {
    // Astro's island runtime writes this one <style> into the body before the first island; it is
    // the framework's, not ours, and browsers apply it. Blank it out (same length: positions stay right).
    const html = readFileSync(p.file, 'utf8').replace(ASTRO_ISLAND_STYLE, (m) => ' '.repeat(m.length));
    const report = await validator.validateString(html, p.file);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` → ${m.selector}` : ''}`),
    );
    expect(messages, `html-validate on ${p.file}`).toEqual([]);
  });
}
