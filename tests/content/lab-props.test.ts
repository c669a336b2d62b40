import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChapters, root } from './read-chapters';
import { checkLabProps, formatLabPropIssue } from '../../src/content-checks/lab-props';
import { didYouMean } from '../../src/content-checks/suggest';
import { SCENARIO_IDS } from '../../src/engine/index';
import { KNOB_IDS } from '../../src/labs/view/knobs.ts';

describe('lab props of the book', () => {
  it('every lab names a real scenario, real knobs and a step inside the run', () => {
    const chapters = readChapters('content');
    expect(chapters.length).toBeGreaterThan(0);
    expect(chapters.flatMap((c) => checkLabProps(c.path, c.source)).map(formatLabPropIssue)).toEqual([]);
  });
});

describe('lab props check on a broken chapter', () => {
  const file = 'tests/fixtures/content/lab-props/broken.mdx';
  const issues = checkLabProps(file, readFileSync(join(root, file), 'utf8')).map(formatLabPropIssue);
  const all = SCENARIO_IDS.join(', ');
  it('names file, line, the closest valid value and every valid value', () => {
    const knobs = KNOB_IDS.join(', ');
    expect(issues).toEqual([
      `${file}:5: <SequenceLab> unknown scenario "normal-opne". Did you mean "normal-open"? Valid: ${all}`,
      `${file}:5: <SequenceLab> unknown knob "colour". Valid: ${knobs}`,
      `${file}:9: <SequenceLab> unknown knob "dorp". Did you mean "drop"? Valid: ${knobs}`,
      `${file}:10: <SequenceLab> step={99} is past the end: scenario "normal-open" has 18 lab steps (0 = before anything happens), so step is 0 to 17`,
      `${file}:13: <SegmentInspector> step must be a whole number ≥ 0, written step={3}`,
      `${file}:15: <CaptureLab> unknown scenario "close-3-segments". Did you mean "close-3-segment"? Valid: ${all}`,
      `${file}:17: <SequenceLab> needs scenario="…". Valid: ${all}`,
      `${file}:21: <SequenceLab> workshop="…": the engine now runs this scenario differently (fingerprint 00000000 in the chapter, c93df6e4 today): check the chapter's text against the run in the workshop, then update h=`,
      `${file}:23: <SequenceLab> workshop="…": calls[0] (B close): B has no connection yet; add listen or connect on B before it`,
      `${file}:23: <SequenceLab> give either scenario="…" or workshop="…", not both`,
    ]);
  });
  it('guesses only near misses', () => {
    expect(didYouMean('lost-syn-ak', SCENARIO_IDS)).toBe('lost-syn-ack');
    expect(didYouMean('keepalive', SCENARIO_IDS)).toBeNull();
  });
});
