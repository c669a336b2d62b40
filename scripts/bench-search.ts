/**
 * What opening search costs and how fast it answers, on Lighthouse's mobile emulation (the same
 * phone and 4x CPU slowdown as the long-task figures, `mobileContext`): the bytes the browser fetches when the reader
 * opens search and runs a first query (the search code, pagefind's loader and wasm, the index chunks
 * and the result fragments), and the time from the last keypress of a query to its results on
 * screen, once the index for that query is loaded (each query is typed twice, the second one timed).
 */
import type { Browser } from 'playwright-core';
import { mobileContext } from './bench-long-tasks.ts';

export interface SearchFigures {
  lang: string;
  /** Compressed bytes fetched after opening search, by kind. */
  bytes: { js: number; wasm: number; index: number };
  /** Keypress → results, per query (ms). */
  times: number[];
}

const QUERIES: Record<string, string[]> = {
  en: ['why does TIME_WAIT exist', 'syn cookies cost', 'half open connection', 'when is RST sent', 'tcp_tw_reuse'],
  ko: ['TIME_WAIT가 왜 필요해', 'SYN 쿠키 단점', '하프 오픈 연결', 'RST는 언제 보내나요', '서버에 CLOSE_WAIT가 쌓이는 이유'],
};

export async function measureSearch(browser: Browser, origin: string, lang: 'en' | 'ko'): Promise<SearchFigures> {
  const { ctx, page } = await mobileContext(browser);
  try {
    await page.goto(`${origin}/${lang}/glossary/`, { waitUntil: 'networkidle' });
    // Counted at the context, which also sees pagefind's Web Worker fetching the wasm and the index.
    const bytes = { js: 0, wasm: 0, index: 0 };
    const pending: Promise<void>[] = [];
    ctx.on('requestfinished', (r) => {
      pending.push(
        r.sizes().then((sz) => {
          const n = sz.responseBodySize + sz.responseHeadersSize;
          const url = r.url();
          if (/\.js(\?|$)/.test(url)) bytes.js += n;
          else if (/wasm/.test(url)) bytes.wasm += n;
          else if (/pagefind/.test(url)) bytes.index += n;
        }),
      );
    });
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('/');
    const times: number[] = [];
    for (const q of QUERIES[lang]!) {
      for (const timed of [false, true]) {
        await page.locator('#search-input').fill(q.slice(0, -1));
        await page.waitForTimeout(50);
        await page.evaluate(() => {
          const w = window as unknown as { __t0?: number };
          // 'input', not 'keydown': a Hangul syllable arrives as text input, without a key event.
          document.getElementById('search-input')!.addEventListener('input', () => (w.__t0 = performance.now()), { once: true, capture: true });
        });
        await page.keyboard.type(q.slice(-1));
        const ms = await page.evaluate(
          (q) =>
            new Promise<number>((resolve) => {
              const status = document.querySelector<HTMLElement>('[data-search-status]')!;
              const done = () => resolve(performance.now() - ((window as unknown as { __t0: number }).__t0 ?? 0));
              if (status.dataset.query === q) return done();
              new MutationObserver((_, o) => {
                if (status.dataset.query === q) {
                  o.disconnect();
                  requestAnimationFrame(() => done()); // the results are painted in the next frame
                }
              }).observe(status, { attributes: true });
            }),
          q,
        );
        if (timed) times.push(ms);
      }
    }
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return { lang, bytes, times };
  } finally {
    await ctx.close();
  }
}
