/**
 * The simulator: the knobs applied to a scenario, two endpoints, the link between them
 * (link.ts), their applications (app-driver.ts) and the event loop with its virtual clock that
 * jumps to the next deadline. Deterministic: no clock, no Math.random; the seed only keys the
 * ISN hash.
 */
import { createAppDriver } from './app-driver.ts';
import { makeEndpoint, nextTimer, snapshot, step } from './endpoint.ts';
import { KNOBS, checkKnobValue } from './knobs.ts';
import { createLink } from './link.ts';
import { getProfile } from './profiles.ts';
import type { EngineParts } from './parts.ts';
import type { EventBody, RunContext } from './run-context.ts';
import type { Address, AppAction, Effect, Endpoint, IsnSource, ScenarioDef, ScenarioKnobs, Side, StepInput, Trace, TraceEvent } from './types.ts';

/** A safety net against an engine bug looping forever; real scenarios stay far below. */
const MAX_EVENTS = 200_000;

/**
 * Reject knob values no lesson can mean (they may come from a URL or a form): the error names
 * the knob and the value, so a lab can show it instead of a broken trace.
 */
export function validateKnobs(k: ScenarioKnobs): void {
  const bad = (name: string, v: unknown, want: string): never => {
    throw new Error(`knob ${name}: ${JSON.stringify(v)} is not ${want}`);
  };
  for (const row of KNOBS) {
    const v = k[row.field];
    const want = v === undefined ? null : checkKnobValue(row.values, v);
    if (want) bad(row.field, v, want);
  }
  if (k.seed !== undefined && !Number.isSafeInteger(k.seed)) bad('seed', k.seed, 'a whole number');
}

/** Apply the knobs to a definition: the result is again plain data. */
export function applyKnobs(def: ScenarioDef, knobs: ScenarioKnobs): { def: ScenarioDef; knobs: ScenarioKnobs } {
  validateKnobs(knobs);
  const k: ScenarioKnobs = { ...def.knobsDefaults, ...knobs };
  let actions = def.actions.slice();
  let reactions = { A: { ...def.reactions.A }, B: { ...def.reactions.B } };
  let faults = def.faults.slice();
  if (k.drop !== undefined) {
    faults = faults.filter((f) => f.kind !== 'drop' && f.kind !== 'drop-match');
    if (k.drop > 0) faults.push({ kind: 'drop', wireId: k.drop });
  }
  if (k.simultaneous) {
    // B opens actively at A's time, and right after A's OPEN in the list: both SYNs leave at the
    // same instant, A's first, so a capture of the run (which calls the first SYN's sender A)
    // names the sides as the engine does.
    const openA = actions.find((a) => a.side === 'A' && a.call === 'OPEN-active');
    const passiveB = actions.find((a) => a.side === 'B' && a.call === 'OPEN-passive');
    if (passiveB) {
      const activeB: AppAction = { at: openA ? openA.at : passiveB.at, side: 'B', call: 'OPEN-active' };
      actions = actions.filter((a) => a !== passiveB);
      actions.splice(openA ? actions.indexOf(openA) + 1 : actions.length, 0, activeB);
    }
  }
  if (k.closer !== undefined) {
    const closes = actions.filter((a) => a.call === 'CLOSE');
    const first = closes.reduce<AppAction | null>((m, a) => (m === null || a.at < m.at ? a : m), null);
    const at = first ? first.at : 300;
    const rel = first !== null && 'after' in first && first.after === 'connected';
    actions = actions.filter((a) => a.call !== 'CLOSE');
    for (const s of ['A', 'B'] as const) {
      if ((s === 'A' && k.closer === 'server') || (s === 'B' && k.closer === 'client')) continue;
      actions.push(rel ? { at, side: s, call: 'CLOSE', after: 'connected' } : { at, side: s, call: 'CLOSE' });
    }
  }
  if (k.closeDelayMs !== undefined) {
    const passive: Side = (k.closer ?? (actions.some((a) => a.side === 'A' && a.call === 'CLOSE') ? 'client' : 'server')) === 'server' ? 'A' : 'B';
    reactions = { ...reactions, [passive]: { ...reactions[passive], closeOnEofAfterMs: k.closeDelayMs } };
  }
  // Knobs that override a field of the definition (the knob table's `sets: { def }`).
  const sets: Record<string, unknown> = {};
  for (const r of KNOBS) if ('sets' in r && 'def' in r.sets && k[r.field] !== undefined) sets[r.sets.def] = k[r.field];
  return { def: { ...def, actions, reactions, faults, ...sets, seed: k.seed ?? def.seed }, knobs: k };
}

/** `ep` with the endpoint settings that knobs override (the knob table's `sets: { config, sides }`). */
function knobbedConfig(ep: Record<Side, Endpoint>, k: ScenarioKnobs): Record<Side, Endpoint> {
  const out = { ...ep };
  for (const r of KNOBS) {
    const v = k[r.field];
    if (v === undefined || !('sets' in r) || !('config' in r.sets)) continue;
    for (const side of r.sets.sides) out[side] = { ...out[side], config: { ...out[side].config, [r.sets.config]: v } };
  }
  return out;
}

function isnFor(def: ScenarioDef, side: Side): IsnSource {
  if (def.isn === 'fixed') return { kind: 'fixed', value: def.fixedIsn[side] };
  // Each host has its own secret; both derive from the seed so a run is reproducible.
  return { kind: 'rfc6528', key: def.seed * 2 + (side === 'A' ? 1 : 2) };
}

/** Both hosts' TCPs as the scenario and knobs configure them. */
function makeEndpoints(def: ScenarioDef, k: ScenarioKnobs): Record<Side, Endpoint> {
  const profileOf = (s: Side) => ({
    ...getProfile(def.sideProfiles?.[s] ?? def.profile, k.mslMs === undefined ? undefined : { mslMs: k.mslMs }),
    ...def.profileOverrides,
  });
  // Each host's timestamp clock starts at its own offset, derived from the seed (0 with fixed ISNs, for readable numbers).
  const made = (s: Side, local: Address, tsMul: number, tsAdd: number): Endpoint =>
    makeEndpoint(s, local, {
      profile: profileOf(s),
      isn: isnFor(def, s),
      tsOffset: def.isn === 'fixed' ? 0 : (def.seed * tsMul + tsAdd) >>> 0,
      ...def.config?.[s],
    });
  const ep = knobbedConfig({ A: made('A', def.a, 7919, 17), B: made('B', def.b, 104729, 31) }, k);
  // A listener with an accept queue follows A's connection; other clients only fill the queue.
  if (ep.B.config.acceptQueue !== null) ep.B = { ...ep.B, config: { ...ep.B.config, follow: { ...def.a } } };
  return ep;
}

/** The trace event for an effect of `side`'s step; null for a segment sent (the link records it). */
function effectEvent(side: Side, e: Effect): EventBody | null {
  switch (e.kind) {
    case 'send':
      return null;
    case 'deliver':
      return { kind: 'app', side, app: 'data', bytes: e.data.length, detail: new TextDecoder().decode(e.data) };
    case 'eof':
    case 'connected':
      return { kind: 'app', side, app: e.kind };
    case 'error':
      return { kind: 'app', side, app: 'error', error: e.error };
    default: {
      // timer-set, timer-cancel, state, log: the event carries the effect's own fields.
      const { kind, ...fields } = e;
      return { kind, side, ...fields };
    }
  }
}

/**
 * Run a scenario definition with knobs applied. Same def + knobs → the same Trace, event for
 * event. Knobs: `drop` replaces the scenario's own drop rules (0 = drop nothing); `closer`
 * moves the first CLOSE to that side (or both); `closeDelayMs` sets the passive closer's delay
 * after EOF; `simultaneous` turns B's passive OPEN into an active one at A's time. `parts`: the
 * optional engine parts the scenario needs (parts.ts; the engine's index passes them all).
 *
 * The event loop: a virtual clock jumps to whatever is due next: a user call (app-driver.ts), a
 * segment arriving (link.ts) or an endpoint's timer.
 */
export function simulate(scenario: ScenarioDef, knobs: ScenarioKnobs = {}, parts: EngineParts = {}): Trace {
  const steps = simulation(scenario, knobs, parts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The run of `simulate`, one step of its event loop at a time: it yields before each step (an
 * application call, an arrival or a timer) and returns the same Trace. A page runs a long
 * scenario in slices between its own tasks this way; nothing in it depends on how it is driven.
 */
export function* simulation(scenario: ScenarioDef, knobs: ScenarioKnobs = {}, parts: EngineParts = {}): Generator<void, Trace, void> {
  const { def, knobs: k } = applyKnobs(scenario, knobs);
  const ep = makeEndpoints(def, k);
  const events: TraceEvent[] = [];
  let order = 0;
  const run: RunContext = {
    def,
    parts,
    events,
    now: 0,
    nextOrder: () => order++,
    record(e) {
      if (events.length >= MAX_EVENTS) throw new Error(`scenario ${def.id}: more than ${MAX_EVENTS} events (engine loop?)`);
      events.push({ i: events.length, t: run.now, ...e, snapshot: { A: snapshot(ep.A), B: snapshot(ep.B) } });
    },
  };
  const link = createLink(run);
  const input = (side: Side, i: StepInput): void => {
    const r = step(ep[side], i, { now: run.now, parts });
    ep[side] = r.endpoint;
    for (const e of r.effects) {
      if (e.kind === 'send') link.transmit(side, e.segment, e.retransmit);
      const ev = effectEvent(side, e);
      if (ev) run.record(ev);
      app.observe(side, e, ep[side].tcb?.iss);
    }
  };
  const app = createAppDriver(run, link, input);

  for (;;) {
    yield;
    const tAct = app.nextAction();
    const tFly = link.nextArrival();
    const timers = (['A', 'B'] as const).map((s) => ({ s, n: nextTimer(ep[s]) }));
    const tTim = timers.reduce((m, x) => Math.min(m, x.n ? x.n.at : Infinity), Infinity);
    const t = Math.min(tAct, tFly, tTim);
    if (t === Infinity || t > def.untilMs) break;
    run.now = Math.max(run.now, t);
    // Same instant: application actions first, then arrivals, then timers (A before B).
    if (tAct === t && app.actAt(t)) continue;
    if (tFly === t) {
      const f = link.takeArrival(t);
      if (f) {
        run.record({
          kind: 'deliver',
          side: f.to,
          segment: { ...f.json, src: { ...f.json.src }, dst: { ...f.json.dst }, flags: { ...f.json.flags }, options: structuredClone(f.json.options) },
          wireId: f.wireId,
          ...(f.origin ? { origin: f.origin } : {}),
        });
        input(f.to, { kind: 'segment', segment: f.segment });
        continue;
      }
    }
    const due = timers.find((x) => x.n && x.n.at === t);
    if (due && due.n) {
      run.record({ kind: 'timer-fire', side: due.s, timer: due.n.timer });
      input(due.s, { kind: 'timer', timer: due.n.timer });
    }
  }

  return {
    scenario: def.id,
    knobs: k,
    profile: def.profile,
    seed: def.seed,
    a: { ...def.a },
    b: { ...def.b },
    latencyMs: def.latencyMs,
    events,
    final: { A: ep.A.state, B: ep.B.state },
  };
}
