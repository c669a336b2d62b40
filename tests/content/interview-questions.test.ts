/**
 * Every interview question of src/data/interview-questions.ts is answered in the interview chapter
 * in both languages, with a link to the section that explains it and to each lab step that shows
 * it; the section exists in both languages; and each lab step exists in its scenario's run (the
 * same run the lab makes for that link) and shows the state the question relies on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interviewQuestions, labHref, sectionHref, type LabStep } from '../../src/data/interview-questions';
import { cards } from '../../src/data/drill/cards';
import { chapterIds, checkLabLink } from '../../src/content-checks/links';
import { getScenario } from '../../src/engine/scenarios';
import { baseKnobs, runForLab } from '../../src/labs/view/engine-adapter';
import { parseLabHash } from '../../src/labs/view/lab-hash';

const root = join(import.meta.dirname, '..', '..');
const LANGS = ['ko', 'en'] as const;
const chapter = (lang: string, slug: string) => readFileSync(join(root, 'content', lang, `${slug}.mdx`), 'utf8');

/** The text of question n's block in the interview chapter: from its `### Qn.` heading to the next heading. */
export function questionBlock(source: string, n: number): string | null {
  const m = new RegExp(`^### Q${n}\\.[^\\n]*\\{#q${n}\\}\\s*$`, 'm').exec(source);
  if (!m) return null;
  const rest = source.slice(m.index + m[0].length);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Problems with one lab step: the lab is on the page, the step is in its run and shows what it claims. */
export function labStepProblems(l: LabStep, targetSources: readonly string[]): string[] {
  const href = labHref(l);
  const hash = href.slice(href.indexOf('#') + 1);
  const problems = targetSources.map((src) => checkLabLink(hash, src)).filter((p): p is string => p !== null);
  const labId = new URLSearchParams(hash).get('lab') ?? '';
  const def = getScenario(l.scenario);
  // As the lab reads a link: knobs the link leaves out keep the scenario's own values.
  const parsed = parseLabHash(hash, labId, l.scenario, baseKnobs(def, {}));
  if (!parsed || parsed.rejected.length) return [...problems, `${href}: the lab rejects ${parsed ? parsed.rejected.join(', ') : 'the link'}`];
  const run = runForLab(def, {}, parsed.link.knobs);
  if (!run.ok) return [...problems, `${href}: the run fails: ${run.message}`];
  const last = run.view.steps.length - 1;
  if (l.step > last) return [...problems, `${href}: step ${l.step} is past the run's last step ${last}`];
  const state = run.view.steps[l.step]![l.shows.side].state;
  if (state !== l.shows.state) problems.push(`${href}: at step ${l.step} side ${l.shows.side} is ${state}, not ${l.shows.state}`);
  return problems;
}

describe('interview questions (src/data/interview-questions.ts)', () => {
  it('are the twenty questions, numbered 1 to 20', () => {
    expect(interviewQuestions.map((q) => q.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  for (const lang of LANGS) {
    it(`are each answered in ${lang}/interview with a link to their section and to every lab step`, () => {
      const source = chapter(lang, 'interview');
      const missing: string[] = [];
      for (const q of interviewQuestions) {
        const block = questionBlock(source, q.n);
        if (block === null) {
          missing.push(`Q${q.n}: no "### Q${q.n}. … {#q${q.n}}" heading`);
          continue;
        }
        for (const href of [sectionHref(q.section), ...q.labs.map(labHref)]) {
          if (!block.includes(`](${href})`)) missing.push(`Q${q.n}: no link to ${href}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('link sections that exist in both languages', () => {
    const missing = interviewQuestions.flatMap((q) =>
      LANGS.filter((lang) => !chapterIds(chapter(lang, q.section.slug)).has(q.section.anchor)).map((lang) => `Q${q.n}: ${lang}/${q.section.slug} has no {#${q.section.anchor}}`),
    );
    expect(missing).toEqual([]);
  });

  it('open labs that both languages show, at a step of the run that shows the claimed state', () => {
    const problems = interviewQuestions.flatMap((q) =>
      q.labs.flatMap((l) => labStepProblems(l, LANGS.map((lang) => chapter(lang, l.slug))).map((p) => `Q${q.n}: ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('and the drill cards’ own labs are as sound', () => {
    const problems = cards.flatMap((c) => (c.lab ? labStepProblems(c.lab, LANGS.map((lang) => chapter(lang, c.lab!.slug))).map((p) => `${c.id}: ${p}`) : []));
    expect(cards.filter((c) => c.lab).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const good: LabStep = { slug: 'time-wait', scenario: 'lost-final-ack', step: 19, shows: { side: 'B', state: 'CLOSED' } };
  const page = '<SequenceLab scenario="lost-final-ack" knobs="drop,profile" />';
  it('accept a step that exists and shows its state', () => {
    expect(labStepProblems(good, [page])).toEqual([]);
  });
  it('name a step past the end of the run', () => {
    expect(labStepProblems({ ...good, step: 400 }, [page])).toEqual([expect.stringMatching(/step 400 is past the run's last step \d+/)]);
  });
  it('name a step that shows another state', () => {
    expect(labStepProblems({ ...good, step: 3 }, [page])).toEqual([expect.stringMatching(/at step 3 side B is SYN-RECEIVED, not CLOSED/)]);
  });
  it('name a lab the chapter does not show', () => {
    expect(labStepProblems(good, ['<SequenceLab scenario="lost-fin" />'])).toEqual([expect.stringContaining('the chapter shows no <SequenceLab scenario="lost-final-ack">')]);
  });
  it('cut a question block at the next heading', () => {
    expect(questionBlock('### Q1. A {#q1}\n[x](../a/#b)\n### Q2. B {#q2}\n[y](../c/#d)\n', 1)).toBe('\n[x](../a/#b)\n');
  });
});
