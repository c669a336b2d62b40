import type { Profile, ProfileName } from './types.ts';

/**
 * RFC 9293 as written: MSL 2 minutes so TIME-WAIT 4 minutes (§3.4.2), RTO 1 s doubling with a
 * 1 s floor (RFC 6298 §2.4), SYN retries covering at least 3 minutes (MUST-23), delayed ACK 200 ms.
 */
const rfc: Profile = {
  name: 'rfc',
  mslMs: 120_000,
  timeWaitMs: 240_000,
  initialRtoMs: 1_000,
  minRtoMs: 1_000,
  maxRtoMs: 60_000,
  synRetries: 8,
  synAckRetries: 5,
  dataRetries: 8,
  synLinearRetries: 0,
  finWait2TimeoutMs: null,
  // §3.6.1 MAY-1: the RFC's CLOSE ends only the sending direction.
  halfDuplexClose: false,
  delayedAckMs: 200,
  quickAcks: 0,
  invalidAckIntervalMs: 500,
  mss: 1460,
  window: 65535,
  windowScale: null,
  sackPermitted: false,
  timestamps: false,
  abortRstAck: false,
  // RFC 1122 §4.2.3.6 / RFC 9293 §3.8.4: keepalive off by default, at least two hours idle.
  keepaliveIdleMs: 7_200_000,
  keepaliveIntervalMs: 75_000,
  keepaliveProbes: 9,
  timeWaitReopen: 'rfc',
};

/**
 * Linux 6.x defaults, matching the captures in tests/fixtures/kernel-traces (Linux 6.18, HZ=250).
 *
 * Times are the kernel's nominal values, not what its timers add on top. synsent.pcap shows SYN
 * gaps of 1.019, 1.024, 1.024 s, not 1 s: the RTO itself is exact (TCP_TIMEOUT_INIT = 1*HZ = 250
 * jiffies of 4 ms), but the timer wheel files a 250-jiffy timeout in level 1, whose buckets are 8
 * jiffies (32 ms) wide, and rounds the expiry up to the next bucket so a timer never fires early
 * (kernel/time/timer.c, the HZ 250 table and LVL_START/calc_index). Armed at a bucket boundary (as
 * a retransmission armed by the previous expiry is), 250 jiffies become 256 = 1.024 s; the first
 * gap depends on where in a bucket connect() happened to run (1.004–1.032 s). The same slack adds
 * a few ms to the 40 ms delayed ACK (slowpassive.pcap: ~43 ms) and up to 2 s to TIME-WAIT. It is
 * left out on purpose: it depends on the jiffies phase, which no scenario determines, and the book
 * teaches the nominal values. tests/engine/kernel-signatures.test.ts checks this reading of the
 * capture.
 */
const linux: Profile = {
  name: 'linux',
  mslMs: 30_000,
  timeWaitMs: 60_000,
  initialRtoMs: 1_000,
  minRtoMs: 200,
  maxRtoMs: 120_000,
  synRetries: 6,
  synAckRetries: 5,
  dataRetries: 15,
  synLinearRetries: 4,
  finWait2TimeoutMs: 60_000,
  halfDuplexClose: true,
  delayedAckMs: 40,
  quickAcks: 16,
  invalidAckIntervalMs: 500,
  mss: 1460,
  window: 64240,
  windowScale: 7,
  sackPermitted: true,
  timestamps: true,
  abortRstAck: true,
  keepaliveIdleMs: 7_200_000,
  keepaliveIntervalMs: 75_000,
  keepaliveProbes: 9,
  timeWaitReopen: 'linux',
};

/** Windows: TIME-WAIT 120 s (TcpTimedWaitDelay default); other values from Get-NetTCPSetting defaults. */
const windows: Profile = {
  ...rfc,
  name: 'windows',
  mslMs: 60_000,
  timeWaitMs: 120_000,
  minRtoMs: 300,
  synRetries: 2,
  dataRetries: 5,
  delayedAckMs: 200,
  // closesocket() ends both directions: data arriving afterwards is answered with a RST.
  halfDuplexClose: true,
  window: 64240,
  windowScale: 8,
  sackPermitted: true,
};

/** macOS (xnu): MSL 15 s so TIME-WAIT 30 s (TCPTV_MSL); the rest follows the RFC profile. */
const macos: Profile = {
  ...rfc,
  name: 'macos',
  mslMs: 15_000,
  timeWaitMs: 30_000,
  delayedAckMs: 100,
  // BSD tcp_input: data arriving after the process closed the socket (SS_NOFDREF) is answered with a RST.
  halfDuplexClose: true,
  window: 65535,
  windowScale: 6,
  sackPermitted: true,
  timestamps: true,
};

/** All built-in profiles by name. Treat as read-only. */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = { rfc, linux, windows, macos };

/**
 * A profile, optionally with a different MSL (the TimeWaitLab's MSL slider). Setting the MSL
 * sets TIME-WAIT to 2×MSL for every profile, Linux included, because the slider teaches the
 * RFC rule; without the override Linux keeps its fixed 60 s.
 */
export function getProfile(name: ProfileName, overrides?: { mslMs?: number }): Profile {
  const base = PROFILES[name];
  if (overrides?.mslMs === undefined) return base;
  return { ...base, mslMs: overrides.mslMs, timeWaitMs: 2 * overrides.mslMs };
}
