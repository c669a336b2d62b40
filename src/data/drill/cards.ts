/**
 * The interview drill: twenty common interview questions on opening and closing TCP connections
 * and their follow-ups ("tail questions"), each with a model answer in Korean and English and a
 * link to the chapter section that proves it. Section numbers are RFC 9293's unless another
 * document is named. Answers may use `backticks` for code.
 */

import type { LabStep } from '../interview-questions.ts';

/** One side of a card in one language. */
export interface CardText {
  q: string;
  /** the 30-second answer: what a candidate says aloud first */
  short: string;
  /** the deep answer, one string per paragraph */
  a: string[];
}

/** A flashcard. `next` names the follow-up an interviewer usually asks after this one. */
export interface DrillCard {
  id: string;
  /** number of the question in the list of twenty; follow-ups share their parent's number */
  n: number;
  /** the card this one follows up on, if it is a follow-up */
  parent?: string;
  next?: string;
  /** chapter slug and section anchor that prove the answer */
  proof: { slug: string; anchor: string };
  /** a lab step that shows it; a question's own card takes its question's first lab instead */
  lab?: LabStep;
  ko: CardText;
  en: CardText;
}

export const cards: readonly DrillCard[] = [
  {
    id: 'q01-handshake',
    n: 1,
    proof: { slug: 'three-way-handshake', anchor: 'three-steps' },
    en: {
      q: 'Walk through the 3-way handshake: each segment’s flags, seq/ack numbers, and each side’s state.',
      short:
        'Client sends SYN with its ISN x and goes SYN-SENT; the server answers SYN+ACK with its own ISN y and ack x+1 and goes SYN-RECEIVED; the client, now ESTABLISHED, sends ACK with seq x+1, ack y+1, and the server becomes ESTABLISHED.',
      a: [
        'The client (CLOSED) sends SYN with seq=x, its initial sequence number, and enters SYN-SENT. The listening server receives it and enters SYN-RECEIVED.',
        'The server answers SYN+ACK with seq=y (its own ISN) and ack=x+1: the SYN consumed one sequence number. When the client receives it, the client is ESTABLISHED.',
        'The client sends ACK with seq=x+1, ack=y+1. When the server receives it, the server is ESTABLISHED too. This third segment may already carry data (RFC 9293 §3.5, Figure 6).',
      ],
    },
    ko: {
      q: '3-way 핸드셰이크를 설명해 보세요. 세그먼트마다 플래그, seq/ack 번호, 양쪽 상태를 말해야 합니다.',
      short:
        '클라이언트가 ISN x를 담은 SYN을 보내고 SYN-SENT가 되면, 서버는 자기 ISN y와 ack x+1을 담은 SYN+ACK로 답하고 SYN-RECEIVED가 됩니다. 이때 ESTABLISHED가 된 클라이언트가 seq x+1, ack y+1인 ACK를 보내고, 이를 받은 서버도 ESTABLISHED가 됩니다.',
      a: [
        '클라이언트(CLOSED)가 자기 초기 시퀀스 번호(ISN) x를 담아 SYN(seq=x)을 보내고 SYN-SENT가 되면, LISTEN 중인 서버는 이를 받고 SYN-RECEIVED가 됩니다.',
        '서버는 SYN+ACK로 답합니다. seq=y는 서버 자신의 ISN이고, SYN이 시퀀스 번호 하나를 쓰기 때문에 ack는 x+1입니다. 클라이언트는 이 세그먼트를 받는 순간 ESTABLISHED가 됩니다.',
        '클라이언트가 ACK(seq=x+1, ack=y+1)를 보내면 서버도 이를 받아 ESTABLISHED가 되며, 이 세 번째 세그먼트에는 데이터를 실어도 됩니다(RFC 9293 §3.5, Figure 6).',
      ],
    },
  },
  {
    id: 'q01-mss-on-syn',
    n: 1,
    parent: 'q01-handshake',
    proof: { slug: 'tcp-basics', anchor: 'mss-on-syn' },
    en: {
      q: 'Follow-up: why does the MSS option appear only on SYN segments?',
      short:
        'RFC 9293 allows it only with SYN set (§3.2, MUST-65): each side must know the peer’s limit before its first data byte, and the SYN is the one segment the peer is sure to have processed by then.',
      a: [
        'The MSS is the largest payload, in bytes, one segment may carry to the sender of the option, headers not counted (1460 on Ethernet). RFC 9293 says it “MUST NOT be sent in other segments” (§3.2, MUST-65).',
        'A later announcement could arrive after data that already broke it, or never, since a bare ACK is not retransmitted. Without the option, a sender assumes 536 bytes over IPv4 and 1220 over IPv6 (§3.7.1); a narrower path found later is handled by Path MTU Discovery, not by a new MSS.',
      ],
    },
    ko: {
      q: '꼬리 질문: MSS 옵션은 왜 SYN 세그먼트에만 실립니까?',
      short:
        'RFC 9293이 SYN이 켜진 세그먼트에만 허용하기 때문입니다(§3.2, MUST-65). 양쪽은 첫 데이터 바이트를 보내기 전에 상대의 한계를 알아야 하는데, 그때까지 상대가 반드시 처리한 세그먼트는 SYN뿐입니다.',
      a: [
        'MSS는 옵션을 보낸 쪽이 세그먼트 하나로 받을 수 있는 가장 큰 페이로드의 바이트 수로, 헤더는 세지 않습니다(이더넷에서 1460). RFC 9293은 이 옵션을 다른 세그먼트에 보내면 안 된다고 정합니다(§3.2, MUST-65).',
        '나중에 알린 값은 이미 한계를 넘긴 데이터보다 늦게 도착할 수 있고, 순수한 ACK는 재전송되지 않으므로 아예 도착하지 않을 수도 있습니다. 옵션이 없으면 보내는 쪽은 IPv4에서 536바이트, IPv6에서 1220바이트로 가정합니다(§3.7.1). 나중에 경로가 더 좁다는 것이 드러나면 새 MSS가 아니라 경로 MTU 탐색이 처리합니다.',
      ],
    },
  },
  {
    id: 'q02-why-three',
    n: 2,
    next: 'q04-isn',
    proof: { slug: 'three-way-handshake', anchor: 'why-three' },
    en: {
      q: 'Why three segments, not two (or four)?',
      short:
        'Each side has to send its ISN and see it acknowledged, which is four messages with the middle two merged into SYN+ACK. The third segment also lets the client reject a SYN+ACK that answers an old duplicate SYN, with RST.',
      a: [
        'Each side must send its own ISN and see it acknowledged. That is four messages; the server’s ACK and its SYN ride in one segment, SYN+ACK, so three remain (RFC 9293 §3.4.1).',
        'With two, the server would never learn that the client received its ISN, and it could not tell an old duplicate SYN from a new one. With three, the client answers a SYN+ACK that acknowledges the wrong number with RST, and the server goes back to LISTEN (§3.5, Figure 8).',
        'Four would work but wastes a segment: nothing forces the server to send its ACK and SYN apart.',
      ],
    },
    ko: {
      q: '왜 세그먼트가 두 개나 네 개가 아니라 세 개입니까?',
      short:
        '양쪽 모두 자기 ISN을 보내고 확인받아야 하므로 메시지는 네 개인데, 가운데 두 개를 SYN+ACK 하나로 합쳐 세 개가 됩니다. 세 번째 세그먼트 덕분에 클라이언트는 오래된 중복 SYN에 대한 SYN+ACK를 RST로 거절할 수도 있습니다.',
      a: [
        '양쪽 모두 자기 ISN을 보내고 상대가 그 번호를 확인 응답(ACK)하는 것을 봐야 하므로 메시지는 네 개가 필요하지만, 서버의 ACK와 SYN을 한 세그먼트(SYN+ACK)에 합치기 때문에 세 개가 됩니다(RFC 9293 §3.4.1).',
        '두 개로 끝내면 서버는 클라이언트가 자기 ISN을 받았는지 알 수 없고, 오래된 중복 SYN과 새 SYN을 구별할 수도 없습니다. 세 번 주고받으면 클라이언트가 엉뚱한 번호를 확인 응답한 SYN+ACK에 RST로 답하고, 서버는 LISTEN으로 돌아갑니다(§3.5, Figure 8).',
        '네 개로 해도 동작은 하지만, 서버가 ACK와 SYN을 따로 보낼 이유가 없으므로 세그먼트 하나를 낭비하게 됩니다.',
      ],
    },
  },
  {
    id: 'q03-lost-segments',
    n: 3,
    next: 'q03-data-completes',
    proof: { slug: 'three-way-handshake', anchor: 'lost-segments' },
    en: {
      q: 'What happens if the SYN, the SYN+ACK, or the final ACK is lost?',
      short:
        'If the SYN is lost, the client retransmits it; if the SYN+ACK is lost, both retransmit, the client its SYN and the server its SYN+ACK. If the third ACK is lost, the client is already ESTABLISHED, and the server retransmits SYN+ACK until the client’s next ACK or data completes the handshake. A current Linux gives up a connect() after 11 SYNs, about 131 s.',
      a: [
        'If the SYN is lost, the client’s retransmission timer fires and it sends the SYN again; the RFC timer starts at 1 s and doubles (RFC 6298). Since Linux 6.5 the first retries come every second (`tcp_syn_linear_timeouts` = 4) and add to `tcp_syn_retries` = 6: 11 SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, and connect() fails with ETIMEDOUT after about 131 s (`tcp_write_timeout()`, net/ipv4/tcp_timer.c). Before 6.5: 7 SYNs and about 127 s.',
        'SYN+ACK lost: the client still waits in SYN-SENT and retransmits its SYN; the server, in SYN-RECEIVED, retransmits its SYN+ACK (Linux `tcp_synack_retries` = 5).',
        'If the final ACK is lost, the client is already ESTABLISHED and may send data. The server stays in SYN-RECEIVED and retransmits SYN+ACK, and the client ACKs it again; but any data segment from the client carries the same ACK, so it completes the handshake on its own.',
      ],
    },
    ko: {
      q: 'SYN, SYN+ACK, 마지막 ACK가 각각 유실되면 어떻게 됩니까?',
      short:
        'SYN이 유실되면 클라이언트가 재전송합니다. SYN+ACK가 유실되면 클라이언트는 SYN을, 서버는 SYN+ACK를 재전송합니다. 세 번째 ACK가 유실되면 클라이언트는 이미 ESTABLISHED이고, 서버가 SYN+ACK를 재전송하거나 클라이언트의 다음 ACK나 데이터가 핸드셰이크를 끝냅니다. 요즘 리눅스는 SYN을 11번 보낸 뒤, 약 131초 만에 connect()를 포기합니다.',
      a: [
        'SYN이 유실되면 클라이언트의 재전송 타이머가 만료되어 SYN을 다시 보냅니다. RFC의 타이머는 1초에서 시작해 두 배씩 늘어납니다(RFC 6298). 리눅스 6.5부터는 처음 몇 번을 1초 간격으로 재전송하고(`tcp_syn_linear_timeouts` = 4) 이 횟수가 `tcp_syn_retries` = 6에 더해지므로, SYN이 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67초에 모두 11번 나가고 connect()는 약 131초 뒤에 ETIMEDOUT으로 실패합니다(net/ipv4/tcp_timer.c의 `tcp_write_timeout()`). 6.5 이전에는 SYN 7번, 약 127초였습니다.',
        'SYN+ACK가 유실되면 클라이언트는 SYN-SENT에 머물며 SYN을 재전송하고, SYN-RECEIVED인 서버는 SYN+ACK를 재전송합니다(리눅스 `tcp_synack_retries` = 5).',
        '마지막 ACK가 유실되어도 클라이언트는 이미 ESTABLISHED이므로 데이터를 보낼 수 있습니다. 서버는 SYN-RECEIVED에 남아 SYN+ACK를 재전송하고 클라이언트가 다시 ACK하지만, 클라이언트의 데이터 세그먼트에도 ACK가 실려 있으므로 그 세그먼트만으로도 핸드셰이크가 끝납니다.',
      ],
    },
  },
  {
    id: 'q03-data-completes',
    n: 3,
    parent: 'q03-lost-segments',
    proof: { slug: 'three-way-handshake', anchor: 'lost-segments' },
    en: {
      q: 'Follow-up: the third ACK is lost, but the client sends its request right away. Does the server drop it?',
      short: 'No: the data segment carries the same acknowledgment as the lost ACK, so it completes the handshake and its data is accepted.',
      a: [
        'No. Every segment after the SYN carries the ACK flag and an acknowledgment number. The data segment acknowledges the server’s SYN just as the lost ACK would have, so the server moves from SYN-RECEIVED to ESTABLISHED and accepts the data.',
        'So a lost third ACK usually costs nothing when the client speaks first. It matters for protocols where the server speaks first: then the server waits for its SYN+ACK retransmission to be answered.',
      ],
    },
    ko: {
      q: '꼬리 질문: 세 번째 ACK가 유실됐는데 클라이언트가 곧바로 요청을 보냅니다. 서버는 이 요청을 버립니까?',
      short:
        '버리지 않습니다. 데이터 세그먼트에도 유실된 ACK와 같은 확인 응답 번호가 실려 있으므로, 그 세그먼트가 핸드셰이크를 끝내고 데이터도 받아들여집니다.',
      a: [
        '버리지 않습니다. SYN 다음의 모든 세그먼트에는 ACK 플래그와 확인 응답 번호가 있어서 데이터 세그먼트도 유실된 ACK와 똑같이 서버의 SYN을 확인 응답하므로, 서버는 SYN-RECEIVED에서 ESTABLISHED로 바뀌고 데이터를 받습니다.',
        '그래서 클라이언트가 먼저 요청을 보내는 프로토콜에서는 세 번째 ACK가 유실돼도 비용이 거의 없지만, 서버가 먼저 보내는 프로토콜이라면 서버는 SYN+ACK 재전송에 대한 응답을 기다려야 합니다.',
      ],
    },
  },
  {
    id: 'q04-isn',
    n: 4,
    parent: 'q02-why-three',
    next: 'q04-old-duplicates',
    proof: { slug: 'three-way-handshake', anchor: 'isn' },
    en: {
      q: 'Why is the initial sequence number not 0, and how is it chosen?',
      short:
        'So that old segments of a previous connection on the same 4-tuple cannot land in the new window, and so that outsiders cannot guess numbers to inject segments. It is a 4 µs clock plus a keyed hash of the 4-tuple (RFC 9293 §3.4.1, RFC 6528), not just a random number.',
      a: [
        'Two reasons: segments of an old connection with the same 4-tuple must not be taken for segments of a new one, and an attacker off the path must not be able to guess the numbers and inject segments (RFC 9293 §3.4.1).',
        'RFC 9293 requires a clock-driven ISN that outsiders cannot predict: ISN = M + F(local IP, local port, remote IP, remote port, secret key), where M is a timer ticking every 4 µs and F a keyed hash (RFC 6528). Linux uses SipHash of the 4-tuple with a secret plus a 64 ns clock.',
        'So it is not simply “a random number”: the clock part keeps successive connections on the same 4-tuple moving forward, the hash part makes it unguessable.',
      ],
    },
    ko: {
      q: '초기 시퀀스 번호(ISN)는 왜 0이 아니고, 어떻게 정합니까?',
      short:
        '같은 4-튜플을 쓰던 예전 연결의 세그먼트가 새 연결의 윈도우에 들어오지 않게 하고, 외부에서 번호를 추측해 세그먼트를 끼워 넣지 못하게 하려는 것입니다. 그래서 ISN은 단순한 난수가 아니라 4µs 클록에 4-튜플의 키 해시를 더한 값입니다(RFC 9293 §3.4.1, RFC 6528).',
      a: [
        '이유는 두 가지입니다. 같은 4-튜플을 쓰던 예전 연결의 세그먼트를 새 연결의 것으로 잘못 받아들이면 안 되고, 경로 밖의 공격자가 번호를 추측해 세그먼트를 끼워 넣을 수도 없어야 합니다(RFC 9293 §3.4.1).',
        'RFC 9293은 클록에 따라 증가하면서도 밖에서 예측할 수 없는 ISN을 요구합니다. ISN = M + F(로컬 IP, 로컬 포트, 원격 IP, 원격 포트, 비밀 키)이며, M은 4µs마다 증가하는 타이머, F는 키가 있는 해시입니다(RFC 6528). 리눅스는 4-튜플과 비밀 값의 SipHash에 64ns 단위 클록을 더합니다.',
        '그래서 ISN은 단순한 "난수"가 아닙니다. 클록 부분 덕분에 같은 4-튜플로 이어지는 연결의 ISN이 점점 커지고, 해시 부분 덕분에 밖에서 추측할 수 없습니다.',
      ],
    },
  },
  {
    id: 'q04-old-duplicates',
    n: 4,
    parent: 'q04-isn',
    proof: { slug: 'three-way-handshake', anchor: 'why-three' },
    lab: { slug: 'three-way-handshake', scenario: 'old-duplicate-syn', step: 5, shows: { side: 'B', state: 'LISTEN' } },
    en: {
      q: 'Follow-up: an old duplicate SYN from a previous connection arrives at the server. What does the handshake do about it?',
      short:
        'The server answers it with a SYN+ACK; the client sees an acknowledgment of a SYN it never sent and replies RST, and the server goes back to LISTEN (RFC 9293 Figure 8).',
      a: [
        'The server cannot tell it is old, so it answers with SYN+ACK acknowledging the old sequence number and enters SYN-RECEIVED.',
        'The client did not send that SYN: the SYN+ACK acknowledges a number it never used, so it answers with RST (an unacceptable ACK in SYN-SENT or CLOSED gets a reset). The server then returns to LISTEN and nothing was opened (RFC 9293 §3.5, Figure 8).',
        'This is the part of “why three” that a two-segment handshake cannot do: only the initiator knows which SYN is current.',
      ],
    },
    ko: {
      q: '꼬리 질문: 예전 연결의 오래된 중복 SYN이 서버에 도착합니다. 핸드셰이크는 이를 어떻게 처리합니까?',
      short: '서버는 SYN+ACK로 답하지만, 클라이언트는 보낸 적 없는 SYN에 대한 확인 응답이므로 RST를 보내고, 서버는 LISTEN으로 돌아갑니다(RFC 9293 Figure 8).',
      a: [
        '서버는 그 SYN이 오래된 것인지 알 수 없으므로 그 시퀀스 번호를 확인 응답하는 SYN+ACK를 보내고 SYN-RECEIVED가 됩니다.',
        '클라이언트는 그런 SYN을 보낸 적이 없으므로, 쓰지도 않은 번호를 확인 응답하는 SYN+ACK에 RST로 답합니다(SYN-SENT나 CLOSED에서 받아들일 수 없는 ACK에는 RST를 보냅니다). 그러면 서버는 LISTEN으로 돌아가고 아무 연결도 열리지 않습니다(RFC 9293 §3.5, Figure 8).',
        '어느 SYN이 지금 것인지는 연결을 시작한 쪽만 알기 때문에, 두 번짜리 핸드셰이크로는 이렇게 거절할 수 없습니다. "왜 세 번인가"의 답이 바로 이것입니다.',
      ],
    },
  },
  {
    id: 'q05-syn-states',
    n: 5,
    proof: { slug: 'three-way-handshake', anchor: 'client-established-first' },
    en: {
      q: 'What are SYN-SENT and SYN-RECEIVED? Which side reaches ESTABLISHED first?',
      short:
        'SYN-SENT: sent a SYN, waiting for the answer. SYN-RECEIVED: received a SYN and answered SYN+ACK, waiting for the ACK. The client is ESTABLISHED first, when the SYN+ACK arrives; the server one segment later.',
      a: [
        'SYN-SENT: the side that called connect() has sent its SYN and waits for a matching SYN+ACK. SYN-RECEIVED: a side has received a SYN, sent its SYN+ACK, and waits for the ACK of its own SYN (§3.3.2).',
        'The client is ESTABLISHED first: as soon as the SYN+ACK arrives, both ISNs are known and its own is acknowledged. The server becomes ESTABLISHED one half round trip later, when the third segment arrives.',
        'In `ss` they show as `SYN-SENT` and `SYN-RECV`; netstat prints `SYN_SENT` and `SYN_RECV`. “SYN_SEND” and “SYN_RECIEVED” are typos, not state names.',
      ],
    },
    ko: {
      q: 'SYN-SENT와 SYN-RECEIVED는 무엇입니까? 어느 쪽이 먼저 ESTABLISHED가 됩니까?',
      short:
        'SYN-SENT는 SYN을 보내고 응답을 기다리는 상태이고, SYN-RECEIVED는 SYN을 받아 SYN+ACK로 답한 뒤 ACK를 기다리는 상태입니다. SYN+ACK를 받는 순간 클라이언트가 먼저 ESTABLISHED가 되고, 서버는 세그먼트 하나 뒤에 따라옵니다.',
      a: [
        'SYN-SENT는 connect()를 호출한 쪽이 SYN을 보내고 그에 맞는 SYN+ACK를 기다리는 상태입니다. SYN-RECEIVED는 SYN을 받고 SYN+ACK를 보낸 뒤, 자기 SYN에 대한 ACK를 기다리는 상태입니다(§3.3.2).',
        'SYN+ACK가 도착하면 클라이언트는 양쪽 ISN을 모두 알고 자기 ISN도 확인받았으므로 먼저 ESTABLISHED가 되고, 서버는 세 번째 세그먼트가 도착하는 반 왕복 뒤에 ESTABLISHED가 됩니다.',
        '`ss`에서는 `SYN-SENT`, `SYN-RECV`로, netstat에서는 `SYN_SENT`, `SYN_RECV`로 보입니다. "SYN_SEND", "SYN_RECIEVED"는 상태 이름이 아니라 오타입니다.',
      ],
    },
  },
  {
    id: 'q06-teardown',
    n: 6,
    proof: { slug: 'four-way-handshake', anchor: 'four-steps' },
    en: {
      q: 'Walk through the connection teardown with each side’s state.',
      short:
        'The side that closes first sends FIN (FIN-WAIT-1); the peer ACKs it (CLOSE-WAIT) and the closer moves to FIN-WAIT-2; when the peer’s application closes, it sends its FIN (LAST-ACK); the closer ACKs it and waits in TIME-WAIT for 2×MSL, the peer goes CLOSED.',
      a: [
        'A’s application closes: A sends FIN and enters FIN-WAIT-1. B receives it, ACKs it and enters CLOSE-WAIT; B’s application reads end-of-file.',
        'A receives that ACK and enters FIN-WAIT-2. Later B’s application closes: B sends its FIN and enters LAST-ACK.',
        'A receives B’s FIN, ACKs it and enters TIME-WAIT. B receives the ACK and is CLOSED. A becomes CLOSED after 2×MSL (RFC 9293 §3.6, Figure 12; Figure 13 is the simultaneous close).',
        'A is whichever side closes first, the active closer, not necessarily “the client”: an HTTP/1.1 server that closes idle keep-alive connections is A, and so is a client that closes its own connections when it is done.',
      ],
    },
    ko: {
      q: '연결 종료 과정을 양쪽 상태와 함께 설명해 보세요.',
      short:
        '먼저 닫는 쪽이 FIN을 보내 FIN-WAIT-1이 되고, 상대가 ACK하며 CLOSE-WAIT가 되면 먼저 닫는 쪽은 FIN-WAIT-2로 갑니다. 상대의 애플리케이션이 닫으면 상대가 FIN을 보내 LAST-ACK가 되고, 먼저 닫은 쪽이 ACK한 뒤 2×MSL 동안 TIME-WAIT에 머무는 사이 상대는 CLOSED가 됩니다.',
      a: [
        'A의 애플리케이션이 close()를 호출하면 A는 FIN을 보내고 FIN-WAIT-1이 됩니다. B는 FIN을 받아 ACK를 보내고 CLOSE-WAIT가 되며, B의 애플리케이션은 EOF를 읽습니다.',
        'A는 그 ACK를 받아 FIN-WAIT-2가 되고, 나중에 B의 애플리케이션이 close()를 호출하면 B도 FIN을 보내고 LAST-ACK가 됩니다.',
        'A는 B의 FIN에 ACK를 보내고 TIME-WAIT가 되며, B는 그 ACK를 받아 CLOSED가 됩니다. A는 2×MSL이 지난 뒤에야 CLOSED가 됩니다(RFC 9293 §3.6, Figure 12. Figure 13은 동시 닫기입니다).',
        '여기서 A는 먼저 닫는 쪽(active closer)일 뿐 꼭 "클라이언트"는 아닙니다. 유휴 keep-alive 연결을 끊는 HTTP/1.1 서버라면 서버가 A이고, 일을 마치면 연결을 직접 닫는 클라이언트라면 클라이언트가 A입니다.',
      ],
    },
  },
  {
    id: 'q06-numbers',
    n: 6,
    parent: 'q06-teardown',
    proof: { slug: 'four-way-handshake', anchor: 'worked-teardown' },
    en: {
      q: 'Follow-up: the client (ISN x) sends 100 bytes and closes; the server’s ISN is y. Give seq and ack of the four teardown segments.',
      short: 'FIN seq=x+101 ack=y+1; ACK seq=y+1 ack=x+102; FIN seq=y+1 ack=x+102; ACK seq=x+102 ack=y+2.',
      a: [
        'The data took x+1 to x+100, so the client’s FIN carries seq=x+101 and still acknowledges y+1. The FIN takes one number, so the server acknowledges x+102.',
        'The server’s bare ACK took no number, so its FIN also carries seq=y+1. The client’s last ACK has seq=x+102 (its FIN took x+101) and ack=y+2 (the server’s FIN took y+1). A FIN counts like one byte of data; an ACK counts nothing (RFC 9293 §3.4).',
      ],
    },
    ko: {
      q: '꼬리 질문: 클라이언트(ISN x)가 100바이트를 보내고 닫습니다. 서버의 ISN은 y입니다. 종료 세그먼트 네 개의 seq와 ack를 말해 보세요.',
      short: 'FIN seq=x+101 ack=y+1, ACK seq=y+1 ack=x+102, FIN seq=y+1 ack=x+102, ACK seq=x+102 ack=y+2입니다.',
      a: [
        '데이터가 x+1부터 x+100까지를 썼으므로 클라이언트의 FIN은 seq=x+101이고 여전히 y+1을 확인 응답합니다. FIN이 번호 하나를 쓰므로 서버는 x+102를 확인 응답합니다.',
        'FIN은 데이터 1바이트처럼 번호를 쓰지만 ACK는 쓰지 않습니다(RFC 9293 §3.4). 그래서 서버의 순수한 ACK 다음에 오는 서버의 FIN도 seq=y+1이고, 클라이언트의 마지막 ACK는 seq=x+102(자기 FIN이 x+101을 썼으므로), ack=y+2(서버의 FIN이 y+1을 썼으므로)입니다.',
      ],
    },
  },
  {
    id: 'q07-four-or-three',
    n: 7,
    next: 'q08-close-wait',
    proof: { slug: 'four-way-handshake', anchor: 'why-four-when-three' },
    en: {
      q: 'Why does the teardown take four segments, and when does it take three?',
      short:
        'Four, because each direction closes separately: the kernel ACKs a FIN at once, but its own FIN waits for its application’s close(). Three when that close() comes right away, so the FIN carries the ACK.',
      a: [
        'Each direction closes on its own (half-close). TCP ACKs a FIN at once, but sends its own FIN only when its own application calls close(). Between the two, the passive side may still send data (§3.6).',
        'Three segments when the passive side’s application closes at once: its FIN carries the ACK of the other FIN, so [FIN], [FIN, ACK], [ACK]. The active closer then goes from FIN-WAIT-1 straight to TIME-WAIT. A Linux capture of a typical Node.js server shows exactly this.',
      ],
    },
    ko: {
      q: '연결 종료에는 왜 세그먼트가 네 개 필요하고, 언제 세 개로 끝납니까?',
      short:
        '커널은 FIN을 받으면 곧바로 ACK하지만 자기 FIN은 애플리케이션이 close()를 불러야 보내므로, 두 방향이 따로 닫혀 네 개가 됩니다. 그 close()가 바로 불리면 FIN에 ACK가 함께 실려 세 개로 끝납니다.',
      a: [
        '두 방향이 따로 닫히기 때문입니다(하프 클로즈). TCP는 FIN을 받으면 곧바로 ACK하지만 자기 FIN은 자기 애플리케이션이 close()를 호출할 때에야 보내므로, 그 사이에 나중에 닫는 쪽은 데이터를 더 보낼 수 있습니다(§3.6).',
        '나중에 닫는 쪽의 애플리케이션이 곧바로 닫으면 그 FIN에 상대 FIN에 대한 ACK가 함께 실리므로 [FIN], [FIN, ACK], [ACK]의 세 개로 끝나고, 먼저 닫는 쪽은 FIN-WAIT-1에서 곧바로 TIME-WAIT로 갑니다. 평범한 Node.js 서버를 리눅스에서 캡처하면 바로 이 모양입니다.',
      ],
    },
  },
  {
    id: 'q08-close-wait',
    n: 8,
    parent: 'q07-four-or-three',
    next: 'q08-find-leak',
    proof: { slug: 'four-way-handshake', anchor: 'close-wait' },
    en: {
      q: 'What is CLOSE-WAIT, and what do many CLOSE-WAIT sockets on a server mean?',
      short:
        'CLOSE-WAIT means the peer has closed and the kernel is waiting for my application to call close(). Many of them mean the application leaks connections; no timer ends the state.',
      a: [
        'CLOSE-WAIT means the peer has sent its FIN, the kernel has ACKed it, and TCP now waits for the local application to close the socket. Only the application can end it.',
        'Many CLOSE-WAIT sockets mean the application never calls close(): a leak, typically a code path that forgets to close a connection or return it to a pool after the peer hung up. No sysctl times it out; restarting the process “fixes” it until it piles up again.',
      ],
    },
    ko: {
      q: 'CLOSE-WAIT는 무엇이고, 서버에 CLOSE-WAIT 소켓이 많다면 무슨 뜻입니까?',
      short:
        'CLOSE-WAIT는 상대가 닫았고 커널이 내 애플리케이션의 close()를 기다리는 상태입니다. 이런 소켓이 많다면 애플리케이션이 연결을 닫지 않고 새는 것이고, 이 상태를 끝내는 타이머는 없습니다.',
      a: [
        'CLOSE-WAIT는 상대가 보낸 FIN에 커널이 이미 ACK했고, 이제 로컬 애플리케이션이 소켓을 닫기를 기다리는 상태입니다. 따라서 이 상태는 애플리케이션만 끝낼 수 있습니다.',
        'CLOSE-WAIT 소켓이 많다면 애플리케이션이 close()를 호출하지 않는 것이고, 상대가 끊은 뒤 연결을 닫거나 풀에 돌려주는 것을 잊은 코드 경로가 있는 누수입니다. 이를 끝내는 sysctl은 없으므로 프로세스를 재시작해도 잠시 사라졌다가 다시 쌓입니다.',
      ],
    },
  },
  {
    id: 'q08-find-leak',
    n: 8,
    parent: 'q08-close-wait',
    proof: { slug: 'four-way-handshake', anchor: 'close-wait' },
    en: {
      q: 'Follow-up: how do you find the leak?',
      short: '`ss -tanp state close-wait` names the process and the peers; then look for the code path that never calls close() for that peer.',
      a: [
        'List them with `ss -tanp state close-wait`: the `-p` shows the owning process, and the remote addresses show which peer or upstream service is involved. A count that only grows confirms a leak.',
        'Then look at the code paths that handle that peer: error paths and early returns that skip close(), response bodies that are never read to the end so the client library never releases the connection, pools with no idle check. `lsof -p <pid>` shows the file descriptors piling up.',
      ],
    },
    ko: {
      q: '꼬리 질문: 그 누수는 어떻게 찾습니까?',
      short: '`ss -tanp state close-wait`로 프로세스와 상대 주소를 찾은 다음, 그 상대와의 연결에서 close()를 빠뜨리는 코드 경로를 찾습니다.',
      a: [
        '`ss -tanp state close-wait`로 목록을 보면 `-p`가 소켓을 가진 프로세스를 알려 주고, 원격 주소로 어느 상대나 어느 업스트림 서비스와의 연결인지 알 수 있습니다. 개수가 계속 늘기만 한다면 누수가 맞습니다.',
        '그다음 그 상대를 다루는 코드 경로를 봅니다. close()를 건너뛰는 오류 경로나 조기 반환, 끝까지 읽지 않아 클라이언트 라이브러리가 연결을 놓아주지 않는 응답 본문, 유휴 검사가 없는 커넥션 풀 등이 흔한 원인입니다. `lsof -p <pid>`로 파일 디스크립터가 쌓이는 것도 확인할 수 있습니다.',
      ],
    },
  },
  {
    id: 'q09-fin-wait-2',
    n: 9,
    next: 'q09-fin-timeout',
    proof: { slug: 'four-way-handshake', anchor: 'four-steps' },
    en: {
      q: 'What is FIN-WAIT-2, and can it last forever?',
      short:
        'The active closer after its FIN was ACKed, waiting for the peer’s FIN. In the RFC it can last forever (half-close); Linux ends it after `tcp_fin_timeout` (60 s) only for sockets the application has already closed.',
      a: [
        'FIN-WAIT-2: the active closer’s FIN has been acknowledged, and it waits for the peer’s FIN. Its own direction is closed; the peer may still send data.',
        'In the RFC it can last as long as the peer keeps its side open: a half-closed connection is legal. In practice, when the application has fully closed the socket (an orphan), Linux ends FIN-WAIT-2 after `net.ipv4.tcp_fin_timeout` (60 s). A socket closed only with shutdown(SHUT_WR) is not an orphan and can wait as long as the peer does.',
      ],
    },
    ko: {
      q: 'FIN-WAIT-2는 무엇이고, 영원히 계속될 수 있습니까?',
      short:
        '자기 FIN이 확인 응답을 받은 뒤 상대의 FIN을 기다리는, 먼저 닫는 쪽의 상태입니다. RFC로는 영원히 계속될 수 있고(하프 클로즈), 리눅스는 애플리케이션이 이미 닫은 소켓일 때만 `tcp_fin_timeout`(60초) 뒤에 끝냅니다.',
      a: [
        'FIN-WAIT-2는 먼저 닫는 쪽이 자기 FIN의 확인 응답을 받은 뒤 상대의 FIN을 기다리는 상태입니다. 자기 쪽 방향은 닫혔지만 상대는 아직 데이터를 보낼 수 있습니다.',
        '하프 클로즈는 정상적인 상태이므로 RFC로는 상대가 자기 방향을 열어 두는 한 계속될 수 있습니다. 다만 애플리케이션이 소켓을 완전히 닫아 고아가 된 경우에는 리눅스가 `net.ipv4.tcp_fin_timeout`(60초) 뒤에 FIN-WAIT-2를 끝냅니다. shutdown(SHUT_WR)으로만 닫은 소켓은 고아가 아니므로 상대가 닫을 때까지 기다릴 수 있습니다.',
      ],
    },
  },
  {
    id: 'q09-fin-timeout',
    n: 9,
    parent: 'q09-fin-wait-2',
    proof: { slug: 'time-wait', anchor: 'real-durations' },
    en: {
      q: 'Follow-up: does lowering `tcp_fin_timeout` shorten TIME-WAIT on Linux?',
      short: 'No. It bounds orphaned FIN-WAIT-2 sockets; Linux’s TIME-WAIT is a fixed 60 s (`TCP_TIMEWAIT_LEN`).',
      a: [
        'No. `tcp_fin_timeout` bounds orphaned FIN-WAIT-2 sockets. TIME-WAIT on Linux is fixed at 60 s by `TCP_TIMEWAIT_LEN` in the kernel source, and no sysctl changes it.',
        'The two are often confused because both default to 60 s and both concern the active closer.',
      ],
    },
    ko: {
      q: '꼬리 질문: 리눅스에서 `tcp_fin_timeout`을 줄이면 TIME-WAIT가 짧아집니까?',
      short: '아닙니다. 이 값은 고아가 된 FIN-WAIT-2 소켓의 시간을 제한하고, 리눅스의 TIME-WAIT는 60초로 고정되어 있습니다(`TCP_TIMEWAIT_LEN`).',
      a: [
        '아닙니다. `tcp_fin_timeout`은 고아가 된 FIN-WAIT-2 소켓의 시간을 제한할 뿐이고, 리눅스의 TIME-WAIT는 커널 소스의 `TCP_TIMEWAIT_LEN`으로 60초로 고정되어 있어 바꾸는 sysctl이 없습니다.',
        '둘 다 기본값이 60초이고 먼저 닫는 쪽에서 일어나는 일이라 자주 헷갈립니다.',
      ],
    },
  },
  {
    id: 'q10-why-time-wait',
    n: 10,
    next: 'q11-two-msl',
    proof: { slug: 'time-wait', anchor: 'reason-lost-ack' },
    en: {
      q: 'Why does TIME-WAIT exist? Give both reasons.',
      short:
        'Two reasons: to ACK the peer’s FIN again if the last ACK is lost, instead of answering RST; and to let old duplicate segments die out before the same 4-tuple is used again.',
      a: [
        'First, the last ACK may be lost. The peer in LAST-ACK then retransmits its FIN, and the TIME-WAIT side must still be there to ACK it again (and restart its timer). Without that state the retransmitted FIN would get a RST, and the peer would report an error instead of a clean close.',
        'Second, old duplicate segments of this connection must die out in the network before a new connection with the same 4-tuple can receive them and take them for its own data (RFC 9293 §3.4.1, §3.6.1).',
      ],
    },
    ko: {
      q: 'TIME-WAIT는 왜 있습니까? 두 가지 이유를 모두 말해 보세요.',
      short:
        '이유는 두 가지입니다. 마지막 ACK가 유실되면 상대가 다시 보낸 FIN에 RST 대신 ACK를 다시 보내야 하고, 같은 4-튜플을 다시 쓰기 전에 오래된 중복 세그먼트가 사라져야 합니다.',
      a: [
        '첫째, 마지막 ACK는 유실될 수 있습니다. 그러면 LAST-ACK 상태의 상대가 FIN을 재전송하는데, TIME-WAIT 쪽이 아직 남아 있어야 다시 ACK할 수 있습니다(이때 타이머도 다시 시작합니다). 이 상태가 없으면 재전송된 FIN에 RST가 돌아가므로 상대는 정상 종료 대신 오류를 보고합니다.',
        '둘째, 이 연결의 오래된 중복 세그먼트가 네트워크에서 사라질 때까지 기다려야 같은 4-튜플을 쓰는 새 연결이 그 세그먼트를 자기 데이터로 받아들이지 않습니다(RFC 9293 §3.4.1, §3.6.1).',
      ],
    },
  },
  {
    id: 'q11-two-msl',
    n: 11,
    parent: 'q10-why-time-wait',
    next: 'q14-many-time-wait',
    proof: { slug: 'time-wait', anchor: 'why-2msl' },
    en: {
      q: 'Why 2×MSL and not 1×MSL? What is MSL, and how long is TIME-WAIT on Linux, Windows and macOS?',
      short:
        'MSL is the longest a segment may live in the network (2 minutes in the RFC). 2×MSL covers a round trip: the last ACK going out and a retransmitted FIN coming back. Real lengths: Linux 60 s fixed, Windows 120 s, macOS 30 s.',
      a: [
        'MSL, the maximum segment lifetime, is how long a segment may survive in the network; the RFC sets it to 2 minutes (§3.4.2). Two of them cover a round trip: the last ACK may take up to one MSL to get lost on its way, and the retransmitted FIN up to one more to arrive, and old segments in both directions must have died out.',
        'The RFC thus asks for 4 minutes (MUST-13). Real systems use less: Linux a fixed 60 s, Windows Server 2003 and later 120 s (`TcpTimedWaitDelay`), macOS 30 s (MSL 15 s), FreeBSD 60 s. “240 s by default” was Windows 2000.',
      ],
    },
    ko: {
      q: '왜 1×MSL이 아니라 2×MSL입니까? MSL은 무엇이고, 리눅스·Windows·macOS의 TIME-WAIT는 얼마입니까?',
      short:
        'MSL은 세그먼트가 네트워크에서 살아 있을 수 있는 최대 시간이고 RFC는 2분으로 잡습니다. 2×MSL은 마지막 ACK가 가고 재전송된 FIN이 돌아오는 왕복을 덮습니다. 실제로는 리눅스 60초 고정, Windows 120초, macOS 30초입니다.',
      a: [
        'MSL(maximum segment lifetime)은 세그먼트가 네트워크에서 살아 있을 수 있는 최대 시간이고, RFC는 2분으로 정합니다(§3.4.2). 마지막 ACK가 가다가 유실되기까지 최대 MSL 하나, 재전송된 FIN이 도착하기까지 또 하나가 걸릴 수 있으므로 2배로 잡아야 이 왕복을 덮고, 그동안 양방향의 오래된 세그먼트도 모두 사라집니다.',
        '그래서 RFC는 4분을 요구하지만(MUST-13) 실제 시스템은 더 짧게 기다립니다. 리눅스는 60초로 고정이고, Windows Server 2003 이후는 120초(`TcpTimedWaitDelay`), macOS는 30초(MSL 15초), FreeBSD는 60초입니다. "기본값 240초"는 Windows 2000의 이야기입니다.',
      ],
    },
  },
  {
    id: 'q12-who-time-wait',
    n: 12,
    proof: { slug: 'four-way-handshake', anchor: 'either-side-closes' },
    en: {
      q: 'Which side enters TIME-WAIT: the client or the server?',
      short:
        'Whichever side sends the first FIN, the active closer; in a simultaneous close, both. It can be a server that closes idle keep-alive connections or a client that closes its own.',
      a: [
        'The side that closes first, the active closer, whichever it is. It is not tied to who connected.',
        'An HTTP server that closes idle keep-alive connections, or one that closes after each response, collects the TIME-WAIT sockets itself. In a simultaneous close both sides end in TIME-WAIT.',
      ],
    },
    ko: {
      q: 'TIME-WAIT에 들어가는 쪽은 클라이언트입니까, 서버입니까?',
      short:
        '먼저 FIN을 보내는 쪽, 즉 먼저 닫는 쪽이고 동시 닫기라면 양쪽 모두입니다. 유휴 keep-alive 연결을 끊는 서버일 수도 있고, 자기 연결을 직접 닫는 클라이언트일 수도 있습니다.',
      a: [
        '누가 연결을 시작했는지와 관계없이 먼저 닫는 쪽(active closer)입니다.',
        '유휴 keep-alive 연결을 서버가 끊거나 응답마다 서버가 연결을 닫는 HTTP 서버라면 TIME-WAIT 소켓은 서버에 쌓입니다. 동시 닫기(simultaneous close)에서는 양쪽 모두 TIME-WAIT로 끝납니다.',
      ],
    },
  },
  {
    id: 'q12-move-to-client',
    n: 12,
    parent: 'q12-who-time-wait',
    proof: { slug: 'time-wait', anchor: 'move-to-client' },
    en: {
      q: 'Follow-up: your servers hold too many TIME-WAIT sockets. How do you move them to the clients?',
      short:
        'Make the client close first: clients that close their connections when done, a client idle timeout shorter than the server’s keep-alive timeout, or a server that waits for the client’s FIN before closing.',
      a: [
        'TIME-WAIT stays with whoever sends the first FIN (RFC 9293 §3.6). If the client closes after reading the response, the waiting server only answers the FIN and passes CLOSE-WAIT and LAST-ACK instead.',
        'A pool that drops idle connections before the server’s keep-alive timeout always closes first. `Connection: close` from the client does not help: it asks the server to close after its response, so the server’s FIN usually goes first (RFC 9112 §9.6).',
      ],
    },
    ko: {
      q: '꼬리 질문: 서버에 TIME-WAIT 소켓이 너무 많습니다. 이를 클라이언트로 옮기려면 어떻게 합니까?',
      short:
        '클라이언트가 먼저 닫게 만듭니다. 일을 마친 클라이언트가 직접 닫거나, 클라이언트의 유휴 타임아웃을 서버의 keep-alive 타임아웃보다 짧게 잡거나, 서버가 클라이언트의 FIN을 기다린 뒤 닫게 합니다.',
      a: [
        'TIME-WAIT는 첫 FIN을 보낸 쪽에 남습니다(RFC 9293 §3.6). 클라이언트가 응답을 다 읽고 먼저 닫으면 서버는 그 FIN에 답하기만 하므로 CLOSE-WAIT와 LAST-ACK를 거쳐 끝납니다.',
        '서버의 keep-alive 타임아웃보다 먼저 유휴 연결을 정리하는 커넥션 풀은 언제나 먼저 닫습니다. 반면 클라이언트가 보내는 `Connection: close`는 서버에게 응답 뒤에 닫으라는 뜻이라 대개 서버의 FIN이 먼저 나가므로 도움이 되지 않습니다(RFC 9112 §9.6).',
      ],
    },
  },
  {
    id: 'q13-late-data',
    n: 13,
    proof: { slug: 'time-wait', anchor: 'late-packets' },
    en: {
      q: '“Data sent before the FIN arrives after it and is lost, so TIME-WAIT waits for it.” True?',
      short:
        'False. A FIN is processed only after every byte before it has arrived, so when the FIN is acknowledged, no earlier data is missing. TIME-WAIT is for a lost last ACK and old duplicates.',
      a: [
        'No, it is a trap. TCP delivers in sequence order: the FIN has a sequence number after the last data byte, and the receiver processes the FIN only after all data before it has arrived (§3.10.7.4). Data that arrives out of order is held and reordered, not lost.',
        'By the time the FIN is acknowledged, the earlier data has been received. The real reasons for TIME-WAIT are the lost last ACK and old duplicates reaching a new connection with the same 4-tuple.',
      ],
    },
    ko: {
      q: '"FIN보다 먼저 보낸 데이터가 FIN보다 늦게 도착하면 유실되므로 TIME-WAIT가 그것을 기다린다." 맞습니까?',
      short:
        '틀립니다. FIN은 그 앞의 바이트가 모두 도착한 뒤에야 처리되므로, FIN이 확인 응답되었다면 빠진 데이터는 없습니다. TIME-WAIT는 마지막 ACK의 유실과 오래된 중복 세그먼트 때문에 있습니다.',
      a: [
        '아닙니다. 함정 질문입니다. TCP는 시퀀스 번호 순서대로 전달하고 FIN은 마지막 데이터 바이트 다음 번호를 쓰므로, 받는 쪽은 그 앞의 데이터가 모두 도착한 뒤에야 FIN을 처리합니다(§3.10.7.4). 순서가 뒤바뀌어 도착한 데이터는 버리지 않고 잠시 보관했다가 순서대로 맞춥니다.',
        '따라서 FIN이 확인 응답되었다면 그 앞의 데이터는 이미 도착한 것입니다. TIME-WAIT가 있는 진짜 이유는 마지막 ACK의 유실과, 같은 4-튜플의 새 연결에 오래된 중복 세그먼트가 도착하는 문제입니다.',
      ],
    },
  },
  {
    id: 'q14-many-time-wait',
    n: 14,
    parent: 'q11-two-msl',
    next: 'q14-tw-recycle',
    proof: { slug: 'time-wait', anchor: 'many-time-wait' },
    en: {
      q: 'Are many TIME-WAIT sockets a problem? EADDRINUSE vs EADDRNOTAVAIL; SO_REUSEADDR, tcp_tw_reuse; connection pooling.',
      short:
        'Rarely on a server; on a client making many short connections to one destination the ephemeral ports run out (EADDRNOTAVAIL). Reuse connections first; `tcp_tw_reuse` helps outgoing connections, `SO_REUSEADDR` lets a restarted server bind (EADDRINUSE).',
      a: [
        'Usually not: a TIME-WAIT socket is a small kernel record. It becomes a problem on a client that opens many short outgoing connections to the same server address and port: each one holds an ephemeral port for 60 s on Linux, and connect() fails with EADDRNOTAVAIL when the ports run out.',
        'EADDRINUSE is the server-side symptom: a restarted server cannot bind() its port while old connections sit in TIME-WAIT. `SO_REUSEADDR` fixes that, and every server should set it.',
        'Linux `tcp_tw_reuse` (0 off, 1 on, 2 loopback only, the default) lets outgoing connections reuse a TIME-WAIT 4-tuple when timestamps show it is safe. The best remedy is not to churn: keep-alive and connection pools reuse one connection for many requests.',
      ],
    },
    ko: {
      q: 'TIME-WAIT 소켓이 많으면 문제입니까? EADDRINUSE와 EADDRNOTAVAIL, SO_REUSEADDR, tcp_tw_reuse, 커넥션 풀을 설명해 보세요.',
      short:
        '서버에서는 거의 문제가 되지 않지만, 한 목적지로 짧은 연결을 많이 여는 클라이언트에서는 임시 포트가 바닥납니다(EADDRNOTAVAIL). 먼저 연결을 재사용하고, 나가는 연결에는 `tcp_tw_reuse`, 재시작한 서버의 bind(EADDRINUSE)에는 `SO_REUSEADDR`를 씁니다.',
      a: [
        'TIME-WAIT 소켓은 커널에 남은 작은 기록일 뿐이라 대개는 문제가 아닙니다. 문제가 되는 곳은 같은 서버 주소와 포트로 짧은 연결을 많이 여는 클라이언트입니다. 리눅스에서는 연결마다 임시 포트(ephemeral port)를 60초씩 붙잡으므로, 포트가 바닥나면 connect()가 EADDRNOTAVAIL로 실패합니다.',
        'EADDRINUSE는 서버 쪽 증상으로, 재시작한 서버가 예전 연결이 TIME-WAIT에 있는 동안 포트에 bind()하지 못하는 경우입니다. `SO_REUSEADDR`로 해결하므로 모든 서버가 이 옵션을 켜야 합니다.',
        '리눅스 `tcp_tw_reuse`(0 끔, 1 켬, 2 루프백만, 기본값 2)는 타임스탬프로 안전하다고 판단될 때 나가는 연결이 TIME-WAIT 상태의 4-튜플을 다시 쓰게 합니다. 하지만 가장 좋은 해결책은 연결을 자꾸 만들지 않는 것이므로, keep-alive와 커넥션 풀로 연결 하나가 여러 요청을 처리하게 합니다.',
      ],
    },
  },
  {
    id: 'q14-tw-recycle',
    n: 14,
    parent: 'q14-many-time-wait',
    proof: { slug: 'time-wait', anchor: 'many-time-wait' },
    en: {
      q: 'Follow-up: why not just turn on `tcp_tw_recycle`?',
      short: 'It was removed in Linux 4.12: it dropped SYNs from clients behind NAT, whose timestamps do not share one clock.',
      a: [
        'It no longer exists: Linux removed it in 4.12. It dropped SYNs whose timestamps went backwards compared with the last one seen from the same IP address.',
        'Behind a NAT, many clients share one IP address but each has its own timestamp clock, so their SYNs looked “old” and were silently dropped: connections from NATed clients failed at random. Use `tcp_tw_reuse` for outgoing connections, `SO_REUSEADDR` for servers, and connection reuse.',
      ],
    },
    ko: {
      q: '꼬리 질문: 그냥 `tcp_tw_recycle`을 켜면 안 됩니까?',
      short: '리눅스 4.12에서 제거되었습니다. NAT 뒤의 클라이언트들은 타임스탬프 클록이 제각각인데, 이 옵션이 그들의 SYN을 버렸기 때문입니다.',
      a: [
        '이 옵션은 리눅스 4.12에서 제거되어 이제 없습니다. 같은 IP 주소에서 마지막으로 본 타임스탬프보다 작은 타임스탬프가 실린 SYN을 버리는 기능이었습니다.',
        'NAT 뒤에서는 여러 클라이언트가 IP 주소 하나를 나눠 쓰지만 타임스탬프 클록은 제각각이므로, 어떤 클라이언트의 SYN은 "오래된" 것으로 보여 조용히 버려졌고 NAT 뒤 클라이언트의 연결이 무작위로 실패했습니다. 대신 나가는 연결에는 `tcp_tw_reuse`, 서버에는 `SO_REUSEADDR`를 쓰고 연결을 재사용하세요.',
      ],
    },
  },
  {
    id: 'q14-reopen',
    n: 14,
    parent: 'q14-many-time-wait',
    proof: { slug: 'time-wait', anchor: 'reopening' },
    lab: { slug: 'time-wait', scenario: 'time-wait-reopen', step: 18, shows: { side: 'B', state: 'SYN-RECEIVED' } },
    en: {
      q: 'Follow-up: a new SYN arrives for a 4-tuple that is still in TIME-WAIT. What does Linux do?',
      short:
        'It accepts the SYN if its sequence number is above the old RCV.NXT or its timestamp is newer, and gives the new connection ISS = old SND.NXT + 65537; otherwise it answers with an ACK of the old connection.',
      a: [
        'RFC 9293 §3.6.1 (MAY-2) and RFC 6191 allow reopening when the new numbers or timestamps prove the SYN is new. Linux implements it in `tcp_timewait_state_process()` (net/ipv4/tcp_minisocks.c); the ISS jump puts the new connection above everything the old one sent.',
        'Otherwise the client in SYN-SENT gets an ACK that does not acknowledge its SYN, answers RST, which ends the TIME-WAIT unless `tcp_rfc1337` = 1, and its retransmitted SYN then opens the connection. Only a host with a listener can accept such a SYN: a client in TIME-WAIT only ACKs.',
      ],
    },
    ko: {
      q: '꼬리 질문: 아직 TIME-WAIT인 4-튜플로 새 SYN이 도착합니다. 리눅스는 어떻게 합니까?',
      short:
        'SYN의 시퀀스 번호가 예전 RCV.NXT보다 크거나 타임스탬프가 더 새것이면 받아들이고 새 연결의 ISS를 예전 SND.NXT + 65537로 정합니다. 그렇지 않으면 예전 연결의 ACK로 답합니다.',
      a: [
        'RFC 9293 §3.6.1(MAY-2)과 RFC 6191은 새 번호나 타임스탬프로 그 SYN이 새것임을 증명할 수 있으면 다시 열어도 된다고 합니다. 리눅스는 net/ipv4/tcp_minisocks.c의 `tcp_timewait_state_process()`에서 이를 구현하며, ISS를 건너뛰어 새 연결이 예전 연결이 보낸 모든 번호보다 위에서 시작하게 합니다.',
        '조건에 맞지 않으면 SYN-SENT인 클라이언트는 자기 SYN을 확인 응답하지 않는 ACK를 받아 RST로 답합니다. `tcp_rfc1337`이 1이 아니면 이 RST가 TIME-WAIT를 끝내고, 재전송된 SYN이 연결을 엽니다. 이런 SYN을 받아들일 수 있는 쪽은 리스너가 있는 호스트뿐이고, TIME-WAIT인 클라이언트는 ACK만 보냅니다.',
      ],
    },
  },
  {
    id: 'q15-syn-flood',
    n: 15,
    proof: { slug: 'syn-flood', anchor: 'syn-cookies' },
    en: {
      q: 'What is a SYN flood, how do SYN cookies work, and what do they cost?',
      short:
        'Forged SYNs fill the listener’s queue of half-open connections, so real SYNs are dropped. SYN cookies keep no state: the server encodes it in its ISN and rebuilds the connection from the returning ACK. Cost: limited options and no SYN+ACK retransmission, so Linux uses them only when the queue overflows.',
      a: [
        'A SYN flood sends many SYNs, usually from spoofed addresses, and never completes the handshakes. Each SYN creates a half-open entry in SYN-RECEIVED, and the listener’s backlog fills up, so real clients are refused (RFC 4987).',
        'With SYN cookies the server keeps no record: it encodes what it needs (a hash of the 4-tuple and a secret, a time counter, the MSS) in its own ISN. A real client’s ACK returns that number plus one, and the server rebuilds the connection from it.',
        'Cost: only a few MSS values fit, and options like window scaling and SACK are lost or limited unless timestamps carry them. That is why Linux (`tcp_syncookies` = 1) uses cookies only when the backlog overflows. Other defences: a bigger backlog, shorter SYN-RECEIVED timeouts, recycling the oldest half-open entry, SYN caches, firewalls and proxies.',
      ],
    },
    ko: {
      q: 'SYN 플러드란 무엇이고, SYN 쿠키는 어떻게 동작하며, 대가는 무엇입니까?',
      short:
        '위조한 SYN이 리스너의 하프 오픈 큐를 채워 진짜 SYN이 버려지게 하는 공격입니다. SYN 쿠키를 쓰면 서버는 상태를 저장하지 않고 ISN에 담아 두었다가 돌아온 ACK로 연결을 다시 만듭니다. 옵션이 제한되고 SYN+ACK를 재전송할 수 없다는 대가가 있어서, 리눅스는 큐가 넘칠 때만 씁니다.',
      a: [
        'SYN 플러드는 대개 위조한 주소로 SYN을 대량으로 보내고 핸드셰이크를 끝내지 않는 공격입니다. SYN마다 SYN-RECEIVED 상태의 하프 오픈 항목이 생기므로 리스너의 백로그가 가득 차고, 진짜 클라이언트가 거절당합니다(RFC 4987).',
        'SYN 쿠키를 쓰는 서버는 아무 기록도 남기지 않고, 필요한 정보(4-튜플과 비밀 값의 해시, 시간 카운터, MSS)를 자기 ISN에 담습니다. 진짜 클라이언트의 ACK는 그 번호에 1을 더해 돌려주므로 서버는 그 번호로 연결을 다시 만들 수 있습니다.',
        '대가도 있습니다. MSS는 몇 가지 값만 표현할 수 있고, 타임스탬프에 싣지 않으면 윈도우 스케일이나 SACK 같은 옵션을 잃거나 제한받습니다. 그래서 리눅스(`tcp_syncookies` = 1)는 백로그가 넘칠 때만 쿠키를 씁니다. 다른 방어책으로는 더 큰 백로그, 더 짧은 SYN-RECEIVED 타임아웃, 가장 오래된 하프 오픈 항목 재사용, SYN 캐시, 방화벽과 프록시가 있습니다.',
      ],
    },
  },
  {
    id: 'q15-accept-queue-full',
    n: 15,
    parent: 'q15-syn-flood',
    proof: { slug: 'syn-flood', anchor: 'accept-queue-full' },
    lab: { slug: 'syn-flood', scenario: 'accept-queue-full', step: 6, shows: { side: 'A', state: 'ESTABLISHED' } },
    en: {
      q: 'Follow-up: the application calls accept() too slowly and the accept queue is full. What happens to new SYNs and to the third ACK?',
      short:
        'New SYNs are dropped. A third ACK is dropped too (ListenOverflows): the client believes it is ESTABLISHED while the server keeps retransmitting SYN+ACK. With `tcp_abort_on_overflow` = 1 the server answers RST instead.',
      a: [
        'Both queues are measured against the listen() backlog, capped by `net.core.somaxconn`. While the accept queue is full, `tcp_conn_request()` drops new SYNs and counts ListenOverflows and ListenDrops; the client just retransmits.',
        'A third ACK then finds no room: `tcp_v4_syn_recv_sock()` refuses the child socket and `tcp_check_req()` keeps the SYN-RECEIVED entry, marked as acknowledged. The client’s connect() has returned and it may send data, which is dropped the same way until accept() makes room. `tcp_abort_on_overflow` = 1 sends RST from the same place. `tcp_max_syn_backlog` matters only with `tcp_syncookies` = 0.',
      ],
    },
    ko: {
      q: '꼬리 질문: 애플리케이션이 accept()를 너무 느리게 불러 accept 큐가 가득 찼습니다. 새 SYN과 세 번째 ACK는 어떻게 됩니까?',
      short:
        '새 SYN은 버려집니다. 세 번째 ACK도 버려지므로(ListenOverflows) 클라이언트는 ESTABLISHED라고 믿는데 서버는 SYN+ACK를 계속 재전송합니다. `tcp_abort_on_overflow`가 1이면 서버는 대신 RST로 답합니다.',
      a: [
        '두 큐 모두 `net.core.somaxconn`을 넘지 않는 listen()의 backlog를 기준으로 삼습니다. accept 큐가 가득 찬 동안 `tcp_conn_request()`는 새 SYN을 버리고 ListenOverflows와 ListenDrops를 세며, 클라이언트는 재전송할 뿐입니다.',
        '이때 도착한 세 번째 ACK는 자리를 찾지 못합니다. `tcp_v4_syn_recv_sock()`이 자식 소켓을 만들지 않고, `tcp_check_req()`는 SYN-RECEIVED 항목을 ACK를 받았다는 표시만 한 채 남겨 둡니다. 클라이언트는 connect()가 반환되었으니 데이터를 보낼 수 있지만, 그 데이터도 accept()가 자리를 만들 때까지 같은 이유로 버려집니다. `tcp_abort_on_overflow`가 1이면 같은 지점에서 RST를 보냅니다. `tcp_max_syn_backlog`는 `tcp_syncookies`가 0일 때만 쓰입니다.',
      ],
    },
  },
  {
    id: 'q16-rst',
    n: 16,
    proof: { slug: 'when-things-go-wrong', anchor: 'rst' },
    en: {
      q: 'When does TCP send RST?',
      short:
        'For a segment to a port with no connection or listener, for an unacceptable ACK in LISTEN, SYN-SENT or SYN-RECEIVED, when a half-open connection is discovered, and when the application aborts. Not for an out-of-window segment on an open connection: that gets an ACK.',
      a: [
        'A segment arrives for a port with no connection and no listener: the answer is RST (the client sees “connection refused”).',
        'An unacceptable ACK arrives in LISTEN, SYN-SENT or SYN-RECEIVED, for example an old duplicate: RST. A half-open connection is discovered (the other side lost its state): RST. The application aborts: close() with unread data, or SO_LINGER with a zero timeout, sends RST instead of FIN.',
        'On the other hand, an out-of-window segment in a synchronized state gets an ACK, not a RST (RFC 5961), and a received RST counts only if its sequence number is in the window.',
      ],
    },
    ko: {
      q: 'TCP는 언제 RST를 보냅니까?',
      short:
        '연결도 리스너도 없는 포트로 세그먼트가 올 때, LISTEN, SYN-SENT, SYN-RECEIVED에서 받아들일 수 없는 ACK가 올 때, 하프 오픈 연결이 드러날 때, 애플리케이션이 연결을 중단할 때 보냅니다. 열린 연결에 윈도우 밖의 세그먼트가 오면 RST가 아니라 ACK로 답합니다.',
      a: [
        '연결도 리스너도 없는 포트로 세그먼트가 오면 RST로 답하므로 클라이언트는 "connection refused"를 보게 됩니다.',
        'LISTEN, SYN-SENT, SYN-RECEIVED에서 받아들일 수 없는 ACK(예: 오래된 중복 세그먼트)가 오면 RST를 보냅니다. 한쪽이 상태를 잃은 하프 오픈(half-open) 연결이 드러날 때도 RST입니다. 애플리케이션이 연결을 중단할 때, 즉 읽지 않은 데이터가 남은 채로 close()하거나 SO_LINGER를 0으로 설정하고 닫을 때도 FIN 대신 RST를 보냅니다.',
        '반대로 동기화된 상태에서 윈도우 밖의 세그먼트를 받으면 RST가 아니라 ACK로 답합니다(RFC 5961). 또 받은 RST는 시퀀스 번호가 윈도우 안에 있을 때만 유효합니다.',
      ],
    },
  },
  {
    id: 'q17-simultaneous',
    n: 17,
    proof: { slug: 'four-way-handshake', anchor: 'simultaneous-close' },
    en: {
      q: 'Simultaneous open and simultaneous close: which states, and who ends in TIME-WAIT?',
      short:
        'Simultaneous open: SYN-SENT, then SYN-RECEIVED, then ESTABLISHED on both sides. Simultaneous close: FIN-WAIT-1, then CLOSING, then TIME-WAIT on both sides, so both end in TIME-WAIT.',
      a: [
        'Simultaneous open: both sides send SYN and are in SYN-SENT; each receives the other’s SYN, enters SYN-RECEIVED and sends SYN+ACK; each receives a SYN+ACK and becomes ESTABLISHED (RFC 9293 Figure 7). The RFC’s figure shows four segments, not three; Linux puts six on the wire (SYN, SYN, SYN+ACK, SYN+ACK, ACK, ACK), because each side also acknowledges the other’s SYN+ACK.',
        'Simultaneous close: both send FIN and are in FIN-WAIT-1; each receives the other’s FIN before the ACK of its own and enters CLOSING; each receives the ACK and enters TIME-WAIT. Both sides end in TIME-WAIT.',
      ],
    },
    ko: {
      q: '동시 열기(simultaneous open)와 동시 닫기(simultaneous close)에서는 어떤 상태를 거치고, 누가 TIME-WAIT로 끝납니까?',
      short:
        '동시 열기에서는 양쪽이 SYN-SENT, SYN-RECEIVED, ESTABLISHED를 거칩니다. 동시 닫기에서는 양쪽이 FIN-WAIT-1, CLOSING, TIME-WAIT를 거치므로 둘 다 TIME-WAIT로 끝납니다.',
      a: [
        '동시 열기에서는 양쪽이 SYN을 보내 SYN-SENT가 되고, 각자 상대의 SYN을 받아 SYN-RECEIVED가 되면서 SYN+ACK를 보낸 뒤, 상대의 SYN+ACK를 받으면 ESTABLISHED가 됩니다(RFC 9293 Figure 7). RFC 그림에는 세그먼트가 세 개가 아니라 네 개 있고, 리눅스는 상대의 SYN+ACK에도 각자 ACK를 보내므로 여섯 개(SYN, SYN, SYN+ACK, SYN+ACK, ACK, ACK)가 오갑니다.',
        '동시 닫기에서는 양쪽이 FIN을 보내 FIN-WAIT-1이 되고, 각자 자기 FIN의 ACK보다 상대의 FIN을 먼저 받아 CLOSING이 된 뒤 ACK를 받으면 TIME-WAIT가 됩니다. 그래서 양쪽 모두 TIME-WAIT로 끝납니다.',
      ],
    },
  },
  {
    id: 'q18-half-close',
    n: 18,
    proof: { slug: 'when-things-go-wrong', anchor: 'half-open-vs-half-closed' },
    en: {
      q: 'Half-close vs half-open; what does shutdown(SHUT_WR) do?',
      short:
        'Half-close is deliberate: shutdown(SHUT_WR) sends FIN and keeps reading. Half-open is an accident: one side lost its state, and the other learns it only from an RST when it next sends.',
      a: [
        'Half-close is deliberate: one direction is closed, the other still carries data, and both sides know it. shutdown(SHUT_WR) sends a FIN (“I have nothing more to send”) while the socket can still read; the peer reads end-of-file, sits in CLOSE-WAIT and may keep sending.',
        'Half-open is an accident: one side lost its state (a crash or reboot) while the other still believes the connection is ESTABLISHED (§3.5.1). The survivor finds out when it sends and gets a RST back.',
      ],
    },
    ko: {
      q: '하프 클로즈와 하프 오픈은 어떻게 다르고, shutdown(SHUT_WR)은 무엇을 합니까?',
      short:
        '하프 클로즈는 의도한 것으로, shutdown(SHUT_WR)이 FIN을 보내고도 계속 읽게 합니다. 하프 오픈은 사고로, 한쪽이 상태를 잃었는데 다른 쪽은 다음에 무언가를 보내 RST를 받고서야 압니다.',
      a: [
        '하프 클로즈(half-close)는 의도한 상태로, 한 방향만 닫혔고 다른 방향으로는 데이터가 계속 오가며 양쪽 모두 이를 압니다. shutdown(SHUT_WR)은 "더 보낼 것이 없다"는 FIN을 보내지만 그 소켓으로 계속 읽을 수 있고, 상대는 EOF를 읽은 뒤에도 CLOSE-WAIT에서 데이터를 더 보낼 수 있습니다.',
        '하프 오픈(half-open)은 사고로, 한쪽이 장애나 재부팅으로 상태를 잃었는데 다른 쪽은 여전히 ESTABLISHED라고 믿는 상황입니다(§3.5.1). 남은 쪽은 무언가를 보냈다가 RST를 받고서야 이를 알게 됩니다.',
      ],
    },
  },
  {
    id: 'q19-data-in-handshake',
    n: 19,
    proof: { slug: 'three-way-handshake', anchor: 'data-on-third' },
    en: {
      q: 'Can data be sent in the SYN or in the third segment? (TCP Fast Open)',
      short:
        'On the third segment, yes: the client is already ESTABLISHED. On the SYN, only usefully with TCP Fast Open, which needs a cookie from an earlier connection and an application that tolerates a replayed request.',
      a: [
        'On the third segment, yes: the client is ESTABLISHED when it sends it, so that segment may carry the first request along with its ACK. Most stacks send a bare ACK at once because connect() returns only after the handshake; either way, every data segment also carries the ACK.',
        'On the SYN, the RFC allows data too, but the receiver must hold it until the handshake completes, so classic stacks gain nothing. TCP Fast Open (RFC 7413) makes it useful: with a cookie obtained on an earlier connection, the server may hand the SYN’s data to the application at once, saving a round trip. Replayed SYNs can deliver the data twice, so it suits idempotent requests.',
      ],
    },
    ko: {
      q: 'SYN이나 세 번째 세그먼트에 데이터를 실을 수 있습니까? (TCP Fast Open)',
      short:
        '세 번째 세그먼트에는 실을 수 있습니다. 클라이언트가 이미 ESTABLISHED이기 때문입니다. SYN에 실은 데이터는 TCP Fast Open을 써야 쓸모가 있는데, 예전 연결에서 받은 쿠키가 필요하고 요청이 두 번 전달되어도 괜찮은 애플리케이션이어야 합니다.',
      a: [
        '세 번째 세그먼트에는 실을 수 있습니다. 클라이언트는 이 세그먼트를 보낼 때 이미 ESTABLISHED이므로 ACK와 함께 첫 요청을 실어도 되지만, connect()가 핸드셰이크가 끝나야 반환되기 때문에 대부분의 스택은 빈 ACK를 먼저 보냅니다. 어느 쪽이든 데이터 세그먼트에는 모두 ACK가 실립니다.',
        'SYN에 데이터를 싣는 것도 RFC상 허용되지만, 받는 쪽은 핸드셰이크가 끝날 때까지 데이터를 붙잡고 있어야 하므로 보통의 스택에서는 이득이 없습니다. TCP Fast Open(RFC 7413)은 예전 연결에서 받은 쿠키가 있으면 서버가 SYN의 데이터를 곧바로 애플리케이션에 넘기게 해서 왕복 한 번을 줄입니다. 재전송된 SYN 때문에 데이터가 두 번 전달될 수 있으므로 멱등한 요청에 맞습니다.',
      ],
    },
  },
  {
    id: 'q20-rfc1337',
    n: 20,
    proof: { slug: 'time-wait', anchor: 'assassination' },
    en: {
      q: 'What is TIME-WAIT assassination (RFC 1337)?',
      short:
        'An RST received in TIME-WAIT ends it early and removes its protection. RFC 1337’s fix is to ignore RST in TIME-WAIT; on Linux that is `tcp_rfc1337`, off by default.',
      a: [
        'A RST that arrives in TIME-WAIT, for example an old duplicate or the answer to a stray segment, makes the connection close at once, cutting TIME-WAIT short. Then both of its protections are gone: old duplicates can reach a new incarnation, and a retransmitted FIN is not ACKed (RFC 1337 hazards H1–H3).',
        'RFC 1337’s fix F1 is to ignore RST in TIME-WAIT. Linux has it as `net.ipv4.tcp_rfc1337`, which defaults to 0 (off).',
      ],
    },
    ko: {
      q: 'TIME-WAIT 암살(TIME-WAIT assassination, RFC 1337)이란 무엇입니까?',
      short:
        'TIME-WAIT에서 받은 RST가 TIME-WAIT를 일찍 끝내 그 보호를 없애 버리는 문제입니다. RFC 1337의 해결책은 TIME-WAIT에서 RST를 무시하는 것이고, 리눅스에서는 기본값이 꺼짐인 `tcp_rfc1337`입니다.',
      a: [
        'TIME-WAIT 상태에서 RST(예: 오래된 중복 세그먼트나 엉뚱한 세그먼트에 대한 응답)를 받으면 연결이 곧바로 닫혀 TIME-WAIT가 일찍 끝나므로, TIME-WAIT의 두 가지 보호가 모두 사라집니다. 오래된 중복 세그먼트가 새 연결에 도착할 수 있고, 재전송된 FIN에 ACK할 수도 없습니다(RFC 1337의 위험 H1–H3).',
        'RFC 1337의 해결책 F1은 TIME-WAIT에서 RST를 무시하는 것이고, 리눅스에서는 `net.ipv4.tcp_rfc1337`로 켜며 기본값은 0(꺼짐)입니다.',
      ],
    },
  },
];
