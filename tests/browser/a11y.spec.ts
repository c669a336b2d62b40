/**
 * axe-core on every built page, in the light and in the dark theme. The theme comes from the
 * system setting (a fresh context has no stored choice), which the book must follow; and the tap
 * targets of every chapter at phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, chapterPages } from './pages.ts';

for (const scheme of ['light', 'dark'] as const) {
  for (const p of builtPages()) {
    test(`axe, ${scheme} theme: ${p.path}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(p.path, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).analyze();
      const readable = result.violations.map(
        (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
      );
      expect(readable, `axe violations on ${p.path} (${scheme})`).toEqual([]);
    });
  }
}

// Lighthouse's phone run checks tap targets (axe's target-size, WCAG 2.5.8: 24 px, or room around
// a smaller one); links set one under another, as a chapter's sources are, fail it at phone width only.
for (const lang of ['ko', 'en'] as const) {
  test(`axe target-size at 360 px, every ${lang} chapter`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const chapters = chapterPages(lang);
    expect(chapters.length).toBeGreaterThan(3);
    const found: string[] = [];
    for (const p of chapters) {
      await page.goto(p.path, { waitUntil: 'load' });
      const result = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      for (const v of result.violations) found.push(...v.nodes.map((n) => `${p.path} ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
    }
    expect(found, 'tap targets under 24 px with neighbours too close').toEqual([]);
  });
}
