/**
 * The one reader of chapter MDX source used by the content checks and the build-time quiz index.
 *
 * It reads the source as text instead of through an MDX parser: the components a chapter may use
 * have simple props (strings, `{numbers}`, `{expressions}`, bare booleans), and a scanner that
 * keeps every offset gives exact `file:line` positions and names the broken character of a
 * malformed tag, where a parser only throws on the first error of the file.
 *
 * What is not JSX (frontmatter, fenced and inline code, MDX and HTML comments) is blanked with
 * spaces, newlines kept, so a `<Callout>` shown as an example in a code block is not a component
 * and every offset still maps to the same line. Prop values are read from the original source at
 * the same offsets, so inline code inside a prop (`explanation="run \`ss -tan\`"`) is kept.
 */

/** Blanks a region but keeps its newlines, so offsets still map to the right line. */
export function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** The frontmatter block at the top of a file (`---` … `---`), or null. */
export const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/;

/** Fenced code blocks (``` or ~~~, up to 3 spaces of indent), closed by a fence at least as long. */
const FENCE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$(?![\s\S]))/gm;

/** Blanks fenced code blocks only: what the link and quiz checks must not read as links or tags. */
export function blankFences(source: string): string {
  return source.replace(FENCE, blank);
}

/**
 * Blanks everything that is not JSX or prose: frontmatter, fenced code, inline code, MDX `{/* … *\/}`
 * and HTML `<!-- … -->` comments. The result has the same length and the same line breaks.
 */
export function blankNonJsx(source: string): string {
  return blankFences(source.replace(FRONTMATTER, blank))
    .replace(/`[^`\n]+`/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
}

/** 1-based line of a character offset. */
export function lineAt(source: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) n++;
  return n;
}

/** A prop value as written: a string literal, a `{…}` expression (kept as source), or a bare boolean prop. */
export type PropValue = { kind: 'string'; value: string } | { kind: 'expr'; value: string } | { kind: 'flag' };

/** The props of one opening tag, or why it could not be read. */
export type ParsedAttributes =
  { props: Record<string, PropValue>; lines: Record<string, number>; end: number; selfClosing: boolean } | { error: string; at: number };

/**
 * Parses the attributes of a JSX opening tag starting at `from` (just after the tag name).
 * Returns the props, the line of each, the index after `>` and whether the tag closed itself;
 * or an error naming what is wrong and its offset.
 */
export function parseAttributes(src: string, from: number): ParsedAttributes {
  const props: Record<string, PropValue> = {};
  const lines: Record<string, number> = {};
  let i = from;
  for (;;) {
    while (i < src.length && /\s/.test(src[i] as string)) i++;
    if (i >= src.length) return { error: 'the tag is never closed with > or />', at: from };
    if (src.startsWith('/>', i)) return { props, lines, end: i + 2, selfClosing: true };
    if (src[i] === '>') return { props, lines, end: i + 1, selfClosing: false };
    const m = /^[A-Za-z_:][\w:.-]*/.exec(src.slice(i, i + 64));
    if (!m) return { error: `unexpected character ${JSON.stringify(src[i])} in the tag`, at: i };
    const name = m[0];
    lines[name] = lineAt(src, i);
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

/** One component (capitalised JSX tag) opened in a chapter. */
export interface JsxTag {
  name: string;
  /** Offset of `<` in the source. */
  start: number;
  line: number;
  /** The parsed opening tag, or the reason it could not be parsed. */
  attributes: ParsedAttributes;
}

/**
 * Every opening tag of a component (a capitalised name, or one of `names`) in source order, found
 * in the blanked source and parsed from the original. `blanked` defaults to blankNonJsx(source).
 */
export function jsxTags(source: string, names?: readonly string[], blanked = blankNonJsx(source)): JsxTag[] {
  const re = names ? new RegExp(`<(${names.join('|')})(?=[\\s/>])`, 'g') : /<([A-Z][\w.]*)(?=[\s/>])/g;
  const tags: JsxTag[] = [];
  for (const m of blanked.matchAll(re)) {
    tags.push({ name: m[1] as string, start: m.index, line: lineAt(blanked, m.index), attributes: parseAttributes(source, m.index + m[0].length) });
  }
  return tags;
}

/** A chapter's frontmatter keys with their lines (top-level keys only, as YAML writes them). */
export function frontmatterKeys(source: string): { key: string; line: number }[] {
  const fm = FRONTMATTER.exec(source);
  if (!fm) return [];
  const keys: { key: string; line: number }[] = [];
  fm[0].split(/\r?\n/).forEach((text, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(text);
    if (m) keys.push({ key: m[1] as string, line: i + 1 });
  });
  return keys;
}
