/**
 * One-sentence definitions of the glossary's terms (src/data/glossary.ts), in Korean and English.
 * They live beside the glossary, keyed by entry id, so the glossary chapter renders its tables from
 * the same data that feeds search aliases and TRANSLATING.md, instead of repeating the terms by hand.
 * tests/content/glossary.test.ts fails when an entry has no definition or a definition has no entry.
 */

/** A definition in both languages; each is one or two short sentences of plain text. */
export interface Definition {
  ko: string;
  en: string;
  /** The chapter section that explains the term, as `slug#id` (rendered as a relative link). */
  see?: string;
}

/** Definitions by glossary entry id. */
export const definitions: Readonly<Record<string, Definition>> = {
  // The eleven states (RFC 9293 §3.3.2)
  'state-closed': {
    ko: '연결이 없는 상태입니다. TCB가 없으므로 어디에도 기록되지 않는 가상의 상태입니다.',
    en: 'No connection. A fictional state: there is no record (TCB) at all.',
    see: 'tcp-basics#eleven-states',
  },
  'state-listen': {
    ko: '서버 소켓이 SYN을 기다리는 상태이며, 연결이 생겨도 리슨 소켓은 이 상태에 남습니다.',
    en: 'A server socket waiting for SYNs. The listening socket stays here while connections come and go.',
    see: 'tcp-basics#eleven-states',
  },
  'state-syn-sent': {
    ko: 'SYN을 보내고 상대의 SYN을 기다리는 상태로, connect()를 호출한 직후의 클라이언트가 여기에 있습니다.',
    en: 'SYN sent, waiting for the peer’s SYN. The client right after connect().',
    see: 'three-way-handshake#three-steps',
  },
  'state-syn-received': {
    ko: 'SYN을 받아 SYN+ACK로 답하고, 그 ACK를 기다리는 상태입니다.',
    en: 'SYN received and answered with SYN+ACK; waiting for the ACK of it.',
    see: 'three-way-handshake#three-steps',
  },
  'state-established': {
    ko: '양쪽 ISN이 모두 확인 응답되어 데이터를 주고받는 상태입니다. 세 번째 세그먼트를 보내는 클라이언트가 먼저 들어갑니다.',
    en: 'Both ISNs acknowledged; data flows. The client gets here first.',
    see: 'three-way-handshake#client-established-first',
  },
  'state-fin-wait-1': {
    ko: '먼저 닫는 쪽이 FIN을 보낸 뒤 그 ACK를 기다리는 상태입니다.',
    en: 'The active closer has sent FIN and waits for its ACK.',
    see: 'four-way-handshake#four-steps',
  },
  'state-fin-wait-2': {
    ko: '자기 FIN은 확인 응답됐지만 상대의 FIN을 아직 기다리는 상태이므로, 데이터는 계속 받을 수 있습니다.',
    en: 'Own FIN acknowledged; waiting for the peer’s FIN, still able to receive data.',
    see: 'four-way-handshake#four-steps',
  },
  'state-close-wait': {
    ko: '상대의 FIN을 받았고 내 애플리케이션이 close()하기를 기다리는 상태입니다.',
    en: 'The peer’s FIN arrived; waiting for the local application to call close().',
    see: 'four-way-handshake#close-wait',
  },
  'state-closing': {
    ko: 'FIN을 보낸 뒤 그 ACK보다 상대의 FIN을 먼저 받은 상태로, 동시 닫기에서 나타납니다.',
    en: 'FIN sent, then the peer’s FIN arrived before the ACK of ours: a simultaneous close.',
    see: 'four-way-handshake#simultaneous-close',
  },
  'state-last-ack': {
    ko: '나중에 닫는 쪽이 자기 FIN을 보내고 마지막 ACK를 기다리는 상태입니다.',
    en: 'The passive closer has sent its FIN and waits for the last ACK.',
    see: 'four-way-handshake#four-steps',
  },
  'state-time-wait': {
    ko: '먼저 닫은 쪽이 마지막 ACK를 보낸 뒤 2×MSL 동안 기다리는 상태로, 리눅스에서는 60초입니다.',
    en: 'The active closer waits 2×MSL after its last ACK; 60 s on Linux.',
    see: 'time-wait#where',
  },
  // Concepts and mechanisms
  'three-way-handshake': {
    ko: 'SYN, SYN+ACK, ACK 세 세그먼트로 양쪽 ISN을 주고받아 연결을 여는 과정입니다.',
    en: 'Opening a connection with SYN, SYN+ACK and ACK, so that each side’s ISN is sent and acknowledged.',
    see: 'three-way-handshake#three-steps',
  },
  'four-way-handshake': {
    ko: '면접에서 쓰는 말로, 두 방향을 FIN과 ACK로 하나씩 닫는 연결 종료입니다. RFC의 용어는 connection termination입니다.',
    en: 'Interview wording for closing each direction with its own FIN and ACK; the RFC says connection termination.',
    see: 'four-way-handshake#four-steps',
  },
  segment: {
    ko: 'TCP가 주고받는 단위로, 헤더와 선택적인 데이터로 이루어집니다.',
    en: 'The unit TCP sends: a header plus optional data.',
    see: 'tcp-basics#header-fields',
  },
  'sequence-number': {
    ko: '세그먼트의 첫 바이트(또는 SYN, FIN)에 붙은 번호입니다. 32비트라서 끝까지 가면 0부터 다시 셉니다.',
    en: 'The number of a segment’s first byte (or of its SYN or FIN); 32 bits, wrapping around.',
    see: 'tcp-basics#seq-and-ack',
  },
  'acknowledgment-number': {
    ko: '보내는 쪽이 다음에 받기를 기대하는 시퀀스 번호이며, ACK 플래그가 켜져 있을 때만 유효합니다.',
    en: 'The next sequence number the sender expects to receive; valid only with the ACK flag.',
    see: 'tcp-basics#seq-and-ack',
  },
  isn: {
    ko: '연결의 첫 시퀀스 번호로, 클록과 4-튜플의 키 해시로 정합니다(RFC 9293 §3.4.1).',
    en: 'The sequence number a connection starts from; a clock plus a keyed hash of the 4-tuple (RFC 9293 §3.4.1).',
    see: 'three-way-handshake#isn',
  },
  flags: {
    ko: '세그먼트의 제어 비트입니다. 연결의 시작과 끝에는 SYN, ACK, FIN, RST가 쓰입니다.',
    en: 'A segment’s control bits; opening and closing use SYN, ACK, FIN and RST.',
    see: 'tcp-basics#header-fields',
  },
  syn: {
    ko: '시퀀스 번호를 맞추자는 플래그로, 보내는 쪽의 ISN을 싣고 시퀀스 번호 하나를 씁니다.',
    en: 'Synchronize: carries the sender’s ISN and takes one sequence number.',
    see: 'tcp-basics#syn-fin-consume-one',
  },
  fin: {
    ko: '더 보낼 데이터가 없다는 플래그로, 한 방향만 닫으며 시퀀스 번호 하나를 씁니다.',
    en: 'No more data from this side: closes one direction and takes one sequence number.',
    see: 'tcp-basics#syn-fin-consume-one',
  },
  rst: {
    ko: '연결을 즉시 끊는 플래그로, 받은 쪽은 답하지 않고 연결 기록을 지웁니다.',
    en: 'Reset: aborts the connection at once; the receiver deletes its record without answering.',
    see: 'when-things-go-wrong#rst',
  },
  retransmission: {
    ko: '확인 응답이 오지 않은 세그먼트를 재전송 타이머(RTO)가 만료될 때 다시 보내는 것입니다.',
    en: 'Sending a segment again when its retransmission timer (RTO) expires without an acknowledgment.',
    see: 'when-things-go-wrong#retransmission-timer',
  },
  msl: {
    ko: '세그먼트가 네트워크에서 살아남는다고 가정하는 최대 시간입니다. RFC는 2분으로 잡고, TIME-WAIT는 그 두 배(2×MSL)입니다.',
    en: 'The longest a segment is assumed to live in the network: 2 minutes in the RFC; TIME-WAIT lasts 2×MSL.',
    see: 'time-wait#why-2msl',
  },
  'half-close': {
    ko: '한쪽이 FIN을 보내 보내기만 끝내고 받기는 계속하는 상태로, shutdown(SHUT_WR)을 호출하면 이렇게 됩니다.',
    en: 'One side has sent FIN on purpose and keeps receiving; made by shutdown(SHUT_WR).',
    see: 'when-things-go-wrong#half-closed',
  },
  'half-open': {
    ko: '한쪽이 상대 모르게 연결 상태를 잃은 상태입니다(장애, 재부팅, RFC 9293 §3.5.1). SYN 플러드 글에서는 SYN-RECEIVED 항목을 뜻하기도 합니다.',
    en: 'One side lost the connection without the other knowing (crash, reboot; RFC 9293 §3.5.1). Texts on SYN floods also use it for SYN-RECEIVED entries.',
    see: 'when-things-go-wrong#half-open',
  },
  'simultaneous-open': {
    ko: '양쪽이 동시에 SYN을 보내는 경우로, 둘 다 SYN-SENT에서 SYN-RECEIVED를 거쳐 ESTABLISHED가 됩니다.',
    en: 'Both sides send SYN at once; both go SYN-SENT → SYN-RECEIVED → ESTABLISHED.',
    see: 'three-way-handshake#simultaneous-open',
  },
  'simultaneous-close': {
    ko: '양쪽이 동시에 FIN을 보내는 경우로, 둘 다 CLOSING을 거쳐 TIME-WAIT에 들어갑니다.',
    en: 'Both sides send FIN at once; both pass CLOSING and both end in TIME-WAIT.',
    see: 'four-way-handshake#simultaneous-close',
  },
  'active-close': {
    ko: '먼저 FIN을 보내는 쪽의 닫기입니다. 클라이언트든 서버든 능동 닫기를 한 쪽이 TIME-WAIT에 들어갑니다.',
    en: 'Closing first by sending the first FIN; the active closer, client or server, is the side that enters TIME-WAIT.',
    see: 'four-way-handshake#active-passive-closer',
  },
  'passive-close': {
    ko: '상대의 FIN을 받은 뒤에 하는 닫기로, CLOSE-WAIT와 LAST-ACK를 거칩니다.',
    en: 'Closing after the peer’s FIN arrived: through CLOSE-WAIT and LAST-ACK.',
    see: 'four-way-handshake#active-passive-closer',
  },
  'syn-flood': {
    ko: '완성되지 않을 SYN을 쏟아부어 서버의 SYN 큐를 채우는 서비스 거부 공격입니다(RFC 4987).',
    en: 'A denial-of-service attack that fills the server’s SYN queue with SYNs that never complete (RFC 4987).',
    see: 'syn-flood#attack',
  },
  'syn-cookies': {
    ko: '하프 오픈 연결을 저장하는 대신 그 정보를 서버의 ISN에 담는 방어책으로, 그 대가로 옵션 일부를 잃습니다.',
    en: 'Encoding a half-open connection in the server’s ISN instead of storing it; some options are lost.',
    see: 'syn-flood#syn-cookies',
  },
  backlog: {
    ko: '리슨 소켓의 대기열입니다. 리눅스에는 SYN 큐(SYN-RECEIVED)와 accept 큐(ESTABLISHED)가 있습니다.',
    en: 'A listening socket’s queues; Linux has a SYN queue (SYN-RECEIVED) and an accept queue (ESTABLISHED).',
    see: 'syn-flood#syn-backlog',
  },
  'time-wait-assassination': {
    ko: 'TIME-WAIT 중에 받은 RST가 대기를 일찍 끝내 버리는 위험입니다(RFC 1337). 리눅스 tcp_rfc1337의 기본값은 0입니다.',
    en: 'A RST received in TIME-WAIT ending it early (RFC 1337); Linux tcp_rfc1337 defaults to 0.',
    see: 'time-wait#assassination',
  },
  'tcp-fast-open': {
    ko: '앞선 연결에서 받은 쿠키로 SYN에 데이터를 실어 왕복 한 번을 줄이는 확장입니다(RFC 7413).',
    en: 'An extension that puts data on the SYN, with a cookie from an earlier connection, saving a round trip (RFC 7413).',
    see: 'syn-flood#tcp-fast-open',
  },
  tcb: {
    ko: '호스트가 연결마다 유지하는 자료 구조로, 상태, 시퀀스 번호, 윈도우, 타이머를 담습니다.',
    en: 'The data structure a host keeps for each connection: state, sequence numbers, windows, timers.',
    see: 'tcp-basics#what-is-a-connection',
  },
  'four-tuple': {
    ko: '로컬 IP, 로컬 포트, 원격 IP, 원격 포트의 네 값으로 연결을 식별하므로, 같은 4-튜플의 연결이 동시에 둘일 수는 없습니다.',
    en: 'Local IP, local port, remote IP, remote port: identifies a connection; no two can share one at a time.',
    see: 'tcp-basics#what-is-a-connection',
  },
  ack: {
    ko: '확인 응답 번호가 유효하다는 플래그로, 첫 SYN 다음의 모든 세그먼트에 켜져 있습니다.',
    en: 'The acknowledgment field is valid; set on every segment after the first SYN.',
    see: 'tcp-basics#header-fields',
  },
  'syn-ack': {
    ko: '핸드셰이크의 두 번째 세그먼트입니다. 서버의 ISN(SYN)과 클라이언트 SYN의 확인 응답(ACK)을 함께 싣습니다.',
    en: 'The handshake’s second segment: the server’s ISN (SYN) and the ACK of the client’s SYN together.',
    see: 'three-way-handshake#three-steps',
  },
  'active-open': {
    ko: 'connect()로 SYN을 보내 연결을 시작하는 것입니다.',
    en: 'Starting a connection by sending SYN, as connect() does.',
    see: 'three-way-handshake#three-steps',
  },
  'passive-open': {
    ko: 'listen()으로 LISTEN 상태에서 SYN을 기다리는 것입니다.',
    en: 'Waiting for SYNs in LISTEN, as listen() does.',
    see: 'three-way-handshake#three-steps',
  },
  mss: {
    ko: '세그먼트 하나로 받을 수 있는 가장 큰 데이터 크기로, SYN의 옵션으로 알립니다.',
    en: 'The largest segment payload a host can receive, announced as a SYN option.',
    see: 'tcp-basics#header-fields',
  },
  window: {
    ko: '보내는 쪽이 지금 더 받을 수 있는 바이트 수입니다.',
    en: 'How many more bytes the sender of the segment can receive now.',
    see: 'tcp-basics#header-fields',
  },
  'window-scale': {
    ko: '16비트 윈도우 필드를 2의 거듭제곱만큼 키우는 SYN 옵션입니다(RFC 7323).',
    en: 'A SYN option that multiplies the 16-bit window by a power of two (RFC 7323).',
    see: 'syn-flood#syn-cookie-cost',
  },
  sack: {
    ko: '순서에서 벗어나 받은 데이터 블록을 따로 알리는 확인 응답으로, 양쪽이 SYN의 SACK 허용 옵션으로 쓸지 정합니다.',
    en: 'Acknowledging blocks received out of order one by one; both sides agree to it with the SACK-permitted SYN option.',
    see: 'syn-flood#syn-cookie-cost',
  },
  timestamps: {
    ko: '세그먼트마다 시각 값을 싣는 옵션입니다. RTT 측정, PAWS, tcp_tw_reuse에 쓰입니다(RFC 7323).',
    en: 'An option carrying a clock value on every segment: RTT measurement, PAWS, tcp_tw_reuse (RFC 7323).',
    see: 'time-wait#reopening',
  },
  rtt: {
    ko: '세그먼트를 보내고 그 확인 응답을 받기까지 걸리는 시간으로, RTO를 계산하는 바탕입니다.',
    en: 'The time from sending a segment to receiving its acknowledgment; the basis of the RTO.',
    see: 'when-things-go-wrong#retransmission-timer',
  },
  backoff: {
    ko: '재전송 타이머가 만료될 때마다 RTO를 두 배로 늘리는 것입니다(RFC 6298 §5).',
    en: 'Doubling the RTO each time the retransmission timer fires (RFC 6298 §5).',
    see: 'when-things-go-wrong#retransmission-timer',
  },
  'delayed-ack': {
    ko: '바로 확인 응답하지 않고 잠시 기다렸다가 ACK를 보내는 것입니다. 세그먼트 네 개로 닫을 때 FIN의 ACK가 따로 나갈 수 있는 이유입니다.',
    en: 'Waiting briefly before acknowledging; why the ACK of a FIN can go out alone in a four-segment teardown.',
    see: 'four-way-handshake#why-four-when-three',
  },
  'old-duplicate': {
    ko: '네트워크에서 늦어진 예전 세그먼트의 사본으로, 3-way 핸드셰이크와 TIME-WAIT가 이 사본이 새 연결에 섞이지 않게 막습니다.',
    en: 'A delayed copy of an earlier segment; the three-way handshake and TIME-WAIT keep it out of a new connection.',
    see: 'three-way-handshake#why-three',
  },
  'challenge-ack': {
    ko: '동기화된 연결에 온 SYN이나 번호가 정확하지 않은 RST에 RST 대신 보내는 ACK입니다(RFC 5961).',
    en: 'The ACK sent instead of acting on a SYN or an inexact RST in a synchronized connection (RFC 5961).',
    see: 'when-things-go-wrong#not-rst',
  },
  'connection-refused': {
    ko: '리스너가 없는 포트로 보낸 SYN에 RST가 돌아온 결과로, connect()가 ECONNREFUSED로 실패합니다.',
    en: 'A SYN to a port without a listener answered by RST; connect() fails with ECONNREFUSED.',
    see: 'when-things-go-wrong#rst-closed-port',
  },
  'keep-alive': {
    ko: '조용한 연결에 주기적으로 빈 세그먼트를 보내 죽은 상대(하프 오픈)를 찾는 기능입니다.',
    en: 'Probing an idle connection on a timer to find a dead (half-open) peer.',
    see: 'when-things-go-wrong#half-open',
  },
  'orphan-socket': {
    ko: '애플리케이션이 이미 닫았지만 커널에 남아 있는 소켓입니다. FIN-WAIT-2의 고아 소켓은 tcp_fin_timeout 뒤에 정리됩니다.',
    en: 'A socket the application has closed but the kernel still keeps; an orphaned FIN-WAIT-2 is dropped after tcp_fin_timeout.',
    see: 'four-way-handshake#close-wait',
  },
  'ephemeral-port': {
    ko: 'connect()할 때 커널이 고르는 로컬 포트로, 바닥나면 connect()가 EADDRNOTAVAIL로 실패합니다.',
    en: 'The local port the kernel picks for connect(); when they run out, connect() fails with EADDRNOTAVAIL.',
    see: 'time-wait#many-time-wait',
  },
  'so-reuseaddr': {
    ko: '옛 연결이 TIME-WAIT에 있어도 서버가 같은 포트에 bind()할 수 있게 하는 소켓 옵션입니다(없으면 EADDRINUSE).',
    en: 'A socket option that lets a restarted server bind() while old connections sit in TIME-WAIT (else EADDRINUSE).',
    see: 'time-wait#many-time-wait',
  },
  'tcp-tw-reuse': {
    ko: '나가는 연결이 TIME-WAIT에 있는 4-튜플을 재사용하게 하는 리눅스 sysctl로, 타임스탬프가 필요합니다. 비슷한 tcp_tw_recycle은 4.12에서 제거됐습니다.',
    en: 'A Linux sysctl letting outgoing connections reuse a TIME-WAIT 4-tuple, with timestamps; tcp_tw_recycle was removed in 4.12.',
    see: 'time-wait#many-time-wait',
  },
  'so-linger': {
    ko: '{1, 0}으로 설정하면 close()가 FIN 대신 RST를 보내고 TIME-WAIT를 건너뜁니다.',
    en: 'Set to {1, 0}, close() sends RST instead of FIN and skips TIME-WAIT.',
    see: 'when-things-go-wrong#rst-abort',
  },
  'connection-pool': {
    ko: '연결을 닫지 않고 재사용하는 방식이므로 핸드셰이크와 TIME-WAIT 비용이 애초에 생기지 않습니다.',
    en: 'Reusing open connections instead of closing them, which avoids handshakes and TIME-WAIT altogether.',
    see: 'time-wait#many-time-wait',
  },
};
