import type { Profile, ProfileName } from './types.ts';

const RFC9293 = 'https://www.rfc-editor.org/rfc/rfc9293';
const RFC6298 = 'https://www.rfc-editor.org/rfc/rfc6298';

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
  delayedAckMs: 200,
  quickAcks: 0,
  invalidAckIntervalMs: 500,
  mss: 1460,
  window: 65535,
  windowScale: null,
  sackPermitted: false,
  timestamps: false,
  sources: [
    { what: 'MSL 2 min, TIME-WAIT 2×MSL (§3.4.2, MUST-13)', url: `${RFC9293}#section-3.4.2` },
    { what: 'SYN retransmission at least 3 minutes (MUST-23, §3.8.3)', url: `${RFC9293}#section-3.8.3` },
    { what: 'Initial RTO 1 s, doubling, 1 s minimum (RFC 6298 §2, §5.5)', url: `${RFC6298}#section-2` },
    { what: 'Delayed ACK SHOULD, delay MUST be under 0.5 s (§3.8.6.3); 200 ms is the classic BSD value', url: `${RFC9293}#section-3.8.6.3` },
  ],
};

/** Linux 6.x defaults, matching ../shared/kernel-traces (Linux 6.18). */
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
  delayedAckMs: 40,
  quickAcks: 16,
  invalidAckIntervalMs: 500,
  mss: 1460,
  window: 64240,
  windowScale: 7,
  sackPermitted: true,
  timestamps: true,
  sources: [
    { what: 'TIME-WAIT fixed 60 s: TCP_TIMEWAIT_LEN (60*HZ), include/net/tcp.h', url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp.h' },
    { what: 'TCP_RTO_MIN 200 ms, TCP_RTO_MAX 120 s, TCP_TIMEOUT_INIT 1 s, TCP_DELACK_MIN 40 ms, TCP_MAX_QUICKACKS 16 (include/net/tcp.h)', url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp.h' },
    { what: 'tcp_syn_retries 6, tcp_synack_retries 5, tcp_retries2 15, tcp_fin_timeout 60, tcp_syn_linear_timeouts 4, tcp_invalid_ratelimit 500 ms (ip-sysctl.rst)', url: 'https://docs.kernel.org/networking/ip-sysctl.html' },
    { what: 'Observed: SYN retransmitted at 0, 1.02, 2.04, 3.07 s (kernel-traces/synsent.pcap)', url: 'https://docs.kernel.org/networking/ip-sysctl.html#tcp-variables' },
  ],
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
  window: 64240,
  windowScale: 8,
  sackPermitted: true,
  sources: [
    { what: 'TcpTimedWaitDelay default 0x78 = 120 s (Windows Server 2003 and later)', url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-client/networking/tcpip-and-nbt-configuration-parameters' },
    { what: 'MinRto 300 ms, MaxSynRetransmissions 2 (Set-NetTCPSetting parameters)', url: 'https://learn.microsoft.com/en-us/powershell/module/nettcpip/set-nettcpsetting' },
    { what: 'Delayed ACK timer 200 ms (TcpAckFrequency documentation)', url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/registry-entry-control-tcp-acknowledgment-behavior' },
  ],
};

/** macOS (xnu): MSL 15 s so TIME-WAIT 30 s (TCPTV_MSL); the rest follows the RFC profile. */
const macos: Profile = {
  ...rfc,
  name: 'macos',
  mslMs: 15_000,
  timeWaitMs: 30_000,
  delayedAckMs: 100,
  window: 65535,
  windowScale: 6,
  sackPermitted: true,
  timestamps: true,
  sources: [
    { what: 'TCPTV_MSL 15 s, TIME-WAIT 2×MSL = 30 s (xnu bsd/netinet/tcp_timer.h)', url: 'https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/tcp_timer.h' },
    { what: 'Delayed ACK 100 ms is an assumption taken from BSD (FreeBSD net.inet.tcp.delacktime = 100 ms); RTO and retries follow the RFC profile', url: 'https://man.freebsd.org/cgi/man.cgi?query=tcp&sektion=4' },
  ],
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
