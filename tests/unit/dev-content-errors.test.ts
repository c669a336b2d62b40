import { describe, expect, it } from 'vitest';
import { devContentErrors, devErrorPage } from '../../src/build/dev-content-errors.mjs';

describe('dev error page for wrong lab props', () => {
  it('lists each mistake at file:line, escaped, with the dev client so saving the file reloads it', () => {
    const html = devErrorPage('/tcp-book/', [{ file: 'content/en/x.mdx', line: 7, message: '<SequenceLab> unknown scenario "normal-opne".' }]);
    expect(html).toContain('<code>content/en/x.mdx:7</code>');
    expect(html).toContain('&lt;SequenceLab&gt; unknown scenario &quot;normal-opne&quot;.');
    expect(html).toContain('<script type="module" src="/tcp-book/@vite/client">');
  });
  it('is a dev-server plugin only', () => {
    expect(devContentErrors().apply).toBe('serve');
  });
});
