import type { UiKey } from '../en';
import { chrome } from './chrome';
import { quiz } from './quiz';
import { labs } from './labs';
import { glossary } from './glossary';
import { workshop } from './workshop';

/** Korean dictionary; the annotation makes a missing key a type error. */
export const ko: Record<UiKey, string> = {
  ...chrome,
  ...quiz,
  ...labs,
  ...glossary,
  ...workshop,
};
