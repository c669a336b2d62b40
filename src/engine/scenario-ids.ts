/**
 * Scenario ids without the scenarios, for code that checks or lists ids without running them (the
 * README's kernel-coverage block, the scenario list itself). In the browser the ids ride with the
 * scenario list, which a lab loads only when a link names another scenario
 * (src/labs/view/engine-adapter.ts).
 */
import type { ScenarioId } from './types.ts';

/** The ids fixed in ARCHITECTURE.md, in the book's order. */
export const SCENARIO_IDS: readonly ScenarioId[] = [
  'normal-open',
  'data-on-third',
  'lost-syn',
  'syn-timeout',
  'lost-syn-ack',
  'lost-third-ack',
  'simultaneous-open',
  'closed-port-rst',
  'close-4-segment',
  'close-3-segment',
  'server-closes-first',
  'simultaneous-close',
  'lost-fin',
  'lost-final-ack',
  'half-close',
  'time-wait-too-short',
  'rst-in-time-wait',
  'rst-in-time-wait-rfc1337',
  'syn-flood',
  'syn-flood-cookies',
  'old-duplicate-syn',
  'accept-queue-full',
  'half-open-discovery',
  'time-wait-reopen',
  'linger-abort',
];

/** True when `s` is a built-in scenario id (for validating MDX props and CLI arguments). */
export function isScenarioId(s: string): s is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(s);
}
