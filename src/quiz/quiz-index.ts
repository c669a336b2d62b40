/**
 * Build-time index of the book's quizzes, read from the chapters' MDX with the quiz lint's extractor
 * (and so with the one MDX-source reader, content-checks/mdx-source.ts): the sidebar totals and the review page's question list can then never
 * disagree with what the chapters contain.
 */
import { getCollection } from 'astro:content';
import { extractQuizzes } from '../content-checks/quiz';
import { propText } from '../content-checks/mdx-source';
import type { Locale } from '../i18n';
import { SCENARIO_TEXT } from '../engine/index.ts';
import type { ScenarioId } from '../engine/types';

/** One quiz as the review page lists it. */
export interface QuizEntry {
  id: string;
  slug: string;
  chapterTitle: string;
  order: number;
  /** the question (or, for SpotError, the claim); for PredictNumbers, which asks no question in
   *  words, the title of its scenario (the review page shows it after the kind, so it must not be
   *  the kind again) */
  text: string | null;
  kind: string;
}

/** Every quiz of one language, in book order. */
export async function quizIndex(lang: Locale): Promise<QuizEntry[]> {
  const entries = await getCollection('chapters', (e) => e.id.startsWith(`${lang}/`));
  entries.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  const out: QuizEntry[] = [];
  for (const e of entries) {
    const slug = e.id.slice(lang.length + 1);
    for (const q of extractQuizzes(`content/${e.id}.mdx`, e.body ?? '').quizzes) {
      const id = propText(q.props.id);
      if (!id) continue;
      const scenario = propText(q.props.scenario) as ScenarioId | null;
      const text = propText(q.props.question) ?? propText(q.props.claim) ?? (scenario && SCENARIO_TEXT[scenario] ? SCENARIO_TEXT[scenario].title[lang] : null);
      out.push({ id, slug, chapterTitle: e.data.title, order: e.data.order, text, kind: q.tag });
    }
  }
  return out;
}

/** Number of quizzes per chapter slug, for the sidebar score. */
export function totalsBySlug(index: readonly QuizEntry[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const q of index) t[q.slug] = (t[q.slug] ?? 0) + 1;
  return t;
}
