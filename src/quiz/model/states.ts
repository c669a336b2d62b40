/**
 * TCP state names as readers actually type them. The book teaches RFC 9293 names, but readers
 * meet `ss`, netstat, Linux source and Korean spellings first; an answer should be judged on the
 * state it names, not on punctuation.
 */

import { STATE_NAMES, TCP_STATES } from '../../engine/states.ts';
import type { TcpState } from '../../engine/types.ts';

/** RFC 9293 state names (§3.3.2), the canonical form every spelling is reduced to (the engine's list). */
export const RFC_STATES: readonly TcpState[] = TCP_STATES;

/** One RFC state name; the quiz stores and compares only this form. */
export type RfcState = TcpState;

/**
 * Latin spellings after upper-casing and removing separators, prefixes and the word "state":
 * every tool spelling the engine knows (RFC, Linux, ss, netstat, Windows, BSD), plus `CLOSE`.
 */
const LATIN: Record<string, RfcState> = Object.fromEntries(
  TCP_STATES.flatMap((st) => Object.values(STATE_NAMES[st]).map((name: string) => [squeeze(name), st] as const)),
);

/** Hangul spellings (spaces removed) that Korean developers write for each state. */
const HANGUL: Record<string, RfcState> = {
  리슨: 'LISTEN',
  리스닝: 'LISTEN',
  연결대기: 'LISTEN',
  신센트: 'SYN-SENT',
  씬센트: 'SYN-SENT',
  신리시브드: 'SYN-RECEIVED',
  씬리시브드: 'SYN-RECEIVED',
  신리시브: 'SYN-RECEIVED',
  신알시브이디: 'SYN-RECEIVED',
  에스터블리시드: 'ESTABLISHED',
  이스태블리시드: 'ESTABLISHED',
  에스타블리시드: 'ESTABLISHED',
  연결됨: 'ESTABLISHED',
  연결수립: 'ESTABLISHED',
  연결확립: 'ESTABLISHED',
  핀웨이트1: 'FIN-WAIT-1',
  핀웨잇1: 'FIN-WAIT-1',
  핀웨이트2: 'FIN-WAIT-2',
  핀웨잇2: 'FIN-WAIT-2',
  클로즈웨이트: 'CLOSE-WAIT',
  클로즈웨잇: 'CLOSE-WAIT',
  클로징: 'CLOSING',
  라스트액: 'LAST-ACK',
  라스트에크: 'LAST-ACK',
  라스트애크: 'LAST-ACK',
  타임웨이트: 'TIME-WAIT',
  타임웨잇: 'TIME-WAIT',
  클로즈드: 'CLOSED',
  닫힘: 'CLOSED',
};

/** Misspellings that circulate in study notes; they are not state names, and the reader is told so. */
const KNOWN_TYPOS: Record<string, RfcState> = {
  SYNSEND: 'SYN-SENT',
  SYNRECIEVED: 'SYN-RECEIVED',
  SYNRECIVED: 'SYN-RECEIVED',
  ESTACLISHED: 'ESTABLISHED',
  ESTABLISED: 'ESTABLISHED',
  TIMEWAITE: 'TIME-WAIT',
};

function squeeze(input: string): string {
  return input
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/^TCP[_\s-]*/, '') // TCP_SYN_SENT, TCPS_SYN_SENT is not worth covering
    .replace(/(STATE|상태)$/u, '')
    .replace(/[\s_\-–—.·]+/gu, '');
}

/**
 * Reduces any accepted spelling to the RFC name, or null when it names no state.
 * Readers type `ss` (`ESTAB`, `SYN-RECV`), netstat (`TIME_WAIT`), Linux (`TCP_FIN_WAIT1`)
 * or Korean (`타임 웨이트`) names; all of them are right if they name the right state.
 */
export function normalizeStateName(input: string): RfcState | null {
  const key = squeeze(input);
  if (key === '') return null;
  return LATIN[key] ?? HANGUL[key] ?? null;
}

/**
 * The state a known misspelling was meant to be, so feedback can say "SYN_SEND is not a state
 * name; you mean SYN-SENT" instead of a bare "wrong".
 */
export function typoOf(input: string): RfcState | null {
  return KNOWN_TYPOS[squeeze(input)] ?? null;
}

/** Result of judging a typed state name; `unknown` lets the UI ask for a real state name rather than mark it wrong. */
export type StateVerdict =
  | { kind: 'right'; state: RfcState }
  | { kind: 'wrong'; state: RfcState; expected: RfcState }
  | { kind: 'typo'; meant: RfcState; expected: RfcState }
  | { kind: 'unknown'; expected: RfcState };

/** Judges a typed answer against the expected state, whatever spelling either uses. */
export function checkStateName(input: string, expected: string): StateVerdict {
  const want = normalizeStateName(expected);
  if (!want) throw new Error(`checkStateName: expected value "${expected}" is not a TCP state name`);
  const got = normalizeStateName(input);
  if (got === want) return { kind: 'right', state: got };
  if (got) return { kind: 'wrong', state: got, expected: want };
  const meant = typoOf(input);
  if (meant) return { kind: 'typo', meant, expected: want };
  return { kind: 'unknown', expected: want };
}
