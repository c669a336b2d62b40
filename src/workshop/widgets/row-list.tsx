/** @jsxImportSource preact */
/**
 * The list of calls or of faults: one row each, a remove button per row, an add button below,
 * each change announced in words ("Call 5 (A send()) added.") and each problem shown beside its row.
 */
import { LIMITS, type Problem, type WorkshopCall, type WorkshopFault, type WorkshopScenario } from '../model/scenario.ts';
import { callWords, faultWords, newCall, newFault, problemMessage, problemRow, type Strings } from '../model/describe.ts';
import { CallRow, FaultRow, say } from './fields.tsx';
import type { Change } from './settings.tsx';

interface Props {
  id: string;
  S: Strings;
  s: WorkshopScenario;
  change: Change;
  list: 'calls' | 'faults';
  problems: Problem[];
}

/** What differs between the two lists. */
const KIND = {
  calls: { one: 'workshop.call', none: 'workshop.calls.none', add: 'workshop.call.add', prefix: 'c', limit: LIMITS.calls },
  faults: { one: 'workshop.fault', none: 'workshop.faults.none', add: 'workshop.fault.add', prefix: 'f', limit: LIMITS.faults },
} as const;

export function RowList({ id, S, s, change, list, problems }: Props) {
  const k = KIND[list];
  const items: (WorkshopCall | WorkshopFault)[] = s[list];
  const words = (x: WorkshopCall | WorkshopFault, n: number): string =>
    `${say(S, k.one, { n })} (${list === 'calls' ? callWords(S, x as WorkshopCall) : faultWords(S, x as WorkshopFault)})`;
  const set = (next: (WorkshopCall | WorkshopFault)[]) => (w: WorkshopScenario) => ({ ...w, [list]: next });
  const errorOf = (i: number): string | null => {
    const mine = problems.filter((p) => problemRow(p)?.[0] === list && problemRow(p)?.[1] === i);
    return mine.length ? mine.map((p) => problemMessage(S, p)).join(' ') : null;
  };
  const add = (): void => {
    const item = list === 'calls' ? newCall(s) : newFault();
    change((w) => set([...w[list], item])(w), say(S, 'workshop.note.added', { what: words(item, items.length + 1) }));
  };
  return (
    <section class="ws-block" aria-labelledby={`${id}-${list}`}>
      <h2 id={`${id}-${list}`}>{say(S, `workshop.${list}`)}</h2>
      {items.length === 0 ? <p>{say(S, k.none)}</p> : null}
      <ol class="ws-rows">
        {items.map((item, i) => {
          const row = {
            id: `${id}-${k.prefix}${i}`,
            n: i + 1,
            S,
            error: errorOf(i),
            onChange: (next: WorkshopCall | WorkshopFault) => change((w) => set(w[list].map((x, j) => (j === i ? next : x)))(w)),
            onRemove: () => change((w) => set(w[list].filter((_, j) => j !== i))(w), say(S, 'workshop.note.removed', { what: words(item, i + 1) })),
          };
          return list === 'calls' ? <CallRow key={i} {...row} item={item as WorkshopCall} /> : <FaultRow key={i} {...row} item={item as WorkshopFault} />;
        })}
      </ol>
      <button type="button" class="ws-add" disabled={items.length >= k.limit} onClick={add}>
        {say(S, k.add)}
      </button>
    </section>
  );
}
