/**
 * @testing-library/preact's render and fireEvent for trees with a sequence lab in them. The lab is
 * drawn by lab-render.ts, which renders a microtask after a change (Preact's act() does not wait
 * for it): these flush it after each call, so a test sees the lab as a reader would after the
 * event, before the next one.
 */
import { fireEvent as fire, render as renderPreact } from '@testing-library/preact';
import { flushLabRenders } from '../../src/labs/client/lab-render.ts';

export const render = (ui: Parameters<typeof renderPreact>[0]): ReturnType<typeof renderPreact> => {
  const out = renderPreact(ui);
  flushLabRenders();
  return out;
};

/** Each of fireEvent's calls (fireEvent(el, event), fireEvent.click(el), …), then the lab's render. */
export const fireEvent: typeof fire = new Proxy(fire, {
  apply: (target, that, args: Parameters<typeof fire>) => {
    const out = target(...args);
    flushLabRenders();
    return out;
  },
  get: (target, name: keyof typeof fire) => (el: Element, init?: object) => {
    const out = (target[name] as (el: Element, init?: object) => boolean)(el, init);
    flushLabRenders();
    return out;
  },
});
