import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapters, root } from './read-chapters';
import {
  checkChapterVocabulary,
  checkSourceVocabulary,
  formatVocabularyIssue,
  type Lang,
} from '../../src/content-checks/vocabulary';

/** Sources holding reader-facing strings: per language, or both languages side by side. */
const sources: { path: string; langs: Lang[] }[] = [
  ...(['ko', 'en'] as const).flatMap((lang) =>
    readdirSync(join(root, 'src/i18n', lang))
      .filter((n) => n.endsWith('.ts'))
      .map((n) => ({ path: `src/i18n/${lang}/${n}`, langs: [lang] })),
  ),
  { path: 'src/data/drill/cards.ts', langs: ['ko', 'en'] },
  { path: 'src/data/glossary-definitions.ts', langs: ['ko', 'en'] },
  { path: 'src/data/interview-questions.ts', langs: ['ko', 'en'] },
  { path: 'src/engine/scenario-text.ts', langs: ['ko', 'en'] },
];

describe('one word per concept (glossary.ts vocabulary)', () => {
  it('no chapter or quiz uses a rejected variant outside misconception callouts and SpotError claims', () => {
    const chapters = readChapters('content');
    expect(chapters.length).toBeGreaterThan(0);
    const issues = chapters.flatMap((c) => checkChapterVocabulary(c.path, c.source, c.path.includes('/ko/') ? 'ko' : 'en'));
    expect(issues.map(formatVocabularyIssue)).toEqual([]);
  });

  it('no drill card, lab string, glossary definition or UI string uses a rejected variant', () => {
    const issues = sources.flatMap((s) => {
      const src = readFileSync(join(root, s.path), 'utf8');
      return s.langs.flatMap((l) => checkSourceVocabulary(s.path, src, l));
    });
    expect(issues.map(formatVocabularyIssue)).toEqual([]);
  });

  it('names file, line, word and the preferred term, and exempts misconception callouts', () => {
    const src = '# a\n\n수신 윈도 밖의 세그먼트를 에러로 봅니다.\n\n<Callout type="misconception" title="동시 종료는 없다">\n반쯤 열린\n</Callout>\n\n리눅스, 윈도우, macOS 모두 같습니다. 윈도우 안입니다.\n';
    expect(checkChapterVocabulary('x.mdx', src, 'ko').map(formatVocabularyIssue)).toEqual([
      'x.mdx:3: "에러" is a rejected variant (에러); write 오류: 코드 글꼴의 오류 이름(ECONNRESET 등)은 그대로 둡니다',
      'x.mdx:3: "윈도" is a rejected variant (윈도); write 윈도우: TCP 수신 윈도우. 운영체제는 Windows로 써서 둘을 구분합니다',
      'x.mdx:9: "리눅스, 윈도우" is a rejected variant (윈도우(운영체제)); write Windows: 운영체제 이름은 라틴 문자로 씁니다. 윈도우는 TCP 윈도우만 뜻합니다',
    ]);
  });

  it('reads only string text in TypeScript sources, and keeps attribute names in chapters', () => {
    const ts = "  // the close-delay knob\n  'labs.knob.drop': 'Lose segment',\n  'x': 'set the drop knob',\n";
    expect(checkSourceVocabulary('x.ts', ts, 'en').map((i) => [i.line, i.word])).toEqual([[3, 'knob']]);
    expect(checkChapterVocabulary('x.mdx', '<SequenceLab knobs="drop" />\n', 'en')).toEqual([]);
  });
});
