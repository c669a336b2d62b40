// Building blocks: ISN hash, state names, profiles, segment helpers, observe().
import { describe, expect, it } from 'vitest';
import {
  PROFILES,
  PROFILE_SOURCES,
  STATE_NAMES,
  TCP_STATES,
  computeIsn,
  flagList,
  flags,
  fromHex,
  getProfile,
  isTcpState,
  parseStateName,
  runScenario,
  segmentFromJSON,
  segmentToJSON,
  sipHash24,
  toHex,
  wireSegments,
  makeEndpoint,
  step,
  SCENARIO_IDS,
} from '../../src/engine/index.ts';
import { observe } from '../../src/engine/observe.ts';
import { labs as labsEn } from '../../src/i18n/en/labs.ts';
import { labs as labsKo } from '../../src/i18n/ko/labs.ts';

describe('ISN (§3.4.1, RFC 6528)', () => {
  it('SipHash-2-4 gives the reference test vectors', () => {
    const k0 = 0x0706050403020100n;
    const k1 = 0x0f0e0d0c0b0a0908n;
    expect(sipHash24(k0, k1, new Uint8Array(0)).toString(16)).toBe('726fdb47dd0e0e31');
    expect(
      sipHash24(
        k0,
        k1,
        Uint8Array.from({ length: 15 }, (_, i) => i),
      ).toString(16),
    ).toBe('a129ca6149be45e5');
  });

  const a = { ip: '10.0.0.1', port: 50000 };
  const b = { ip: '10.0.0.2', port: 80 };
  const src = { kind: 'rfc6528', key: 42 } as const;

  it('grows with the 4 µs clock for the same 4-tuple (250 ticks per ms)', () => {
    expect((computeIsn(src, a, b, 1000) - computeIsn(src, a, b, 0) + 2 ** 32) % 2 ** 32).toBe(250_000);
  });

  it('differs between 4-tuples and between keys, so it cannot be guessed from outside', () => {
    expect(computeIsn(src, a, b, 0)).not.toBe(computeIsn(src, a, { ...b, port: 81 }, 0));
    expect(computeIsn(src, a, b, 0)).not.toBe(computeIsn({ kind: 'rfc6528', key: 43 }, a, b, 0));
  });

  it('a fixed source always gives its value', () => {
    expect(computeIsn({ kind: 'fixed', value: 1000 }, a, b, 123456)).toBe(1000);
  });
});

describe('state names', () => {
  it('eleven states, RFC order, every tool spelling parses back', () => {
    expect(TCP_STATES).toHaveLength(11);
    for (const s of TCP_STATES) {
      const n = STATE_NAMES[s];
      for (const v of [n.rfc, n.linux, n.ss, n.netstat, n.windows, n.bsd, n.ss.toLowerCase()]) expect(parseStateName(v)).toBe(s);
    }
  });

  it("known spellings of the study notes' typos are not states", () => {
    for (const typo of ['SYN_SEND', 'SYN_RECIEVED', 'ESTACLISHED']) {
      expect(parseStateName(typo)).toBeNull();
      expect(isTcpState(typo)).toBe(false);
    }
    expect(STATE_NAMES['SYN-RECEIVED'].ss).toBe('SYN-RECV');
    expect(STATE_NAMES.ESTABLISHED.ss).toBe('ESTAB');
    expect(STATE_NAMES['TIME-WAIT'].netstat).toBe('TIME_WAIT');
  });
});

describe('profiles', () => {
  it('TIME-WAIT lengths and their sources', () => {
    expect([PROFILES.rfc.timeWaitMs, PROFILES.linux.timeWaitMs, PROFILES.windows.timeWaitMs, PROFILES.macos.timeWaitMs]).toEqual([
      240_000, 60_000, 120_000, 30_000,
    ]);
    expect(PROFILES.rfc.timeWaitMs).toBe(2 * PROFILES.rfc.mslMs);
    expect(PROFILES.macos.mslMs).toBe(15_000);
    for (const name of Object.keys(PROFILES) as (keyof typeof PROFILES)[]) expect(PROFILE_SOURCES[name].length).toBeGreaterThan(0);
    expect(getProfile('linux', { mslMs: 1000 }).timeWaitMs).toBe(2000);
  });
});

describe('segments and reasons', () => {
  it('JSON form round-trips payload bytes as hex', () => {
    const ws = wireSegments(runScenario('normal-open'));
    for (const w of ws) expect(segmentFromJSON(segmentToJSON(w.segment))).toEqual(w.segment);
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('0g')).toThrow(/offset 1/);
    expect(flagList(flags('PSH', 'SYN', 'ACK'))).toEqual(['SYN', 'ACK', 'PSH']);
  });

  it('every reason code that a scenario produces has a ko and an en sentence (labs.reason.* in src/i18n)', () => {
    for (const id of SCENARIO_IDS) {
      for (const e of runScenario(id).events) {
        if (!e.reason) continue;
        const key = `labs.reason.${e.reason}` as const;
        expect(labsEn[key], key).toMatch(/[A-Za-z]/);
        expect(labsKo[key], key).toMatch(/[가-힣]/);
      }
    }
  });

  it('a stale timer input changes nothing', () => {
    const ep = makeEndpoint('A', { ip: '10.0.0.1', port: 1 });
    const r = step(ep, { kind: 'timer', timer: 'retransmit' }, { now: 5 });
    expect(r.endpoint).toEqual(ep);
    expect(r.effects.map((e) => e.kind)).toEqual(['log']);
  });
});

describe('observe (state inference for captures)', () => {
  const replay = (id: string) => {
    const ws = wireSegments(runScenario(id)).filter((w) => !w.dropped && !w.origin);
    return observe(ws.map((w) => ({ t: w.t, from: w.from, segment: w.segment })));
  };

  it('close-3-segment: A ends TIME-WAIT, B CLOSED; the server is SYN-RECEIVED after the SYN', () => {
    const steps = replay('close-3-segment');
    expect(steps[0]).toMatchObject({ stateA: 'SYN-SENT', stateB: 'SYN-RECEIVED' });
    expect(steps[2]).toMatchObject({ stateA: 'ESTABLISHED', stateB: 'ESTABLISHED' });
    expect(steps.at(-1)).toMatchObject({ stateA: 'TIME-WAIT', stateB: 'CLOSED' });
  });

  it('simultaneous-close: crossing FINs give CLOSING then TIME-WAIT on both sides', () => {
    const steps = replay('simultaneous-close');
    expect(steps.some((s) => s.stateA === 'CLOSING' && s.stateB === 'CLOSING')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ stateA: 'TIME-WAIT', stateB: 'TIME-WAIT' });
  });

  it('closed-port-rst: the refused client ends CLOSED and the server never had a record', () => {
    expect(replay('closed-port-rst').map((s) => [s.stateA, s.stateB])).toEqual([
      ['SYN-SENT', 'CLOSED'],
      ['CLOSED', 'CLOSED'],
    ]);
  });

  it('a capture that starts mid-connection starts ESTABLISHED and says so', () => {
    const ws = wireSegments(runScenario('close-4-segment')).filter((w) => !w.dropped);
    const steps = observe(ws.slice(7).map((w) => ({ t: w.t, from: w.from, segment: w.segment })));
    expect(steps[0]?.notes.join(' ')).toMatch(/mid-connection/);
    expect(steps.at(-1)).toMatchObject({ stateA: 'TIME-WAIT', stateB: 'CLOSED' });
  });

  it('an empty capture gives no steps', () => {
    expect(observe([])).toEqual([]);
  });
});
