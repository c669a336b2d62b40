import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import NameState from '../../src/quiz/NameState.astro';
import OrderSegments from '../../src/quiz/OrderSegments.astro';
import { STORAGE_KEY } from '../../src/quiz/model/progress';
import { installDom, mount } from './quiz-dom';

let stateHtml = '';
let stateKo = '';
let orderHtml = '';

beforeAll(async () => {
  const c = await AstroContainer.create();
  stateHtml = await c.renderToString(NameState, {
    props: { id: 'st', question: 'What state is the server in?', scenario: 'normal-open', step: 0, side: 'server', proof: '#states' },
    params: { lang: 'en', slug: 'three-way-handshake' },
  });
  stateKo = await c.renderToString(NameState, {
    props: { id: 'st-ko', question: '서버는 어떤 상태입니까?', scenario: 'close-4-segment', step: 8, side: 'client' },
    params: { lang: 'ko', slug: 'four-way-handshake' },
  });
  orderHtml = await c.renderToString(OrderSegments, {
    props: { id: 'ord', question: 'Order them.', scenario: 'close-3-segment' },
    params: { lang: 'en', slug: 'four-way-handshake' },
  });
  installDom();
  await import('../../src/quiz/client/state.ts');
  await import('../../src/quiz/client/order.ts');
});
beforeEach(() => localStorage.clear());

const $ = <T extends Element>(sel: string): T => {
  const e = document.querySelector<T>(sel);
  if (!e) throw new Error(`no ${sel}`);
  return e;
};

describe('NameState', () => {
  it('labels its text field and lists the segments up to the step, without the answer in the text', () => {
    mount(stateHtml);
    const input = $<HTMLInputElement>('quiz-state input');
    expect($(`label[for="${input.id}"]`).textContent).toContain('State (server)');
    expect([...document.querySelectorAll('.quiz-segments li')].map((li) => li.textContent?.trim())).toEqual(['client → server: SYN']);
    expect($('quiz-state').textContent).not.toContain('SYN-RECEIVED');
  });
  it('accepts the ss spelling, explains the other spellings, and saves', () => {
    mount(stateHtml);
    $<HTMLInputElement>('quiz-state input').value = 'syn-recv';
    $<HTMLButtonElement>('[data-act="check"]').click();
    const fb = $('.quiz-feedback').textContent ?? '';
    expect(fb).toContain('Right.');
    expect(fb).toContain('The server is in SYN-RECEIVED.');
    expect(fb).toContain('netstat as SYN_RECV');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').quizzes.st).toMatchObject({ correct: true, chapter: 'three-way-handshake' });
  });
  it('names a misspelling from the usual notes as such, and counts it wrong', () => {
    mount(stateHtml);
    $<HTMLInputElement>('quiz-state input').value = 'SYN_RECIEVED';
    $<HTMLButtonElement>('[data-act="check"]').click();
    expect($('.quiz-feedback').textContent).toContain('“SYN_RECIEVED” is a common misspelling of SYN-RECEIVED, not a state name.');
    expect($('.quiz-verdict').getAttribute('data-verdict')).toBe('wrong');
  });
  it('says which state it is when the answer names another, in Korean', () => {
    mount(stateKo);
    const input = $<HTMLInputElement>('quiz-state input');
    input.value = '클로즈 웨이트';
    $<HTMLButtonElement>('[data-act="check"]').click();
    expect($('.quiz-feedback').textContent).toContain('클라이언트는 CLOSE-WAIT 상태가 아니라 FIN-WAIT-2 상태입니다.');
    $<HTMLButtonElement>('[data-act="retry"]').click();
    input.value = 'FIN_WAIT2';
    $<HTMLButtonElement>('[data-act="check"]').click();
    expect($('.quiz-feedback').textContent).toContain('정답입니다.');
  });
});

describe('OrderSegments', () => {
  it('starts shuffled, with Up/Down buttons named after their segment', () => {
    mount(orderHtml);
    const keys = [...document.querySelectorAll<HTMLElement>('.quiz-order-list li')].map((li) => li.dataset.key);
    const expected = JSON.parse($<HTMLElement>('quiz-order').dataset.expected ?? '[]') as string[];
    expect(keys).not.toEqual(expected);
    expect([...keys].sort()).toEqual([...expected].sort());
    expect($('.quiz-order-list li button').getAttribute('aria-label')).toMatch(/^Move up: (client|server) → (client|server): /);
  });
  it('moves with the buttons, announces the move, marks places after checking, and locks until retry', () => {
    mount(orderHtml);
    const items = () => [...document.querySelectorAll<HTMLLIElement>('.quiz-order-list li')];
    const second = items()[1]!;
    second.querySelector<HTMLButtonElement>('[data-move="up"]')!.click();
    expect(items()[0]).toBe(second);
    expect($('.quiz-moves').textContent).toBe(`${second.dataset.label}: now 1 of ${items().length}.`);
    expect(items()[0]!.querySelector<HTMLButtonElement>('[data-move="up"]')!.disabled).toBe(true);
    $<HTMLButtonElement>('[data-act="check"]').click();
    expect(items().every((li) => li.dataset.mark === 'right' || li.dataset.mark === 'wrong')).toBe(true);
    expect(items().every((li) => [...li.querySelectorAll('button')].every((b) => b.disabled))).toBe(true);
    $<HTMLButtonElement>('[data-act="retry"]').click();
    expect(items().some((li) => li.querySelector<HTMLButtonElement>('[data-move="down"]')!.disabled === false)).toBe(true);
  });
  it('is right when the true order is given', () => {
    mount(orderHtml);
    const list = $('.quiz-order-list');
    const expected = JSON.parse($<HTMLElement>('quiz-order').dataset.expected ?? '[]') as string[];
    // several segments can read the same (two client ACKs): take them from a pool, in turn
    const pool = [...list.querySelectorAll<HTMLElement>('li')];
    for (const k of expected) {
      const i = pool.findIndex((li) => li.dataset.key === k);
      list.append(pool.splice(i, 1)[0]!);
    }
    $<HTMLButtonElement>('[data-act="check"]').click();
    expect($('.quiz-verdict').getAttribute('data-verdict')).toBe('right');
  });
});
