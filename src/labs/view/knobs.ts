/**
 * The sequence lab's knobs as the reader sees them, independent of how the engine spells its
 * options. A chapter lists the ones it shows (`knobs="drop,closer"`); deep links store their
 * values; `engine-adapter.ts` turns them into engine arguments. Keeping this layer ours means
 * a rename in the engine touches one adapter, not every chapter's links.
 */

/**
 * Knob ids as written in a chapter's `knobs` prop (ARCHITECTURE.md; msl and rfc1337 are the engine's extra two, used by
 * the TIME-WAIT lab; abort-on-overflow is Linux's tcp_abort_on_overflow on the server, keepalive SO_KEEPALIVE on the client).
 */
export const KNOB_IDS = ['drop', 'closer', 'close-delay', 'isn', 'profile', 'simultaneous', 'msl', 'rfc1337', 'abort-on-overflow', 'keepalive'] as const;
export type KnobId = (typeof KNOB_IDS)[number];

export const PROFILES = ['rfc', 'linux', 'windows', 'macos'] as const;
export type ProfileId = (typeof PROFILES)[number];

/**
 * Every knob's value. `drop` is the 1-based number of the segment to lose, 0 for none; `isn` is
 * 'fixed' or the seed of random ISNs (so a shared link shows the same numbers); `mslMs` 0 means
 * the profile's own MSL.
 */
export interface Knobs {
  drop: number;
  closer: 'client' | 'server' | 'both';
  closeDelay: number;
  isn: 'fixed' | number;
  profile: ProfileId;
  simultaneous: boolean;
  mslMs: number;
  rfc1337: boolean;
  abortOnOverflow: boolean;
  keepalive: boolean;
}

/** What a lab starts with when neither the chapter nor the link says otherwise. */
export const DEFAULT_KNOBS: Knobs = {
  drop: 0,
  closer: 'client',
  closeDelay: 0,
  isn: 'fixed',
  profile: 'linux',
  simultaneous: false,
  mslMs: 0,
  rfc1337: false,
  abortOnOverflow: false,
  keepalive: false,
};

/** The close delays offered, in ms: 0 gives the 3-segment close, 200+ lets the delayed ACK go out alone. */
export const CLOSE_DELAYS = [0, 10, 50, 200, 500] as const;
/** Upper bound on `drop`, so a hand-edited link cannot ask for segment 10^9. */
export const MAX_DROP = 40;

/** Parses the chapter's `knobs` prop; unknown names are dropped (and reported) rather than breaking the page. */
export function parseKnobList(prop: string | undefined): { knobs: KnobId[]; unknown: string[] } {
  const knobs: KnobId[] = [];
  const unknown: string[] = [];
  for (const raw of (prop ?? '').split(',')) {
    const k = raw.trim();
    if (!k) continue;
    if ((KNOB_IDS as readonly string[]).includes(k)) {
      if (!knobs.includes(k as KnobId)) knobs.push(k as KnobId);
    } else unknown.push(k);
  }
  return { knobs, unknown };
}

/** Short keys used in the URL hash, one per knob. */
export const HASH_KEYS: Record<KnobId, string> = {
  drop: 'drop',
  closer: 'closer',
  'close-delay': 'delay',
  isn: 'isn',
  profile: 'profile',
  simultaneous: 'sim',
  msl: 'msl',
  rfc1337: 'rfc1337',
  'abort-on-overflow': 'abort',
  keepalive: 'ka',
};

/** Writes one knob for the URL hash. */
export function knobToString(id: KnobId, k: Knobs): string {
  switch (id) {
    case 'drop':
      return String(k.drop);
    case 'closer':
      return k.closer;
    case 'close-delay':
      return String(k.closeDelay);
    case 'isn':
      return k.isn === 'fixed' ? 'fixed' : `r${k.isn}`;
    case 'profile':
      return k.profile;
    case 'simultaneous':
      return k.simultaneous ? '1' : '0';
    case 'msl':
      return String(k.mslMs);
    case 'rfc1337':
      return k.rfc1337 ? '1' : '0';
    case 'abort-on-overflow':
      return k.abortOnOverflow ? '1' : '0';
    case 'keepalive':
      return k.keepalive ? '1' : '0';
  }
}

const intIn = (s: string, lo: number, hi: number): number | null => {
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= lo && n <= hi ? n : null;
};

/** Reads one knob from the URL hash into `into`; returns false (and leaves `into` alone) for a value it cannot trust. */
export function knobFromString(id: KnobId, s: string, into: Knobs): boolean {
  switch (id) {
    case 'drop': {
      const n = intIn(s, 0, MAX_DROP);
      if (n === null) return false;
      into.drop = n;
      return true;
    }
    case 'closer':
      if (s !== 'client' && s !== 'server' && s !== 'both') return false;
      into.closer = s;
      return true;
    case 'close-delay': {
      const n = intIn(s, 0, 10_000);
      if (n === null) return false;
      into.closeDelay = n;
      return true;
    }
    case 'isn': {
      if (s === 'fixed') {
        into.isn = 'fixed';
        return true;
      }
      const m = /^r(\d{1,10})$/.exec(s);
      const n = m?.[1] !== undefined ? intIn(m[1], 0, 0xffffffff) : null;
      if (n === null) return false;
      into.isn = n;
      return true;
    }
    case 'profile':
      if (!(PROFILES as readonly string[]).includes(s)) return false;
      into.profile = s as ProfileId;
      return true;
    case 'simultaneous':
      if (s !== '0' && s !== '1') return false;
      into.simultaneous = s === '1';
      return true;
    case 'msl': {
      const n = intIn(s, 0, 240_000);
      if (n === null) return false;
      into.mslMs = n;
      return true;
    }
    case 'rfc1337':
      if (s !== '0' && s !== '1') return false;
      into.rfc1337 = s === '1';
      return true;
    case 'abort-on-overflow':
      if (s !== '0' && s !== '1') return false;
      into.abortOnOverflow = s === '1';
      return true;
    case 'keepalive':
      if (s !== '0' && s !== '1') return false;
      into.keepalive = s === '1';
      return true;
  }
}

/** Whether two knob sets would give the same run (compared as the hash writes them). */
export function sameKnobs(a: Knobs, b: Knobs): boolean {
  return KNOB_IDS.every((id) => knobToString(id, a) === knobToString(id, b));
}

/** MSL values the lab offers (ms; 0 = the scenario's own). */
const MSL_PRESETS = [0, 1000, 15000, 30000, 60000, 120000];

/**
 * The MSL select's options. A scenario (or a deep link) may set an MSL that is not a preset, such
 * as the 50 ms of time-wait-too-short; it is listed too, so the select never shows an empty value.
 */
export function mslChoices(current: number): number[] {
  return MSL_PRESETS.includes(current) ? MSL_PRESETS : [...MSL_PRESETS, current].sort((a, b) => a - b);
}
