/**
 * Captures in a real browser: "download this run" gives a classic pcap whose bytes start with the
 * pcap magic and parse back into the same connection; opening a real Linux capture replays it in
 * the sequence lab and the state diagram; a broken file gives a plain message, not a broken page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { analyseCapture } from '../../src/engine/pcap/index.ts';
import { watchPage } from './watch.ts';

async function captureLab(page: Page, lang: 'en' | 'ko' = 'en') {
  await page.goto(`${lang}/labs/`);
  const lab = page.locator('#capture-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveClass(/is-live/);
  return lab;
}

test('downloads the page’s run as a pcap that parses back', async ({ page }) => {
  // Use the sequence lab first: the capture lab exports the run the reader used last.
  await page.goto('en/labs/');
  await page.locator('#lab-close-4-segment').scrollIntoViewIfNeeded();
  await expect(page.locator('#lab-close-4-segment')).toHaveClass(/is-live/);
  await page.locator('#lab-close-4-segment').getByRole('button', { name: 'Next step' }).click();
  const lab = page.locator('#capture-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveClass(/is-live/);
  await expect(lab.getByRole('button', { name: /Download/ })).toContainText('Client closes first: four segments');
  const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: /Download/ }).click()]);
  expect(download.suggestedFilename()).toBe('close-4-segment.pcap');
  const bytes = new Uint8Array(readFileSync((await download.path()) ?? ''));
  expect([...bytes.slice(0, 4)], 'classic pcap magic, little-endian').toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
  const a = analyseCapture(bytes);
  expect(a.report.connections).toHaveLength(1);
  const flags = a.report.connections[0]!.segments.map((s) => s.flags.join('+'));
  expect(flags.slice(0, 3)).toEqual(['SYN', 'SYN+ACK', 'ACK']);
  expect(a.warnings.filter((w) => w.code !== 'inference')).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  test(`opens a real Linux capture and replays it (${lang})`, async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    const lab = await captureLab(page, lang);
    await lab.locator('input[type=file]').setInputFiles('tests/fixtures/kernel-traces/normal.pcap');
    const replay = page.locator('#capture-lab-replay');
    await expect(replay).toBeVisible();
    await expect(replay.locator('.lab-trace')).toContainText('TIME-WAIT');
    await replay.locator('.seq-frame').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(replay.locator('.lab-step')).toContainText(lang === 'en' ? 'Step 2 of' : '단계 중 2단계');
    // The state diagram follows the replay: the client is ESTABLISHED after the SYN+ACK.
    await page.locator('.state-diagram').scrollIntoViewIfNeeded();
    await expect(page.locator('.state-diagram [data-node="ESTABLISHED"]')).toHaveClass(/sd-current/);
    expect(problems()).toEqual([]);
  });
}

test('a broken file gets a plain message in the reader’s language and the page keeps working', async ({ page }) => {
  const lab = await captureLab(page, 'ko');
  await lab.locator('input[type=file]').setInputFiles('tests/fixtures/broken/bad-magic.pcap');
  await expect(lab.getByRole('alert')).toContainText('pcap이나 pcapng 파일이 아닙니다');
  await lab.locator('input[type=file]').setInputFiles('tests/fixtures/broken/absurd-caplen.pcap');
  await expect(lab.getByRole('alert')).toContainText('불가능한 길이');
  await expect(lab.getByRole('alert')).toContainText('2번째 패킷');
  await lab.locator('input[type=file]').setInputFiles('tests/fixtures/kernel-traces/rst.pcap');
  await expect(page.locator('#capture-lab-replay')).toBeVisible();
});

test('the messages say what is wrong: a 3-byte file, a bad pcapng block length, one odd thing', async ({ page }) => {
  const lab = await captureLab(page, 'en');
  const input = lab.locator('input[type=file]');
  await input.setInputFiles({ name: 'three.pcap', mimeType: 'application/octet-stream', buffer: Buffer.from([0xd4, 0xc3, 0xb2]) });
  await expect(lab.getByRole('alert')).toContainText('too short to be a capture');
  await expect(lab.getByRole('alert')).not.toContainText('middle of a packet');
  await input.setInputFiles('tests/fixtures/broken/absurd-block.pcapng');
  await expect(lab.getByRole('alert')).toContainText('pcapng block');
  await expect(lab.getByRole('alert')).not.toContainText(/A packet|Packet \d/);
  // a capture cut inside its last packet: one warning, said without "1 things"
  await input.setInputFiles('tests/fixtures/broken/truncated.pcap');
  await expect(lab.locator('details:not(.lab-more) summary')).toHaveText('Odd things in the file: 1 (details)');
});

test('a gzip capture is unpacked in the worker; a cut or damaged one says so, with the byte', async ({ page }) => {
  const lab = await captureLab(page, 'en');
  const input = lab.locator('input[type=file]');
  const gz = readFileSync('tests/fixtures/corpus/normal.pcap.gz');
  await input.setInputFiles('tests/fixtures/corpus/normal.pcap.gz');
  await expect(page.locator('#capture-lab-replay .lab-trace')).toContainText('TIME-WAIT');
  await input.setInputFiles({ name: 'cut.pcap.gz', mimeType: 'application/gzip', buffer: gz.subarray(0, 200) });
  await expect(lab.getByRole('alert')).toContainText('The gzip file is damaged or cut off');
  await expect(lab.getByRole('alert')).toContainText(/Byte \d+ of the file/);
  const damaged = Buffer.from(gz);
  damaged[60]! ^= 0xff;
  damaged[61]! ^= 0x55;
  await input.setInputFiles({ name: 'bad.pcap.gz', mimeType: 'application/gzip', buffer: damaged });
  await expect(lab.getByRole('alert')).toContainText('The gzip file is damaged or cut off');
});
