/**
 * Fills the sidebar's `<span data-quiz-score="slug">` with "right / total" for each chapter.
 * Runs on every page, so it stays tiny: it reads the stored JSON loosely and never writes;
 * validation, migration and the reset notice belong to the full store on pages with quizzes.
 */
const KEY = 'tcp-book:progress';
const UPDATE = 'tcp-book:progress';

interface Loose {
  format?: unknown;
  quizzes?: Record<string, { chapter?: unknown; correct?: unknown } | null>;
}

function read(): Loose['quizzes'] {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Loose | null;
    return data && data.format === 'tcp-book-progress' && typeof data.quizzes === 'object' ? data.quizzes : undefined;
  } catch {
    return undefined; // unreadable or disabled storage: show no score
  }
}

function paint(): void {
  const data = document.getElementById('quiz-totals');
  if (!data) return;
  let totals: Record<string, number> = {};
  let label = '{correct}/{total}';
  try {
    totals = JSON.parse(data.textContent ?? '{}') as Record<string, number>;
    label = data.dataset.label ?? label;
  } catch {
    return;
  }
  const right: Record<string, number> = {};
  const answered: Record<string, number> = {};
  for (const r of Object.values(read() ?? {})) {
    if (!r || typeof r.chapter !== 'string') continue;
    answered[r.chapter] = (answered[r.chapter] ?? 0) + 1;
    if (r.correct === true) right[r.chapter] = (right[r.chapter] ?? 0) + 1;
  }
  document.querySelectorAll<HTMLElement>('[data-quiz-score]').forEach((span) => {
    const slug = span.dataset.quizScore ?? '';
    const total = totals[slug] ?? 0;
    if (!total || !answered[slug]) {
      span.replaceChildren();
      return;
    }
    const correct = Math.min(right[slug] ?? 0, total);
    const visible = document.createElement('span');
    visible.className = 'quiz-score';
    visible.setAttribute('aria-hidden', 'true');
    visible.textContent = `${correct}/${total}`;
    const spoken = document.createElement('span');
    spoken.className = 'sr-only';
    spoken.textContent = label.replace('{correct}', String(correct)).replace('{total}', String(total));
    span.replaceChildren(visible, spoken);
  });
}

paint();
window.addEventListener(UPDATE, paint);
window.addEventListener('storage', paint);
