import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Runs Astro's content sync (the first step of every build) over a fixture folder. */
function syncFixture(name: string): { status: number | null; output: string } {
  const cache = mkdtempSync(join(tmpdir(), 'frontmatter-'));
  try {
    const r = spawnSync('npx', ['astro', 'sync'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: `tests/fixtures/content/bad-frontmatter/${name}`, BOOK_CACHE: cache, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

// Astro's own error already names the file and the field; these tests pin that, so an upgrade that
// loses it fails here (and we then wrap the loader).
describe('a frontmatter error fails the build, naming file and field', () => {
  it('wrong type', () => {
    const { status, output } = syncFixture('wrong-type');
    expect(status).not.toBe(0);
    expect(output).toContain('wrong-type/ko/broken.mdx');
    expect(output).toMatch(/order\W+.*Expected type `"number"`/);
  });
  it('missing field', () => {
    const { status, output } = syncFixture('missing-field');
    expect(status).not.toBe(0);
    expect(output).toContain('missing-field/en/broken.mdx');
    expect(output).toMatch(/sources/);
  });
}, 60_000);
