/**
 * Test helpers for the quiz elements: Astro's container renders the real components (in Node),
 * then a happy-dom window hosts the HTML and the real element scripts. The scripts read globals
 * (window, document, customElements, localStorage), so the window's are installed on globalThis
 * before a script is imported.
 */
import { Window } from 'happy-dom';

const NAMES = [
  'window',
  'document',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLTemplateElement',
  'HTMLButtonElement',
  'HTMLLIElement',
  'HTMLOListElement',
  'customElements',
  'CustomEvent',
  'Event',
  'KeyboardEvent',
  'Node',
  'DocumentFragment',
  'localStorage',
  'Blob',
  'URL',
  'FileReader',
  'File',
] as const;

/** Installs a fresh happy-dom window as the global DOM and returns it. */
export function installDom(url = 'https://book.test/en/three-way-handshake/'): Window {
  const w = new Window({ url });
  const g = globalThis as Record<string, unknown>;
  for (const n of NAMES) {
    const v = n === 'window' ? w : (w as unknown as Record<string, unknown>)[n];
    Object.defineProperty(g, n, { value: v, configurable: true, writable: true });
  }
  return w;
}

/**
 * Puts HTML into the page body. The HTML is parsed into a detached <main> first and then attached,
 * as a browser's deferred module script sees it: every element is complete when it upgrades.
 */
export function mount(html: string): HTMLElement {
  document.body.replaceChildren();
  const main = document.createElement('main');
  main.innerHTML = html;
  document.body.append(main);
  return document.body;
}

/** Lets microtasks (the store's notice) run. */
export async function flush(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
}
