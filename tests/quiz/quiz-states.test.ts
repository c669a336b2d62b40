import { describe, expect, it } from 'vitest';
import { RFC_STATES, checkStateName, normalizeStateName, typoOf } from '../../src/quiz/model/states';

describe('normalizeStateName', () => {
  it('accepts every RFC name as written in RFC 9293', () => {
    for (const s of RFC_STATES) expect(normalizeStateName(s)).toBe(s);
  });
  it.each([
    ['SYN_SENT', 'SYN-SENT'], // netstat
    ['syn-recv', 'SYN-RECEIVED'], // ss
    ['SYN_RECV', 'SYN-RECEIVED'], // netstat on Linux
    ['ESTAB', 'ESTABLISHED'], // ss
    ['TCP_FIN_WAIT1', 'FIN-WAIT-1'], // Linux tcp_states.h
    ['TCP_CLOSE', 'CLOSED'],
    ['  time_wait ', 'TIME-WAIT'],
    ['Time Wait', 'TIME-WAIT'],
    ['TIME-WAIT state', 'TIME-WAIT'],
    ['ＴＩＭＥ＿ＷＡＩＴ', 'TIME-WAIT'], // full-width, as a Korean IME may type it
    ['타임 웨이트', 'TIME-WAIT'],
    ['클로즈웨이트 상태', 'CLOSE-WAIT'],
    ['라스트 액', 'LAST-ACK'],
    ['핀 웨이트 2', 'FIN-WAIT-2'],
    ['연결 확립', 'ESTABLISHED'],
    ['LAST_ACK', 'LAST-ACK'],
  ])('%s → %s', (input, want) => {
    expect(normalizeStateName(input)).toBe(want);
  });
  it('rejects non-states and the notes’ typos', () => {
    for (const s of ['', 'WAIT', 'SYN', 'SYN_SEND', 'SYN_RECIEVED', 'ESTACLISHED', 'FIN-WAIT-3']) {
      expect(normalizeStateName(s), s).toBeNull();
    }
  });
  it('recognises the typos so feedback can name the meant state', () => {
    expect(typoOf('SYN_SEND')).toBe('SYN-SENT');
    expect(typoOf('syn_recieved')).toBe('SYN-RECEIVED');
    expect(typoOf('ESTABLISHED')).toBeNull();
  });
});

describe('checkStateName', () => {
  it('is right for any spelling of the expected state', () => {
    expect(checkStateName('syn_recv', 'SYN-RECEIVED')).toEqual({ kind: 'right', state: 'SYN-RECEIVED' });
  });
  it('is wrong, naming both states, for another state', () => {
    expect(checkStateName('LISTEN', 'SYN_RECV')).toEqual({ kind: 'wrong', state: 'LISTEN', expected: 'SYN-RECEIVED' });
  });
  it('separates typos and unknown words from wrong states', () => {
    expect(checkStateName('SYN_SEND', 'SYN-SENT').kind).toBe('typo');
    expect(checkStateName('banana', 'SYN-SENT').kind).toBe('unknown');
  });
  it('throws on a bad expected value, which is an authoring bug', () => {
    expect(() => checkStateName('LISTEN', 'NOPE')).toThrow(/NOPE/);
  });
});
