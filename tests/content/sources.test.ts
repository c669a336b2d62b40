import { describe, expect, it } from 'vitest';
import { readChapters } from './read-chapters';
import { RFC_SECTIONS, checkSourceFiles, checkSources, formatSourceIssue, sectionExists } from '../../src/content-checks/sources';

describe('chapter sources', () => {
  it('every chapter lists sources and every RFC link and § reference names a real section', () => {
    expect(checkSourceFiles(readChapters('content')).map(formatSourceIssue)).toEqual([]);
  });
});

describe('sources check on fixtures', () => {
  it('reports each bad link, missing title, unknown RFC and wrong § in prose, with file and line', () => {
    const en = 'tests/fixtures/content/sources/bad/en/links.mdx';
    const ko = 'tests/fixtures/content/sources/bad/ko/nosources.mdx';
    expect(checkSourceFiles(readChapters('tests/fixtures/content/sources/bad')).map(formatSourceIssue)).toEqual([
      `${en}:7: RFC 9293 link has no section anchor; link the section (…#section-x.y)`,
      `${en}:9: RFC 9293 has no section 3.11 ("#section-3.11")`,
      `${en}:10: source without a title`,
      `${en}:14: RFC 793 link anchor "#page-23" is not of the form #section-x.y or #appendix-X`,
      `${en}:15: RFC 9999 is not in the section list of src/content-checks/sources.ts; add its sections`,
      `${en}:16: "RFC 9293 §3.12": RFC 9293 has no section 3.12`,
      `${en}:17: RFC 9293 anchor "#section-B": appendices are letters, sections numbers`,
      `${ko}:1: frontmatter has no "sources" list`,
    ]);
  });

  it('fails when there is nothing to check', () => {
    expect(checkSourceFiles([]).map(formatSourceIssue)).toEqual(['(none):0: no chapter files to check']);
  });

  it('rejects a file without frontmatter and an empty sources list', () => {
    expect(checkSources('a.mdx', '# no frontmatter\n').map((i) => i.message)).toEqual([
      'no frontmatter (--- … ---) with title, description, order, sources',
    ]);
    expect(checkSources('b.mdx', '---\ntitle: x\nsources:\n---\n').map((i) => [i.line, i.message])).toEqual([[3, 'frontmatter "sources" is empty']]);
  });

  it('knows the sections the facts sheet cites and none beyond a table of contents', () => {
    for (const s of ['3.3.2', '3.4.1', '3.4.2', '3.5.1', '3.5.2', '3.5.3', '3.6.1', '3.8.3', '3.10.7.1', '3.10.7.4']) {
      expect(sectionExists(9293, s), `RFC 9293 §${s}`).toBe(true);
    }
    expect(sectionExists(9293, '3.10.9')).toBe(false);
    expect(sectionExists(4987, '3.6')).toBe(true);
    expect(sectionExists(1234, '1')).toBeNull();
    for (const [rfc, list] of Object.entries(RFC_SECTIONS)) expect(new Set(list).size, `RFC ${rfc} duplicates`).toBe(list.length);
  });
});
