/**
 * The book's glossary: one entry per term, in Korean and English, with the spellings readers type.
 *
 * It feeds three things:
 * - search: the search box expands a query with the spellings of every entry (src/search/query.ts),
 *   because pagefind has no Korean stemming and matches prefixes only (so 핸드쉐이크 must find
 *   핸드셰이크, and TIME_WAIT must find TIME-WAIT); nothing of this is indexed;
 * - TRANSLATING.md's term table (keep them in step);
 * - the glossary chapter, which may render it.
 *
 * To add a term: append an entry. `id` is kebab-case and unique. Everything else is optional except
 * `ko` and `en`. Hyphen/underscore/space variants of every spelling are generated automatically
 * (TIME-WAIT → TIME_WAIT, TIME WAIT, TIMEWAIT), so list only genuinely different spellings.
 */

/** How one TCP state (or field) is written by each source a reader meets. */
export interface Spellings {
  /** RFC 9293, e.g. SYN-RECEIVED. */
  rfc?: string;
  /** Linux kernel enum (include/net/tcp_states.h), e.g. TCP_SYN_RECV. */
  linux?: string;
  /** iproute2 `ss`, e.g. SYN-RECV. */
  ss?: string;
  /** net-tools `netstat` on Linux, e.g. SYN_RECV. */
  netstat?: string;
  /** Wireshark display names or filters, e.g. tcp.flags.syn. Wireshark shows flags, not states. */
  wireshark?: string;
}

/** A term of the book. */
export interface GlossaryEntry {
  id: string;
  /** The Korean term as Korean developers write it (TRANSLATING.md). */
  ko: string;
  /** The English term. */
  en: string;
  /** Other spellings readers search for, per language (typos people make, transliterations, short forms). */
  aliases?: { ko?: readonly string[]; en?: readonly string[] };
  spellings?: Spellings;
  /**
   * Chapters that explain the term (slugs). When a query names the term, their sections rank a
   * little higher than those of chapters that merely mention it.
   */
  chapters?: readonly string[];
}

/** The eleven states (RFC 9293 §3.3.2): RFC, Linux, ss and netstat spellings, and Windows netstat forms as aliases. */
const states: GlossaryEntry[] = [
  {
    id: 'state-closed',
    chapters: ['tcp-basics'],
    ko: 'CLOSED',
    en: 'CLOSED',
    aliases: { ko: ['닫힌 상태'], en: ['CLOSED state'] },
    spellings: { rfc: 'CLOSED', linux: 'TCP_CLOSE', ss: 'UNCONN', netstat: 'CLOSE' },
  },
  {
    id: 'state-listen',
    chapters: ['tcp-basics'],
    ko: 'LISTEN',
    en: 'LISTEN',
    aliases: { ko: ['리슨', '대기 상태'], en: ['LISTENING', 'listening socket'] },
    spellings: { rfc: 'LISTEN', linux: 'TCP_LISTEN', ss: 'LISTEN', netstat: 'LISTEN' },
  },
  {
    id: 'state-syn-sent',
    chapters: ['three-way-handshake'],
    ko: 'SYN-SENT',
    en: 'SYN-SENT',
    aliases: { ko: ['신 센트'], en: ['SYN SENT'] },
    spellings: { rfc: 'SYN-SENT', linux: 'TCP_SYN_SENT', ss: 'SYN-SENT', netstat: 'SYN_SENT' },
  },
  {
    id: 'state-syn-received',
    chapters: ['three-way-handshake'],
    ko: 'SYN-RECEIVED',
    en: 'SYN-RECEIVED',
    aliases: { ko: ['신 리시브드'], en: ['SYN_RCVD', 'SYN-RCVD'] },
    spellings: { rfc: 'SYN-RECEIVED', linux: 'TCP_SYN_RECV', ss: 'SYN-RECV', netstat: 'SYN_RECV' },
  },
  {
    id: 'state-established',
    chapters: ['three-way-handshake'],
    ko: 'ESTABLISHED',
    en: 'ESTABLISHED',
    aliases: { ko: ['연결 수립 상태', '이스태블리시드'], en: ['established connection'] },
    spellings: { rfc: 'ESTABLISHED', linux: 'TCP_ESTABLISHED', ss: 'ESTAB', netstat: 'ESTABLISHED' },
  },
  {
    id: 'state-fin-wait-1',
    chapters: ['four-way-handshake'],
    ko: 'FIN-WAIT-1',
    en: 'FIN-WAIT-1',
    aliases: { ko: ['핀 웨이트 1'], en: ['FIN_WAIT_1'] },
    spellings: { rfc: 'FIN-WAIT-1', linux: 'TCP_FIN_WAIT1', ss: 'FIN-WAIT-1', netstat: 'FIN_WAIT1' },
  },
  {
    id: 'state-fin-wait-2',
    chapters: ['four-way-handshake'],
    ko: 'FIN-WAIT-2',
    en: 'FIN-WAIT-2',
    aliases: { ko: ['핀 웨이트 2'], en: ['FIN_WAIT_2'] },
    spellings: { rfc: 'FIN-WAIT-2', linux: 'TCP_FIN_WAIT2', ss: 'FIN-WAIT-2', netstat: 'FIN_WAIT2' },
  },
  {
    id: 'state-close-wait',
    chapters: ['four-way-handshake'],
    ko: 'CLOSE-WAIT',
    en: 'CLOSE-WAIT',
    aliases: { ko: ['클로즈 웨이트', '클로즈웨이트'], en: [] },
    spellings: { rfc: 'CLOSE-WAIT', linux: 'TCP_CLOSE_WAIT', ss: 'CLOSE-WAIT', netstat: 'CLOSE_WAIT' },
  },
  {
    id: 'state-closing',
    chapters: ['four-way-handshake'],
    ko: 'CLOSING',
    en: 'CLOSING',
    aliases: { ko: ['클로징'], en: [] },
    spellings: { rfc: 'CLOSING', linux: 'TCP_CLOSING', ss: 'CLOSING', netstat: 'CLOSING' },
  },
  {
    id: 'state-last-ack',
    chapters: ['four-way-handshake'],
    ko: 'LAST-ACK',
    en: 'LAST-ACK',
    aliases: { ko: ['라스트 액'], en: [] },
    spellings: { rfc: 'LAST-ACK', linux: 'TCP_LAST_ACK', ss: 'LAST-ACK', netstat: 'LAST_ACK' },
  },
  {
    id: 'state-time-wait',
    chapters: ['time-wait'],
    ko: 'TIME-WAIT',
    en: 'TIME-WAIT',
    aliases: { ko: ['타임 웨이트', '타임웨이트', 'TIME_WAIT 상태'], en: ['time wait state', 'TIME_WAIT state'] },
    spellings: { rfc: 'TIME-WAIT', linux: 'TCP_TIME_WAIT', ss: 'TIME-WAIT', netstat: 'TIME_WAIT' },
  },
];

/** Concepts and mechanisms. */
const terms: GlossaryEntry[] = [
  {
    id: 'three-way-handshake',
    chapters: ['three-way-handshake'],
    ko: '3-way 핸드셰이크',
    en: 'three-way handshake',
    aliases: {
      ko: [
        '3-way handshake',
        '쓰리웨이',
        '쓰리 웨이',
        '쓰리웨이 핸드셰이크',
        '3방향 핸드셰이크',
        '핸드셰이크',
        '핸드쉐이크',
        '핸드세이크',
        '악수',
        '연결 수립',
        '연결 설정',
      ],
      en: ['3-way handshake', '3way', 'handshake', 'connection establishment', 'opening a connection'],
    },
  },
  {
    id: 'four-way-handshake',
    chapters: ['four-way-handshake'],
    ko: '4-way 핸드셰이크',
    en: 'four-way handshake',
    aliases: {
      ko: ['4-way handshake', '4-way 핸드쉐이크', '포웨이', '포 웨이', '포웨이 핸드셰이크', '4방향 핸드셰이크', '연결 종료', '연결 해제'],
      en: ['4-way handshake', '4way', 'connection termination', 'teardown', 'closing a connection'],
    },
  },
  {
    id: 'segment',
    chapters: ['tcp-basics'],
    ko: '세그먼트',
    en: 'segment',
    aliases: { ko: ['세그멘트', '패킷'], en: ['TCP segment', 'packet'] },
  },
  {
    id: 'sequence-number',
    chapters: ['tcp-basics'],
    ko: '시퀀스 번호',
    en: 'sequence number',
    aliases: { ko: ['순서 번호', '시퀀스넘버', '일련번호', 'seq 번호'], en: ['seq', 'seq number', 'SEQ'] },
    spellings: { rfc: 'SEG.SEQ', wireshark: 'tcp.seq' },
  },
  {
    id: 'acknowledgment-number',
    chapters: ['tcp-basics'],
    ko: '확인 응답 번호',
    en: 'acknowledgment number',
    aliases: { ko: ['ACK 번호', '응답 번호', '애크 번호'], en: ['acknowledgement number', 'ack number'] },
    spellings: { rfc: 'SEG.ACK', wireshark: 'tcp.ack' },
  },
  {
    id: 'isn',
    chapters: ['three-way-handshake'],
    ko: '초기 시퀀스 번호',
    en: 'initial sequence number',
    aliases: { ko: ['ISN', '초기 순서 번호'], en: ['ISN', 'ISS', 'IRS'] },
  },
  {
    id: 'flags',
    chapters: ['tcp-basics'],
    ko: 'TCP 플래그',
    en: 'TCP flags',
    aliases: { ko: ['컨트롤 비트', '제어 비트', '플래그'], en: ['control bits', 'SYN flag', 'FIN flag', 'ACK flag'] },
    spellings: { wireshark: 'tcp.flags' },
  },
  {
    id: 'syn',
    chapters: ['tcp-basics'],
    ko: 'SYN',
    en: 'SYN',
    aliases: { ko: ['신', '싱크'], en: ['synchronize'] },
    spellings: { wireshark: 'tcp.flags.syn' },
  },
  {
    id: 'fin',
    chapters: ['tcp-basics'],
    ko: 'FIN',
    en: 'FIN',
    aliases: { ko: ['핀'], en: ['finish'] },
    spellings: { wireshark: 'tcp.flags.fin' },
  },
  {
    id: 'rst',
    chapters: ['when-things-go-wrong'],
    ko: 'RST',
    en: 'RST',
    aliases: { ko: ['리셋', '연결 재설정', 'RST 세그먼트'], en: ['reset', 'connection reset', 'ECONNRESET'] },
    spellings: { wireshark: 'tcp.flags.reset' },
  },
  {
    id: 'retransmission',
    chapters: ['when-things-go-wrong'],
    ko: '재전송',
    en: 'retransmission',
    aliases: { ko: ['재송신', '리트랜스미션', '재전송 타이머'], en: ['retransmit', 'RTO', 'retransmission timeout'] },
    spellings: { wireshark: 'tcp.analysis.retransmission' },
  },
  {
    id: 'msl',
    chapters: ['time-wait'],
    ko: '최대 세그먼트 수명',
    en: 'maximum segment lifetime',
    aliases: { ko: ['MSL', '2MSL', '2×MSL'], en: ['MSL', '2MSL', '2×MSL', 'twice the MSL'] },
  },
  {
    id: 'half-close',
    chapters: ['four-way-handshake'],
    ko: '하프 클로즈',
    en: 'half-close',
    aliases: { ko: ['반닫힘', '반쯤 닫힌 연결', 'half-closed'], en: ['half-closed', 'shutdown', 'SHUT_WR'] },
  },
  {
    id: 'half-open',
    chapters: ['when-things-go-wrong'],
    ko: '하프 오픈',
    en: 'half-open',
    aliases: { ko: ['반열림', '반쯤 열린 연결'], en: ['half-open connection'] },
  },
  {
    id: 'simultaneous-open',
    chapters: ['three-way-handshake'],
    ko: '동시 열기',
    en: 'simultaneous open',
    aliases: { ko: ['동시 오픈', '동시 연결'], en: [] },
  },
  {
    id: 'simultaneous-close',
    chapters: ['four-way-handshake'],
    ko: '동시 닫기',
    en: 'simultaneous close',
    aliases: { ko: ['동시 종료', '동시 클로즈'], en: [] },
  },
  {
    id: 'active-close',
    chapters: ['four-way-handshake'],
    ko: '능동 닫기',
    en: 'active close',
    aliases: { ko: ['액티브 클로즈', '먼저 닫는 쪽', '능동적 종료'], en: ['active closer'] },
  },
  {
    id: 'passive-close',
    chapters: ['four-way-handshake'],
    ko: '수동 닫기',
    en: 'passive close',
    aliases: { ko: ['패시브 클로즈', '나중에 닫는 쪽', '수동적 종료'], en: ['passive closer'] },
  },
  {
    id: 'syn-flood',
    chapters: ['syn-flood'],
    ko: 'SYN 플러드',
    en: 'SYN flood',
    aliases: { ko: ['SYN 플러딩', '신 플러드', 'SYN 공격'], en: ['SYN flooding', 'SYN flood attack'] },
  },
  {
    id: 'syn-cookies',
    chapters: ['syn-flood'],
    ko: 'SYN 쿠키',
    en: 'SYN cookies',
    aliases: { ko: ['신 쿠키'], en: ['syncookies', 'tcp_syncookies'] },
  },
  {
    id: 'backlog',
    chapters: ['syn-flood'],
    ko: '백로그',
    en: 'backlog',
    aliases: { ko: ['대기열', 'SYN 큐', 'accept 큐'], en: ['SYN queue', 'accept queue', 'listen backlog'] },
  },
  {
    id: 'time-wait-assassination',
    chapters: ['time-wait'],
    ko: 'TIME-WAIT 암살',
    en: 'TIME-WAIT assassination',
    aliases: { ko: ['RFC 1337'], en: ['RFC 1337', 'TWA'] },
  },
  {
    id: 'tcp-fast-open',
    chapters: ['syn-flood'],
    ko: 'TCP Fast Open',
    en: 'TCP Fast Open',
    aliases: { ko: ['TFO', '패스트 오픈'], en: ['TFO'] },
  },
  // Added with the glossary chapter (content/*/glossary.mdx): the remaining terms the book uses.
  {
    id: 'tcb',
    ko: '전송 제어 블록',
    en: 'transmission control block',
    aliases: { ko: ['TCB', '연결 레코드'], en: ['TCB', 'connection record'] },
    chapters: ['tcp-basics'],
  },
  {
    id: 'four-tuple',
    ko: '4-튜플',
    en: '4-tuple',
    aliases: { ko: ['4튜플', '포 튜플', '소켓 쌍'], en: ['four-tuple', 'socket pair', '5-tuple'] },
    chapters: ['tcp-basics'],
  },
  {
    id: 'ack',
    ko: 'ACK',
    en: 'ACK',
    aliases: { ko: ['애크', 'ACK 플래그'], en: ['acknowledgment', 'acknowledgement', 'ACK flag'] },
    spellings: { wireshark: 'tcp.flags.ack' },
  },
  {
    id: 'syn-ack',
    ko: 'SYN+ACK',
    en: 'SYN+ACK',
    aliases: { ko: ['SYN-ACK', 'SYN/ACK', '신액'], en: ['SYN-ACK', 'SYN/ACK', 'SYNACK'] },
    spellings: { wireshark: '[SYN, ACK]' },
    chapters: ['three-way-handshake'],
  },
  {
    id: 'active-open',
    ko: '능동 열기',
    en: 'active open',
    aliases: { ko: ['액티브 오픈', 'connect()'], en: ['active opener', 'connect()'] },
    chapters: ['three-way-handshake'],
  },
  {
    id: 'passive-open',
    ko: '수동 열기',
    en: 'passive open',
    aliases: { ko: ['패시브 오픈', 'listen()'], en: ['passive opener', 'listen()'] },
    chapters: ['three-way-handshake'],
  },
  {
    id: 'mss',
    ko: '최대 세그먼트 크기',
    en: 'maximum segment size',
    aliases: { ko: ['MSS'], en: ['MSS'] },
  },
  {
    id: 'window',
    ko: '윈도우',
    en: 'window',
    aliases: { ko: ['수신 윈도우', '윈도 크기', '윈도우 크기'], en: ['receive window', 'window size', 'rwnd'] },
    spellings: { rfc: 'SEG.WND', wireshark: 'tcp.window_size' },
  },
  {
    id: 'window-scale',
    ko: '윈도우 스케일',
    en: 'window scale',
    aliases: { ko: ['윈도 스케일', 'wscale'], en: ['wscale', 'WS option'] },
    spellings: { wireshark: 'tcp.options.wscale' },
  },
  {
    id: 'sack',
    ko: '선택적 확인 응답',
    en: 'selective acknowledgment',
    aliases: { ko: ['SACK', 'SACK_PERM'], en: ['SACK', 'SACK_PERM', 'SACK-permitted'] },
  },
  {
    id: 'timestamps',
    ko: 'TCP 타임스탬프',
    en: 'TCP timestamps',
    aliases: { ko: ['타임스탬프 옵션', 'TSval', 'PAWS'], en: ['timestamp option', 'TSval', 'TSecr', 'PAWS'] },
  },
  {
    id: 'rtt',
    ko: '왕복 시간',
    en: 'round-trip time',
    aliases: { ko: ['RTT', 'SRTT'], en: ['RTT', 'SRTT'] },
  },
  {
    id: 'backoff',
    ko: '지수 백오프',
    en: 'exponential backoff',
    aliases: { ko: ['백오프', 'RTO 백오프'], en: ['backoff', 'RTO backoff', 'tcp_syn_retries'] },
    chapters: ['when-things-go-wrong'],
  },
  {
    id: 'delayed-ack',
    ko: '지연 ACK',
    en: 'delayed ACK',
    aliases: { ko: ['딜레이드 ACK', '지연 확인 응답'], en: ['delayed acknowledgment'] },
  },
  {
    id: 'old-duplicate',
    ko: '오래된 중복 세그먼트',
    en: 'old duplicate segment',
    aliases: { ko: ['오래된 중복 SYN', '옛 중복 세그먼트'], en: ['old duplicate', 'old duplicate SYN', 'delayed duplicate'] },
    chapters: ['three-way-handshake'],
  },
  {
    id: 'challenge-ack',
    ko: '챌린지 ACK',
    en: 'challenge ACK',
    aliases: { ko: ['RFC 5961'], en: ['RFC 5961', 'TCPChallengeACK'] },
    chapters: ['when-things-go-wrong'],
  },
  {
    id: 'connection-refused',
    ko: '연결 거부',
    en: 'connection refused',
    aliases: { ko: ['ECONNREFUSED', '커넥션 리퓨즈드'], en: ['ECONNREFUSED'] },
    chapters: ['when-things-go-wrong'],
  },
  {
    id: 'keep-alive',
    ko: 'TCP 킵얼라이브',
    en: 'TCP keep-alive',
    aliases: { ko: ['keep-alive', 'keepalive', '킵 얼라이브'], en: ['keepalive', 'SO_KEEPALIVE'] },
  },
  {
    id: 'orphan-socket',
    ko: '고아 소켓',
    en: 'orphan socket',
    aliases: { ko: ['orphan 소켓', 'tcp_fin_timeout'], en: ['orphaned socket', 'tcp_fin_timeout'] },
  },
  {
    id: 'ephemeral-port',
    ko: '임시 포트',
    en: 'ephemeral port',
    aliases: { ko: ['에페메랄 포트', 'EADDRNOTAVAIL'], en: ['ip_local_port_range', 'EADDRNOTAVAIL', 'port exhaustion'] },
    chapters: ['time-wait'],
  },
  {
    id: 'so-reuseaddr',
    ko: 'SO_REUSEADDR',
    en: 'SO_REUSEADDR',
    aliases: { ko: ['EADDRINUSE'], en: ['EADDRINUSE', 'address already in use'] },
    chapters: ['time-wait'],
  },
  {
    id: 'tcp-tw-reuse',
    ko: 'tcp_tw_reuse',
    en: 'tcp_tw_reuse',
    aliases: { ko: ['tcp_tw_recycle'], en: ['tcp_tw_recycle'] },
    chapters: ['time-wait'],
  },
  {
    id: 'so-linger',
    ko: 'SO_LINGER',
    en: 'SO_LINGER',
    aliases: { ko: ['링거', '강제 종료'], en: ['linger', 'abortive close'] },
    chapters: ['when-things-go-wrong'],
  },
  {
    id: 'connection-pool',
    ko: '커넥션 풀',
    en: 'connection pool',
    aliases: { ko: ['커넥션 풀링', '연결 풀'], en: ['connection pooling', 'persistent connections'] },
  },
];

/** Every glossary entry, states first. */
export const glossary: readonly GlossaryEntry[] = [...states, ...terms];

/** A word the book does not use for a concept: the literal text, or a pattern when the text is part of a longer good word. */
export interface RejectedWord {
  /** What the failure prints. */
  word: string;
  /** Matches the word in a line; without it, `word` is matched literally. */
  pattern?: RegExp;
}

/**
 * One word per concept. Each rule names the preferred Korean and English term and the variants the
 * book rejects; tests/content/vocabulary.test.ts fails when a rejected variant appears in a chapter,
 * drill card, quiz, lab string, glossary definition or UI string, outside misconception callouts and
 * SpotError claims (which quote what people say). Search aliases above may still list rejected
 * variants, because readers type them.
 */
export interface VocabularyRule {
  id: string;
  ko: string;
  en: string;
  rejected: { ko?: readonly RejectedWord[]; en?: readonly RejectedWord[] };
  /** Why, for the style guide and the failure message. */
  note: string;
}

export const vocabulary: readonly VocabularyRule[] = [
  {
    id: 'window',
    ko: '윈도우',
    en: 'window',
    rejected: { ko: [{ word: '윈도', pattern: /윈도(?!우)/g }] },
    note: 'TCP 수신 윈도우. 운영체제는 Windows로 써서 둘을 구분합니다',
  },
  {
    id: 'windows-os',
    ko: 'Windows',
    en: 'Windows',
    rejected: {
      ko: [{ word: '윈도우(운영체제)', pattern: /(?:리눅스|Linux)\s*[,·/와]\s*윈도우|윈도우\s*[,·/와]\s*(?:macOS|리눅스)|윈도우\s*(?:10|11|서버|Server)/g }],
    },
    note: '운영체제 이름은 라틴 문자로 씁니다. 윈도우는 TCP 윈도우만 뜻합니다',
  },
  {
    id: 'clock',
    ko: '클록',
    en: 'clock',
    rejected: { ko: [{ word: '시계' }] },
    note: 'ISN 생성기와 타이머가 읽는 클록(RFC 6528)',
  },
  {
    id: 'simultaneous-open-close',
    ko: '동시 열기 / 동시 닫기',
    en: 'simultaneous open / simultaneous close',
    rejected: { ko: [{ word: '동시 연결' }, { word: '동시 종료' }] },
    note: '능동 열기·수동 닫기와 짝을 이루는 이름',
  },
  {
    id: 'half-open',
    ko: '하프 오픈',
    en: 'half-open',
    rejected: { ko: [{ word: '반쯤 열린' }] },
    note: '하프 클로즈와 짝을 이루는 이름',
  },
  {
    id: 'error',
    ko: '오류',
    en: 'error',
    rejected: { ko: [{ word: '에러' }] },
    note: '코드 글꼴의 오류 이름(ECONNRESET 등)은 그대로 둡니다',
  },
  {
    id: 'loss',
    ko: '유실',
    en: 'loss / lost',
    rejected: { ko: [{ word: '잃어버' }, { word: '손실' }] },
    note: '세그먼트가 사라지는 것은 유실입니다(손실로 쓰지 않습니다): 유실되면, 유실된 세그먼트, 유실시킬 세그먼트',
  },
  {
    id: 'flag-notation',
    ko: 'SYN, ACK (Wireshark 순서, 쉼표)',
    en: 'SYN, ACK (Wireshark order, commas)',
    rejected: {
      ko: [{ word: 'X+Y 플래그 조합', pattern: /\b(?:(?:FIN|RST|PSH)\+ACK|ACK\+(?:SYN|FIN|RST|PSH)|PSH\+(?:FIN|SYN|RST))\b/g }],
      en: [{ word: 'X+Y flag set', pattern: /\b(?:(?:FIN|RST|PSH)\+ACK|ACK\+(?:SYN|FIN|RST|PSH)|PSH\+(?:FIN|SYN|RST))\b/g }],
    },
    note: '플래그 조합은 Wireshark Info 열의 순서로 [FIN, ACK]처럼 씁니다. SYN+ACK만 핸드셰이크 두 번째 세그먼트의 이름으로 씁니다',
  },
  {
    id: 'lab',
    ko: '실습',
    en: 'lab',
    rejected: { ko: [{ word: '실험', pattern: /실험(?!용|적)/g }] },
    note: '브라우저에서 엔진을 돌려 보는 장치는 어디서나 실습입니다(실습 모음, 이 단계의 실습). 실험용·실험적은 다른 뜻이라 그대로 둡니다',
  },
  {
    id: 'calque',
    ko: '주어와 동사를 바로(…가 보냅니다, …가 있습니다, …할 수 있습니다)',
    en: 'a direct subject and verb',
    rejected: {
      ko: [
        { word: '~를 가지고 있습니다', pattern: /[을를] 가지고 있(?:습니다|는|어)/g },
        { word: '~에 의해', pattern: /에 의해(?:서)?/g },
        { word: '~하는 것이 가능합니다', pattern: /것이 가능(?:합니다|한|하다)/g },
        { word: '~되어질/되어져', pattern: /되어(?:질|져)/g },
      ],
    },
    note: '영어를 옮긴 번역 투입니다. TRANSLATING.md의 "피할 번역 투" 표처럼 동작하는 쪽을 주어로 두고 동사를 바로 씁니다',
  },
  {
    id: 'lab-control',
    ko: '실습 항목의 화면 이름(<Knob id="…" />)',
    en: 'the control’s visible label (<Knob id="…" />)',
    rejected: { ko: [{ word: '노브' }], en: [{ word: 'knob', pattern: /(?<![.$\w</])knobs?\b(?!\s*[=":?}])/gi }] },
    note: '화면에 없는 말입니다. 실습 항목은 <Knob id="closer" />처럼 화면의 이름으로 부릅니다',
  },
];
