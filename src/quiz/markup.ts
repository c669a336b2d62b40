/**
 * Small build-time helpers shared by the quiz components: the page's language and chapter, the
 * strings a quiz element needs at run time, and inline `code` in plain-text props (explanations
 * and questions are props, not MDX, but authors write `ss` and `SO_REUSEADDR` in them).
 */
import { isLocale, t, type Locale, type UiKey } from '../i18n';

/** The page's language from the route (chapters live under /<lang>/), English outside them. */
export function quizLang(params: Record<string, string | undefined>): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

/** Escapes text for HTML and turns `backticks` into <code>, the only markup allowed in quiz props. */
export function inlineCode(text: string): string {
  const esc = text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
  return esc.replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** A proof link as authored ("#anchor", "#lab=…", "/ko/x/#y") made safe for the base path. */
export function proofHref(proof: string | undefined): string | undefined {
  if (!proof) return undefined;
  if (proof.startsWith('/')) return import.meta.env.BASE_URL.replace(/\/$/, '') + proof;
  return proof;
}

/** The run-time strings of a quiz element, as one JSON attribute (keys without the `quiz.` prefix). */
export function quizStrings(lang: Locale, keys: Record<string, UiKey>): string {
  const out: Record<string, string> = {};
  for (const [k, key] of Object.entries(keys)) out[k] = t(lang, key);
  return JSON.stringify(out);
}

/** The load-notice strings (reset, migrated…), carried by every quiz so the store can show them in the page's language. */
export function noticeStrings(lang: Locale): string {
  return quizStrings(lang, {
    reset: 'quiz.notice.reset',
    migrated: 'quiz.notice.migrated',
    repaired: 'quiz.notice.repaired',
    unavailable: 'quiz.notice.unavailable',
    newer: 'quiz.notice.newer',
    'save-failed': 'quiz.notice.saveFailed',
    close: 'quiz.notice.close',
  });
}
