import { describe, expect, it } from 'vitest';
import { blankNonJsx, frontmatterKeys, jsxTags, lineAt, parseAttributes, propText } from '../../src/content-checks/mdx-source';

const chapter = [
  '---', // 1
  'title: <Callout> in frontmatter', // 2
  '---', // 3
  '', // 4
  '```mdx', // 5
  '<SequenceLab scenario="example" />', // 6
  '', // 7
  '```', // 8
  'Text with `<Option>` in inline code {/* <Hidden /> */} <!-- <Gone /> -->', // 9
  '<MultipleChoice id="q" question="Run `ss -tan`?"', // 10
  '  multiple>', // 11
  '</MultipleChoice>', // 12
].join('\n');

describe('the MDX-source reader', () => {
  it('blanks frontmatter, fences (also with blank lines inside), inline code and comments, keeping offsets and lines', () => {
    const b = blankNonJsx(chapter);
    expect(b).toHaveLength(chapter.length);
    expect(b.split('\n')).toHaveLength(chapter.split('\n').length);
    expect(jsxTags(chapter).map((t) => `${t.name}@${t.line}`)).toEqual(['MultipleChoice@10']);
  });
  it('reads props from the source, so inline code inside a prop survives, and names the line of each prop', () => {
    const [t] = jsxTags(chapter);
    if (!t || 'error' in t.attributes) throw new Error('tag not parsed');
    expect(propText(t.attributes.props.question)).toBe('Run `ss -tan`?');
    expect(t.attributes.props.multiple).toEqual({ kind: 'flag' });
    expect(t.attributes.lines).toEqual({ id: 10, question: 10, multiple: 11 });
  });
  it('ends a fence with a blank line inside at its closing fence, not earlier or later', () => {
    expect(jsxTags('```mdx\n<Example />\n\n```\n<Real />\n').map((t) => t.name)).toEqual(['Real']);
  });
  it('blanks an unclosed fence to the end of the file', () => {
    expect(jsxTags('```\n<A />\n\n<B />\n')).toEqual([]);
  });
  it('names what is wrong in a broken tag, and where', () => {
    const src = '<A x="1" y=2 />';
    const r = parseAttributes(src, 2);
    expect(r).toEqual({ error: 'the value of y must be "text" or {expression}', at: 11 });
    expect(parseAttributes('<A x="open', 2)).toMatchObject({ error: 'the value of x has no closing quote' });
  });
  it('lists frontmatter keys with their lines', () => {
    expect(frontmatterKeys('---\ntitle: a\nsources:\n  - title: b\ntitel: c\n---\n')).toEqual([
      { key: 'title', line: 2 },
      { key: 'sources', line: 3 },
      { key: 'titel', line: 5 },
    ]);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
