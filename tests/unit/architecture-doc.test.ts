/**
 * ARCHITECTURE.md must match the tree: every path in its "Where does X live" table and every
 * entry of its folder map exists. A renamed or moved file fails here until the doc follows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

/** The backticked paths in the path column of the "Where does X live" table. */
function wherePaths(md: string): string[] {
  const section = md.split(/^## Where does X live$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| concept') && !l.startsWith('| ---'));
  return rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)).filter((p) => /[/.]/.test(p));
}

/** Paths named by the folder map: top-level entries, and names listed under a folder (relative to it). */
function folderMapPaths(md: string): string[] {
  const block = /```\n(content\/[\s\S]*?)```/.exec(md)?.[1] ?? '';
  const out: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    const names = line.trim().split(/ {2,}/)[0]?.split(' ') ?? [];
    if (/^ {3}/.test(line)) continue; // a description carried over to the next line
    const nested = line.startsWith('  ');
    if (!nested) folder = names[0] ?? '';
    for (const n of names) {
      if (!n || /[<*…]/.test(n)) continue;
      out.push(nested ? `${folder.replace(/\/?$/, '/')}${n}` : n);
    }
  }
  return out;
}

describe('ARCHITECTURE.md', () => {
  const where = wherePaths(doc);
  const map = folderMapPaths(doc);

  it('has a "where does X live" table of at least 15 concepts and a folder map', () => {
    expect(where.length).toBeGreaterThanOrEqual(15);
    expect(map.length).toBeGreaterThan(30);
  });

  it('every path of the "where does X live" table exists', () => {
    expect(where.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('every entry of the folder map exists', () => {
    expect(map.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
