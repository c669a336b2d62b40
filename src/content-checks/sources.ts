/**
 * The "every claim a source" check: each chapter lists its sources in frontmatter, and every
 * RFC link (frontmatter or body) points to a section that exists. A link to a section number that the
 * RFC does not have lands the reader on the top of a 100-page document, which is no source at all;
 * so does a link without an anchor.
 *
 * The section lists below are the real tables of contents of the RFCs the book cites. To cite a new
 * RFC, add its sections here (from its table of contents on rfc-editor.org), not just the one you use.
 */
import { lineAt } from './mdx-source.ts';

/** Valid `#section-…` / `#appendix-…` anchors per RFC number, from each RFC's table of contents. */
export const RFC_SECTIONS: Readonly<Record<number, readonly string[]>> = {
  // RFC 9293, Transmission Control Protocol (2022)
  9293: [
    '1',
    '2',
    '2.1',
    '2.2',
    '3',
    '3.1',
    '3.2',
    '3.3',
    '3.3.1',
    '3.3.2',
    '3.4',
    '3.4.1',
    '3.4.2',
    '3.4.3',
    '3.5',
    '3.5.1',
    '3.5.2',
    '3.5.3',
    '3.6',
    '3.6.1',
    '3.7',
    '3.7.1',
    '3.7.2',
    '3.7.3',
    '3.7.4',
    '3.7.5',
    '3.8',
    '3.8.1',
    '3.8.2',
    '3.8.3',
    '3.8.4',
    '3.8.5',
    '3.8.6',
    '3.8.6.1',
    '3.8.6.2',
    '3.8.6.2.1',
    '3.8.6.2.2',
    '3.8.6.3',
    '3.9',
    '3.9.1',
    '3.9.1.1',
    '3.9.1.2',
    '3.9.1.3',
    '3.9.1.4',
    '3.9.1.5',
    '3.9.1.6',
    '3.9.1.7',
    '3.9.1.8',
    '3.9.1.9',
    '3.9.2',
    '3.10',
    '3.10.1',
    '3.10.2',
    '3.10.3',
    '3.10.4',
    '3.10.5',
    '3.10.6',
    '3.10.7',
    '3.10.7.1',
    '3.10.7.2',
    '3.10.7.3',
    '3.10.7.4',
    '3.10.8',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '9.1',
    '9.2',
    'A',
    'A.1',
    'A.1.1',
    'A.1.2',
    'A.2',
    'A.3',
    'A.4',
    'B',
  ],
  // RFC 793, the original TCP specification (obsoleted by RFC 9293)
  793: [
    '1',
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '2',
    '2.1',
    '2.2',
    '2.3',
    '2.4',
    '2.5',
    '2.6',
    '2.7',
    '2.8',
    '2.9',
    '2.10',
    '3',
    '3.1',
    '3.2',
    '3.3',
    '3.4',
    '3.5',
    '3.6',
    '3.7',
    '3.8',
    '3.9',
  ],
  // RFC 6298, Computing TCP's Retransmission Timer
  6298: ['1', '2', '3', '4', '5', '6', '7', 'A'],
  // RFC 4987, TCP SYN Flooding Attacks and Common Mitigations
  4987: ['1', '2', '3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '4', '5'],
  // RFC 7413, TCP Fast Open
  7413: [
    '1',
    '1.1',
    '2',
    '2.1',
    '3',
    '4',
    '4.1',
    '4.1.1',
    '4.1.2',
    '4.1.3',
    '4.2',
    '4.2.1',
    '4.2.2',
    '5',
    '5.1',
    '5.1.1',
    '5.2',
    '6',
    '6.1',
    '6.2',
    '6.3',
    '7',
    '8',
  ],
  // RFC 5961, Improving TCP's Robustness to Blind In-Window Attacks
  5961: ['1', '2', '3', '3.1', '3.2', '4', '4.1', '4.2', '5', '5.1', '5.2', '6', '7', '8', '9', '10'],
  // RFC 2525, Known TCP Implementation Problems
  2525: ['1', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16', '2.17', '2.18', '3'],
  // RFC 6528, Defending against Sequence Number Attacks
  6528: ['1', '2', '3', '4', '5'],
  // RFC 1337, TIME-WAIT Assassination Hazards in TCP
  1337: ['1', '2', '3', '4'],
  // RFC 6191, Reducing the TIME-WAIT State Using TCP Timestamps
  6191: ['1', '2', '3', '4', '5'],
  // RFC 7323, TCP Extensions for High Performance (window scale, timestamps, PAWS)
  7323: ['1', '2', '2.1', '2.2', '2.3', '2.4', '3', '3.1', '3.2', '4', '5', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '6', '7'],
  // RFC 1122, Requirements for Internet Hosts (TCP is section 4.2)
  1122: ['4.2', '4.2.1', '4.2.2', '4.2.2.13', '4.2.2.20', '4.2.3', '4.2.3.5', '4.2.3.6'],
};

/** A problem with one chapter's sources. */
export interface SourceIssue {
  file: string;
  line: number;
  message: string;
}

/** One chapter file as read from disk. */
export interface ChapterFile {
  path: string;
  source: string;
}

/** rfc-editor.org, datatracker and tools.ietf.org forms of an RFC link, with an optional fragment. */
const RFC_URL =
  /https?:\/\/(?:www\.)?(?:rfc-editor\.org\/rfc\/rfc|datatracker\.ietf\.org\/doc\/html\/rfc|tools\.ietf\.org\/html\/rfc)(\d+)(?:\.html|\.txt)?\/?(#[^\s)"'<>\]]*)?/g;

/** "RFC 9293 §3.5.2" written in prose: checked too, since a reader looks that section up. */
const RFC_PROSE = /RFC\s?(\d+)\s*§\s*((?:[0-9]+|[A-Z])(?:\.[0-9]+)*)/g;

/** Whether `section` exists in RFC `rfc`; null when the book has no section list for that RFC yet. */
export function sectionExists(rfc: number, section: string): boolean | null {
  const list = RFC_SECTIONS[rfc];
  return list ? list.includes(section) : null;
}

/** Checks one anchor (`#section-3.5.2`, `#appendix-A.2`) against the section list. */
function checkAnchor(rfc: number, fragment: string | undefined): string | null {
  if (!fragment) return `RFC ${rfc} link has no section anchor; link the section (…#section-x.y)`;
  const m = /^#(section|appendix)-([0-9A-Z]+(?:\.[0-9]+)*)$/.exec(fragment);
  if (!m) return `RFC ${rfc} link anchor "${fragment}" is not of the form #section-x.y or #appendix-X`;
  const [, kind, num] = m as unknown as [string, string, string];
  const isLetter = /^[A-Z]/.test(num);
  if ((kind === 'appendix') !== isLetter) return `RFC ${rfc} anchor "${fragment}": appendices are letters, sections numbers`;
  const ok = sectionExists(rfc, num);
  if (ok === null) return `RFC ${rfc} is not in the section list of src/content-checks/sources.ts; add its sections`;
  return ok ? null : `RFC ${rfc} has no section ${num} ("${fragment}")`;
}

/** The frontmatter block (between the first two `---` lines) and where it ends. */
function frontmatter(src: string): { text: string; end: number } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  return m ? { text: m[1] as string, end: m[0].length } : null;
}

/** Every sources problem in one chapter: frontmatter `sources` present, RFC links and § mentions real. */
export function checkSources(file: string, src: string): SourceIssue[] {
  const issues: SourceIssue[] = [];
  const fm = frontmatter(src);
  if (!fm) {
    issues.push({ file, line: 1, message: 'no frontmatter (--- … ---) with title, description, order, sources' });
  } else {
    const lines = fm.text.split(/\r?\n/);
    const at = lines.findIndex((l) => /^sources\s*:/.test(l));
    if (at < 0) {
      issues.push({ file, line: 1, message: 'frontmatter has no "sources" list' });
    } else {
      const items = [];
      for (let i = at + 1; i < lines.length && /^(\s|-)/.test(lines[i] as string); i++) {
        if (/^\s*-\s/.test(lines[i] as string)) items.push(i);
      }
      if (items.length === 0) issues.push({ file, line: at + 2, message: 'frontmatter "sources" is empty' });
      for (const i of items) {
        const block = [lines[i]];
        for (let j = i + 1; j < lines.length && /^\s+[^-\s]/.test(lines[j] as string); j++) block.push(lines[j]);
        const text = block.join('\n');
        if (!/\btitle\s*:\s*\S/.test(text)) issues.push({ file, line: i + 2, message: 'source without a title' });
        if (!/\burl\s*:\s*\S/.test(text)) issues.push({ file, line: i + 2, message: 'source without a url' });
      }
    }
  }
  const url = new RegExp(RFC_URL.source, 'g');
  for (let m = url.exec(src); m; m = url.exec(src)) {
    // A link at the end of a sentence: the full stop is prose, not part of the anchor.
    const problem = checkAnchor(Number(m[1]), m[2]?.replace(/[.,;:!?]+$/, ''));
    if (problem) issues.push({ file, line: lineAt(src, m.index), message: problem });
  }
  const prose = new RegExp(RFC_PROSE.source, 'g');
  for (let m = prose.exec(src); m; m = prose.exec(src)) {
    const rfc = Number(m[1]);
    const section = m[2] as string;
    if (sectionExists(rfc, section) === false) {
      issues.push({ file, line: lineAt(src, m.index), message: `"${m[0]}": RFC ${rfc} has no section ${section}` });
    }
  }
  return issues.sort((a, b) => a.line - b.line);
}

/** Checks a set of chapters; an empty set is itself a failure, so a wrong path cannot pass silently. */
export function checkSourceFiles(files: readonly ChapterFile[]): SourceIssue[] {
  if (files.length === 0) return [{ file: '(none)', line: 0, message: 'no chapter files to check' }];
  return files.flatMap((f) => checkSources(f.path, f.source));
}

/** `file:line: message`. */
export function formatSourceIssue(i: SourceIssue): string {
  return `${i.file}:${i.line}: ${i.message}`;
}
