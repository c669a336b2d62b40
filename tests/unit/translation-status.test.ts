import { describe, expect, it } from 'vitest';
import { changedLines, changedSections, headingIds } from '../../scripts/translation-status.ts';

const chapter = ['intro', '', '## One {#one}', 'a', '', '## Two {#two}', 'b', 'c'].join('\n');

describe('translation status', () => {
  it('reads the heading ids both editions share', () => {
    expect(headingIds(chapter)).toEqual([
      { id: 'one', line: 3 },
      { id: 'two', line: 6 },
    ]);
  });
  it('maps a diff to the sections it touches (an added line, a changed pair, a deletion)', () => {
    const diff = '@@ -1 +1 @@\n-x\n+intro\n@@ -7,2 +7,2 @@\n-b\n+b\n@@ -4 +3,0 @@\n-gone\n';
    expect(changedLines(diff)).toEqual([1, 7, 8, 3]);
    expect(changedSections(chapter, changedLines(diff))).toEqual(['', 'two', 'one']);
  });
});
