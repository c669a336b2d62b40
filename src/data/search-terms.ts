import type { Locale } from '../i18n/locales.ts';

/**
 * What readers type into search, per chapter and language: each term must bring
 * its chapter up among the first three results in that language. The browser search test reads this
 * list, so a chapter whose wording drifts away from what readers type fails a test instead of
 * silently becoming unfindable. Terms are chosen from the chapter's own headings and key phrases,
 * not from words every chapter shares.
 */
export interface ChapterSearchTerms {
  /** Chapter slug: content/<lang>/<slug>.mdx. */
  slug: string;
  /** Two or three queries per language, as a reader would type them. */
  terms: Record<Locale, readonly string[]>;
}

/** Search expectations for the chapters; add an entry when you add a chapter. */
export const searchTerms: readonly ChapterSearchTerms[] = [
  {
    slug: 'tcp-basics',
    terms: {
      en: ['header fields', 'acknowledgment numbers', 'Transmission Control Block'],
      ko: ['헤더 필드', '확인 응답 번호', 'TCB'],
    },
  },
  {
    slug: 'three-way-handshake',
    terms: {
      en: ['3-way handshake', 'initial sequence number', 'simultaneous open'],
      ko: ['3-way 핸드셰이크', '초기 시퀀스 번호', '동시 열기'],
    },
  },
  {
    slug: 'four-way-handshake',
    terms: {
      en: ['4-way handshake', 'CLOSE-WAIT', 'active closer'],
      ko: ['4-way 핸드셰이크', 'CLOSE-WAIT', '하프 클로즈'],
    },
  },
  {
    slug: 'time-wait',
    terms: {
      en: ['TIME-WAIT', 'tcp_tw_reuse', 'assassination'],
      ko: ['TIME-WAIT', 'tcp_tw_reuse', 'MSL'],
    },
  },
  {
    slug: 'when-things-go-wrong',
    terms: {
      en: ['retransmission timeout', 'challenge ACK', 'connection refused'],
      ko: ['재전송 타이머', '챌린지 ACK', '하프 오픈'],
    },
  },
  {
    slug: 'syn-flood',
    terms: {
      en: ['SYN flood', 'SYN cookies', 'TCP Fast Open'],
      ko: ['SYN 플러드', 'SYN 쿠키', 'TCP Fast Open'],
    },
  },
  {
    slug: 'interview',
    terms: {
      en: ['interview', 'follow-up chains', 'trap'],
      ko: ['면접', '꼬리 질문', '함정'],
    },
  },
  {
    slug: 'glossary',
    terms: {
      en: ['glossary', 'Wireshark', 'TCP_SYN_RECV'],
      ko: ['용어', 'Wireshark', 'TCP_SYN_RECV'],
    },
  },
];
