import { SCENARIO_IDS, getScenario } from './scenarios.ts';
import type { I18nText, ScenarioId, ScenarioInfo } from './types.ts';

/**
 * Each scenario's title and description in Korean and English. Kept apart from the definitions
 * (scenarios.ts) because the browser runs scenarios but never shows this prose: the Astro
 * wrappers render titles at build time, so the lazily loaded engine chunk stays small. Typed by
 * ScenarioId, so a scenario without text is a type error.
 */
export const SCENARIO_TEXT: Readonly<Record<ScenarioId, { title: I18nText; description: I18nText }>> = {
  'normal-open': {
    title: { ko: '정상적인 3-way 핸드셰이크', en: 'A normal three-way handshake' },
    description: {
      ko: '클라이언트가 SYN을 보내고 서버가 SYN+ACK로 답한 뒤 클라이언트가 ACK를 보내므로, 클라이언트가 먼저 ESTABLISHED가 됩니다. 그다음 ping/pong을 주고받고 닫습니다.',
      en: 'The client sends SYN, the server answers SYN+ACK and the client sends ACK, so the client is ESTABLISHED first. Then the two exchange ping/pong and close.',
    },
  },
  'data-on-third': {
    title: { ko: '세 번째 세그먼트에 실린 데이터', en: 'Data on the third segment' },
    description: {
      ko: '클라이언트 애플리케이션이 연결이 열리기 전에 write를 호출합니다. 데이터는 큐에 있다가 핸드셰이크의 마지막 ACK에 실려 나갑니다.',
      en: "The client application writes before the connection is open. The data waits in the queue and rides on the handshake's final ACK.",
    },
  },
  'lost-syn': {
    title: { ko: 'SYN 유실', en: 'Lost SYN' },
    description: {
      ko: '첫 SYN이 유실되므로 클라이언트는 SYN-SENT에 머물다가 재전송 타이머(RTO)가 만료되면 SYN을 다시 보냅니다.',
      en: 'The first SYN is lost, so the client stays in SYN-SENT and sends the SYN again when its retransmission timer (RTO) expires.',
    },
  },
  'syn-timeout': {
    title: { ko: 'SYN에 끝내 답이 없을 때', en: 'No answer to the SYN at all' },
    description: {
      ko: '방화벽이 SYN을 모두 버립니다. 리눅스(6.5 이후)는 처음 다섯 번은 1초 간격으로, 그다음에는 간격을 두 배씩 늘리며 SYN을 모두 11번 보내고, 약 131초 뒤에 connect()가 ETIMEDOUT으로 실패합니다.',
      en: 'A firewall drops every SYN. Linux (6.5 and later) sends the SYN 11 times, the first five retries 1 s apart and then doubling the gap, and connect() fails with ETIMEDOUT after about 131 s.',
    },
  },
  'lost-syn-ack': {
    title: { ko: 'SYN+ACK 유실', en: 'Lost SYN+ACK' },
    description: {
      ko: '서버의 SYN+ACK가 유실되므로 클라이언트는 SYN을, 서버는 SYN+ACK를 각자 재전송합니다.',
      en: "The server's SYN+ACK is lost, so the client retransmits its SYN and the server its SYN+ACK.",
    },
  },
  'lost-third-ack': {
    title: { ko: '세 번째 ACK 유실', en: 'Lost third ACK' },
    description: {
      ko: '클라이언트는 이미 ESTABLISHED이지만 서버는 SYN-RECEIVED에 남아 SYN+ACK를 재전송하고, 클라이언트가 다시 보낸 ACK로 연결이 완성됩니다.',
      en: "The client is already ESTABLISHED, but the server stays in SYN-RECEIVED and retransmits its SYN+ACK until the client's new ACK completes the connection.",
    },
  },
  'simultaneous-open': {
    title: { ko: '동시 열기', en: 'Simultaneous open' },
    description: {
      ko: '양쪽이 같은 순간 서로에게 SYN을 보냅니다. 둘 다 SYN-SENT에서 SYN-RECEIVED를 거쳐 ESTABLISHED가 됩니다(RFC 9293 그림 7).',
      en: 'Both sides send a SYN to each other at the same instant. Both go SYN-SENT → SYN-RECEIVED → ESTABLISHED (RFC 9293 Figure 7).',
    },
  },
  'closed-port-rst': {
    title: { ko: '닫힌 포트로 연결: RST', en: 'Connecting to a closed port: RST' },
    description: {
      ko: '아무도 듣지 않는 포트로 SYN을 보내면 [RST, ACK](seq 0, ack ISN+1)가 돌아오므로 애플리케이션은 "connection refused"를 받습니다.',
      en: 'A SYN to a port nobody listens on is answered with [RST, ACK] (seq 0, ack ISN+1), so the application gets "connection refused".',
    },
  },
  'close-4-segment': {
    title: { ko: '클라이언트가 먼저 닫기: 세그먼트 네 개', en: 'Client closes first: four segments' },
    description: {
      ko: '서버 애플리케이션이 500 ms 뒤에 닫습니다. 그동안 커널이 지연 ACK로 FIN을 먼저 확인하므로 FIN, ACK, FIN, ACK 네 개가 오갑니다.',
      en: 'The server application closes 500 ms later. Meanwhile its kernel ACKs the FIN on its own (delayed ACK), so four segments go by: FIN, ACK, FIN, ACK.',
    },
  },
  'close-3-segment': {
    title: { ko: '클라이언트가 먼저 닫기: 세그먼트 세 개', en: 'Client closes first: three segments' },
    description: {
      ko: '서버 애플리케이션이 EOF를 읽자마자 닫습니다. 서버의 FIN이 클라이언트 FIN에 대한 ACK를 함께 싣고 가므로 세그먼트가 세 개입니다.',
      en: "The server application closes as soon as it reads EOF. Its FIN carries the ACK of the client's FIN, so the close takes three segments.",
    },
  },
  'server-closes-first': {
    title: { ko: '서버가 먼저 닫기', en: 'Server closes first' },
    description: {
      ko: '서버가 먼저 FIN을 보내는 쪽(active closer)이므로 서버가 TIME-WAIT에 남고, 클라이언트는 CLOSE-WAIT를 거칩니다.',
      en: 'The server sends the first FIN, so it is the active closer: the server ends in TIME-WAIT and the client passes through CLOSE-WAIT.',
    },
  },
  'simultaneous-close': {
    title: { ko: '동시 닫기', en: 'Simultaneous close' },
    description: {
      ko: '양쪽 애플리케이션이 같은 순간 닫아 FIN이 엇갈립니다. 둘 다 FIN-WAIT-1에서 CLOSING을 거쳐 TIME-WAIT가 됩니다.',
      en: 'Both applications close at the same instant and the FINs cross. Both go FIN-WAIT-1 → CLOSING → TIME-WAIT.',
    },
  },
  'lost-fin': {
    title: { ko: 'FIN 유실', en: 'Lost FIN' },
    description: {
      ko: '클라이언트의 FIN이 유실되므로 클라이언트는 FIN-WAIT-1에 머물다가 RTO 뒤에 FIN을 재전송합니다.',
      en: "The client's FIN is lost, so the client stays in FIN-WAIT-1 and retransmits the FIN after the RTO.",
    },
  },
  'lost-final-ack': {
    title: { ko: '마지막 ACK 유실', en: 'Lost final ACK' },
    description: {
      ko: '마지막 ACK가 유실되면 LAST-ACK 쪽이 FIN을 재전송하고, 아직 남아 있는 TIME-WAIT 쪽이 다시 ACK하면서 2×MSL 타이머를 새로 시작합니다.',
      en: 'When the final ACK is lost, the LAST-ACK side retransmits its FIN. The TIME-WAIT side is still there, so it ACKs again and restarts its 2×MSL timer.',
    },
  },
  'half-close': {
    title: { ko: '하프 클로즈', en: 'Half-close' },
    description: {
      ko: '클라이언트가 요청을 보낸 뒤 shutdown(SHUT_WR)으로 자기 방향만 닫습니다. 서버는 CLOSE-WAIT에서도 계속 데이터를 보내고, 다 보낸 뒤 닫습니다.',
      en: 'The client sends its request, then shutdown(SHUT_WR) closes its direction only. The server keeps sending from CLOSE-WAIT and closes when it is done.',
    },
  },
  'time-wait-too-short': {
    title: { ko: 'TIME-WAIT가 너무 짧을 때', en: 'When TIME-WAIT is too short' },
    description: {
      ko: 'TIME-WAIT를 100 ms로 줄였습니다. 같은 4-튜플로 새 연결(새 인스턴스)이 열리자, 네트워크에 늦게 남아 있던 이전 연결의 세그먼트가 새 연결의 데이터로 받아들여집니다.',
      en: 'TIME-WAIT is cut to 100 ms. A new connection (a new incarnation) opens on the same 4-tuple, and a late segment of the old connection is accepted as data of the new one.',
    },
  },
  'rst-in-time-wait': {
    title: { ko: 'TIME-WAIT에서 받은 RST', en: 'RST in TIME-WAIT' },
    description: {
      ko: 'TIME-WAIT 중에 오래된 중복 세그먼트가 도착합니다. 클라이언트의 ACK에 이미 연결을 닫은 서버가 RST로 답하고, 그 RST가 TIME-WAIT를 일찍 끝냅니다(TIME-WAIT assassination).',
      en: 'An old duplicate segment arrives during TIME-WAIT. The client ACKs it, the server, which has already closed, answers RST, and that RST ends TIME-WAIT early (TIME-WAIT assassination).',
    },
  },
  'rst-in-time-wait-rfc1337': {
    title: { ko: 'TIME-WAIT에서 받은 RST: RFC 1337 적용', en: 'RST in TIME-WAIT with RFC 1337' },
    description: {
      ko: '같은 상황에서 RFC 1337의 해결책 F1을 적용하면 TIME-WAIT 중에 받은 RST를 무시하므로, 클라이언트는 TIME-WAIT를 끝까지 지킵니다.',
      en: "The same situation with RFC 1337's fix F1: a RST received in TIME-WAIT is ignored, and the client keeps its full TIME-WAIT.",
    },
  },
  'syn-flood': {
    title: { ko: 'SYN 플러드', en: 'SYN flood' },
    description: {
      ko: '공격자가 위조한 주소로 SYN을 쏟아내 서버의 작은 백로그(4개)를 하프 오픈 연결로 채웁니다. 정상 클라이언트의 SYN은 버려지고 클라이언트는 재전송만 반복합니다.',
      en: "An attacker floods SYNs from spoofed addresses and fills the server's small backlog (4) with half-open connections. The real client's SYNs are dropped and it keeps retransmitting.",
    },
  },
  'syn-flood-cookies': {
    title: { ko: 'SYN 플러드와 SYN 쿠키', en: 'SYN flood with SYN cookies' },
    description: {
      ko: '백로그가 가득 차도 서버는 SYN 쿠키로 답합니다. 연결 상태를 ISN에 담아 보내므로 기록을 남기지 않고, 클라이언트의 ACK가 돌아오면 그때 연결을 만듭니다.',
      en: "With the backlog full the server still answers with a SYN cookie. It encodes the connection's state in its ISN and keeps no record; when the client's ACK returns, it builds the connection then.",
    },
  },
  'old-duplicate-syn': {
    title: { ko: '오래된 중복 SYN', en: 'An old duplicate SYN' },
    description: {
      ko: '예전 연결의 SYN이 네트워크에 남아 있다가 새 SYN보다 먼저 서버에 도착합니다. 서버가 SYN+ACK로 답하지만 클라이언트는 자기가 보낸 적 없는 번호를 확인받았으므로 RST를 보내고, 서버는 LISTEN으로 돌아갑니다. 그다음 도착한 진짜 SYN으로 연결이 열립니다(RFC 9293 그림 8). 3-way 핸드셰이크가 필요한 이유 중 하나입니다.',
      en: 'A SYN of an earlier connection lingers in the network and reaches the server before the real one. The server answers with SYN+ACK, but the client sees an acknowledgment of a number it never sent, so it answers RST and the server goes back to LISTEN. The real SYN arrives next and opens the connection (RFC 9293 Figure 8). This is one reason the handshake needs three segments.',
    },
  },
  'accept-queue-full': {
    title: { ko: 'accept 큐가 가득 찼을 때', en: 'A full accept queue' },
    description: {
      ko: '서버 애플리케이션이 accept()를 늦게 호출해 accept 큐(여기서는 1개)가 다른 클라이언트의 연결로 찼습니다. 리눅스는 이때 도착한 세 번째 ACK와 데이터를 버리므로, 클라이언트는 ESTABLISHED라고 믿고 데이터를 보내지만 서버는 SYN+ACK를 재전송합니다. 새 SYN도 버려집니다. 애플리케이션이 accept()를 호출해 자리가 나면 클라이언트의 다음 세그먼트로 연결이 완성됩니다. tcp_abort_on_overflow를 켜면 세 번째 ACK에 RST로 답합니다.',
      en: "The server application is slow to call accept(), and another client's connection fills the accept queue (one slot here). Linux drops the third ACK and the data that arrive now, so the client believes it is ESTABLISHED and sends while the server retransmits its SYN+ACK. New SYNs are dropped too. Once the application calls accept() and a slot frees, the client's next segment completes the connection. With tcp_abort_on_overflow on, the third ACK is answered with RST.",
    },
  },
  'half-open-discovery': {
    title: { ko: '하프 오픈 연결 발견하기', en: 'Discovering a half-open connection' },
    description: {
      ko: '서버 호스트가 재부팅되어 연결을 아무 신호 없이 잊어버립니다. 클라이언트는 여전히 ESTABLISHED이므로, 다음에 데이터를 보낼 때 서버가 RST로 답하고 나서야 연결이 없다는 것을 압니다(RFC 9293 그림 10). TCP 킵얼라이브를 켜면 10초 동안 아무것도 오가지 않았을 때 보내는 확인용 세그먼트(프로브)가 먼저 RST를 받아 옵니다.',
      en: "The server's host reboots and forgets the connection without a word. The client is still ESTABLISHED and learns the truth only when its next data draws a RST (RFC 9293 Figure 10). With keepalive on, a probe sent after 10 s of silence draws the RST first.",
    },
  },
  'time-wait-reopen': {
    title: { ko: 'TIME-WAIT 중에 다시 연결하기', en: 'Reconnecting during TIME-WAIT' },
    description: {
      ko: '서버가 먼저 닫아 TIME-WAIT에 있는데 클라이언트가 같은 포트로 다시 연결합니다. 리눅스는 SYN의 시퀀스 번호가 이전 RCV.NXT보다 크거나 타임스탬프가 더 새로우면 SYN을 받아들이고, ISS를 이전 SND.NXT + 65537로 정합니다. 그렇지 않으면 ACK만 다시 보냅니다. RFC 프로필에는 타임스탬프가 없으므로 같은 SYN은 ACK만 받고, 클라이언트가 그 ACK에 RST로 답하면서 서버의 TIME-WAIT가 일찍 끝납니다.',
      en: "The server closed first and is in TIME-WAIT when the client connects again from the same port. Linux accepts the SYN when its sequence number is above the old RCV.NXT or its timestamp is newer, and then picks ISS = old SND.NXT + 65537; otherwise it only ACKs again. The RFC profile has no timestamps: the same SYN only gets an ACK, the client answers that ACK with RST, and the RST ends the server's TIME-WAIT early.",
    },
  },
  'linger-abort': {
    title: { ko: 'SO_LINGER 0으로 닫기: RST', en: 'Closing with SO_LINGER 0: RST' },
    description: {
      ko: 'SO_LINGER를 {켜짐, 0}으로 설정하고 close()하면 FIN 대신 RST가 나가고 연결이 곧바로 사라집니다. 아직 확인받지 못한 데이터(여기서는 유실된 "bye")는 재전송되지 않고 버려지며, 어느 쪽도 TIME-WAIT에 들어가지 않습니다. RST의 시퀀스 번호가 서버가 기다리는 번호와 달라 서버는 챌린지 ACK로 답하고(RFC 5961 §3.2), 연결이 없는 클라이언트가 정확한 번호의 RST로 다시 답합니다.',
      en: 'close() with SO_LINGER set to {on, 0} sends a RST instead of a FIN and drops the connection at once. Data not yet acknowledged (here the lost "bye") is never retransmitted but thrown away, and neither side enters TIME-WAIT. The RST\'s sequence number is not the one the server expects, so the server answers with a challenge ACK (RFC 5961 §3.2), and the client, which no longer has a connection, answers that with an exact RST.',
    },
  },
};

/**
 * Public list (id, bilingual title and description, useful knobs), in the book's order, for the
 * CLI and the build-time pages. Marked pure so a bundle that imports only runScenario/getScenario
 * from index.ts drops this module and its prose.
 */
export const scenarios: readonly ScenarioInfo[] = /* @__PURE__ */ SCENARIO_IDS.map((id) => ({
  id,
  title: SCENARIO_TEXT[id].title,
  description: SCENARIO_TEXT[id].description,
  knobs: getScenario(id).knobs,
}));
