/**
 * The vocabulary check: one word per concept. A rejected variant (src/data/glossary.ts `vocabulary`)
 * in a chapter, drill card, quiz, lab string, glossary definition or UI string fails `npm test`, with
 * file, line, the word and the preferred term.
 *
 * Exempt, because they quote what people say: misconception callouts and SpotError quizzes in chapters
 * (the same regions as the spellings check). In TypeScript sources only string text is read: comment
 * lines and object keys (`'labs.knob.drop':`) are skipped.
 */
import { vocabulary, type VocabularyRule } from '../data/glossary.ts';
import { lineAt } from './mdx-source.ts';
import { allowedRegions } from './spellings.ts';

export type Lang = 'ko' | 'en';

export interface VocabularyIssue {
  file: string;
  line: number;
  word: string;
  message: string;
}

function matcher(w: { word: string; pattern?: RegExp }): RegExp {
  if (w.pattern) return new RegExp(w.pattern.source, w.pattern.flags.includes('g') ? w.pattern.flags : `${w.pattern.flags}g`);
  return new RegExp(w.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
}

function issuesIn(file: string, text: string, lang: Lang, skip: (i: number) => boolean, rules: readonly VocabularyRule[]): VocabularyIssue[] {
  const out: VocabularyIssue[] = [];
  for (const rule of rules) {
    for (const w of rule.rejected[lang] ?? []) {
      const re = matcher(w);
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0] === '') break;
        if (skip(m.index)) continue;
        const preferred = lang === 'ko' ? rule.ko : rule.en;
        out.push({ file, line: lineAt(text, m.index), word: m[0], message: `"${m[0]}" is a rejected variant (${w.word}); write ${preferred}: ${rule.note}` });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.word.localeCompare(b.word));
}

/** Rejected words in one chapter, outside misconception callouts and SpotError quizzes. */
export function checkChapterVocabulary(file: string, src: string, lang: Lang, rules = vocabulary): VocabularyIssue[] {
  const regions = allowedRegions(src);
  return issuesIn(file, src, lang, (i) => regions.some((r) => i >= r.start && i < r.end), rules);
}

/** Blanks comment lines and object keys of a TypeScript source, keeping line numbers and offsets. */
export function stringText(src: string): string {
  return src
    .split('\n')
    .map((line) => {
      if (/^\s*(\/\/|\/?\*)/.test(line)) return ' '.repeat(line.length);
      return line.replace(/^(\s*)(['"][^'"]*['"]|[A-Za-z_$][\w$]*)(\s*:)/, (_m, a: string, k: string, c: string) => a + ' '.repeat(k.length) + c);
    })
    .join('\n');
}

/** Rejected words in the strings of a TypeScript source (drill cards, lab and UI strings, definitions). */
export function checkSourceVocabulary(file: string, src: string, lang: Lang, rules = vocabulary): VocabularyIssue[] {
  return issuesIn(file, stringText(src), lang, () => false, rules);
}

export const formatVocabularyIssue = (i: VocabularyIssue) => `${i.file}:${i.line}: ${i.message}`;
