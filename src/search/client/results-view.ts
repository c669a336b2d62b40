/**
 * The search results' markup and keyboard movement (browser code, no search logic): chapters as
 * labelled groups of a listbox, sections as option links with their heading and excerpt.
 */
import type { ChapterGroup, ExcerptPart } from '../query.ts';

function excerptSpan(parts: readonly ExcerptPart[]): HTMLSpanElement {
  const ex = document.createElement('span');
  ex.className = 'sr-excerpt';
  for (const p of parts) {
    if (p.mark) {
      const m = document.createElement('mark');
      m.textContent = p.text;
      ex.append(m);
    } else ex.append(p.text);
  }
  return ex;
}

/** Replaces the list's content with the groups; `parts` holds each section's excerpt by URL. */
export function renderResults(list: HTMLElement, groups: readonly ChapterGroup[], parts: ReadonlyMap<string, readonly ExcerptPart[]>): void {
  list.replaceChildren();
  let n = 0;
  groups.forEach((g, gi) => {
    const group = document.createElement('div');
    group.setAttribute('role', 'group');
    group.className = 'sr-group';
    const label = document.createElement('div');
    label.className = 'sr-chapter';
    label.id = `sr-g${gi}`;
    label.textContent = g.chapter;
    group.setAttribute('aria-labelledby', label.id);
    group.append(label);
    for (const s of g.sections) {
      const a = document.createElement('a');
      a.href = s.url;
      a.id = `sr-${n++}`;
      a.className = 'sr-item';
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.tabIndex = -1;
      const title = document.createElement('span');
      title.className = 'sr-title';
      title.textContent = s.title;
      a.append(title, excerptSpan(parts.get(s.url) ?? []));
      group.append(a);
    }
    list.append(group);
  });
}

/**
 * ↓/↑ move the active result (aria-activedescendant on the input, which keeps the focus), Enter
 * opens the active one or the first. `reset()` after new results.
 */
export function listNavigation(input: HTMLInputElement, list: HTMLElement): { reset(): void } {
  let active = -1;
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('a[role="option"]')];
  const setActive = (i: number): void => {
    const opts = options();
    active = opts.length ? (i + opts.length) % opts.length : -1;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    const el = opts[active];
    if (el) {
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      const target = options()[Math.max(active, 0)];
      if (target) {
        e.preventDefault();
        target.click();
      }
    }
  });
  return {
    reset() {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    },
  };
}
