/**
 * The applications on both hosts: they make the scenario's user calls (OPEN, SEND, CLOSE,
 * SHUTDOWN, ABORT) at their times, react to what their TCP tells them (reply to data, close after EOF,
 * start the actions timed from "connected"), and inject the scenario's forged segments.
 */
import type { Link } from './link.ts';
import { type RunContext, other, sameAddr } from './run-context.ts';
import { flags as mkFlags, textBytes } from './segment-data.ts';
import { seqAdd } from './seq.ts';
import type { Address, AppAction, AppReactions, Effect, Segment, Side, StepInput, UserCall } from './types.ts';

/** A user call due at `at`. */
interface Pending {
  at: number;
  order: number;
  action: AppAction;
}

export interface AppDriver {
  /** When the next user call is due (Infinity when none is). */
  nextAction(): number;
  /** Makes the first user call (in scheduling order) due at `t`; false when there was none. */
  actAt(t: number): boolean;
  /** Reacts to an effect `side`'s TCP produced; `iss` is that endpoint's ISS after the step. */
  observe(side: Side, e: Effect, iss: number | undefined): void;
}

/**
 * Puts an application's INJECT segments on the wire towards `side`, numbered relative to the
 * sender's latest ISS or, for an `answer`, to the SYN+ACK that side last sent to the source.
 */
function injectSegments(
  run: RunContext,
  link: Link,
  addr: Record<Side, Address>,
  lastIss: Record<Side, number>,
  side: Side,
  a: Extract<AppAction, { call: 'INJECT' }>,
): void {
  for (const s of a.segments) {
    const fromSide: Side | null = sameAddr(s.src, addr.A) ? 'A' : sameAddr(s.src, addr.B) ? 'B' : null;
    // An answer to the SYN+ACK this side last sent to s.src (another client completing its handshake).
    const synAck = s.answer
      ? run.events.findLast((e) => e.kind === 'send' && e.side === side && e.segment?.flags.SYN && e.segment.flags.ACK && sameAddr(e.segment.dst, s.src))
          ?.segment
      : undefined;
    const seq = synAck ? synAck.ack : s.relative && fromSide ? seqAdd(lastIss[fromSide], s.seq) : s.seq >>> 0;
    const ack = synAck ? seqAdd(synAck.seq, 1) : s.relative ? seqAdd(lastIss[side], s.ack) : s.ack >>> 0;
    const seg: Segment = {
      src: s.src,
      dst: addr[side],
      seq,
      ack: s.flags.includes('ACK') ? ack : 0,
      flags: mkFlags(...s.flags),
      window: 64240,
      options: s.flags.includes('SYN') ? { mss: 1460 } : {},
      payload: textBytes(s.text ?? ''),
    };
    link.transmit(other(side), seg, false, a.origin, side);
  }
}

/** `input` hands a user call to an endpoint; injected segments go out on `link`. */
export function createAppDriver(run: RunContext, link: Link, input: (side: Side, i: StepInput) => void): AppDriver {
  const def = run.def;
  const addr: Record<Side, Address> = { A: def.a, B: def.b };
  const reactions: Record<Side, AppReactions> = def.reactions;
  const replied: Record<Side, boolean> = { A: false, B: false };
  /** The application has called CLOSE/ABORT on its current connection: EOF reactions no longer apply. */
  const closedByApp: Record<Side, boolean> = { A: false, B: false };
  /** Each side's latest ISS, so injected segments can be numbered relative to it. */
  const lastIss: Record<Side, number> = { A: def.fixedIsn.A, B: def.fixedIsn.B };
  const isRelative = (a: AppAction): boolean => 'after' in a && a.after !== undefined;
  let pending: Pending[] = def.actions.filter((a) => !isRelative(a)).map((action) => ({ at: action.at, order: run.nextOrder(), action }));
  /** Actions timed from an event: the client's first ESTABLISHED, or their side's first EOF. */
  let waiting: AppAction[] = def.actions.filter(isRelative);
  const schedule = (action: AppAction): void => {
    pending.push({ at: action.at, order: run.nextOrder(), action });
  };
  /** Schedules the waiting actions `due` picks, counted from now. */
  const release = (due: (a: AppAction) => boolean): void => {
    for (const a of waiting.filter(due)) schedule({ ...a, at: run.now + a.at });
    waiting = waiting.filter((a) => !due(a));
  };

  /** Records `side`'s user call in the trace (with `extra`: SEND's byte count and text, OPEN's mode) and hands it to its TCP. */
  const userCall = (side: Side, call: UserCall, extra?: { bytes?: number; detail?: string }): void => {
    run.record({ kind: 'user', side, call: call.call, ...extra });
    input(side, { kind: 'user', call });
  };

  const act = (a: AppAction): void => {
    const side = a.side;
    switch (a.call) {
      case 'OPEN-passive':
        closedByApp[side] = false;
        userCall(side, { call: 'OPEN', mode: 'passive', local: addr[side] }, { detail: 'passive' });
        break;
      case 'OPEN-active':
        replied[side] = false;
        closedByApp[side] = false;
        userCall(side, { call: 'OPEN', mode: 'active', local: addr[side], remote: addr[other(side)] }, { detail: 'active' });
        break;
      case 'SEND': {
        const data = textBytes(a.text);
        userCall(side, { call: 'SEND', data }, { bytes: data.length, detail: a.text });
        break;
      }
      case 'INJECT':
        injectSegments(run, link, addr, lastIss, side, a);
        break;
      default:
        // CLOSE, ABORT and FORGET end the application's hold on its connection; after SHUTDOWN it still
        // reads on, and its EOF reaction still applies; ACCEPT takes a connection from the accept queue.
        if (a.call !== 'SHUTDOWN' && a.call !== 'ACCEPT') closedByApp[side] = true;
        userCall(side, { call: a.call });
    }
  };

  return {
    nextAction: () => pending.reduce((m, p) => Math.min(m, p.at), Infinity),
    actAt(t) {
      const p = pending.filter((x) => x.at === t).sort((x, y) => x.order - y.order)[0];
      if (!p) return false;
      pending = pending.filter((x) => x !== p);
      act(p.action);
      return true;
    },
    observe(side, e, iss) {
      const now = run.now;
      switch (e.kind) {
        case 'state':
          if (e.to === 'SYN-SENT' || e.to === 'SYN-RECEIVED') lastIss[side] = iss ?? lastIss[side];
          // Reopened from TIME-WAIT: the listener hands its application a new connection.
          if (e.from === 'TIME-WAIT' && e.to === 'SYN-RECEIVED') {
            closedByApp[side] = false;
            replied[side] = false;
          }
          break;
        case 'deliver':
          if (reactions[side].replyOnData && !replied[side]) {
            replied[side] = true;
            schedule({ at: now, side, call: 'SEND', text: reactions[side].replyOnData });
          }
          break;
        case 'eof': {
          const d = reactions[side].closeOnEofAfterMs;
          if (d !== null && d !== undefined && !closedByApp[side]) schedule({ at: now + d, side, call: 'CLOSE' });
          release((a) => a.side === side && 'after' in a && a.after === 'peer-fin');
          break;
        }
        case 'connected':
          if (side === 'A') release((a) => 'after' in a && a.after === 'connected');
          break;
      }
    },
  };
}
