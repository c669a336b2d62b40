/**
 * A tiny per-page channel between islands: the sequence lab tells the state diagram where both
 * endpoints are, tells the capture lab which run it shows (for "download as pcap"), and the
 * capture lab hands an opened capture to the sequence lab for replay. Islands hydrate
 * separately and in any order, so each channel remembers its last message: a diagram that wakes
 * up after the lab has already stepped still shows the right states.
 */
import type { ScenarioKnobs } from '../../engine/types.ts';
import type { TcpStateName } from '../view/state-diagram-geometry.ts';
import type { LabView } from '../view/trace-view.ts';

/** One endpoint's state now and the transition that brought it there. */
export interface EndpointPosition {
  state: TcpStateName;
  /** The state before this endpoint's most recent transition (at or before this step), or null if it never moved. */
  from: TcpStateName | null;
  /** Whether that transition happened in the step just taken. */
  changed: boolean;
  /** The label the lab uses for this side (e.g. "client"), so the diagram names it the same way. */
  name: string;
}

/** What the lab publishes after every step. */
export interface LabPosition {
  source: string;
  a: EndpointPosition;
  b: EndpointPosition;
}

/** The run of the sequence lab the reader used last (scenario and the engine knobs applied), so a capture lab can export exactly that. */
export interface LabRun {
  source: string;
  /** The lab's title as the reader sees it (the capture lab's button names the run by it). */
  title: string;
  scenario: string;
  knobs: ScenarioKnobs;
}

/** A capture connection to replay in the sequence lab. */
export interface LabReplay {
  title: string;
  view: LabView;
}

interface Channels {
  position: LabPosition;
  run: LabRun;
  replay: LabReplay | null;
}

type Channel = keyof Channels;

interface Slot<T> {
  last: T | undefined;
  listeners: Set<(v: T) => void>;
}

type BusStore = { [K in Channel]: Slot<Channels[K]> };

const KEY = '__tcpBookLabBus';

function store(): BusStore {
  const g = globalThis as unknown as Record<string, BusStore | undefined>;
  let s = g[KEY];
  if (!s) {
    s = {
      position: { last: undefined, listeners: new Set() },
      run: { last: undefined, listeners: new Set() },
      replay: { last: undefined, listeners: new Set() },
    };
    g[KEY] = s;
  }
  return s;
}

/** Sends a message on a channel to every listener on the page. */
export function publish<K extends Channel>(channel: K, value: Channels[K]): void {
  const slot = store()[channel] as Slot<Channels[K]>;
  slot.last = value;
  for (const l of slot.listeners) l(value);
}

/** Listens on a channel; calls back at once with the last message, if any. Returns the unsubscribe function. */
export function subscribe<K extends Channel>(channel: K, listener: (v: Channels[K]) => void): () => void {
  const slot = store()[channel] as Slot<Channels[K]>;
  slot.listeners.add(listener);
  if (slot.last !== undefined) listener(slot.last);
  return () => {
    slot.listeners.delete(listener);
  };
}

/** Forgets every message and listener: tests share one global between cases. */
export function resetBus(): void {
  const g = globalThis as unknown as Record<string, BusStore | undefined>;
  g[KEY] = undefined;
}
