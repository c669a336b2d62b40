/**
 * The control-name check: prose names a lab control exactly as the lab labels it.
 *
 * Chapters name a control with `<Knob id="closer" />`, which renders the label from the knob table
 * (src/engine/knobs.ts) and the page language's `labs.knob.<id>` string, so the name cannot drift from
 * the UI. This check fails when
 * - a `<Knob>` names an id that is not in the knob table (the build would fail later, less clearly);
 * - a `<Knob>` names a control that no lab of the same chapter offers, and its paragraph links to no
 *   lab deep link (`#lab=…`) elsewhere (the reader cannot find it);
 * - prose names a control the old way, by its id or a made-up name before "노브"/"knob"
 *   ("closer 노브", "the drop knob"), instead of the label the lab shows;
 * - prose writes a label in bold before 항목/setting that is not a label of the lab's strings.
 */
import { KNOB_IDS, knobRow } from '../labs/view/knobs.ts';
import { jsxTags, lineAt, propText } from './mdx-source.ts';

export interface KnobNameIssue {
  file: string;
  line: number;
  message: string;
}

/** Labels by language: `labs.knob.<id>` for every knob of the table. */
export type KnobLabels = Record<string, string>;

export function knobLabels(strings: Readonly<Record<string, string>>): KnobLabels {
  return Object.fromEntries(KNOB_IDS.map((id) => [id, strings[knobRow(id).label] ?? '']));
}

const say = (labels: KnobLabels, id: string) => `<Knob id="${id}" /> (shown as "${labels[id]}")`;

/** The knob a made-up control name most likely means, by id, label or a loose alias. */
function guess(name: string, labels: KnobLabels): string | undefined {
  const n = name.toLowerCase().replace(/[`'"]/g, '');
  const aliases: Record<string, string> = { 프로필: 'profile', stack: 'profile', 스택: 'profile', delay: 'close-delay' };
  if (aliases[n]) return aliases[n];
  return KNOB_IDS.find((id) => id === n || labels[id]?.toLowerCase() === n);
}

/** Whether the paragraph around `index` links to a lab deep link (`…/#lab=…`), which may be in another chapter. */
function linksToLab(src: string, index: number): boolean {
  const start = src.lastIndexOf('\n\n', index);
  const end = src.indexOf('\n\n', index);
  return src.slice(start < 0 ? 0 : start, end < 0 ? src.length : end).includes('#lab=');
}

export function checkKnobNames(file: string, src: string, lang: 'ko' | 'en', labels: KnobLabels): KnobNameIssue[] {
  const issues: KnobNameIssue[] = [];
  const offered = new Set(
    jsxTags(src, ['SequenceLab']).flatMap((t) => ('error' in t.attributes ? [] : (propText(t.attributes.props.knobs) ?? '').split(',').map((s) => s.trim()))),
  );
  for (const t of jsxTags(src, ['Knob'])) {
    if ('error' in t.attributes) {
      issues.push({ file, line: t.line, message: `<Knob>: ${t.attributes.error}` });
      continue;
    }
    const id = propText(t.attributes.props.id) ?? '';
    if (!(id in labels)) {
      issues.push({ file, line: t.line, message: `<Knob id="${id}">: no such knob in src/engine/knobs.ts; known: ${Object.keys(labels).join(', ')}` });
    } else if (!offered.has(id) && !linksToLab(src, t.start)) {
      issues.push({ file, line: t.line, message: `${say(labels, id)}: no <SequenceLab knobs="…"> of this chapter offers it, so the reader cannot find it` });
    }
  }
  const oldStyle = lang === 'ko' ? /([\w`'"가-힣-]+)\s+노브/g : /\b(?:the\s+)?([\w`'"-]+)\s+knobs?\b(?!\s*[=":])/gi;
  for (const m of src.matchAll(oldStyle)) {
    const id = guess(m[1] as string, labels);
    const fix = id ? `write ${say(labels, id)}` : `name it by its label with <Knob id="…" />; labels: ${Object.values(labels).join(' · ')}`;
    issues.push({ file, line: lineAt(src, m.index), message: `"${m[0]}" names a control the lab does not show; ${fix}` });
  }
  const bold = lang === 'ko' ? /\*\*([^*\n]+)\*\*\s*항목/g : /\*\*([^*\n]+)\*\*\s+setting/g;
  const shown = new Set(Object.values(labels));
  for (const m of src.matchAll(bold)) {
    if (shown.has(m[1] as string)) continue;
    issues.push({
      file,
      line: lineAt(src, m.index),
      message: `"${m[1]}" is not a control label of the labs; use <Knob id="…" />; labels: ${[...shown].join(' · ')}`,
    });
  }
  return issues.sort((a, b) => a.line - b.line);
}

export const formatKnobNameIssue = (i: KnobNameIssue) => `${i.file}:${i.line}: ${i.message}`;
