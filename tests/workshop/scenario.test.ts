import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS, runScenario, wireSegments } from '../../src/engine/index.ts';
import {
  CALL_KINDS,
  FAULT_KINDS,
  LIMITS,
  PROFILE_NAMES,
  SEGMENT_KINDS,
  TIME_BASES,
  WORKSHOP_VERSION,
  emptyScenario,
  problemText,
  validateScenario,
  type WorkshopScenario,
} from '../../src/workshop/model/scenario.ts';
import { decodeErrorText, decodeScenario, encodeScenario } from '../../src/workshop/model/url.ts';
import { decodeMessage } from '../../src/workshop/model/describe.ts';
import { runWorkshop, runWorkshopInSlices } from '../../src/workshop/model/run.ts';
import { fromChapter } from '../../src/workshop/model/from-chapter.ts';
import { scenarioFromJson, scenarioToJson } from '../../src/workshop/model/json.ts';

/** Any scenario the builder's controls can produce (every select value, numbers within the inputs' limits). */
const side = fc.constantFrom('A' as const, 'B' as const);
const call = fc
  .record({
    side,
    call: fc.constantFrom(...CALL_KINDS),
    at: fc.integer({ min: 0, max: 3000 }),
    after: fc.constantFrom(...TIME_BASES),
    bytes: fc.integer({ min: 1, max: 3000 }),
  })
  .map((c) => {
    const { bytes, ...rest } = c;
    return c.call === 'send' ? { ...rest, bytes } : rest;
  });
const fault = fc
  .record({
    kind: fc.constantFrom(...FAULT_KINDS),
    from: side,
    segment: fc.constantFrom(...SEGMENT_KINDS),
    nth: fc.integer({ min: 0, max: 4 }),
    ms: fc.integer({ min: 1, max: 2000 }),
  })
  .map((f) => {
    const { ms, ...rest } = f;
    return f.kind === 'drop' ? rest : { ...rest, ms };
  });
const scenario: fc.Arbitrary<WorkshopScenario> = fc.record({
  v: fc.constant(WORKSHOP_VERSION),
  profile: fc.record({ A: fc.constantFrom(...PROFILE_NAMES), B: fc.constantFrom(...PROFILE_NAMES) }),
  latencyMs: fc.integer({ min: 1, max: 200 }),
  isn: fc.constantFrom('fixed' as const, 'random' as const),
  seed: fc.integer({ min: 0, max: LIMITS.seed }),
  mslMs: fc.constantFrom(0, 1000, 15000, 30000),
  rfc1337: fc.boolean(),
  lossPercent: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: LIMITS.lossPercent })),
  lossSeed: fc.integer({ min: 0, max: LIMITS.seed }),
  eof: fc.record({ A: fc.option(fc.integer({ min: 0, max: 500 })), B: fc.option(fc.integer({ min: 0, max: 500 })) }),
  reply: fc.record({ A: fc.integer({ min: 0, max: 100 }), B: fc.integer({ min: 0, max: 100 }) }),
  calls: fc.array(call, { maxLength: 8 }),
  faults: fc.array(fault, { maxLength: 4 }),
});

describe('workshop URL', () => {
  it('decode(encode(s)) is s, for random scenarios', () => {
    fc.assert(
      fc.property(scenario, fc.option(fc.stringMatching(/^[0-9a-f]{8}$/)), (s, h) => {
        const d = decodeScenario(encodeScenario(s, h));
        expect(d).toEqual({ ok: true, scenario: s, fingerprint: h ?? null });
      }),
      { numRuns: 300 },
    );
  });

  it('reads the example link of its documentation', () => {
    const d = decodeScenario(
      '#w=2;p=linux.windows;lat=10;isn=fixed;seed=1;msl=0;rfc1337=0;loss=5.42;eof=-.0;reply=0.4;c=B@0:listen,A@1:connect,A@conn+279:close,B@fin+200:abort;f=drop:A:fin:1,reorder:B:ack:2:200;h=1a2b3c4d',
    );
    expect(d.ok && d.scenario.calls[3]).toEqual({ side: 'B', call: 'abort', at: 200, after: 'fin' });
    expect(d.ok && d.scenario.faults[1]).toEqual({ kind: 'reorder', from: 'B', segment: 'ack', nth: 2, ms: 200 });
    expect(d.ok && [d.scenario.lossPercent, d.scenario.lossSeed]).toEqual([5, 42]);
  });

  it('still reads format-1 links (made before random loss, fin+ times and reordering) as the same scenario with no loss', () => {
    // A link as the format-1 page wrote it (the documentation's example of format 1).
    const old = decodeScenario(
      '#w=1;p=linux.windows;lat=10;isn=fixed;seed=1;msl=0;rfc1337=0;eof=-.0;reply=0.4;c=B@0:listen,A@1:connect,A@conn+279:close;f=drop:A:fin:1,delay:B:ack:2:200;h=1a2b3c4d',
    );
    expect(old.ok && old.scenario).toMatchObject({ v: 2, lossPercent: 0, lossSeed: 1, profile: { A: 'linux', B: 'windows' } });
    expect(old.ok && old.scenario.calls[2]).toEqual({ side: 'A', call: 'close', at: 279, after: 'connected' });
    expect(old.ok && old.fingerprint).toBe('1a2b3c4d');
    // Any scenario format 1 could hold, written as format 1 wrote it, reads back as itself.
    const v1 = scenario.map((s) => ({
      ...s,
      lossPercent: 0,
      lossSeed: 1,
      calls: s.calls.filter((c) => c.after !== 'fin'),
      faults: s.faults.filter((f) => f.kind !== 'reorder'),
    }));
    fc.assert(
      fc.property(v1, (s) => {
        const format1 = encodeScenario(s).replace(/^w=2;/, 'w=1;').replace(';loss=0.1', '');
        expect(format1).not.toContain('loss');
        expect(decodeScenario(format1)).toEqual({ ok: true, scenario: s, fingerprint: null });
      }),
      { numRuns: 100 },
    );
  });

  it('says which version a link has when this page cannot read it', () => {
    const s = encodeScenario(emptyScenario()).slice('w=2'.length);
    const newer = decodeScenario(`w=3${s}`);
    expect(newer.ok ? '' : decodeErrorText(newer.error)).toBe(
      'this link uses workshop format 3, made by a newer version of the book; this page reads format 2 (reload to update the book)',
    );
    const zero = decodeScenario(`w=0${s}`);
    expect(zero.ok ? '' : decodeErrorText(zero.error)).toMatch(/format 0, which never existed/);
    const none = decodeScenario('lab=x');
    expect(none.ok ? '' : none.error.code).toBe('no-version');
  });

  it('names the part it cannot read', () => {
    const s = encodeScenario(emptyScenario()).replace('A@1:connect', 'A@1:connect:5');
    const d = decodeScenario(s);
    expect(d.ok ? '' : decodeErrorText(d.error)).toBe('c[1]: cannot read "A@1:connect:5"');
    const broken: [from: string, to: string, part: string][] = [
      ['A@1:connect', 'A@1:Dial!', 'c[1]'],
      ['p=linux.linux', 'p=linux.Linux 9', 'p'],
      [';f=', ';f=drop:A:fin:1:200', 'f[0]'],
      [';f=', ';f=delay:A:fin:1', 'f[0]'],
    ];
    for (const [from, to, part] of broken)
      expect(decodeScenario(encodeScenario(emptyScenario()).replace(from, to))).toMatchObject({ ok: false, error: { part, code: 'bad-value' } });
    const k = decodeScenario(`${encodeScenario(emptyScenario())};zz=1`);
    expect(k.ok ? '' : decodeErrorText(k.error)).toBe('zz: unknown key');
  });
});

describe('a link made by a newer version of the book', () => {
  const link = encodeScenario(emptyScenario());
  // Each place where the format has words, given one this page does not know (as a later book may add, the way
  // shutdown came after format 2), even with arguments this page cannot know either.
  const newer: [from: string, to: string, part: string, value: string][] = [
    ['A@1:connect', 'A@1:connect,A@5:setsockopt:nodelay.1', 'c[2]', 'setsockopt'],
    ['A@1:connect', 'A@1:connect,B@syn+5:close', 'c[2]', 'syn'],
    ['p=linux.linux', 'p=linux.freebsd', 'p', 'freebsd'],
    ['isn=fixed', 'isn=hashed', 'isn', 'hashed'],
    [';f=', ';f=corrupt:A:fin:1:3', 'f[0]', 'corrupt'],
    [';f=', ';f=drop:A:urg:1', 'f[0]', 'urg'],
  ];

  it('names the part and the word it does not know', () => {
    for (const [from, to, part, value] of newer) {
      expect(link).toContain(from);
      const d = decodeScenario(link.replace(from, to));
      expect(d).toEqual({ ok: false, error: { part, code: 'newer', vars: { value } } });
      expect(d.ok ? '' : decodeErrorText(d.error)).toBe(`${part}: "${value}" is from a newer version of the book (reload to update the book)`);
    }
  });

  it('says so in both languages, naming the part as the page does', async () => {
    const [{ workshop: en }, { workshop: ko }] = await Promise.all([import('../../src/i18n/en/workshop.ts'), import('../../src/i18n/ko/workshop.ts')]);
    const d = decodeScenario(link.replace('A@1:connect', 'A@1:connect,A@5:setsockopt:nodelay.1'));
    if (d.ok) throw new Error('a word this page does not know was read');
    expect(decodeMessage(en, d.error)).toBe(
      'The link’s Call 3 (c[2]) uses “setsockopt”, which a newer version of the book added and this page does not know yet. Reload the page to get the newest version of the book, then open the link again.',
    );
    expect(decodeMessage(ko, d.error)).toBe(
      '링크의 호출 3 (c[2])에 있는 “setsockopt”은(는) 더 새로운 버전의 책에서 추가된 것이므로 이 페이지는 아직 모릅니다. 페이지를 새로 고쳐 책을 최신 버전으로 받은 뒤 링크를 다시 여세요.',
    );
    const v = decodeScenario(`w=3;p=linux.linux;mss=1460`);
    expect(v.ok ? '' : decodeMessage(en, v.error)).toMatch(/^This link uses workshop format 3, made by a newer version of the book; .* Reload the page/);
    expect(v.ok ? '' : decodeMessage(ko, v.error)).toMatch(/^이 링크는 더 새로운 버전의 책에서 만든 워크숍 형식 3을\(를\) 쓰지만, .* 페이지를 새로 고쳐/);
  });
});

describe('workshop runs', () => {
  it('every scenario the builder can produce runs to the same trace twice, or is rejected with a message', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r1 = runWorkshop(s);
        const r2 = runWorkshop(s);
        if (!r1.ok) {
          expect(r1.problems.length).toBeGreaterThan(0);
          for (const p of r1.problems) expect(problemText(p)).toMatch(/^[a-zA-Z.[\]0-9]+[: ]/);
          expect(r2).toEqual(r1);
          return;
        }
        expect(r2.ok && r2.trace).toEqual(r1.trace);
        expect(r2.ok && r2.fingerprint).toBe(r1.fingerprint);
      }),
      { numRuns: 150 },
    );
  });

  it('a run in slices (a pause after every step of the engine) is the same run, and a stale one stops', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        let pauses = 0;
        const pause = async (): Promise<void> => void pauses++;
        const sliced = await runWorkshopInSlices(s, { now: () => 0, pause, sliceMs: 0, stale: () => false });
        expect(sliced).toEqual(runWorkshop(s));
        if (sliced?.ok && sliced.trace.events.length >= 6) expect(pauses).toBeGreaterThan(2);
        // Made stale after its second pause: a run that pauses more often stops there.
        let asked = 0;
        const stale = await runWorkshopInSlices(s, { now: () => 0, pause: async () => undefined, sliceMs: 0, stale: () => ++asked > 2 });
        expect(stale).toEqual(pauses > 2 ? null : sliced);
      }),
      { numRuns: 60 },
    );
  });

  it('scenarios that open a connection first mostly run (so the property above is not only about rejections)', () => {
    const opened = scenario.map((s) => ({
      ...s,
      calls: [
        { side: 'B' as const, call: 'listen' as const, at: 0, after: 'start' as const },
        { side: 'A' as const, call: 'connect' as const, at: 1, after: 'start' as const },
        ...s.calls,
      ],
    }));
    let ran = 0;
    fc.assert(
      fc.property(opened, (s) => {
        const r1 = runWorkshop(s);
        if (r1.ok) {
          ran++;
          expect(runWorkshop(s)).toEqual(r1);
        } else expect(r1.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
    expect(ran).toBeGreaterThan(30);
  });

  it('rejects a call on a side that has no connection, naming the call', () => {
    const s = emptyScenario();
    s.calls = [
      { side: 'A', call: 'connect', at: 1, after: 'start' },
      { side: 'B', call: 'close', at: 5, after: 'start' },
    ];
    expect(validateScenario(s).map((p) => problemText(p))).toEqual(['calls[1] (B close): B has no connection yet; add listen or connect on B before it']);
  });

  it('rejects values out of range, naming the field', () => {
    const s = { ...emptyScenario(), latencyMs: 0 };
    s.faults = [{ kind: 'delay', from: 'A', segment: 'fin', nth: 1 }];
    expect(validateScenario(s).map((p) => problemText(p))).toEqual([
      'latencyMs: 0 is not a whole number from 1 to 2000',
      'faults[0] (delay A fin): a delay, copy or reorder needs its time in ms',
    ]);
  });

  it('runs the simultaneous close with a lost FIN: A retransmits its FIN and both end in TIME-WAIT or CLOSED', () => {
    const s = emptyScenario();
    s.faults = [{ kind: 'drop', from: 'A', segment: 'fin', nth: 1 }];
    const r = runWorkshop(s);
    if (!r.ok) throw new Error(r.problems.map((p) => problemText(p)).join('\n'));
    const fins = wireSegments(r.trace).filter((w) => w.from === 'A' && w.segment.flags.FIN);
    expect(fins.map((w) => [w.dropped, w.retransmit])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(r.trace.events.some((e) => e.kind === 'state' && e.side === 'B' && e.to === 'CLOSING')).toBe(false);
  });

  it('two faults on the 1st and the 2nd final ACK lose both (each rule counts every matching segment)', () => {
    const { scenario: s } = fromChapter('lost-final-ack');
    s.profile = { A: 'windows', B: 'linux' };
    s.faults = [
      { kind: 'drop', from: 'A', segment: 'final-ack', nth: 1 },
      { kind: 'drop', from: 'A', segment: 'final-ack', nth: 2 },
    ];
    const r = runWorkshop(s);
    if (!r.ok) throw new Error('rejected');
    expect(r.lost).toBe(2);
    const finsOfB = wireSegments(r.trace).filter((w) => w.from === 'B' && w.segment.flags.FIN);
    expect(finsOfB.length, 'B sends its FIN three times').toBe(3);
  });

  it('gives each side its own profile: a Windows client waits 120 s in TIME-WAIT (TcpTimedWaitDelay), a Linux one 60 s', () => {
    const tw = (p: 'windows' | 'linux'): number => {
      const s = emptyScenario();
      s.profile = { A: p, B: 'linux' };
      s.calls = s.calls.filter((c) => !(c.side === 'B' && c.call === 'close'));
      s.eof.B = 0;
      const r = runWorkshop(s);
      if (!r.ok) throw new Error('rejected');
      const enter = r.trace.events.find((e) => e.kind === 'state' && e.side === 'A' && e.to === 'TIME-WAIT')!;
      const leave = r.trace.events.find((e) => e.kind === 'state' && e.side === 'A' && e.from === 'TIME-WAIT')!;
      return leave.t - enter.t;
    };
    expect(tw('linux')).toBe(60_000);
    expect(tw('windows')).toBe(120_000);
  });
});

describe('start from a chapter', () => {
  it('every built-in scenario converts to a valid workshop scenario', () => {
    for (const id of SCENARIO_IDS) {
      const { scenario: s } = fromChapter(id);
      expect(validateScenario(s), id).toEqual([]);
    }
  });

  it('a scenario with nothing left out runs as the chapter runs it (same segments on the wire, same end states)', () => {
    const key = (t: ReturnType<typeof runScenario>) => ({
      final: t.final,
      wire: wireSegments(t).map((w) => [
        w.t,
        w.from,
        w.dropped,
        w.segment.seq,
        w.segment.ack,
        w.segment.payload.length,
        Object.entries(w.segment.flags)
          .filter(([, on]) => on)
          .map(([f]) => f)
          .join('+'),
      ]),
    });
    let compared = 0;
    for (const id of SCENARIO_IDS) {
      const { scenario: s, left } = fromChapter(id);
      if (left.length) continue;
      const r = runWorkshop(s);
      if (!r.ok) throw new Error(`${id}: ${r.problems.map((p) => problemText(p)).join('; ')}`);
      expect(key(r.trace), id).toEqual(key(runScenario(id)));
      compared++;
    }
    expect(compared).toBeGreaterThan(12);
  });

  it('lists what it leaves out', () => {
    expect(fromChapter('syn-flood').left).toEqual(expect.arrayContaining(['inject', 'listener-queue']));
    expect(fromChapter('lost-final-ack').left).toEqual([]);
    expect(fromChapter('lost-final-ack').scenario.faults).toEqual([{ kind: 'drop', from: 'A', segment: 'final-ack', nth: 1 }]);
    expect(fromChapter('lost-syn-ack').scenario.faults).toEqual([{ kind: 'drop', from: 'B', segment: 'synack', nth: 1 }]);
  });
});

describe('workshop JSON', () => {
  it('a file made by export imports as the same scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(scenarioFromJson(scenarioToJson(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 100 },
    );
  });
  it('says what is wrong with a file that is not a workshop scenario', () => {
    expect(scenarioFromJson('{').ok).toBe(false);
    expect(scenarioFromJson('{"format":"other"}')).toMatchObject({ ok: false, code: 'not-workshop' });
    expect(scenarioFromJson('{"format":"tcp-book-workshop","v":7}')).toMatchObject({ ok: false, code: 'version', detail: '"v" is 7; this page reads 2' });
  });
  it('reads a format-1 file as the same scenario with no random loss', () => {
    const { lossPercent: _p, lossSeed: _s, ...old } = emptyScenario();
    expect(scenarioFromJson(JSON.stringify({ format: 'tcp-book-workshop', ...old, v: 1 }))).toEqual({ ok: true, scenario: emptyScenario() });
  });
});
