/**
 * Words for the labs: the one sentence under the diagram that says what a step did and why,
 * with its RFC section. Islands get their strings as a plain object (only the page's language,
 * only the keys they use), so no dictionary ships in the JavaScript.
 */
import { flagNotation } from '../../engine/segment.ts';
import { fill } from '../../i18n/fill.ts';
import type { LabView, ViewStep } from './trace-view.ts';

/** The strings an island received, keyed like the dictionaries (`labs.…`). */
export type Strings = Readonly<Record<string, string>>;

/** Looks up `key` and fills `{name}` placeholders; a missing key shows the key itself, which a test catches. */
export function fmt(strings: Strings, key: string, vars?: Record<string, string | number>): string {
  const text = strings[key] ?? key;
  return vars ? fill(text, vars) : text;
}

/** Keeps only the keys an island needs, so its props stay small. */
export function pickStrings(all: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) if (prefixes.some((p) => k.startsWith(p))) out[k] = v;
  return out;
}

/** "(RFC 9293 §3.10.7.3)" for a bare section, the text as given for another document (e.g. "RFC 5961 §4"). */
export function citation(strings: Strings, rfc: string | null): string {
  if (!rfc) return '';
  const bare = rfc
    .replace(/^RFC\s*9293\s*/i, '')
    .replace(/^§\s*/, '')
    .trim();
  if (/^\d+(\.\d+)*$/.test(bare)) return fmt(strings, 'labs.cite', { section: bare });
  return fmt(strings, 'labs.cite.other', { section: rfc.trim() });
}

/** A segment as a sentence names it: "SYN, ACK (#2)". */
export function segmentName(view: LabView, id: number | null): string {
  const s = view.segments.find((x) => x.id === id);
  if (!s) return id === null ? '?' : `#${id}`;
  return `${flagNotation(s.flags)} (#${s.id})`;
}

/**
 * What happened in a step, then why, then the section of RFC 9293 that says so. The "why"
 * comes from the engine's reason code for the step's first state change (or its first
 * decision); a step without one still gets its "what".
 */
export function stepSentence(strings: Strings, view: LabView, step: ViewStep): string {
  const side = fmt(strings, `labs.side.${step.side}`);
  if (step.kind === 'start') {
    // A replayed capture may start with the server already listening.
    const a = step.A.state;
    const b = step.B.state;
    return fmt(strings, a === b ? 'labs.what.start' : 'labs.what.startEach', { a: a ?? '?', b: b ?? '?' });
  }
  // `labs.what.<kind>`: each string uses the words it needs of these.
  const what = fmt(strings, `labs.what.${step.kind}`, {
    side,
    call: step.call ?? '?',
    seg: segmentName(view, step.segment),
    timer: fmt(strings, `labs.timer.${step.timer ?? 'retransmit'}`),
  });
  if (!step.reason) return what;
  const why = capitalize(fmt(strings, `labs.reason.${step.reason}`, { side }));
  const cite = citation(strings, step.rfc);
  // A user call or a timer is named by its own reason ("the client opens actively…"); saying it twice reads badly.
  const both = step.kind === 'user' || step.kind === 'timer' ? why : `${what} ${why}`;
  return `${both}${cite ? ` ${cite}` : ''}`;
}

/** Sentences start with a capital even when they open with "{side}" ("the server …"). */
function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Virtual milliseconds as a reader reads them: "0 ms", "1.02 s", "60 s". */
export function formatTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms * 10) / 10} ms`;
  const s = ms / 1000;
  return `${s >= 100 ? Math.round(s) : Math.round(s * 100) / 100} s`;
}
