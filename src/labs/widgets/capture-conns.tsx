/** @jsxImportSource preact */
/** The capture lab's connection list: a search box, one page of connections, previous/next. */
import type { ConnectionPage } from '../view/capture-list.ts';
import { fmt, type Strings } from '../view/explain.ts';

export function ConnectionList({
  list,
  query,
  picked,
  S,
  search,
  pick,
}: {
  list: ConnectionPage;
  query: string;
  picked: number | undefined;
  S: Strings;
  search: (q: string, page: number) => void;
  pick: (index: number) => void;
}) {
  return (
    <>
      <label class="lab-field cap-search">
        {fmt(S, 'labs.cap.search')} <input type="search" value={query} onInput={(e) => search((e.currentTarget as HTMLInputElement).value, 0)} />
      </label>
      <p class="lab-note">{fmt(S, 'labs.cap.page', { page: list.page + 1, pages: list.pages, n: list.matched })}</p>
      {list.items.length === 0 ? <p>{fmt(S, 'labs.cap.none')}</p> : null}
      <ul class="cap-conns" aria-label={fmt(S, 'labs.cap.pick')}>
        {list.items.map((c) => (
          <li key={c.index}>
            <button type="button" aria-pressed={picked === c.index} onClick={() => pick(c.index)}>
              {fmt(S, 'labs.cap.connection', { a: c.a, b: c.b, n: c.segments })}
            </button>
          </li>
        ))}
      </ul>
      <div class="cap-pages">
        <button type="button" disabled={list.page === 0} onClick={() => search(query, list.page - 1)}>
          {fmt(S, 'labs.cap.prev')}
        </button>
        <button type="button" disabled={list.page + 1 >= list.pages} onClick={() => search(query, list.page + 1)}>
          {fmt(S, 'labs.cap.next')}
        </button>
      </div>
    </>
  );
}
