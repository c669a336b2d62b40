import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/**
 * Runs Astro's content sync (the first step of every build) over a fixture folder, in a throw-away
 * project root (our content config, node_modules linked) so the shared .astro/ of the real project
 * is never touched by the fixture.
 */
function syncFixture(name: string): { status: number | null; output: string } {
  const project = mkdtempSync(join(tmpdir(), 'frontmatter-'));
  try {
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    mkdirSync(join(project, 'src'));
    copyFileSync(join(root, 'src/content.config.ts'), join(project, 'src/content.config.ts'));
    copyFileSync(join(root, 'src/content-schema.ts'), join(project, 'src/content-schema.ts'));
    writeFileSync(join(project, 'astro.config.mjs'), "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()] };\n");
    cpSync(join(root, 'tests/fixtures/content/bad-frontmatter', name), join(project, 'content'), { recursive: true });
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const r = spawnSync('npx', ['astro', 'sync', '--root', project], { cwd: root, encoding: 'utf8', env });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

// Astro's own error already names the file and the field; these tests pin that, so an upgrade that
// loses it fails here (and we then wrap the loader).
describe('a frontmatter error fails the build, naming file and field', () => {
  it('wrong type', () => {
    const { status, output } = syncFixture('wrong-type');
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/ko\/broken\.mdx/);
    expect(output).toMatch(/order\W+.*Expected type `"number"`/);
  });
  it('unknown key (a misspelt one too), naming each', () => {
    const { status, output } = syncFixture('unknown-key');
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/en\/broken\.mdx/);
    expect(output).toMatch(/Unrecognized keys: "titel", "author"/);
  });
  it('missing field', () => {
    const { status, output } = syncFixture('missing-field');
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/en\/broken\.mdx/);
    expect(output).toMatch(/sources/);
  });
}, 60_000);
