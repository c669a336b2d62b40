import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import MultipleChoice from '../../src/quiz/MultipleChoice.astro';
import SpotError from '../../src/quiz/SpotError.astro';
import Option from '../../src/quiz/Option.astro';
import { STORAGE_KEY } from '../../src/quiz/model/progress';
import { flush, installDom, mount } from './quiz-dom';

let container: AstroContainer;
let single = '';
let multi = '';
let spot = '';
const params = { lang: 'en', slug: 'three-way-handshake' };

beforeAll(async () => {
  container = await AstroContainer.create();
  const opt = (correct: boolean, explanation: string, text: string) =>
    container.renderToString(Option, { props: { correct, explanation }, slots: { default: text } });
  const opts = async (list: [boolean, string, string][]) => (await Promise.all(list.map(([c, e, t]) => opt(c, e, t)))).join('');
  single = await container.renderToString(MultipleChoice, {
    props: { id: 'demo-flags', question: 'Which flags does the `second` segment carry?', proof: '#flags' },
    slots: {
      default: await opts([
        [false, 'A bare SYN is the first.', 'SYN'],
        [true, 'It carries the ISN and the `ACK`.', 'SYN and ACK'],
        [false, 'Third.', 'ACK'],
      ]),
    },
    params,
  });
  multi = await container.renderToString(MultipleChoice, {
    props: { id: 'demo-multi', question: 'Which consume a number?', multiple: true },
    slots: {
      default: await opts([
        [true, 'SYN counts.', 'SYN'],
        [true, 'FIN counts.', 'FIN'],
        [false, 'Bare ACK does not.', 'ACK'],
      ]),
    },
    params,
  });
  spot = await container.renderToString(SpotError, {
    props: { id: 'demo-spot', claim: 'TIME_WAIT defaults to 240 s.', source: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.4.2' },
    slots: {
      default: await opts([
        [true, 'Linux: 60 s.', 'No system uses 240 s today.'],
        [false, 'That part is right.', 'It is not 2 MSL.'],
      ]),
    },
    params: { lang: 'ko', slug: 'time-wait' },
  });
  installDom();
  await import('../../src/quiz/client/choice.ts');
});

beforeEach(() => {
  localStorage.clear();
});

const q = <T extends Element>(root: ParentNode, sel: string): T => {
  const e = root.querySelector<T>(sel);
  if (!e) throw new Error(`no ${sel}`);
  return e;
};
const inputs = (root: ParentNode) => [...root.querySelectorAll<HTMLInputElement>('.quiz-option input')];

describe('choice markup (before answering)', () => {
  it('is one labelled radio group, ignored by search, with explanations hidden in templates', () => {
    const root = mount(single);
    const el = q<HTMLElement>(root, 'quiz-choice');
    expect(el.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(q(root, 'fieldset legend').textContent).toContain('Which flags does the second segment carry?');
    expect(q(root, 'legend code').textContent).toBe('second');
    const radios = inputs(root);
    expect(radios.map((r) => [r.type, r.name])).toEqual(Array(3).fill(['radio', 'quiz-demo-flags-answer']));
    for (const r of radios) expect(r.closest('label')?.textContent?.trim()).not.toBe('');
    // explanations exist only inside <template>: not in the rendered text
    expect(el.textContent).not.toContain('A bare SYN is the first.');
    expect(q(root, '.quiz-feedback').getAttribute('aria-live')).toBe('polite');
    expect(q(root, '.quiz-feedback').textContent).toBe('');
  });
  it('multiple choice uses checkboxes; SpotError shows the claim and its source, in Korean', () => {
    expect(inputs(mount(multi)).every((i) => i.type === 'checkbox')).toBe(true);
    const root = mount(spot);
    expect(q(root, 'blockquote').textContent).toBe('TIME_WAIT defaults to 240 s.');
    expect(q<HTMLAnchorElement>(root, 'figcaption a').href).toBe('https://www.rfc-editor.org/rfc/rfc9293#section-3.4.2');
    expect(q(root, 'legend').textContent).toContain('틀린 곳 찾기');
  });
});

describe('answering', () => {
  it('asks for an answer before judging', () => {
    const root = mount(single);
    q<HTMLButtonElement>(root, '[data-act="check"]').click();
    expect(q(root, '.quiz-feedback').textContent).toBe('Choose an answer first.');
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
  it('a wrong answer explains the pick, links the proof, saves, and can be retried', () => {
    const root = mount(single);
    const [syn] = inputs(root);
    syn!.checked = true;
    q<HTMLButtonElement>(root, '[data-act="check"]').click();
    const fb = q(root, '.quiz-feedback');
    expect(fb.textContent).toContain('Not quite.');
    expect(fb.textContent).toContain('A bare SYN is the first.');
    expect(fb.textContent).not.toContain('It carries the ISN'); // the right answer is not given away
    expect(fb.textContent).not.toContain('At least one right answer'); // that hint is for multiple choice
    expect(q<HTMLAnchorElement>(fb, '.quiz-proof a').getAttribute('href')).toBe('#flags');
    expect(inputs(root).every((i) => i.disabled)).toBe(true);
    const retry = q<HTMLButtonElement>(root, '[data-act="retry"]');
    expect(retry.hidden).toBe(false);
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    expect(saved.quizzes['demo-flags']).toMatchObject({ chapter: 'three-way-handshake', attempts: 1, correct: false, wrongEver: true });

    retry.click();
    expect(fb.textContent).toBe('');
    expect(inputs(root).every((i) => !i.disabled && !i.checked)).toBe(true);
    inputs(root)[1]!.checked = true;
    q<HTMLButtonElement>(root, '[data-act="check"]').click();
    expect(fb.textContent).toContain('Right.');
    expect(q(fb, 'code').textContent).toBe('ACK');
    // every other option now shows its explanation under it
    expect(root.querySelectorAll('.quiz-explain').length).toBe(2);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').quizzes['demo-flags']).toMatchObject({ attempts: 2, correct: true, wrongEver: true });
    // the "answered before" line is for later visits, not for the answer just given
    expect(q<HTMLElement>(root, '.quiz-status').hidden).toBe(true);
  });
  it('multiple choice needs exactly the right set', () => {
    const root = mount(multi);
    inputs(root)[0]!.checked = true;
    q<HTMLButtonElement>(root, '[data-act="check"]').click();
    expect(q(root, '.quiz-feedback').textContent).toContain('At least one right answer is not chosen yet.');
    q<HTMLButtonElement>(root, '[data-act="retry"]').click();
    inputs(root)[0]!.checked = true;
    inputs(root)[1]!.checked = true;
    q<HTMLButtonElement>(root, '[data-act="check"]').click();
    expect(q(root, '.quiz-feedback').textContent).toContain('Right.');
  });
  it('follows progress saved by another tab, and shows that a quiz was answered before', async () => {
    const root = mount(spot);
    expect(q<HTMLElement>(root, '.quiz-status').hidden).toBe(true);
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        format: 'tcp-book-progress',
        version: 2,
        quizzes: { 'demo-spot': { chapter: 'time-wait', attempts: 3, correct: true, wrongEver: true, at: 1 } },
        drill: {},
      }),
    );
    const StorageEvent = (window as unknown as { StorageEvent: typeof globalThis.StorageEvent }).StorageEvent;
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    await flush();
    expect(q<HTMLElement>(root, '.quiz-status').hidden).toBe(false);
    expect(q(root, '.quiz-status').textContent).toBe('전에 이 문제를 맞혔습니다(시도 3번).');
  });
});
