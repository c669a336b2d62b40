import { describe, expect, it } from 'vitest';
import { absoluteHref, editHref, href, normalizeBase, stripBase } from '../../src/site/urls';
import { sitemapAlternates } from '../../src/site/sitemap-alternates.mjs';
import { spellingVariants } from '../../src/search/search-keywords';
import { glossary } from '../../src/data/glossary';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KILL_SWITCH, onUseFiles, serviceWorkerSource, writeServiceWorker } from '../../scripts/service-worker.ts';
import { cacheControl, startServer } from '../../scripts/serve.ts';
import { connect } from 'node:net';
import { candidatesFor, groupOf, notFoundFor } from '../../src/site/offline/precache-rules.ts';

describe('URL helper', () => {
  it('normalises any base spelling', () => {
    for (const b of ['tcp-book', '/tcp-book', '/tcp-book/', ' tcp-book// ']) expect(normalizeBase(b)).toBe('/tcp-book/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
  });
  it('prefixes the base exactly once', () => {
    expect(href('ko/tcp-basics/', '/tcp-book/')).toBe('/tcp-book/ko/tcp-basics/');
    expect(href('/ko/', '/tcp-book/')).toBe('/tcp-book/ko/');
    expect(href('', '/')).toBe('/');
    expect(absoluteHref('en/', 'https://x.org/', '/b/')).toBe('https://x.org/b/en/');
  });
  it('strips the base to find the page path', () => {
    expect(stripBase('/tcp-book/ko/x/', '/tcp-book/')).toBe('ko/x/');
    expect(stripBase('/tcp-book', '/tcp-book/')).toBe('');
    expect(stripBase('/en/', '/')).toBe('en/');
  });
  it('builds the edit link to the chapter source', () => {
    expect(editHref('ko', 'time-wait', 'https://github.com/o/r/', 'main')).toBe('https://github.com/o/r/edit/main/content/ko/time-wait.mdx');
  });
});

describe('sitemap alternates', () => {
  it('gives a chapter its ko/en/x-default alternates under the base path', () => {
    expect(sitemapAlternates('https://x.org/b/en/time-wait/', 'https://x.org', '/b/', ['ko', 'en'])).toEqual([
      { url: 'https://x.org/b/ko/time-wait/', lang: 'ko' },
      { url: 'https://x.org/b/en/time-wait/', lang: 'en' },
      { url: 'https://x.org/b/', lang: 'x-default' },
    ]);
  });
  it('treats / as the chooser, not as a language', () => {
    expect(sitemapAlternates('https://x.org/', 'https://x.org', '/', ['ko', 'en']).map((a) => a.url)).toEqual([
      'https://x.org/ko/',
      'https://x.org/en/',
      'https://x.org/',
    ]);
  });
});

describe('search aliases from the glossary', () => {
  it('generates separator variants', () => {
    expect(spellingVariants('TIME-WAIT').sort()).toEqual(['TIME WAIT', 'TIME-WAIT', 'TIMEWAIT', 'TIME_WAIT'].sort());
    expect(spellingVariants('FIN-WAIT-1')).toContain('FIN_WAIT_1');
    expect(spellingVariants('핸드셰이크')).toEqual(['핸드셰이크']);
  });
  it('has unique kebab-case ids and the eleven RFC states', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(glossary.filter((e) => e.spellings?.rfc && e.id.startsWith('state-'))).toHaveLength(11);
  });
});

describe('service worker', () => {
  const langs = ['ko', 'en'];
  it('sorts files into editions, pagefind index files included', () => {
    expect(groupOf('ko/time-wait/index.html', langs)).toBe('ko');
    expect(groupOf('en/404/index.html', langs)).toBe('en');
    expect(groupOf('pagefind/index/ko_b18f833.pf_index', langs)).toBe('ko');
    expect(groupOf('pagefind/fragment/en_2c6c709.pf_fragment', langs)).toBe('en');
    expect(groupOf('pagefind/pagefind.ko_553b363c25.pf_meta', langs)).toBe('ko');
    expect(groupOf('pagefind/wasm.en.pagefind', langs)).toBe('en');
    expect(groupOf('pagefind/wasm.unknown.pagefind', langs, { unknown: 'ko' })).toBe('ko');
    expect(groupOf('pagefind/wasm.unknown.pagefind', langs)).toBe('shared');
    for (const f of ['index.html', '404.html', '_astro/lab.x.js', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'korean/x.html'])
      expect(groupOf(f, langs), f).toBe('shared');
  });
  it('answers a page with or without its trailing slash, and falls back to the edition’s 404', () => {
    expect(candidatesFor('')).toEqual(['index.html']);
    expect(candidatesFor('en/glossary/')).toEqual(['en/glossary/index.html']);
    expect(candidatesFor('en/glossary')).toEqual(['en/glossary', 'en/glossary/index.html', 'en/glossary.html']);
    expect(candidatesFor('_astro/a.js')).toEqual(['_astro/a.js']);
    expect(notFoundFor('ko/nope/', langs)).toEqual(['ko/404/index.html', '404.html']);
    expect(notFoundFor('nope', langs)).toEqual(['404.html']);
  });
  it('sw.js is valid JS with the manifest inside, and changes when any file’s revision does', () => {
    const entries = [{ url: 'en/index.html', revision: 'aaaa', group: 'en' }];
    const a = serviceWorkerSource(entries);
    expect(() => new Function(a)).not.toThrow();
    expect(a).toContain('"revision":"aaaa"');
    expect(a).not.toMatch(/__PRECACHE__;|__LANGS__;|^import |^export /m);
    expect(serviceWorkerSource([{ ...entries[0]!, revision: 'bbbb' }])).not.toBe(a);
    expect(() => new Function(KILL_SWITCH)).not.toThrow();
  });
  it('a content-only deploy changes the bytes of sw.js (not its size)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-test-'));
    try {
      mkdirSync(join(dir, 'en'));
      writeFileSync(join(dir, 'en', 'index.html'), '<p>first</p>');
      await writeServiceWorker(dir);
      const one = readFileSync(join(dir, 'sw.js'), 'utf8');
      writeFileSync(join(dir, 'en', 'index.html'), '<p>First</p>');
      await writeServiceWorker(dir);
      const two = readFileSync(join(dir, 'sw.js'), 'utf8');
      expect(two).not.toBe(one);
      expect(two.length).toBe(one.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('code only the capture lab and the workshop reach is cached on use; code a page reaches otherwise is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-test-'));
    try {
      mkdirSync(join(dir, '_astro'));
      mkdirSync(join(dir, 'en'));
      const js = {
        'page.A1.js': 'import("./lab.B2.js")',
        'lab.B2.js': 'import"./tools.C3.js";import("./capture-lab.D4.js")',
        'capture-lab.D4.js': 'import"./tools.C3.js";new URL(`capture-worker-E5.js`,import.meta.url)',
        'capture-worker-E5.js': 'import"./pcap.F6.js"',
        'pcap.F6.js': '',
        'tools.C3.js': '',
        'workshop.astro_astro_type_script_index_0_lang.G7.js': 'import"./tools.C3.js";import"./run.H8.js"',
        'run.H8.js': '',
      };
      for (const [f, text] of Object.entries(js)) writeFileSync(join(dir, '_astro', f), text);
      writeFileSync(join(dir, 'en', 'index.html'), '<script type="module" src="/_astro/page.A1.js"></script>');
      writeFileSync(join(dir, 'en', 'workshop.html'), '<script type="module" src="/_astro/workshop.astro_astro_type_script_index_0_lang.G7.js"></script>');
      expect([...onUseFiles(dir)].sort()).toEqual([
        '_astro/capture-lab.D4.js',
        '_astro/capture-worker-E5.js',
        '_astro/pcap.F6.js',
        '_astro/run.H8.js',
        '_astro/workshop.astro_astro_type_script_index_0_lang.G7.js',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the server sends the cache headers docs/PUBLISHING.md asks for', () => {
    expect(cacheControl('/sw.js')).toBe('no-store');
    expect(cacheControl('/_astro/lab.C7tWlTde.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('/en/index.html')).toBe('no-cache');
    expect(cacheControl('/pagefind/pagefind-entry.json')).toBe('no-cache');
  });
});

describe('content security policy', () => {
  it('hashes only inline scripts that run', async () => {
    const { inlineScripts, cspPolicy } = await import('../../scripts/csp.ts');
    const html =
      '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/json">{"c":1}</script><script type="application/ld+json">{}</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
    expect(cspPolicy(["'sha256-x'"], true)).toContain("frame-ancestors 'none'");
    expect(cspPolicy(["'sha256-x'"], false)).not.toContain('frame-ancestors');
    expect(cspPolicy(["'sha256-x'"], false)).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-x';");
  });
});

describe('static server', () => {
  // Raw HTTP/1.1 over a socket: fetch() and http.get() normalise the request target, and the
  // targets that matter here are the ones a browser, a crawler or a typo send as they are.
  const raw = (port: number, target: string): Promise<string> =>
    new Promise((done, fail) => {
      const s = connect(port, '127.0.0.1', () => s.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
      let got = '';
      s.on('data', (d) => (got += d.toString('latin1')));
      s.on('end', () => done(got.split('\r\n')[0] ?? ''));
      s.on('error', fail);
    });

  it('answers odd request targets ("//", "*", bad encoding) with a status and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const { server, url } = await startServer({ dir, port: 0 });
    const port = Number(new URL(url).port);
    try {
      expect(await raw(port, '//')).toMatch(/^HTTP\/1\.1 (200|301|404) /);
      expect(await raw(port, '//example.com/x')).toMatch(/^HTTP\/1\.1 (301|404) /);
      expect(await raw(port, '*')).toMatch(/^HTTP\/1\.1 (200|400|404) /);
      expect(await raw(port, '/%E0%A4%A')).toMatch(/^HTTP\/1\.1 400 /);
      expect(await raw(port, '/')).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await new Promise((r) => server.close(r));
      rmSync(dir, { recursive: true });
    }
  });
});
