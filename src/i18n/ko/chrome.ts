import type { Namespace } from '../types';
import type { chrome as source } from '../en/chrome';

/** Korean strings of the book's frame; typed against English so a missing key fails `astro check`. */
export const chrome: Namespace<typeof source> = {
  'site.title': 'TCP 연결의 시작과 끝',
};
