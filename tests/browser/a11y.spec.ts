/**
 * axe-core on every built page, in the light and in the dark theme. The theme comes from the
 * system setting (a fresh context has no stored choice), which the book must follow.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './pages.ts';

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
