/**
 * The scenario workshop in a real browser, in both languages, on a 360 px phone and a desktop:
 * build a scenario with the form, get its run, share the link, open the link in a fresh browser
 * context and see the same run; download the pcap and read it with tshark (checksums checked);
 * make a quiz from the run, answer it and find it on the review page; a scenario the engine cannot
 * run names the call that makes it impossible.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en';
import { ko } from '../../src/i18n/ko';
import { watchPage } from './watch.ts';

const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } } as const;

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-workshop-awake]')).toHaveCount(1);
}

/** What the run shows: the summary line and every row of the sequence lab's table. */
async function runText(page: Page): Promise<string> {
  const rows = await page.locator('#workshop-lab table tr').allTextContents();
  return `${await page.getByTestId('ws-summary').textContent()}\n${rows.join('\n')}`;
}

/** Opens `url` in a new context (no shared state) and returns what its run shows. */
async function reopen(browser: Browser, url: string, size: { width: number; height: number }): Promise<string> {
  const ctx = await browser.newContext({ viewport: size });
  // Hold the run's code back a little, as a slow phone would: the page then shows the build-time run for a
  // moment, and the check below must wait for the linked one instead of reading the first run it sees.
  await ctx.route(/\/_astro\/run\.[\w-]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  const page = await ctx.newPage();
  await open(page, url);
  await expect(page.getByTestId('ws-summary')).not.toHaveText(/^$/);
  // The linked scenario runs after hydration, replacing the build-time run: wait until the run on
  // screen is the one the link names (the address alone already matches before that).
  await expect(page.locator('.ws')).toHaveAttribute('data-run', new URL(url).hash.slice(1));
  const text = await runText(page);
  await ctx.close();
  return text;
}

function tsharkReads(file: string): string[] {
  if (!existsSync('/usr/bin/tshark')) test.skip(true, 'tshark is not installed (apt-get install tshark)');
  const out = execFileSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-e', 'tcp.flags.str', '-e', 'tcp.checksum.status'], {
    encoding: 'utf8',
  });
  return out.trim().split('\n');
}

/** Downloads the run's pcap and reads it with tshark: how many segments, each with a good checksum. */
async function pcapRows(page: Page, S: Record<string, string>): Promise<number> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: S['workshop.export.pcap'] }).click()]);
  const rows = tsharkReads((await download.path()) ?? '');
  // tcp.checksum.status: 1 = good (0 bad, 2 not verified).
  for (const r of rows) expect(r.split('\t')[1], `checksum status of ${r}`).toBe('1');
  return rows.length;
}

/**
 * "Make a quiz from this run" on the run on screen: hides the first step that carries a FIN, answers
 * wrong once (the feedback then gives the truth), answers right with it, and finds the quiz on the
 * review page with its result and a link back that reopens the run with the quiz.
 */
async function makeQuiz(page: Page, lang: 'en' | 'ko', S: Record<string, string>): Promise<void> {
  const fp = /;h=([0-9a-f]{8})$/.exec(page.url())?.[1] ?? '';
  expect(fp).not.toBe('');
  await page.getByRole('button', { name: S['workshop.quiz.make'] }).click();
  const maker = page.getByTestId('ws-quiz');
  const step = maker.locator('.ws-quiz-steps li').filter({ hasText: 'FIN' }).first().getByRole('checkbox');
  await step.check();
  await maker.getByRole('button', { name: S['workshop.quiz.create'], exact: true }).click();
  const quiz = page.locator(`quiz-workshop#quiz-workshop-${fp}`);
  await expect(quiz).toHaveAttribute('data-ready', '1');
  const hidden = quiz.locator('[data-hidden-step]');
  await expect(hidden).toHaveCount(1);
  const answer = async (seq: string, ack: string, state: string): Promise<void> => {
    for (const [f, v] of [
      ['seq', seq],
      ['ack', ack],
    ] as const) {
      const input = hidden.locator(`[data-field="${f}"] input`);
      if (await input.count()) await input.fill(v);
    }
    await hidden.locator('[data-field="state"] input').fill(state);
    await quiz.getByRole('button', { name: S['quiz.check'] }).click();
  };
  await answer('1', '1', 'LISTEN');
  await expect(quiz).toHaveAttribute('data-result', 'wrong');
  const truth = (await quiz.locator('.quiz-feedback').textContent()) ?? '';
  const seq = /seq (\d+)/.exec(truth)?.[1] ?? '';
  const ack = /ack (\d+)/.exec(truth)?.[1] ?? '';
  const state = /(?:in|는) ([A-Z][A-Z0-9-]+)/.exec(truth)?.[1] ?? '';
  expect(state, truth).not.toBe('');
  await quiz.getByRole('button', { name: S['quiz.retry'] }).click();
  await answer(seq, ack, state);
  await expect(quiz).toHaveAttribute('data-result', 'right');
  await expect(quiz.locator('.quiz-verdict')).toHaveText(S['quiz.right'] ?? '');

  // The review page lists it, answered right, with the way back to the run.
  await page.goto(`${lang}/review/`);
  const item = page.locator(`[data-workshop-quiz="workshop-${fp}"]`);
  await expect(item.locator('.quiz-status')).toHaveText((S['quiz.status.right'] ?? '').replace('{n}', '2'));
  const back = item.getByRole('link', { name: S['review.workshop.open'] });
  await expect(back).toHaveAttribute('href', new RegExp(`/workshop/\\?quiz#w=2;.*;h=${fp}$`));
  await back.click();
  await expect(page.locator('[data-workshop-awake]')).toHaveCount(1);
  await expect(page.getByTestId('ws-quiz')).toContainText(S['workshop.quiz.found'] ?? '');
  await expect(page.locator(`quiz-workshop#quiz-workshop-${fp} [data-hidden-step]`)).toHaveCount(1);
}

for (const lang of ['en', 'ko'] as const) {
  const S = lang === 'ko' ? ko : en;
  for (const [sizeName, size] of Object.entries(SIZES)) {
    test.describe(`${lang} ${sizeName}`, () => {
      test.use({ viewport: size });

      test('simultaneous close with a lost FIN: built, shared, reopened with the same run, exported as pcap', async ({ page, browser, baseURL }) => {
        const problems = watchPage(page, new URL(baseURL ?? '').origin);
        await open(page, `${lang}/workshop/`);
        // The default scenario is the simultaneous close; losing A's first FIN is one added fault.
        await page.getByRole('button', { name: S['workshop.fault.add'] }).click();
        await expect(page.locator('#workshop-f0-segment')).toHaveValue('fin');
        await expect(page.getByTestId('ws-live')).toContainText(S['workshop.fault'].replace('{n}', '1'));
        await expect(page.getByTestId('ws-summary')).toContainText(lang === 'en' ? '1 lost' : '1개가 유실되었습니다');
        await expect(page).toHaveURL(/#w=2;.*f=drop:A:fin:1;h=[0-9a-f]{8}$/);
        const url = page.url();
        const shown = await runText(page);
        expect(shown).toContain('FIN');
        expect(await reopen(browser, url, size)).toBe(shown);

        expect(await pcapRows(page, S)).toBeGreaterThan(5);
        await makeQuiz(page, lang, S);
        expect(problems()).toEqual([]);
      });

      test('a Windows client against a Linux server, final ACK lost twice, started from a chapter', async ({ page, browser }) => {
        await open(page, `${lang}/workshop/`);
        await page.locator('#workshop-pick').selectOption('lost-final-ack');
        await page.getByRole('button', { name: S['workshop.start.load'] }).click();
        await expect(page.locator('#workshop-f0-segment')).toHaveValue('final-ack');
        await page.locator('#workshop-profile-A').selectOption('windows');
        await page.getByRole('button', { name: S['workshop.fault.add'] }).click();
        await page.locator('#workshop-f1-segment').selectOption('final-ack');
        // The new fault row may re-render once more after the segment choice: type the rank again
        // until the run shows it (a reader would see the field reset and type it again too).
        await expect(async () => {
          await page.locator('#workshop-f1-nth').fill('2');
          await page.locator('#workshop-f1-nth').press('Tab');
          await expect(page.getByTestId('ws-summary')).toContainText(lang === 'en' ? '2 lost' : '2개가 유실되었습니다', { timeout: 2_000 });
        }).toPass({ timeout: 15_000 });
        await expect(page).toHaveURL(/p=windows\.linux;.*f=drop:A:final-ack:1,drop:A:final-ack:2;h=/);
        const shown = await runText(page);
        expect(await reopen(browser, page.url(), size)).toBe(shown);
        await makeQuiz(page, lang, S);
      });

      test('a linger abort in FIN-WAIT-2: the server closes, the client aborts with SO_LINGER {on, 0}, RST ends the FIN-WAIT-2', async ({ page, browser }) => {
        await open(page, `${lang}/workshop/`);
        // The default scenario closes both sides at connection + 100 ms. A's close becomes an abort 200 ms after
        // A reads B's FIN: by then A has acknowledged that FIN and B waits in FIN-WAIT-2 for A's.
        await page.locator('#workshop-c2-call').selectOption('abort');
        await page.locator('#workshop-c2-after').selectOption('fin');
        await expect(async () => {
          await page.locator('#workshop-c2-at').fill('200');
          await page.locator('#workshop-c2-at').press('Tab');
          await expect(page).toHaveURL(/c=B@0:listen,A@1:connect,A@fin\+200:abort,B@conn\+100:close;f=;h=/, { timeout: 2_000 });
        }).toPass({ timeout: 15_000 });
        const shown = await runText(page);
        // B's row goes FIN-WAIT-2 → CLOSED on A's RST, and nobody is left in TIME-WAIT.
        expect(shown).toMatch(/FIN-WAIT-2/);
        expect(shown).toMatch(/RST/);
        await expect(page.getByTestId('ws-summary')).toContainText(lang === 'en' ? 'A is in CLOSED and B in CLOSED' : 'A는 CLOSED, B는 CLOSED');
        expect(await reopen(browser, page.url(), size)).toBe(shown);
        expect(await pcapRows(page, S)).toBeGreaterThan(5);
        await makeQuiz(page, lang, S);
      });

      test('an impossible scenario names the call that makes it so', async ({ page }) => {
        await open(page, `${lang}/workshop/`);
        // Remove B's listen(): B's close() then has no connection.
        await page.getByRole('button', { name: S['workshop.call.remove'].replace('{n}', '1') }).click();
        const alert = page.getByRole('alert');
        await expect(alert).toContainText(S['workshop.call'].replace('{n}', '3'));
        await expect(alert).toContainText(lang === 'en' ? 'B has no connection yet' : 'B에는 아직 연결이 없으므로');
        await expect(page.locator('#workshop-c2-side')).toBeVisible();
        await expect(page.locator('.ws-row.is-bad')).toHaveCount(1);
      });
    });
  }
}

for (const lang of ['en', 'ko'] as const) {
  const S = lang === 'ko' ? ko : en;
  test(`${lang}: "open in workshop" from a chapter lab carries its scenario and knobs, and the workshop runs the same run`, async ({ page }) => {
    await page.setViewportSize(SIZES.phone);
    await page.goto(`${lang}/labs/`);
    const lab = page.locator('#lab-close-4-segment');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveClass(/is-live/);
    // Lose segment 5 and let B wait 200 ms before its close(): two knobs the workshop must carry.
    await lab.getByLabel(S['labs.knob.drop']).selectOption('5');
    await lab.getByLabel(S['labs.knob.close-delay']).selectOption('200');
    const link = lab.getByRole('link', { name: S['labs.ctl.workshop'] });
    await expect(link).toHaveAttribute('href', /\/workshop\/#from=close-4-segment&drop=5&delay=200/);
    await expect(lab.locator('table tr').filter({ hasText: S['labs.lost'] })).toHaveCount(1);
    const labRows = await lab.locator('table tr').allTextContents();
    await link.click();
    await expect(page.locator('[data-workshop-awake]')).toHaveCount(1);
    await expect(page).toHaveURL(/#w=2;.*;h=[0-9a-f]{8}$/);
    await expect(page.getByTestId('ws-summary')).toContainText(lang === 'en' ? '1 lost' : '1개가 유실되었습니다');
    expect(await page.locator('#workshop-lab table tr').allTextContents()).toEqual(labRows);
  });
}

test('a format-1 link (from before random loss and fin+ times) still opens, and its address becomes format 2', async ({ page }) => {
  await open(
    page,
    'en/workshop/#w=1;p=linux.windows;lat=10;isn=fixed;seed=1;msl=0;rfc1337=0;eof=-.0;reply=0.4;c=B@0:listen,A@1:connect,A@conn+279:close;f=drop:A:fin:1',
  );
  await expect(page).toHaveURL(/#w=2;p=linux\.windows;.*loss=0\.1;.*c=B@0:listen,A@1:connect,A@conn\+279:close;f=drop:A:fin:1;h=[0-9a-f]{8}$/);
  await expect(page.getByTestId('ws-summary')).toContainText('1 lost');
});

test('"Copy as MDX" copies the <SequenceLab> tag of the run on screen, for a chapter', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, 'en/workshop/');
  await page.getByRole('button', { name: en['workshop.fault.add'] }).click();
  await expect(page.getByTestId('ws-summary')).toContainText('1 lost');
  await expect(page).toHaveURL(/;h=[0-9a-f]{8}$/);
  const link = new URL(page.url()).hash.slice(1);
  await page.getByRole('button', { name: en['workshop.mdx'] }).click();
  await expect(page.getByTestId('ws-live')).toContainText(en['workshop.mdx.copied']);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`<SequenceLab workshop="${link}" title="${en['workshop.mdx.title']}" />`);
});

for (const lang of ['en', 'ko'] as const) {
  const S = lang === 'ko' ? ko : en;
  test(`${lang}: a real Linux capture rebuilt as a workshop scenario runs there with the same ends`, async ({ page }) => {
    await page.setViewportSize(SIZES.phone);
    await page.goto(`${lang}/labs/`);
    const lab = page.locator('#capture-lab');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab).toHaveClass(/is-live/);
    await lab.locator('input[type=file]').setInputFiles('tests/fixtures/kernel-traces/normal.pcap');
    await expect(page.locator('#capture-lab-replay .lab-trace')).toContainText('TIME-WAIT');
    await lab.getByRole('button', { name: S['labs.cap.rebuild'] }).click();
    const link = lab.getByRole('link', { name: S['labs.cap.rebuild.open'] });
    await expect(link).toHaveAttribute('href', /\/workshop\/#w=2;.*c=B@0:listen,A@1:connect,A@\d+:send:4,B@\d+:send:4,A@\d+:close,B@fin\+0:close;f=$/);
    await link.click();
    await expect(page.locator('[data-workshop-awake]')).toHaveCount(1);
    await expect(page).toHaveURL(/;h=[0-9a-f]{8}$/);
    // The capture ends with the client in TIME-WAIT and the server CLOSED; the engine's run goes on past TIME-WAIT.
    await expect(page.locator('#workshop-lab .lab-trace')).toContainText('TIME-WAIT');
    await expect(page.getByTestId('ws-summary')).toContainText(lang === 'en' ? 'A is in CLOSED and B in CLOSED' : 'A는 CLOSED, B는 CLOSED');
  });
}

test('a link of a newer format version, or with a word a newer book added, says so', async ({ page }) => {
  await open(page, 'en/workshop/#w=9;p=linux.linux');
  await expect(page.getByRole('status')).toContainText(
    'This link uses workshop format 9, made by a newer version of the book; this page reads only format 2. Reload the page',
  );
  await open(
    page,
    'ko/workshop/#w=2;p=linux.linux;lat=10;isn=fixed;seed=1;msl=0;rfc1337=0;loss=0.1;eof=-.0;reply=0.0;c=B@0:listen,A@1:connect,A@5:setsockopt:1;f=',
  );
  await expect(page.getByRole('status')).toContainText('링크의 호출 3 (c[2])에 있는 “setsockopt”은(는) 더 새로운 버전의 책에서 추가된 것이므로');
});

test('chapters load no workshop code', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('en/labs/');
  await page.locator('#lab-close-4-segment').scrollIntoViewIfNeeded();
  await expect(page.locator('#lab-close-4-segment')).toHaveClass(/is-live/);
  // The workshop's own modules (its page script, run.ts, from-chapter.ts) are chunks named after them.
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((u) => /workshop|\/run\.|from-chapter/.test(u))).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  const S = lang === 'ko' ? ko : en;
  test(`${lang}: a damaged or old saved workshop quiz is named on the review page and in the workshop, and can be replaced or removed`, async ({ page }) => {
    await page.setViewportSize(SIZES.phone);
    // Never a crash: no uncaught exception on either page (the quick page changes abort icon loads, so
    // the request checks of watchPage do not apply here).
    const thrown: string[] = [];
    page.on('pageerror', (e) => thrown.push(e.message));
    // The default run's link and fingerprint, as the workshop writes them once it has run.
    await open(page, `${lang}/workshop/`);
    await page.getByRole('button', { name: S['workshop.fault.add'] }).click();
    await expect(page).toHaveURL(/;h=[0-9a-f]{8}$/);
    const link = new URL(page.url()).hash.slice(1);
    const fp = link.slice(-8);
    await page.evaluate(
      ({ fp, link }) => {
        const old = { v: 0, fingerprint: fp, link };
        const damaged = { v: 1, fingerprint: '0000abcd', link: 'w=2', title: 'x', at: 1, steps: [{ step: 0 }], hidden: [{ step: 0 }] };
        localStorage.setItem(
          'tcp-book:progress',
          JSON.stringify({
            format: 'tcp-book-progress',
            version: 2,
            quizzes: {},
            drill: {},
            workshop: { [`workshop-${fp}`]: old, 'workshop-0000abcd': damaged },
          }),
        );
      },
      { fp, link },
    );
    await page.goto(`${lang}/review/`);
    const bad = page.locator('.review-ws-bad');
    await expect(bad).toHaveCount(2);
    await expect(bad.first()).toContainText(S['workshop.quiz.bad.version'].replace('{found}', '0'));
    await expect(bad.nth(1)).toContainText('steps[0].from');
    await page.locator('[data-workshop-quiz="workshop-0000abcd"]').getByRole('button', { name: S['review.workshop.remove'] }).click();
    await expect(page.locator('[data-io-status]')).toHaveText(S['review.workshop.removed']);
    await expect(bad).toHaveCount(1);
    // In the workshop, the run's old quiz is named, and a new one replaces it.
    await open(page, `${lang}/workshop/?quiz#${link}`);
    await expect(page.getByTestId('ws-quiz')).toContainText(S['workshop.quiz.bad.version'].replace('{found}', '0'));
    await page.getByTestId('ws-quiz').getByRole('checkbox').first().check();
    await page.getByTestId('ws-quiz').getByRole('button', { name: S['workshop.quiz.create'], exact: true }).click();
    await expect(page.locator(`quiz-workshop#quiz-workshop-${fp}`)).toHaveAttribute('data-ready', '1');
    await page.goto(`${lang}/review/`);
    await expect(page.locator('.review-ws-bad')).toHaveCount(0);
    await expect(page.locator(`[data-workshop-quiz="workshop-${fp}"] quiz-workshop`)).toHaveCount(1);
    expect(thrown).toEqual([]);
  });
}

test('an edit gives the run to the same lab in place (no remount), which starts it at step 0', async ({ page }) => {
  await open(page, 'en/workshop/');
  const lab = page.locator('#workshop-lab');
  const next = lab.locator('.lab-controls button').nth(3);
  await next.click();
  await next.click();
  await expect(lab.locator('.seq-heads .lab-step')).toHaveText(/^Step 2 of \d+$/);
  // A mark on the lab's element: a remounted lab is a new element without it.
  await lab.evaluate((e) => ((e as HTMLElement & { __kept?: boolean }).__kept = true));
  const before = await runText(page);
  await page.locator('#workshop-latency').fill('35');
  await page.locator('#workshop-latency').press('Tab');
  await expect(page).toHaveURL(/lat=35;.*;h=[0-9a-f]{8}$/);
  await expect.poll(() => runText(page)).not.toBe(before);
  expect(await lab.evaluate((e) => (e as HTMLElement & { __kept?: boolean }).__kept === true)).toBe(true);
  // Stepped to 2 before the edit; the new run starts at its first step, as a fresh lab would.
  await expect(lab.locator('.seq-heads .lab-step')).toHaveText(/^Step 0 of \d+$/);
  await expect(page.locator('.ws')).toHaveAttribute('data-run', new URL(page.url()).hash.slice(1));
});

/**
 * A workshop run loads an optional engine part (src/engine/parts/) only when its scenario needs one:
 * the four-segment close needs none; the linger-abort chapter's run needs the rarer user calls (ABORT),
 * which the run loads and then starts again with. Every part in one load cost the workshop's first
 * run 4.7 KB gz. Each scenario is opened by its workshop link in a fresh page: "start from a
 * chapter" (#from=) loads the scenario list and compares with the chapter's run, which may use any part.
 */
test('a workshop run loads an optional engine part only when its scenario needs one', async ({ browser }) => {
  const names = readdirSync(join(process.cwd(), 'src/engine/parts')).map((f) => f.replace(/\.ts$/, ''));
  expect(names, 'engine parts found').toContain('rare-calls');
  const isPart = new RegExp(`/(${names.join('|')})\\.[\\w-]+\\.js$`);
  /** The parts a fresh page loads to run the workshop link that `#from=<id>` turns into. */
  const partsFor = async (id: string): Promise<string[]> => {
    const first = await browser.newPage();
    await open(first, `en/workshop/#from=${id}`);
    await expect(first).toHaveURL(/#w=2;.*;h=[0-9a-f]{8}$/);
    const link = first.url();
    const shown = await runText(first);
    await first.close();
    const page = await browser.newPage();
    const parts: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (isPart.test(path)) parts.push(path.replace(/^.*\//, ''));
    });
    await open(page, link);
    // The build-time run shows first; the linked one replaces it once it has run.
    await expect.poll(() => runText(page)).toBe(shown);
    await page.close();
    return parts;
  };
  expect(await partsFor('close-4-segment'), 'parts loaded by the four-segment close').toEqual([]);
  const abort = await partsFor('linger-abort');
  expect(
    abort.some((p) => p.startsWith('rare-calls.')),
    `parts loaded: ${abort.join(', ')}`,
  ).toBe(true);
  expect(
    abort.some((p) => p.startsWith('all.')),
    'the chunk of every part',
  ).toBe(false);
});
