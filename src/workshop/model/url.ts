/**
 * The workshop's scenario in a URL hash, compact and readable by a person:
 *
 *   #w=2;p=linux.windows;lat=10;isn=fixed;seed=1;msl=0;rfc1337=0;loss=0.1;eof=-.0;reply=0.4;
 *    c=B@0:listen,A@1:connect,A@conn+279:close,B@fin+200:abort;f=drop:A:fin:1,delay:B:ack:2:200;h=1a2b3c4d
 *
 * `w` is the format version and always comes first. Pairs are `key=value` joined by `;`; a side's
 * two values are `A.B`; `loss` is `percent.seed`; calls are `side@time:call[:bytes]` (time
 * `conn+N` counts from the moment A's connection opened, `fin+N` from the moment the call's side
 * read the peer's FIN); faults are `kind:side:segment:nth[:ms]`. `h` is the run's fingerprint when
 * the link was made: a later engine that runs the scenario differently says so.
 *
 * decode(encode(s)) equals s for every scenario (tests/workshop/scenario.test.ts). A version this
 * page does not read gets a message saying which version the link has and which the page reads;
 * an older version is upgraded by `UPGRADES`.
 *
 * A later book can add words within a format (the `shutdown` call came after format 2 without a new
 * version), so a word this page does not know, in a place where the format has words (a profile,
 * the ISN mode, a call, a time base, a fault kind or segment), is not "unreadable": the error
 * `newer` names the part and the word, and the page says a newer version of the book made the
 * link. Only what breaks the format's shape is `bad-value`.
 */
import {
  CALL_KINDS,
  PROFILE_NAMES,
  FAULT_KINDS,
  SEGMENT_KINDS,
  WORKSHOP_VERSION,
  type CallKind,
  type FaultKind,
  type SegmentKind,
  type WorkshopCall,
  type WorkshopFault,
  type WorkshopScenario,
} from './scenario.ts';
import type { Side } from '../../engine/types.ts';

/** What went wrong reading a link: the key (or call/fault) and a coded reason. */
export interface DecodeError {
  part: string;
  code: 'no-version' | 'version-newer' | 'version-unknown' | 'missing' | 'bad-value' | 'unknown-key' | 'newer';
  vars: Record<string, string | number>;
}
export const DECODE_TEXT: Record<DecodeError['code'], string> = {
  'no-version': 'this is not a workshop link (it does not start with w=)',
  'version-newer': 'this link uses workshop format {found}, made by a newer version of the book; this page reads format {known} (reload to update the book)',
  'version-unknown': 'this link says workshop format {found}, which never existed; this page reads format {known}',
  missing: '{part}: missing',
  'bad-value': '{part}: cannot read "{value}"',
  'unknown-key': '{part}: unknown key',
  newer: '{part}: "{value}" is from a newer version of the book (reload to update the book)',
};
export function decodeErrorText(e: DecodeError, templates: Record<string, string> = DECODE_TEXT): string {
  const t = templates[e.code] ?? DECODE_TEXT[e.code];
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(k === 'part' ? e.part : (e.vars[k] ?? `{${k}}`)));
}

export type Decoded = { ok: true; scenario: WorkshopScenario; fingerprint: string | null } | { ok: false; error: DecodeError };

/**
 * Older formats, each turned into the next one's key=value pairs, so old links keep opening.
 * Format 2 added the random loss (`loss`), times counted from the peer's FIN (`fin+`) and
 * reordering: a format-1 link has no loss.
 */
const UPGRADES: Record<number, (pairs: Map<string, string>) => Map<string, string>> = {
  1: (pairs) => new Map([...pairs, ['loss', '0.1']]),
};

const pair = (a: string | number, b: string | number): string => `${a}.${b}`;
const BASE_PREFIX = { start: '', connected: 'conn+', fin: 'fin+' } as const satisfies Record<WorkshopCall['after'], string>;
const callText = (c: WorkshopCall): string => `${c.side}@${BASE_PREFIX[c.after]}${c.at}:${c.call}${c.call === 'send' ? `:${c.bytes}` : ''}`;
const faultText = (f: WorkshopFault): string => `${f.kind}:${f.from}:${f.segment}:${f.nth}${f.kind === 'drop' ? '' : `:${f.ms}`}`;

/** The hash (without '#') for a scenario; `fingerprint` of its run when known. */
export function encodeScenario(s: WorkshopScenario, fingerprint?: string | null): string {
  const parts = [
    `w=${s.v}`,
    `p=${pair(s.profile.A, s.profile.B)}`,
    `lat=${s.latencyMs}`,
    `isn=${s.isn}`,
    `seed=${s.seed}`,
    `msl=${s.mslMs}`,
    `rfc1337=${s.rfc1337 ? 1 : 0}`,
    `loss=${pair(s.lossPercent, s.lossSeed)}`,
    `eof=${pair(s.eof.A ?? '-', s.eof.B ?? '-')}`,
    `reply=${pair(s.reply.A, s.reply.B)}`,
    `c=${s.calls.map(callText).join(',')}`,
    `f=${s.faults.map(faultText).join(',')}`,
  ];
  if (fingerprint) parts.push(`h=${fingerprint}`);
  return parts.join(';');
}

const KEYS = ['w', 'p', 'lat', 'isn', 'seed', 'msl', 'rfc1337', 'loss', 'eof', 'reply', 'c', 'f', 'h'];

class Bad extends Error {
  readonly e: DecodeError;
  constructor(e: DecodeError) {
    super(e.code);
    this.e = e;
  }
}
const bad = (part: string, value: string): never => {
  throw new Bad({ part, code: 'bad-value', vars: { value } });
};
const int = (part: string, v: string): number => (/^\d{1,10}$/.test(v) ? Number(v) : bad(part, v));
/** A word of the format: one this page knows, a word it does not (from a newer book), or not a word at all. */
const WORD = /^[a-z][a-z0-9-]{0,31}$/;
const word = <T extends string>(part: string, v: string, allowed: readonly T[]): T => {
  if (allowed.includes(v as T)) return v as T;
  if (WORD.test(v)) throw new Bad({ part, code: 'newer', vars: { value: v } });
  return bad(part, v);
};
const sides = (part: string, v: string): [string, string] => {
  const m = /^([^.]*)\.([^.]*)$/.exec(v);
  return m ? [m[1] as string, m[2] as string] : bad(part, v);
};

/** Time bases by their word in a link (`conn+279`); no word is the start. */
const BASES = { conn: 'connected', fin: 'fin' } as const;

/** `side@[base+]time:call[:args]`; the call and the base are read as words first, so a newer one is named as such. */
function readCall(part: string, text: string): WorkshopCall {
  const m = /^([AB])@(?:([^+:]*)\+)?(\d{1,10}):([^:]*)(?::(.*))?$/.exec(text);
  if (!m) return bad(part, text);
  const after = m[2] === undefined ? 'start' : BASES[word(part, m[2], Object.keys(BASES) as (keyof typeof BASES)[])];
  const call = word<CallKind>(part, m[4] as string, CALL_KINDS);
  if (call === 'send' ? !/^\d{1,10}$/.test(m[5] ?? '') : m[5] !== undefined) bad(part, text);
  return { side: m[1] as Side, call, at: Number(m[3]), after, ...(call === 'send' ? { bytes: Number(m[5]) } : {}) };
}

/** `kind:side:segment:nth[:ms]`; the kind and the segment are read as words first, so a newer one is named as such. */
function readFault(part: string, text: string): WorkshopFault {
  const m = /^([^:]*):([AB]):([^:]*):(\d{1,10})(?::(.*))?$/.exec(text);
  if (!m) return bad(part, text);
  const kind = word<FaultKind>(part, m[1] as string, FAULT_KINDS);
  const segment = word<SegmentKind>(part, m[3] as string, SEGMENT_KINDS);
  if (kind === 'drop' ? m[5] !== undefined : !/^\d{1,10}$/.test(m[5] ?? '')) bad(part, text);
  return { kind, from: m[2] as Side, segment, nth: Number(m[4]), ...(m[5] !== undefined ? { ms: Number(m[5]) } : {}) };
}

const list = <T>(v: string, read: (part: string, t: string) => T, name: string): T[] => (v === '' ? [] : v.split(',').map((t, i) => read(`${name}[${i}]`, t)));

/** Reads a hash (with or without '#'). Values are read, not judged: run validateScenario on the result. */
export function decodeScenario(hash: string): Decoded {
  const text = hash.replace(/^#/, '');
  const first = /^w=(\d{1,6})(?:;|$)/.exec(text);
  if (!first) return { ok: false, error: { part: 'w', code: 'no-version', vars: {} } };
  const found = Number(first[1]);
  // A newer format is said as such before anything else, whatever keys or words it has.
  if (found > WORKSHOP_VERSION) return { ok: false, error: { part: 'w', code: 'version-newer', vars: { found, known: WORKSHOP_VERSION } } };
  let pairs = new Map<string, string>();
  for (const kv of text.split(';')) {
    const i = kv.indexOf('=');
    const key = i < 0 ? kv : kv.slice(0, i);
    if (!KEYS.includes(key)) return { ok: false, error: { part: key, code: 'unknown-key', vars: {} } };
    const raw = i < 0 ? '' : kv.slice(i + 1);
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      return { ok: false, error: { part: key, code: 'bad-value', vars: { value: raw } } };
    }
    pairs.set(key, value);
  }
  for (let v = found; v < WORKSHOP_VERSION; v++) {
    const up = UPGRADES[v];
    if (!up) return { ok: false, error: { part: 'w', code: 'version-unknown', vars: { found, known: WORKSHOP_VERSION } } };
    pairs = up(pairs);
  }
  try {
    const get = (k: string): string => {
      const v = pairs.get(k);
      if (v === undefined) throw new Bad({ part: k, code: 'missing', vars: {} });
      return v;
    };
    const [pa, pb] = sides('p', get('p'));
    const [ea, eb] = sides('eof', get('eof'));
    const [ra, rb] = sides('reply', get('reply'));
    const [lp, ls] = sides('loss', get('loss'));
    const rfc = get('rfc1337');
    const scenario: WorkshopScenario = {
      v: WORKSHOP_VERSION,
      profile: { A: word('p', pa, PROFILE_NAMES), B: word('p', pb, PROFILE_NAMES) },
      latencyMs: int('lat', get('lat')),
      isn: word('isn', get('isn'), ['fixed', 'random'] as const),
      seed: int('seed', get('seed')),
      mslMs: int('msl', get('msl')),
      rfc1337: rfc === '1' ? true : rfc === '0' ? false : bad('rfc1337', rfc),
      lossPercent: int('loss', lp),
      lossSeed: int('loss', ls),
      eof: { A: ea === '-' ? null : int('eof', ea), B: eb === '-' ? null : int('eof', eb) },
      reply: { A: int('reply', ra), B: int('reply', rb) },
      calls: list(get('c'), readCall, 'c'),
      faults: list(get('f'), readFault, 'f'),
    };
    const h = pairs.get('h');
    if (h !== undefined && !/^[0-9a-f]{8}$/.test(h)) bad('h', h);
    return { ok: true, scenario, fingerprint: h ?? null };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.e };
    throw e;
  }
}

/**
 * "Copy as MDX": the `<SequenceLab>` tag that shows this link's run in a chapter (src/workshop/model/mdx.ts
 * runs it at build time). A link never holds `"`, so only the title needs care.
 */
export function mdxTag(link: string, title: string): string {
  return `<SequenceLab workshop="${link.replace(/^#/, '')}" title="${title.replace(/"/g, '”')}" />`;
}
