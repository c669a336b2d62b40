/**
 * The twenty questions that Korean and English interview-prep collections ask about opening and
 * closing TCP connections (the book's brief, copied here word for word), each with where the book
 * answers it: the chapter section that explains it, and the lab steps that show it happening.
 *
 * The interview chapter (content/<lang>/interview.mdx) must link every one of these in both
 * languages, and each lab step must exist in its scenario's run and show the state named in
 * `shows`; tests/content/interview-questions.test.ts checks all of it, so a renamed heading, a
 * removed lab or an engine change that moves a step fails `npm test` instead of sending a reader
 * the night before an interview to the wrong place. The drill (/<lang>/drill/) takes each
 * question's first lab link from here.
 */
import type { ScenarioId, TcpState } from '../engine/types.ts';

/** A lab opened at one step: the step number is the one the sequence lab shows ("step n of m"). */
export interface LabStep {
  /** chapter that shows the lab */
  slug: string;
  scenario: ScenarioId;
  /** which lab of this scenario on the page, when the chapter shows it more than once (default 1) */
  nth?: number;
  step: number;
  /** knob values the link sets, as the lab writes them in its URL hash (e.g. `isn=r6528`) */
  knobs?: string;
  /** what the step demonstrates: the state one side is in at that step (A = client, B = server) */
  shows: { side: 'A' | 'B'; state: TcpState };
}

export interface InterviewQuestion {
  n: number;
  /** the question as the brief words it */
  question: string;
  /** the chapter section that answers it */
  section: { slug: string; anchor: string };
  /** at least one lab step that demonstrates the answer */
  labs: readonly [LabStep, ...LabStep[]];
}

/** The relative link from one chapter to a lab step, as chapters write it (`../slug/#lab=…`). */
export function labHref(l: LabStep): string {
  const id = l.nth && l.nth > 1 ? `lab-${l.scenario}-${l.nth}` : `lab-${l.scenario}`;
  return `../${l.slug}/#lab=${id}&s=${l.scenario}&step=${l.step}${l.knobs ? `&${l.knobs}` : ''}`;
}

/** The relative link to a chapter section (`../slug/#anchor`). */
export function sectionHref(s: InterviewQuestion['section']): string {
  return `../${s.slug}/#${s.anchor}`;
}

export const interviewQuestions: readonly InterviewQuestion[] = [
  {
    n: 1,
    question: 'Walk through the 3-way handshake: each segment’s flags, seq/ack numbers, and each side’s state.',
    section: { slug: 'three-way-handshake', anchor: 'three-steps' },
    labs: [{ slug: 'three-way-handshake', scenario: 'normal-open', step: 5, shows: { side: 'B', state: 'ESTABLISHED' } }],
  },
  {
    n: 2,
    question: 'Why three segments, not two (or four)?',
    section: { slug: 'three-way-handshake', anchor: 'why-three' },
    // The server's ISN is not yet acknowledged here: without the third segment it never would be.
    labs: [
      { slug: 'three-way-handshake', scenario: 'normal-open', step: 4, shows: { side: 'B', state: 'SYN-RECEIVED' } },
      // RFC 9293 Figure 8: the client's RST sends the server back to LISTEN.
      { slug: 'three-way-handshake', scenario: 'old-duplicate-syn', step: 5, shows: { side: 'B', state: 'LISTEN' } },
    ],
  },
  {
    n: 3,
    question: 'What happens if the SYN, the SYN+ACK, or the final ACK is lost?',
    section: { slug: 'three-way-handshake', anchor: 'lost-segments' },
    labs: [
      { slug: 'when-things-go-wrong', scenario: 'lost-syn', step: 4, shows: { side: 'A', state: 'SYN-SENT' } },
      { slug: 'when-things-go-wrong', scenario: 'syn-timeout', step: 24, shows: { side: 'A', state: 'CLOSED' } },
      { slug: 'three-way-handshake', scenario: 'lost-syn-ack', step: 5, shows: { side: 'B', state: 'SYN-RECEIVED' } },
    ],
  },
  {
    n: 4,
    question: 'Why is the initial sequence number not 0, and how is it chosen?',
    section: { slug: 'three-way-handshake', anchor: 'isn' },
    labs: [{ slug: 'three-way-handshake', scenario: 'normal-open', step: 2, knobs: 'isn=r6528', shows: { side: 'A', state: 'SYN-SENT' } }],
  },
  {
    n: 5,
    question: 'What are SYN-SENT and SYN-RECEIVED? Which side reaches ESTABLISHED first?',
    section: { slug: 'three-way-handshake', anchor: 'client-established-first' },
    labs: [{ slug: 'three-way-handshake', scenario: 'normal-open', step: 4, shows: { side: 'A', state: 'ESTABLISHED' } }],
  },
  {
    n: 6,
    question: 'Walk through the connection teardown with each side’s state.',
    section: { slug: 'four-way-handshake', anchor: 'four-steps' },
    labs: [{ slug: 'four-way-handshake', scenario: 'close-4-segment', step: 17, shows: { side: 'A', state: 'TIME-WAIT' } }],
  },
  {
    n: 7,
    question: 'Why does the teardown take four segments, and when does it take three?',
    section: { slug: 'four-way-handshake', anchor: 'why-four-when-three' },
    labs: [{ slug: 'four-way-handshake', scenario: 'close-3-segment', step: 15, shows: { side: 'A', state: 'TIME-WAIT' } }],
  },
  {
    n: 8,
    question: 'What is CLOSE-WAIT, and what do many CLOSE-WAIT sockets on a server mean? (the application never closes)',
    section: { slug: 'four-way-handshake', anchor: 'close-wait' },
    labs: [{ slug: 'four-way-handshake', scenario: 'close-4-segment', step: 13, shows: { side: 'B', state: 'CLOSE-WAIT' } }],
  },
  {
    n: 9,
    question: 'What is FIN-WAIT-2, and can it last forever?',
    section: { slug: 'four-way-handshake', anchor: 'half-close' },
    labs: [{ slug: 'four-way-handshake', scenario: 'half-close', step: 12, shows: { side: 'A', state: 'FIN-WAIT-2' } }],
  },
  {
    n: 10,
    question: 'Why does TIME-WAIT exist? (both reasons)',
    section: { slug: 'time-wait', anchor: 'reason-lost-ack' },
    labs: [
      { slug: 'time-wait', scenario: 'lost-final-ack', step: 19, shows: { side: 'B', state: 'CLOSED' } },
      { slug: 'time-wait', scenario: 'time-wait-too-short', step: 27, shows: { side: 'A', state: 'ESTABLISHED' } },
    ],
  },
  {
    n: 11,
    question: 'Why 2×MSL and not 1×MSL? What is MSL, and how long is TIME-WAIT on Linux, Windows, macOS?',
    section: { slug: 'time-wait', anchor: 'why-2msl' },
    // Linux's 60 s: A leaves TIME-WAIT 60 s after it entered it.
    labs: [{ slug: 'time-wait', scenario: 'lost-final-ack', step: 20, shows: { side: 'A', state: 'CLOSED' } }],
  },
  {
    n: 12,
    question: 'Which side enters TIME-WAIT: the client or the server?',
    section: { slug: 'four-way-handshake', anchor: 'either-side-closes' },
    labs: [{ slug: 'four-way-handshake', scenario: 'server-closes-first', step: 17, shows: { side: 'B', state: 'TIME-WAIT' } }],
  },
  {
    n: 13,
    question: '“Data sent before the FIN arrives after it and is lost” — true? (a trap)',
    section: { slug: 'time-wait', anchor: 'late-packets' },
    // The FIN is processed only after every byte before it: B's ACK of the FIN acknowledges them all.
    labs: [{ slug: 'four-way-handshake', scenario: 'close-4-segment', step: 13, shows: { side: 'B', state: 'CLOSE-WAIT' } }],
  },
  {
    n: 14,
    question: 'Are many TIME-WAIT sockets a problem? EADDRINUSE vs EADDRNOTAVAIL; SO_REUSEADDR, tcp_tw_reuse, why not tcp_tw_recycle; connection pooling.',
    section: { slug: 'time-wait', anchor: 'many-time-wait' },
    // What shortening TIME-WAIT costs: a late copy of the old connection's data is accepted by the new one.
    labs: [
      { slug: 'time-wait', scenario: 'time-wait-too-short', step: 27, shows: { side: 'A', state: 'ESTABLISHED' } },
      // Linux reopening a 4-tuple that is still in TIME-WAIT.
      { slug: 'time-wait', scenario: 'time-wait-reopen', step: 18, shows: { side: 'B', state: 'SYN-RECEIVED' } },
    ],
  },
  {
    n: 15,
    question: 'What is a SYN flood, how do SYN cookies work, and what do they cost?',
    section: { slug: 'syn-flood', anchor: 'syn-cookies' },
    labs: [
      { slug: 'syn-flood', scenario: 'syn-flood', step: 13, shows: { side: 'A', state: 'SYN-SENT' } },
      { slug: 'syn-flood', scenario: 'syn-flood-cookies', step: 17, shows: { side: 'B', state: 'ESTABLISHED' } },
      // Accept queue full: the client is ESTABLISHED, the server's entry is not.
      { slug: 'syn-flood', scenario: 'accept-queue-full', step: 6, shows: { side: 'A', state: 'ESTABLISHED' } },
    ],
  },
  {
    n: 16,
    question: 'When does TCP send RST?',
    section: { slug: 'when-things-go-wrong', anchor: 'rst' },
    labs: [
      { slug: 'when-things-go-wrong', scenario: 'closed-port-rst', step: 3, shows: { side: 'A', state: 'CLOSED' } },
      { slug: 'when-things-go-wrong', scenario: 'linger-abort', step: 14, shows: { side: 'A', state: 'CLOSED' } },
    ],
  },
  {
    n: 17,
    question: 'Simultaneous open and simultaneous close: which states, and who ends in TIME-WAIT?',
    section: { slug: 'four-way-handshake', anchor: 'simultaneous-close' },
    labs: [
      { slug: 'three-way-handshake', scenario: 'simultaneous-open', step: 6, shows: { side: 'B', state: 'ESTABLISHED' } },
      { slug: 'four-way-handshake', scenario: 'simultaneous-close', step: 17, shows: { side: 'B', state: 'TIME-WAIT' } },
    ],
  },
  {
    n: 18,
    question: 'Half-close vs half-open; what does shutdown(SHUT_WR) do?',
    section: { slug: 'when-things-go-wrong', anchor: 'half-open-vs-half-closed' },
    labs: [
      { slug: 'when-things-go-wrong', scenario: 'half-close', step: 12, shows: { side: 'A', state: 'FIN-WAIT-2' } },
      { slug: 'when-things-go-wrong', scenario: 'half-open-discovery', step: 15, shows: { side: 'A', state: 'CLOSED' } },
    ],
  },
  {
    n: 19,
    question: 'Can data be sent in the SYN or the third segment? (TCP Fast Open)',
    section: { slug: 'three-way-handshake', anchor: 'data-on-third' },
    labs: [{ slug: 'three-way-handshake', scenario: 'data-on-third', step: 6, shows: { side: 'B', state: 'ESTABLISHED' } }],
  },
  {
    n: 20,
    question: 'What is TIME-WAIT assassination (RFC 1337)?',
    section: { slug: 'time-wait', anchor: 'assassination' },
    labs: [{ slug: 'time-wait', scenario: 'rst-in-time-wait', step: 19, shows: { side: 'A', state: 'CLOSED' } }],
  },
];
