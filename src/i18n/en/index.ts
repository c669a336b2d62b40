import { chrome } from './chrome';
import { quiz } from './quiz';
import { labs } from './labs';
import { glossary } from './glossary';
import { workshop } from './workshop';

/**
 * The source dictionary. Each feature owns one namespace file beside this one (chrome, labs, quiz…);
 * add a namespace here and in ../ko/index.ts.
 */
export const en = {
  ...chrome,
  ...quiz,
  ...labs,
  ...glossary,
  ...workshop,
} as const;

/** Every UI key the book knows. */
export type UiKey = keyof typeof en;
