import { describe, expect, it } from 'vitest';
import { chapterSections, pagefindBody } from '../../src/search/sections';

const page = `<html lang="en"><body><header><h2 id="x">Menu</h2></header>
<article data-pagefind-body><h1>TIME-WAIT</h1><p class="lead">Why the closer waits.</p>
<div class="heading-wrap level-2"><h2 id="why">Why it exists</h2><a class="anchor" data-pagefind-ignore>#</a></div><p>Two reasons.</p>
<article class="inner"><p>nested</p></article>
<div class="heading-wrap level-3"><h3 id="lab">With a lab</h3></div><div class="lab" data-pagefind-ignore><h3 class="lab-title" id="lab-x">Sequence lab</h3></div><p>Step through.</p>
<section class="sources"><h2 id="sources-heading">Sources</h2><ul><li>RFC 9293</li></ul></section>
</article><dialog><h2 id="search-title">Search</h2></dialog></body></html>`;

describe('chapter sections', () => {
  it('finds the whole chapter body, nested articles included', () => {
    expect(pagefindBody(page)).toContain('nested');
    expect(pagefindBody(page)).not.toContain('search-title');
  });
  it('cuts one record per heading with its anchor, title and chapter, the sources left out', () => {
    const records = chapterSections(page, '/en/time-wait/', 'en');
    expect(records.map((r) => [r.url, r.title, r.chapter])).toEqual([
      ['/en/time-wait/', 'TIME-WAIT', 'TIME-WAIT'],
      ['/en/time-wait/#why', 'Why it exists', 'TIME-WAIT'],
      ['/en/time-wait/#lab', 'With a lab', 'TIME-WAIT'],
    ]);
    expect(records[1]!.html).toContain('Two reasons.');
    expect(records[1]!.html).not.toContain('Step through.');
    expect(records.every((r) => r.html.includes('<html lang="en">') && r.html.includes('data-pagefind-body'))).toBe(true);
    expect(records.some((r) => r.html.includes('RFC 9293'))).toBe(false);
  });
  it('gives nothing for a page without a body to index', () => {
    expect(chapterSections('<html><body><p>x</p></body></html>', '/en/', 'en')).toEqual([]);
  });
});
