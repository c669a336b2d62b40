import { describe, expect, it } from 'vitest';
import { readChapters } from './read-chapters';
import { checkLinks, formatLinkIssue, type LinkChapter } from '../../src/content-checks/links';

/** Chapters with their language and slug taken from `<dir>/<lang>/<slug>.mdx`. */
function linkChapters(dir: string): LinkChapter[] {
  return readChapters(dir).map((c) => {
    const m = /([a-z]{2})\/([^/]+)\.mdx$/.exec(c.path);
    if (!m) throw new Error(`unexpected chapter path ${c.path}`);
    return { ...c, lang: m[1] as string, slug: m[2] as string };
  });
}

describe('internal links of the book', () => {
  it('every ../slug/#id link, lab deep link, #id link and quiz proof anchor exists', () => {
    const chapters = linkChapters('content');
    expect(chapters.length, 'no chapters found in content/').toBeGreaterThan(0);
    expect(checkLinks(chapters).map(formatLinkIssue)).toEqual([]);
  });
});

describe('links check on fixtures', () => {
  it('names file and line of each broken link and proof anchor', () => {
    const a = 'tests/fixtures/content/links/bad/en/alpha.mdx';
    const b = 'tests/fixtures/content/links/bad/en/beta.mdx';
    const k = 'tests/fixtures/content/links/bad/ko/beta.mdx';
    expect(checkLinks(linkChapters('tests/fixtures/content/links/bad')).map(formatLinkIssue)).toEqual([
      `${a}:12: no heading id "nowhere" in this chapter`,
      `${a}:12: "../gamma/#x": no chapter en/gamma`,
      `${a}:12: "../beta/#first": en/beta has no heading id "first"`,
      `${a}:13: "../drill/#q1": the drill page has no anchors to check`,
      `${a}:13: internal link "../beta#second" is not of the form ../slug/, ../slug/#id or ../../<lang>/slug/`,
      `${a}:13: absolute link "/en/gamma/" breaks when the book is served under a base path (BOOK_BASE=/tcp-book/, GitHub Pages): write "../gamma/" (relative links work under any base path)`,
      `${a}:13: absolute link "/en/beta/#second" breaks when the book is served under a base path (BOOK_BASE=/tcp-book/, GitHub Pages): write "../beta/#second" (relative links work under any base path)`,
      `${a}:19: quiz proof "#missing" names no heading id in this chapter`,
      `${b}:7: "../alpha/#alpha-q": en/alpha has no heading id "alpha-q"`,
      `${b}:12: "../beta/#lab=lab-lost-fin&s=lost-fin&step=1": the chapter shows no <SequenceLab scenario="lost-fin">`,
      `${b}:12: "#lab=lab-lost-syn-2&s=lost-syn": the chapter shows fewer than 2 <SequenceLab scenario="lost-syn">`,
      `${b}:13: "#lab=lab-lost-syn&s=lost-syn&step=x": step "x" is not a whole number`,
      `${b}:13: "#lab=lab-lost-syn&s=lost-fin": s=lost-fin differs from the lab's scenario lost-syn`,
      `${k}:7: "../alpha/#first": no chapter ko/alpha`,
    ]);
  });
});
