/**
 * The search dialog's results, loaded only when the reader opens search (chrome.ts imports this
 * module then; nothing of it is on a page before). Uses pagefind's JS API (`pagefind/pagefind.js`
 * of the build, one index per language, read from `<html lang>`) on records that are sections of
 * chapters (scripts/build.ts, src/search/sections.ts), and draws the results itself: grouped by
 * chapter, each chapter's best sections first, excerpts cut from the section's own text.
 *
 * Keyboard: the input is a combobox over a listbox of result links. ↓/↑ move through results,
 * Enter opens the active one (or the first), Esc closes the dialog (the dialog's own behaviour).
 * The count is announced in a polite live region.
 */
import { glossary } from '../../data/glossary.ts';
import type { Locale } from '../../i18n/locales.ts';
import { aliasTable } from '../aliases.ts';
import {
  bestOf,
  chapterBoost,
  combine,
  excerpt,
  fallbacks,
  groupByChapter,
  prepareQuery,
  type AliasTable,
  type QueryUnit,
  type Scores,
  type SectionHit,
} from '../query.ts';
import { fill, type SearchStrings } from '../search-strings.ts';
import { listNavigation, renderResults } from './results-view.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

/** How many sections get their text fetched and shown. */
const SHOWN = 9;
/** How many of the best sections are fetched to be re-ranked by the chapters that explain a term. */
const FETCHED = 20;

export interface SearchUi {
  /** Runs a query now (what the reader typed before the code loaded). */
  run(query: string): Promise<void>;
}

export async function mountSearch(dialog: HTMLDialogElement, input: HTMLInputElement): Promise<SearchUi> {
  const base = import.meta.env.BASE_URL;
  const lang = (document.documentElement.lang || 'en') as Locale;
  const strings = JSON.parse(dialog.dataset.strings ?? '{}') as SearchStrings;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.init();
  const aliases: AliasTable = aliasTable(glossary, lang);
  const cache = new Map<string, Promise<Map<string, number>>>();
  const records = new Map<string, PagefindResult>();
  let seq = 0;
  const nav = listNavigation(input, list);

  /** Record scores for one string, remembered for the dialog's lifetime. */
  function scores(term: string): Promise<Map<string, number>> {
    let p = cache.get(term.toLowerCase());
    if (!p) {
      p = pagefind.search(term).then(({ results }) => {
        for (const r of results) records.set(r.id, r);
        return new Map(results.map((r) => [r.id, r.score]));
      });
      cache.set(term.toLowerCase(), p);
    }
    return p;
  }

  /** The best scores of a unit's alternatives; a Korean word with no match is retried shorter. */
  async function unitScores(unit: QueryUnit): Promise<{ scores: Scores; stems: string[]; shortened?: boolean }> {
    const found = await Promise.all(unit.alternatives.map(scores));
    const best = bestOf(found, unit.typed);
    const stems = unit.alternatives.filter((_, i) => found[i]!.size > 0);
    if (best.size) return { scores: best, stems };
    for (const shorter of unit.alternatives.flatMap(fallbacks)) {
      const s = await scores(shorter);
      if (s.size) return { scores: s, stems: [shorter], shortened: true };
    }
    return { scores: new Map(), stems: [] };
  }

  const fragments = new Map<string, ReturnType<PagefindResult['data']>>();
  /** A section's text and meta, fetched once. */
  function dataOf(id: string): ReturnType<PagefindResult['data']> {
    let d = fragments.get(id);
    if (!d) fragments.set(id, (d = records.get(id)!.data()));
    return d;
  }

  async function run(query: string): Promise<void> {
    const mine = ++seq;
    const units = prepareQuery(query, lang, aliases);
    if (!units.length) {
      list.replaceChildren();
      status.textContent = '';
      status.dataset.query = query;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    const perUnit = await Promise.all(units.map(unitScores));
    if (mine !== seq) return;
    const ranked = combine(
      perUnit.map((u) => u.scores),
      perUnit.map((u) => u.shortened === true),
    ).slice(0, FETCHED);
    const stems = perUnit.flatMap((u) => u.stems);
    const data = await Promise.all(ranked.map((r) => dataOf(r.id)));
    if (mine !== seq) return;
    const scored = data
      .map((d, i) => ({
        d,
        hit: {
          url: d.url,
          title: d.meta.title ?? d.url,
          chapter: d.meta.chapter ?? '',
          score: ranked[i]!.score * chapterBoost(d.url, units, ranked[i]!.matched),
        },
      }))
      .sort((a, b) => b.hit.score - a.hit.score)
      .slice(0, SHOWN);
    const hits: SectionHit[] = scored.map((x) => x.hit);
    // pagefind's text of a section starts with its heading, which the result already shows.
    const prose = (d: { content: string; meta: Record<string, string> }) => {
      const title = d.meta.title ?? '';
      return title && d.content.startsWith(title) ? d.content.slice(title.length).replace(/^[.\s]+/, '') : d.content;
    };
    const parts = new Map(scored.map(({ d }) => [d.url, excerpt(prose(d), stems)]));
    const groups = groupByChapter(hits);
    renderResults(list, groups, parts);
    input.setAttribute('aria-expanded', String(hits.length > 0));
    nav.reset();
    const matched = units.filter((_, i) => perUnit[i]!.stems.length).map((u) => u.typed);
    const missing = units.filter((_, i) => !perUnit[i]!.stems.length).map((u) => u.typed);
    const lines = [
      hits.length ? fill(strings.count, { sections: hits.length, chapters: groups.length }) : fill(strings.none, { query }),
      ...(missing.length && matched.length ? [fill(strings.matched, { words: matched.join(', ') }), fill(strings.missing, { words: missing.join(', ') })] : []),
    ];
    status.textContent = lines.join(' · ');
    status.dataset.query = query; // which query the results on screen answer (tests wait on it)
  }

  // A listbox of result links, set here rather than in the markup: it is one only once search runs.
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', list.dataset.label ?? '');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.addEventListener('input', () => void run(input.value));
  // A result on the page being read only moves to its section: close the dialog so it shows.
  list.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) dialog.close();
  });
  return { run };
}
