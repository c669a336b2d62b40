/**
 * Finds the quiz tags in chapter MDX and checks them, so a broken question fails `npm test` with
 * the file, line and quiz id instead of shipping a quiz that no answer can pass. The same
 * extraction gives the review page its question texts and the sidebar its per-chapter totals,
 * so those can never disagree with what the chapters contain.
 *
 * This reads MDX as text: the five quiz tags have simple, fixed props (strings, `{numbers}`,
 * bare booleans), and a small scanner gives better messages than a full MDX parse would.
 */

import { isScenarioId } from '../engine/scenarios.ts';

/** The quiz tags of ARCHITECTURE.md. */
export const QUIZ_TAGS = ['MultipleChoice', 'OrderSegments', 'NameState', 'PredictNumbers', 'SpotError'] as const;
/** One quiz tag name. */
export type QuizTag = (typeof QUIZ_TAGS)[number];


/** A prop value as written: a string literal, a `{…}` expression (kept as source), or a bare boolean prop. */
export type PropValue = { kind: 'string'; value: string } | { kind: 'expr'; value: string } | { kind: 'flag' };

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

/** Blanks fenced code blocks (keeping line breaks) so a quiz tag shown as an example is not taken for a quiz. */
function blankFences(src: string): string {
  return src.replace(/^(\s*)(```|~~~)[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, (m) => m.replace(/[^\n]/g, ' '));
}

function lineAt(src: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < src.length; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Parses the attributes of a JSX opening tag starting at `from` (just after the tag name).
 * Returns the props, the index after `>` and whether the tag closed itself.
 */
function parseAttributes(src: string, from: number): { props: Record<string, PropValue>; end: number; selfClosing: boolean } | { error: string; at: number } {
  const props: Record<string, PropValue> = {};
  let i = from;
  for (;;) {
    while (i < src.length && /\s/.test(src[i] as string)) i++;
    if (i >= src.length) return { error: 'the tag is never closed with > or />', at: from };
    if (src.startsWith('/>', i)) return { props, end: i + 2, selfClosing: true };
    if (src[i] === '>') return { props, end: i + 1, selfClosing: false };
    const m = /^[A-Za-z_][\w-]*/.exec(src.slice(i, i + 64));
    if (!m) return { error: `unexpected character ${JSON.stringify(src[i])} in the tag`, at: i };
    const name = m[0];
    i += name.length;
    while (i < src.length && /[ \t]/.test(src[i] as string)) i++;
    if (src[i] !== '=') {
      props[name] = { kind: 'flag' };
      continue;
    }
    i++;
    while (i < src.length && /\s/.test(src[i] as string)) i++;
    const q = src[i];
    if (q === '"' || q === "'") {
      const close = src.indexOf(q, i + 1);
      if (close < 0) return { error: `the value of ${name} has no closing quote`, at: i };
      props[name] = { kind: 'string', value: src.slice(i + 1, close) };
      i = close + 1;
    } else if (q === '{') {
      let depth = 0;
      let j = i;
      let quote: string | null = null;
      for (; j < src.length; j++) {
        const c = src[j];
        if (quote) {
          if (c === '\\') j++;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'" || c === '`') quote = c;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
      }
      if (j >= src.length) return { error: `the value of ${name} has no closing }`, at: i };
      props[name] = { kind: 'expr', value: src.slice(i + 1, j).trim() };
      i = j + 1;
    } else return { error: `the value of ${name} must be "text" or {expression}`, at: i };
  }
}

/** Turns a prop into a string: string literals as they are, `{"…"}` / `{'…'}` / `{42}` expressions when they are plain literals. */
export function propText(p: PropValue | undefined): string | null {
  if (!p) return null;
  if (p.kind === 'string') return p.value;
  if (p.kind === 'flag') return null;
  const lit = /^(["'`])([\s\S]*)\1$/.exec(p.value);
  if (lit) return lit[2] ?? '';
  return /^-?\d+$/.test(p.value) ? p.value : null;
}

/** True when a boolean prop is on: bare (`correct`) or `correct={true}`. */
export function propFlag(p: PropValue | undefined): boolean {
  return p !== undefined && (p.kind === 'flag' || (p.kind === 'expr' && p.value === 'true'));
}

/**
 * Extracts every quiz of one MDX file. Syntax problems (an unclosed tag, a missing closing
 * `</MultipleChoice>`) are returned as issues instead of thrown, so one broken chapter does not
 * hide the problems of the others.
 */
export function extractQuizzes(file: string, source: string): { quizzes: QuizDecl[]; issues: QuizIssue[] } {
  const src = blankFences(source);
  const quizzes: QuizDecl[] = [];
  const issues: QuizIssue[] = [];
  const spans: [number, number][] = [];
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(src); m; m = TAG_RE.exec(src)) {
    const tag = m[1] as QuizTag;
    const line = lineAt(src, m.index);
    const attrs = parseAttributes(src, m.index + m[0].length);
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
        const oa = parseAttributes(src, at + '<Option'.length);
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
          text = src.slice(oa.end, oc).trim();
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
      if (o.explanation === null || o.explanation.trim() === '') issue(`option ${n + 1} has no explanation="…" (every option explains why it is right or wrong)`, o.line);
      if (o.text === '') issue(`option ${n + 1} has no text`, o.line);
    }
  } else {
    if (q.options.length > 0) issue(`<${q.tag}> takes no <Option> children`);
    const scenario = propText(q.props.scenario);
    if (scenario === null) issue(`<${q.tag}> needs scenario="…"`);
    else if (!isScenarioId(scenario)) issue(`unknown scenario "${scenario}" (see ARCHITECTURE.md for the ids)`);
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

/**
 * Lints the whole book: every quiz on its own, ids unique within each language, and the same
 * ids in the same order in the ko and en versions of each chapter (progress is keyed by id,
 * so a reader who switches language keeps their results).
 */
export function lintQuizFiles(files: readonly ChapterSource[]): QuizIssue[] {
  const issues: QuizIssue[] = [];
  const seen = new Map<string, QuizDecl>(); // lang + id → first declaration
  const idsByChapter = new Map<string, Map<string, { file: string; ids: string[] }>>(); // slug → lang → ids
  for (const f of files) {
    const { quizzes, issues: syntax } = extractQuizzes(f.path, f.source);
    issues.push(...syntax);
    const { lang, slug } = langSlug(f.path);
    const ids: string[] = [];
    for (const q of quizzes) {
      issues.push(...lintQuiz(q));
      const id = propText(q.props.id);
      if (id === null) continue;
      ids.push(id);
      const prev = seen.get(`${lang}\n${id}`);
      if (prev) issues.push({ file: f.path, line: q.line, quizId: id, message: `duplicate id: also used at ${prev.file}:${prev.line}` });
      else seen.set(`${lang}\n${id}`, q);
    }
    const byLang = idsByChapter.get(slug) ?? new Map();
    byLang.set(lang, { file: f.path, ids });
    idsByChapter.set(slug, byLang);
  }
  for (const byLang of idsByChapter.values()) {
    const ko = byLang.get('ko');
    const en = byLang.get('en');
    if (!ko || !en) continue;
    for (const id of en.ids.filter((x) => !ko.ids.includes(x))) issues.push({ file: ko.file, line: 1, quizId: id, message: `quiz "${id}" is in ${en.file} but not here; ko and en must have the same quiz ids` });
    for (const id of ko.ids.filter((x) => !en.ids.includes(x))) issues.push({ file: en.file, line: 1, quizId: id, message: `quiz "${id}" is in ${ko.file} but not here; ko and en must have the same quiz ids` });
    const common = en.ids.filter((x) => ko.ids.includes(x));
    const koOrder = ko.ids.filter((x) => en.ids.includes(x));
    if (common.join() !== koOrder.join()) {
      const at = common.findIndex((x, i) => koOrder[i] !== x);
      issues.push({ file: ko.file, line: 1, quizId: common[at] ?? null, message: `quizzes are in a different order than in ${en.file} (en: ${common.join(', ')}; ko: ${koOrder.join(', ')})` });
    }
  }
  // file, then line: the order an author fixes them in (sort is stable within a line)
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line per issue, `file:line: quiz "id": message`, the form the test prints. */
export function formatIssue(i: QuizIssue): string {
  return `${i.file}:${i.line}: ${i.quizId ? `quiz "${i.quizId}"` : 'quiz'}: ${i.message}`;
}
