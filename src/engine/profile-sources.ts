import type { ProfileName, Source } from './types.ts';

const RFC9293 = 'https://www.rfc-editor.org/rfc/rfc9293';
const RFC6298 = 'https://www.rfc-editor.org/rfc/rfc6298';

/**
 * Where each profile's numbers come from (profiles.ts holds the numbers). Kept out of the
 * profiles themselves because the browser runs the engine but never shows these citations, so the
 * lazily loaded engine chunk does not carry them. Typed by ProfileName: a profile without
 * sources is a type error.
 */
export const PROFILE_SOURCES: Readonly<Record<ProfileName, readonly Source[]>> = {
  rfc: [
    { what: 'MSL 2 min, TIME-WAIT 2×MSL (§3.4.2, MUST-13)', url: `${RFC9293}#section-3.4.2` },
    { what: 'SYN retransmission at least 3 minutes (MUST-23, §3.8.3)', url: `${RFC9293}#section-3.8.3` },
    { what: 'Initial RTO 1 s, doubling, 1 s minimum (RFC 6298 §2, §5.5)', url: `${RFC6298}#section-2` },
    { what: 'Delayed ACK SHOULD, delay MUST be under 0.5 s (§3.8.6.3); 200 ms is the classic BSD value', url: `${RFC9293}#section-3.8.6.3` },
  ],
  linux: [
    { what: 'TIME-WAIT fixed 60 s: TCP_TIMEWAIT_LEN (60*HZ), include/net/tcp.h', url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp.h' },
    {
      what: 'TCP_RTO_MIN 200 ms, TCP_RTO_MAX 120 s, TCP_TIMEOUT_INIT 1 s, TCP_DELACK_MIN 40 ms, TCP_MAX_QUICKACKS 16 (include/net/tcp.h)',
      url: 'https://github.com/torvalds/linux/blob/master/include/net/tcp.h',
    },
    {
      what: 'tcp_syn_retries 6, tcp_synack_retries 5, tcp_retries2 15, tcp_fin_timeout 60, tcp_syn_linear_timeouts 4, tcp_invalid_ratelimit 500 ms (ip-sysctl.rst)',
      url: 'https://docs.kernel.org/networking/ip-sysctl.html',
    },
    {
      what: 'SYN-SENT gives up after tcp_syn_retries + tcp_syn_linear_timeouts = 10 retransmissions (tcp_write_timeout), backing off only once the retry count passes tcp_syn_linear_timeouts (tcp_retransmit_timer), Linux 6.5+: 11 SYNs, ETIMEDOUT at about 131 s (net/ipv4/tcp_timer.c)',
      url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_timer.c',
    },
    {
      what: 'tcp_fin_timeout bounds FIN-WAIT-2 only for a socket the application closed (tcp_close, tcp_rcv_state_process check SOCK_DEAD); after close() new data draws a RST (TCPAbortOnData, RFC 9293 §3.6.1 SHLD-2) (net/ipv4/tcp_input.c)',
      url: 'https://github.com/torvalds/linux/blob/master/net/ipv4/tcp_input.c',
    },
    {
      what: 'Observed: SYN retransmitted at 0, 1.02, 2.04, 3.07 s (kernel-traces/synsent.pcap)',
      url: 'https://docs.kernel.org/networking/ip-sysctl.html#tcp-variables',
    },
  ],
  windows: [
    {
      what: 'TcpTimedWaitDelay default 0x78 = 120 s (Windows Server 2003 and later)',
      url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-client/networking/tcpip-and-nbt-configuration-parameters',
    },
    {
      what: 'MinRto 300 ms, MaxSynRetransmissions 2 (Set-NetTCPSetting parameters)',
      url: 'https://learn.microsoft.com/en-us/powershell/module/nettcpip/set-nettcpsetting',
    },
    {
      what: 'Delayed ACK timer 200 ms (TcpAckFrequency documentation)',
      url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/registry-entry-control-tcp-acknowledgment-behavior',
    },
  ],
  macos: [
    {
      what: 'TCPTV_MSL 15 s, TIME-WAIT 2×MSL = 30 s (xnu bsd/netinet/tcp_timer.h)',
      url: 'https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/tcp_timer.h',
    },
    {
      what: 'Delayed ACK 100 ms is an assumption taken from BSD (FreeBSD net.inet.tcp.delacktime = 100 ms); RTO and retries follow the RFC profile',
      url: 'https://man.freebsd.org/cgi/man.cgi?query=tcp&sektion=4',
    },
    {
      what: 'Data arriving after the process closed the socket (SS_NOFDREF) is answered with a RST (xnu bsd/netinet/tcp_input.c)',
      url: 'https://github.com/apple-oss-distributions/xnu/blob/main/bsd/netinet/tcp_input.c',
    },
  ],
};
