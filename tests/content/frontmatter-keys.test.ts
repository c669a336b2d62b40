import { describe, expect, it } from 'vitest';
import { checkFrontmatterKeys } from '../../src/content-checks/frontmatter';

describe('unknown frontmatter keys, at their line', () => {
  const src = '---\ntitle: a\ntitel: b\ndescription: c\nauthor: me\n---\n\n# body\nauthor: not frontmatter\n';
  const found = checkFrontmatterKeys('content/en/x.mdx', src);

  it('names each unknown key at its own line, with the closest allowed key when it is a typo', () => {
    expect(found.map((f) => [f.line, f.message.split('.')[0]])).toEqual([
      [3, 'unknown frontmatter key "titel"'],
      [5, 'unknown frontmatter key "author"'],
    ]);
    expect(found[0]!.message).toContain('Did you mean "title"?');
    expect(found[1]!.message).not.toContain('Did you mean');
    expect(found[1]!.message).toContain('Allowed: title, description, order, sources, figure');
  });

  it('finds nothing in a chapter that uses only known keys', () => {
    expect(checkFrontmatterKeys('x.mdx', '---\ntitle: a\nfigure:\n  scenario: normal-open\n  part: open\n---\n')).toEqual([]);
  });
});
