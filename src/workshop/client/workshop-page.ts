/**
 * Makes the workshop page's server-rendered builder interactive: its props come from the JSON
 * beside it (the same pattern as the labs' LabRoot.astro), Preact hydrates the markup.
 */
import { h, hydrate } from 'preact';
import Workshop, { type WorkshopProps } from '../widgets/workshop.tsx';

export function startWorkshop(): void {
  const root = document.querySelector('[data-workshop-root]');
  const json = document.querySelector('script[data-workshop-props]')?.textContent;
  if (!root || !json) return;
  hydrate(h(Workshop, JSON.parse(json) as WorkshopProps), root);
  root.setAttribute('data-workshop-awake', '');
}
