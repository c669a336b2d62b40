/**
 * `npm run code-size`: functions in src/ longer than 120 lines and Preact component files longer
 * than 250 lines, the limits ARCHITECTURE.md sets. Data tables are object and array literals, not
 * functions, so they never count. tests/unit/code-size.test.ts fails on any offender not listed
 * there with its reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 120;
export const MAX_COMPONENT_FILE_LINES = 250;

export interface Offender {
  file: string;
  /** The function's name (or `<anonymous>`), or `file` for a component file over its limit. */
  name: string;
  line: number;
  lines: number;
  limit: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '<anonymous>';
}

/** Every offender under `root` (paths relative to `base`). */
export function codeSizeOffenders(root: string, base: string = process.cwd()): Offender[] {
  const out: Offender[] = [];
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(base, path).split('\\').join('/');
    const src = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const lineOf = (pos: number) => src.getLineAndCharacterOfPosition(pos).line + 1;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = lineOf(node.getStart(src));
        const lines = lineOf(node.getEnd()) - first + 1;
        if (lines > MAX_FUNCTION_LINES) out.push({ file, name: nameOf(node), line: first, lines, limit: MAX_FUNCTION_LINES });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
    const total = text.split('\n').length;
    if (file.endsWith('.tsx') && total > MAX_COMPONENT_FILE_LINES) out.push({ file, name: 'file', line: 1, lines: total, limit: MAX_COMPONENT_FILE_LINES });
  }
  return out;
}

if (import.meta.main) {
  const offenders = codeSizeOffenders('src');
  for (const o of offenders) console.log(`${o.file}:${o.line}  ${o.name}  ${o.lines} lines (limit ${o.limit})`);
  console.log(offenders.length ? `${offenders.length} over the limits` : 'no function over 120 lines, no component file over 250 lines');
}
