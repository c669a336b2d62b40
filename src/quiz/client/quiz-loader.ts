/**
 * Loads a quiz kind's code only when one of its quizzes comes near the viewport (about a screen
 * before it is seen), not at page load: a chapter's first paint carries no quiz JavaScript. Until
 * then a quiz is its build-time markup, which reads like the no-JS version. A link to a quiz
 * (the review page's #quiz-id) scrolls it into view, which loads it.
 */
const KINDS: Record<string, () => Promise<unknown>> = {
  'quiz-choice': () => import('./choice.ts'),
  'quiz-order': () => import('./order.ts'),
  'quiz-state': () => import('./state.ts'),
  'quiz-predict': () => import('./predict.ts'),
};

const started = new Set<string>();
function load(tag: string): void {
  if (started.has(tag)) return;
  started.add(tag);
  KINDS[tag]?.().catch((e: unknown) => {
    started.delete(tag); // offline and not cached: try again when another quiz comes near
    console.warn(`quiz: could not load the code for <${tag}>`, e);
  });
}

/** Watches the page's quizzes (the layout's script calls it once the page has painted: src/site/client/chrome.ts). */
export function startQuizzes(): void {
  const quizzes = document.querySelectorAll<HTMLElement>(Object.keys(KINDS).join(','));
  if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const tag = e.target.localName;
          load(tag);
          // One load per kind: stop watching every quiz of that kind.
          quizzes.forEach((q) => q.localName === tag && io.unobserve(q));
        }
      },
      { rootMargin: '100% 0px' },
    );
    quizzes.forEach((q) => io.observe(q));
  } else {
    quizzes.forEach((q) => load(q.localName));
  }
}
