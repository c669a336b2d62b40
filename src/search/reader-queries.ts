/**
 * Questions as readers type them into the search box, in Korean and English, written from the
 * interview questions the book answers and from how people search (particles, question endings,
 * underscores, missing hyphens). Each lists the sections that answer it, as `slug#anchor` (`slug`
 * alone for a chapter's introduction). tests/browser/search-sections.spec.ts expects one of them
 * among the best sections of the first three results, with an excerpt of prose.
 */
import type { Locale } from '../i18n/locales.ts';

export interface ReaderQuery {
  query: string;
  /** Sections that answer it; any one among the first three results' sections passes. */
  answers: readonly string[];
}

const reasons = ['time-wait#reason-lost-ack', 'time-wait#reason-old-duplicates', 'interview#q10'];
const closeWait = ['four-way-handshake#close-wait', 'interview#q8'];
const rst = ['when-things-go-wrong#rst', 'interview#q16'];
const whyThree = ['three-way-handshake#why-three', 'interview#q2'];
const cookieCost = ['syn-flood#syn-cookie-cost', 'interview#q15'];
const isn = ['three-way-handshake#isn', 'interview#q4'];
const lost = ['when-things-go-wrong#lost-syn', 'when-things-go-wrong#lost-syn-ack', 'three-way-handshake#lost-segments', 'interview#q3'];
const twoMsl = ['time-wait#why-2msl', 'interview#q11'];
const whoWaits = [
  'time-wait#where',
  'interview#q12',
  'four-way-handshake#active-passive-closer',
  'four-way-handshake#either-side-closes',
  'time-wait#move-to-client',
];
const finWait2 = ['interview#q9', 'four-way-handshake#close-wait', 'time-wait#real-durations'];
const simClose = ['four-way-handshake#simultaneous-close', 'interview#q17'];
const halfOpen = ['when-things-go-wrong#half-open-vs-half-closed', 'when-things-go-wrong#half-open', 'when-things-go-wrong#rst-half-open', 'interview#q18'];
const halfClose = ['four-way-handshake#half-close', 'when-things-go-wrong#half-closed', 'interview#q18'];
const tfo = ['syn-flood#tcp-fast-open', 'three-way-handshake#data-on-third', 'interview#q19'];
const assassination = ['time-wait#assassination', 'interview#q20'];
const manyTw = ['time-wait#many-time-wait', 'interview#q14'];
const flood = ['syn-flood', 'syn-flood#attack', 'interview#q15'];
const acceptQueue = ['syn-flood#accept-queue-full', 'syn-flood#syn-backlog'];
const mss = ['tcp-basics#mss-on-syn'];
const late = ['time-wait#late-packets', 'interview#q13'];
const steps3 = ['three-way-handshake#three-steps', 'interview#q1'];
const steps4 = ['four-way-handshake#four-steps', 'interview#q6'];
const whyFour = ['four-way-handshake#why-four-when-three', 'interview#q7'];
const states = ['three-way-handshake#three-steps', 'interview#q5', 'tcp-basics#eleven-states', 'glossary#state-names'];

export const readerQueries: Record<Locale, readonly ReaderQuery[]> = {
  ko: [
    { query: 'TIME_WAIT가 왜 필요해', answers: reasons },
    { query: '서버에 CLOSE_WAIT가 쌓이는 이유', answers: closeWait },
    { query: 'CLOSE_WAIT 많을 때', answers: closeWait },
    { query: 'SYN 쿠키 단점', answers: cookieCost },
    { query: '3way 핸드쉐이크 과정', answers: steps3 },
    { query: '왜 두 번이 아니라 세 번', answers: whyThree },
    { query: 'ISN은 왜 0이 아니야', answers: isn },
    { query: 'SYN 유실되면 어떻게 돼', answers: lost },
    { query: '2MSL 이유', answers: twoMsl },
    { query: 'FIN_WAIT2 영원히', answers: finWait2 },
    { query: '타임웨이트 누가 들어가', answers: whoWaits },
    { query: 'RST는 언제 보내나요', answers: rst },
    { query: '동시 종료', answers: simClose },
    { query: '하프 오픈 연결', answers: halfOpen },
    { query: 'shutdown SHUT_WR 하프 클로즈', answers: halfClose },
    { query: 'SYN에 데이터 싣기 TFO', answers: tfo },
    { query: '타임웨이트 암살', answers: assassination },
    { query: 'tcp_tw_reuse 써도 되나', answers: manyTw },
    { query: 'SYN 플러딩 공격', answers: flood },
    { query: 'accept 큐가 가득 차면', answers: acceptQueue },
    { query: 'MSS는 왜 SYN에만', answers: mss },
    { query: '늦게 온 패킷은 유실되나', answers: late },
    { query: '연결 종료 과정 상태', answers: steps4 },
    { query: '종료는 왜 네 번', answers: whyFour },
  ],
  en: [
    { query: 'why does TIME_WAIT exist', answers: reasons },
    { query: 'when is RST sent', answers: rst },
    { query: 'why three way handshake', answers: whyThree },
    { query: 'many CLOSE_WAIT sockets on server', answers: closeWait },
    { query: 'syn cookies cost', answers: cookieCost },
    { query: 'how is the initial sequence number chosen', answers: isn },
    { query: 'lost SYN ACK', answers: lost },
    { query: 'why 2MSL not 1 MSL', answers: twoMsl },
    { query: 'which side enters time wait', answers: whoWaits },
    { query: 'can FIN_WAIT_2 last forever', answers: finWait2 },
    { query: 'simultaneous close', answers: simClose },
    { query: 'half open connection', answers: halfOpen },
    { query: 'what does shutdown SHUT_WR do', answers: halfClose },
    { query: 'TCP fast open data on SYN', answers: tfo },
    { query: 'RFC 1337', answers: assassination },
    { query: 'tcp_tw_reuse', answers: manyTw },
    { query: 'syn flooding attack', answers: flood },
    { query: 'accept queue full', answers: acceptQueue },
    { query: 'why is MSS only on SYN', answers: mss },
    { query: 'data sent before FIN lost', answers: late },
    { query: 'teardown steps and states', answers: steps4 },
    { query: 'why four segments to close', answers: whyFour },
    { query: 'SYN_RECV', answers: states },
    { query: 'EADDRNOTAVAIL', answers: manyTw },
  ],
};
