/**
 * Finds the quiz tags in chapter MDX and checks them, so a broken question fails `npm test` with
 * the file, line and quiz id instead of shipping a quiz that no answer can pass. The same
 * extraction gives the review page its question texts and the sidebar its per-chapter totals,
 * so those can never disagree with what the chapters contain.
 *
 * The MDX is read by mdx-source.ts, the one reader the other content checks use too.
 */

import { isScenarioId, SCENARIO_IDS } from '../engine/scenarios.ts';
import { unknownValue } from './suggest.ts';
import { blankNonJsx, lineAt, parseAttributes, propFlag, propText, type PropValue } from './mdx-source.ts';

export { propFlag, propText, type PropValue };

/** The quiz tags of ARCHITECTURE.md. */
export const QUIZ_TAGS = ['MultipleChoice', 'OrderSegments', 'NameState', 'PredictNumbers', 'SpotError'] as const;
/** One quiz tag name. */
export type QuizTag = (typeof QUIZ_TAGS)[number];

/** One `<Option>` inside a choice quiz. */
export interface OptionDecl {
  line: number;
  correct: boolean;
  explanation: string | null;
  /** the option's children as MDX source, trimmed */
  text: string;
}

/** One quiz found in a chapter. */
export interface QuizDecl {
  tag: QuizTag;
  file: string;
  line: number;
  props: Record<string, PropValue>;
  options: OptionDecl[];
}

/** A finding; `quizId` is null when the problem is that the id is missing. */
export interface QuizIssue {
  file: string;
  line: number;
  quizId: string | null;
  message: string;
}

const TAG_RE = new RegExp(`<(${QUIZ_TAGS.join('|')})(?=[\\s/>])`, 'g');

/**
 * Extracts every quiz of one MDX file. Syntax problems (an unclosed tag, a missing closing
 * `</MultipleChoice>`) are returned as issues instead of thrown, so one broken chapter does not
 * hide the problems of the others.
 */
export function extractQuizzes(file: string, source: string): { quizzes: QuizDecl[]; issues: QuizIssue[] } {
  // Tags and closing tags are found in the blanked text; props and option text are read from the
  // source at the same offsets.
  const src = blankNonJsx(source);
  const quizzes: QuizDecl[] = [];
  const issues: QuizIssue[] = [];
  const spans: [number, number][] = [];
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(src); m; m = TAG_RE.exec(src)) {
    const tag = m[1] as QuizTag;
    const line = lineAt(src, m.index);
    const attrs = parseAttributes(source, m.index + m[0].length);
    if ('error' in attrs) {
      issues.push({ file, line: lineAt(src, attrs.at), quizId: null, message: `<${tag}>: ${attrs.error}` });
      continue;
    }
    const decl: QuizDecl = { tag, file, line, props: attrs.props, options: [] };
    TAG_RE.lastIndex = attrs.end;
    if (!attrs.selfClosing) {
      const closeTag = `</${tag}>`;
      const close = src.indexOf(closeTag, attrs.end);
      if (close < 0) {
        issues.push({ file, line, quizId: propText(attrs.props.id), message: `<${tag}> is never closed with ${closeTag}` });
        continue;
      }
      const body = src.slice(attrs.end, close);
      const optRe = /<Option(?=[\s/>])/g;
      for (let o = optRe.exec(body); o; o = optRe.exec(body)) {
        const at = attrs.end + o.index;
        const oa = parseAttributes(source, at + '<Option'.length);
        if ('error' in oa) {
          issues.push({ file, line: lineAt(src, oa.at), quizId: propText(attrs.props.id), message: `<Option>: ${oa.error}` });
          break;
        }
        let text = '';
        if (!oa.selfClosing) {
          const oc = src.indexOf('</Option>', oa.end);
          if (oc < 0 || oc > close) {
            issues.push({ file, line: lineAt(src, at), quizId: propText(attrs.props.id), message: '<Option> is never closed with </Option>' });
            break;
          }
          text = source.slice(oa.end, oc).trim();
          optRe.lastIndex = oc - attrs.end;
        } else optRe.lastIndex = oa.end - attrs.end;
        decl.options.push({ line: lineAt(src, at), correct: propFlag(oa.props.correct), explanation: propText(oa.props.explanation), text });
      }
      TAG_RE.lastIndex = close + closeTag.length;
    }
    quizzes.push(decl);
    spans.push([m.index, TAG_RE.lastIndex]);
  }
  // An <Option> outside a choice quiz renders as a broken input: name it.
  for (const o of src.matchAll(/<Option(?=[\s/>])/g)) {
    if (!spans.some(([a, b]) => o.index > a && o.index < b)) {
      issues.push({ file, line: lineAt(src, o.index), quizId: null, message: '<Option> outside <MultipleChoice> or <SpotError>' });
    }
  }
  return { quizzes, issues };
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks one quiz on its own (props, options); book-wide rules are in lintQuizFiles. */
export function lintQuiz(q: QuizDecl): QuizIssue[] {
  const id = propText(q.props.id);
  const out: QuizIssue[] = [];
  const issue = (message: string, line = q.line): void => void out.push({ file: q.file, line, quizId: id, message });
  const need = (name: string): string | null => {
    const v = propText(q.props[name]);
    if (v === null || v.trim() === '') issue(`<${q.tag}> needs a non-empty ${name}="…"`);
    return v;
  };
  if (id === null) issue(`<${q.tag}> has no id="…"`);
  else if (!KEBAB.test(id)) issue(`id "${id}" must be kebab-case (a-z, 0-9, single dashes)`);
  const proof = propText(q.props.proof);
  if (q.props.proof && (proof === null || !/^(#|\/)/.test(proof))) issue('proof must be a "#section-anchor", a "#lab=…" step link or a "/path"');

  if (q.tag === 'MultipleChoice' || q.tag === 'SpotError') {
    if (q.tag === 'MultipleChoice') need('question');
    else {
      need('claim');
      const source = need('source');
      if (source && !/^https?:\/\//.test(source)) issue(`source must be a URL (got "${source}")`);
    }
    const multiple = propFlag(q.props.multiple);
    const correct = q.options.filter((o) => o.correct).length;
    if (q.options.length < 2) issue(`has ${q.options.length} <Option>; a choice needs at least 2`);
    if (correct === 0) issue('no <Option> is marked correct');
    if (!multiple && correct > 1) issue(`single-choice question has ${correct} correct options (add "multiple" or mark only one)`);
    for (const [n, o] of q.options.entries()) {
      if (o.explanation === null || o.explanation.trim() === '')
        issue(`option ${n + 1} has no explanation="…" (every option explains why it is right or wrong)`, o.line);
      if (o.text === '') issue(`option ${n + 1} has no text`, o.line);
    }
  } else {
    if (q.options.length > 0) issue(`<${q.tag}> takes no <Option> children`);
    const scenario = propText(q.props.scenario);
    if (scenario === null) issue(`<${q.tag}> needs scenario="…"`);
    else if (!isScenarioId(scenario)) issue(unknownValue('scenario', scenario, SCENARIO_IDS));
    if (q.tag !== 'PredictNumbers') need('question');
    if (q.tag === 'NameState') {
      const step = propText(q.props.step);
      if (step === null || !/^\d+$/.test(step)) issue('NameState needs step={n}, a whole number (0 = the first segment)');
      const side = propText(q.props.side);
      if (side !== 'client' && side !== 'server') issue(`side must be "client" or "server" (got ${side === null ? 'nothing' : `"${side}"`})`);
    }
  }
  return out;
}

/** A chapter file as the lint sees it. */
export interface ChapterSource {
  /** repository-relative path, `content/<lang>/<slug>.mdx` */
  path: string;
  source: string;
}

function langSlug(path: string): { lang: string; slug: string } {
  const parts = path.replace(/\\/g, '/').split('/');
  return { lang: parts.at(-2) ?? '', slug: (parts.at(-1) ?? '').replace(/\.mdx?$/, '') };
}

/** The quiz ids of one chapter file, with the line of each. */
interface ChapterQuizIds {
  file: string;
  ids: string[];
  lines: number[];
}

/**
 * Ids of `other` that `here` lacks, reported in `here` at the line where the quiz should be: where
 * `here` has a quiz in the same position (most often the same quiz under another id), else after
 * its last quiz. The message names the twin's file and line.
 */
function pairIssues(here: ChapterQuizIds, other: ChapterQuizIds): QuizIssue[] {
  return other.ids.flatMap((id, n) => {
    if (here.ids.includes(id)) return [];
    const line = here.lines[Math.min(n, here.lines.length - 1)] ?? 1;
    const there = here.ids[n] !== undefined && !other.ids.includes(here.ids[n] as string) ? ` (here this quiz is "${here.ids[n]}")` : '';
    return [
      {
        file: here.file,
        line,
        quizId: id,
        message: `quiz "${id}" (${other.file}:${other.lines[n]}) is missing here${there}; ko and en must have the same quiz ids`,
      },
    ];
  });
}

/**
 * Lints the whole book: every quiz on its own, ids unique within each language, and the same
 * ids in the same order in the ko and en versions of each chapter (progress is keyed by id,
 * so a reader who switches language keeps their results).
 */
export function lintQuizFiles(files: readonly ChapterSource[]): QuizIssue[] {
  const issues: QuizIssue[] = [];
  const seen = new Map<string, QuizDecl>(); // lang + id → first declaration
  const idsByChapter = new Map<string, Map<string, ChapterQuizIds>>(); // slug → lang → ids
  for (const f of files) {
    const { quizzes, issues: syntax } = extractQuizzes(f.path, f.source);
    issues.push(...syntax);
    const { lang, slug } = langSlug(f.path);
    const ids: string[] = [];
    const lines: number[] = [];
    for (const q of quizzes) {
      issues.push(...lintQuiz(q));
      const id = propText(q.props.id);
      if (id === null) continue;
      ids.push(id);
      lines.push(q.line);
      const prev = seen.get(`${lang}\n${id}`);
      if (prev) issues.push({ file: f.path, line: q.line, quizId: id, message: `duplicate id: also used at ${prev.file}:${prev.line}` });
      else seen.set(`${lang}\n${id}`, q);
    }
    const byLang = idsByChapter.get(slug) ?? new Map();
    byLang.set(lang, { file: f.path, ids, lines });
    idsByChapter.set(slug, byLang);
  }
  for (const byLang of idsByChapter.values()) {
    const ko = byLang.get('ko');
    const en = byLang.get('en');
    if (!ko || !en) continue;
    issues.push(...pairIssues(ko, en), ...pairIssues(en, ko));
    const common = en.ids.filter((x) => ko.ids.includes(x));
    const koOrder = ko.ids.filter((x) => en.ids.includes(x));
    if (common.join() !== koOrder.join()) {
      const at = koOrder.findIndex((x, i) => common[i] !== x);
      const id = koOrder[at] as string;
      issues.push({
        file: ko.file,
        line: ko.lines[ko.ids.indexOf(id)] ?? 1,
        quizId: id,
        message: `quizzes are in a different order than in ${en.file} (en: ${common.join(', ')}; ko: ${koOrder.join(', ')})`,
      });
    }
  }
  // file, then line: the order an author fixes them in (sort is stable within a line)
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line per issue, `file:line: quiz "id": message`, the form the test prints. */
export function formatIssue(i: QuizIssue): string {
  return `${i.file}:${i.line}: ${i.quizId ? `quiz "${i.quizId}"` : 'quiz'}: ${i.message}`;
}
