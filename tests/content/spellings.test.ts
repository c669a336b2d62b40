import { describe, expect, it } from 'vitest';
import { readChapters } from './read-chapters';
import { allowedRegions, checkSpellings, formatSpellingIssue } from '../../src/content-checks/spellings';

const run = (dir: string) => readChapters(dir).flatMap((c) => checkSpellings(c.path, c.source).map(formatSpellingIssue));

describe('forbidden spellings in the book', () => {
  it('appear only inside misconception callouts and SpotError quizzes', () => {
    const files = readChapters('content');
    expect(files.length, 'no chapters found in content/').toBeGreaterThan(0);
    expect(run('content')).toEqual([]);
  });
});

describe('spellings check on fixtures', () => {
  it('names file and line of every forbidden spelling outside the allowed places', () => {
    const f = 'tests/fixtures/content/spellings/bad/en/notes.mdx';
    expect(run('tests/fixtures/content/spellings/bad')).toEqual([
      `${f}:10: "SYN_SEND" outside a misconception callout; write SYN-SENT (Linux TCP_SYN_SENT, netstat SYN_SENT)`,
      `${f}:12: "SYN\\_RECIEVED" outside a misconception callout; write SYN-RECEIVED (Linux TCP_SYN_RECV, ss SYN-RECV)`,
      `${f}:14: "ESTACLISHED" outside a misconception callout; write ESTABLISHED`,
      `${f}:14: "default 240 s" outside a misconception callout; write no system defaults to 240 s today: Linux 60 s fixed, Windows 120 s, macOS 30 s; the RFC’s 2×MSL is 240 s`,
      `${f}:17: "SYN-RECIEVED" outside a misconception callout; write SYN-RECEIVED (Linux TCP_SYN_RECV, ss SYN-RECV)`,
      `${f}:32: "syn_send" outside a misconception callout; write SYN-SENT (Linux TCP_SYN_SENT, netstat SYN_SENT)`,
    ]);
  });

  it('accepts quotes in a multi-line misconception callout and attributed 240 s figures', () => {
    expect(run('tests/fixtures/content/spellings/good')).toEqual([]);
  });

  it('catches the Korean form of the 240 s claim and the notes’ escaped underscores', () => {
    const src = '일정시간(디폴트 240초) 동안 세션을 남겨 둡니다.\n\nClient는 SYN\\_SEND 상태가 된다.\n';
    expect(checkSpellings('x.mdx', src).map((i) => [i.line, i.id])).toEqual([
      [1, 'TIME_WAIT default 240 s'],
      [3, 'SYN_SEND'],
    ]);
  });

  it('treats an unclosed misconception callout as running to the end, and a note callout as no exemption', () => {
    const src = 'a\n<Callout type="note">SYN_SEND</Callout>\n<Callout type="misconception" title="x">\nSYN_SEND\n';
    expect(allowedRegions(src)).toHaveLength(1);
    expect(checkSpellings('x.mdx', src).map((i) => i.line)).toEqual([2]);
  });
});
