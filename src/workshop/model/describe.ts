/**
 * Words for the workshop page: a problem's part as the page names it ("Call 3" for `calls[2].at`),
 * problems and link errors in the page's language, and a run's one-line summary. Pure: strings in,
 * strings out.
 */
import { fill } from '../../i18n/fill.ts';
import type { TcpState } from '../../engine/types.ts';
import type { Problem, WorkshopCall, WorkshopFault, WorkshopScenario } from './scenario.ts';
import type { DecodeError } from './url.ts';

export type Strings = Readonly<Record<string, string>>;
const say = (S: Strings, key: string, vars?: Record<string, string | number>): string => fill(S[key] ?? key, vars);

/** "Call 3" for calls[2] and anything under it, "Fault 1", or the field's own label. */
export function partLabel(S: Strings, part: string): string {
  const m = /^(calls|faults)\[(\d+)\]/.exec(part);
  if (m) return say(S, m[1] === 'calls' ? 'workshop.call' : 'workshop.fault', { n: Number(m[2]) + 1 });
  const root = part.split('.')[0] as string;
  return S[`workshop.part.${root}`] ?? part;
}

/** Which row a problem belongs to, to show it beside that row: ['calls', 2], or null. */
export function problemRow(p: Problem): ['calls' | 'faults', number] | null {
  const m = /^(calls|faults)\[(\d+)\]/.exec(p.part);
  return m ? [m[1] as 'calls' | 'faults', Number(m[2])] : null;
}

export const problemMessage = (S: Strings, p: Problem): string => say(S, `workshop.err.${p.code}`, { ...p.vars, part: partLabel(S, p.part) });
/** A link's keys by the scenario part they hold, so a link's part is named as the page names it. */
const LINK_PARTS: Record<string, string> = { c: 'calls', f: 'faults', p: 'profile', lat: 'latencyMs', seed: 'seed', msl: 'mslMs', loss: 'lossPercent' };

/** A link's part as the page names it, with the link's own name: "Call 4 (c[3])", "Latency (lat)", or just "isn". */
export function linkPartLabel(S: Strings, part: string): string {
  const m = /^([a-z0-9]+)(\[\d+\])?$/.exec(part);
  const key = m ? LINK_PARTS[m[1] as string] : undefined;
  const label = key ? partLabel(S, `${key}${m?.[2] ?? ''}`) : part;
  return label === part ? part : `${label} (${part})`;
}

export const decodeMessage = (S: Strings, e: DecodeError): string => say(S, `workshop.url.${e.code}`, { ...e.vars, part: linkPartLabel(S, e.part) });

/** A call in words: "A close() / shutdown(SHUT_WR)". */
export const callWords = (S: Strings, c: WorkshopCall): string => `${c.side} ${say(S, `workshop.call.${c.call}`)}`;
export const faultWords = (S: Strings, f: WorkshopFault): string => `${f.from} ${say(S, `workshop.seg.${f.segment}`)} ${say(S, `workshop.fault.${f.kind}`)}`;

/** "12 segments on the wire, 1 lost. At the end A is in TIME-WAIT and B in CLOSED." */
export function runSummary(S: Strings, r: { segments: number; lost: number; final: { A: TcpState; B: TcpState } }): string {
  return say(S, 'workshop.run.summary', { n: r.segments, lost: r.lost, a: r.final.A, b: r.final.B });
}

/** What "Add a call" adds: A sends 100 bytes 50 ms after its connection opens, or a listen() when nothing opens yet. */
export function newCall(s: WorkshopScenario): WorkshopCall {
  if (!s.calls.some((c) => c.call === 'listen' || c.call === 'connect')) return { side: 'B', call: 'listen', at: 0, after: 'start' };
  return { side: 'A', call: 'send', at: 50, after: 'connected', bytes: 100 };
}

/** What "Add a fault" adds: A's first FIN is lost. */
export const newFault = (): WorkshopFault => ({ kind: 'drop', from: 'A', segment: 'fin', nth: 1 });
