/**
 * The workshop's scenario as a JSON file (export and import). The file is the scenario object of
 * scenario.ts with a `format` tag; `v` is the same format version as the URL's `w`:
 *
 *   { "format": "tcp-book-workshop", "v": 2, "profile": { "A": "linux", "B": "linux" },
 *     "latencyMs": 10, "isn": "fixed", "seed": 1, "mslMs": 0, "rfc1337": false, "lossPercent": 0, "lossSeed": 1,
 *     "eof": { "A": null, "B": 0 }, "reply": { "A": 0, "B": 4 },
 *     "calls": [{ "side": "B", "call": "listen", "at": 0, "after": "start" }, …],
 *     "faults": [{ "kind": "drop", "from": "A", "segment": "fin", "nth": 1 }] }
 *
 * `docs/WORKSHOP.md` documents every field. Import reads the values only; validateScenario judges them.
 * A version-1 file (before the random loss) is read as version 2 with no loss.
 */
import { WORKSHOP_VERSION, type WorkshopScenario } from './scenario.ts';

export const JSON_FORMAT = 'tcp-book-workshop';

/** Older file versions as the current one: format 1 had no random loss. */
const UPGRADES: Record<number, (o: Record<string, unknown>) => Record<string, unknown>> = {
  1: (o) => ({ ...o, v: WORKSHOP_VERSION, lossPercent: 0, lossSeed: 1 }),
};

export function scenarioToJson(s: WorkshopScenario): string {
  return `${JSON.stringify({ format: JSON_FORMAT, ...s }, null, 2)}\n`;
}

/** A scenario from a file's text, or why not (in English; the page shows its own sentence for each code). */
export function scenarioFromJson(
  text: string,
): { ok: true; scenario: WorkshopScenario } | { ok: false; code: 'not-json' | 'not-workshop' | 'version'; detail: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  const o = data as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || o.format !== JSON_FORMAT) return { ok: false, code: 'not-workshop', detail: `"format" is not "${JSON_FORMAT}"` };
  const up = typeof o.v === 'number' ? UPGRADES[o.v] : undefined;
  if (o.v !== WORKSHOP_VERSION && !up) return { ok: false, code: 'version', detail: `"v" is ${JSON.stringify(o.v)}; this page reads ${WORKSHOP_VERSION}` };
  const { format: _format, ...scenario } = up ? up(o) : o;
  return { ok: true, scenario: scenario as unknown as WorkshopScenario };
}
