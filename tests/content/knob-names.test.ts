import { describe, expect, it } from 'vitest';
import { readChapters } from './read-chapters';
import { checkKnobNames, formatKnobNameIssue, knobLabels } from '../../src/content-checks/knob-names';
import { ko } from '../../src/i18n/ko';
import { en } from '../../src/i18n/en';
import { KNOB_NAMES } from '../../src/engine/knobs';

const labels = { ko: knobLabels(ko), en: knobLabels(en) };

describe('lab controls named as the lab shows them', () => {
  it('every knob has a label in both languages', () => {
    for (const l of [labels.ko, labels.en]) for (const [id, label] of Object.entries(l)) expect(label, id).not.toBe('');
  });

  it('the labs page lead names the sequence lab’s controls by their labels', () => {
    // The lead lists what the reader can change; each control appears under its visible label, quoted.
    for (const lang of ['ko', 'en'] as const) {
      const lead = (lang === 'ko' ? ko : en)['labs.page.sequence.lead'];
      const [open, close] = lang === 'ko' ? ['‘', '’'] : ['“', '”'];
      const missing = (['closer', 'close-delay', 'isn', 'profile', 'drop'] as const).map((id) => labels[lang][id]).filter((l) => !lead.includes(`${open}${l}${close}`));
      expect(missing, `${lang}: ${lead}`).toEqual([]);
    }
  });

  it('no chapter names a control the lab does not show', () => {
    const issues = readChapters('content').flatMap((c) => {
      const lang = c.path.includes('/ko/') ? 'ko' : 'en';
      return checkKnobNames(c.path, c.source, lang, labels[lang]);
    });
    expect(issues.map(formatKnobNameIssue)).toEqual([]);
  });

  it('fails the old names, unknown ids, controls no lab offers and made-up bold labels', () => {
    const src = [
      'closer 노브로 누가 먼저 닫을지 고릅니다.',
      '<Knob id="closr" /> 항목',
      '<Knob id="msl" /> 항목',
      '**닫는 쪽** 항목을 바꿔 보세요. **먼저 닫는 쪽** 항목은 맞습니다.',
      '<SequenceLab scenario="close-4-segment" knobs="closer,close-delay" />',
    ].join('\n');
    expect(checkKnobNames('x.mdx', src, 'ko', labels.ko).map(formatKnobNameIssue)).toEqual([
      'x.mdx:1: "closer 노브" names a control the lab does not show; write <Knob id="closer" /> (shown as "먼저 닫는 쪽")',
      `x.mdx:2: <Knob id="closr">: no such knob in src/engine/knobs.ts; known: ${KNOB_NAMES.join(', ')}`,
      'x.mdx:3: <Knob id="msl" /> (shown as "MSL"): no <SequenceLab knobs="…"> of this chapter offers it, so the reader cannot find it',
      `x.mdx:4: "닫는 쪽" is not a control label of the labs; use <Knob id="…" />; labels: ${Object.values(labels.ko).join(' · ')}`,
    ]);
    expect(checkKnobNames('x.mdx', 'Set the profile knob.\n<SequenceLab scenario="a" knobs="profile" />', 'en', labels.en).map(formatKnobNameIssue)).toEqual([
      'x.mdx:1: "the profile knob" names a control the lab does not show; write <Knob id="profile" /> (shown as "Stack")',
    ]);
  });
});
