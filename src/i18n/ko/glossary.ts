import type { Namespace } from '../types';
import type { glossary as source } from '../en/glossary';

/** Korean strings of the glossary tables; typed against English so a missing key fails `astro check`. */
export const glossary: Namespace<typeof source> = {
  'glossary.states.caption': '상태 11개와 도구별 표기',
  'glossary.terms.caption': '한국어와 영어 용어',
  'glossary.col.rfc': 'RFC 9293',
  'glossary.col.linux': '리눅스 커널',
  'glossary.col.ss': 'ss',
  'glossary.col.netstat': 'netstat',
  'glossary.col.meaning': '뜻',
  'glossary.col.term': '한국어',
  'glossary.col.other': '영어',
  'glossary.col.aliases': '다른 표기',
};
