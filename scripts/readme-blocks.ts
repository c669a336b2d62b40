/**
 * The README's generated blocks. Text between `<!-- name:start -->` and `<!-- name:end -->` is
 * written by a program, never by hand, so it cannot drift from what it describes:
 *
 * - `kernel-coverage`: which scenarios are compared with the real Linux kernel, live or from
 *   stored captures, and why the others cannot be; from src/engine/kernel-coverage.ts.
 *   `npm run readme` rewrites it, and tests/unit/readme-blocks.test.ts fails when it is stale.
 * - `bench`: the last `npm run bench` figures and the machine they came from (scripts/bench.ts).
 *
 * `node scripts/readme-blocks.ts` rewrites the kernel-coverage block of README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KERNEL_COVERAGE, WORKSHOP_KERNEL_CASES, type KernelCoverage, type WorkshopKernelCase } from '../src/engine/kernel-coverage.ts';

export const README = resolve(import.meta.dirname, '..', 'README.md');

/**
 * `readme` with the text between the block's markers replaced by `body`. Throws, naming the
 * marker, when a marker is missing, repeated or out of order: the block must never be appended
 * somewhere else or written twice.
 */
export function replaceBlock(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const count = (m: string) => readme.split(m).length - 1;
  for (const m of [start, end]) {
    if (count(m) !== 1) throw new Error(`README.md: expected exactly one "${m}" line, found ${count(m)}`);
  }
  const i = readme.indexOf(start) + start.length;
  const j = readme.indexOf(end);
  if (j < i) throw new Error(`README.md: "${end}" comes before "${start}"`);
  return `${readme.slice(0, i)}\n${body.trim()}\n${readme.slice(j)}`;
}

/** The text between the block's markers, trimmed; null when the markers are not there once each. */
export function readBlock(readme: string, name: string): string | null {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i || readme.indexOf(start, i + 1) >= 0) return null;
  return readme.slice(i + start.length, j).trim();
}

/** The machine a benchmark ran on, as one phrase: CPU model and count, memory, kernel. */
export function machineLine(info: { cpuModel: string; cores: number; memBytes: number; os: string }): string {
  return `${info.cpuModel.replace(/\s+/g, ' ').trim()}, ${info.cores} cores, ${(info.memBytes / 2 ** 30).toFixed(1)} GiB RAM, ${info.os}`;
}

/**
 * The bench block from what `npm run bench` printed: its heading (`## Benchmark (when, node, browser,
 * cores, load)`) becomes a "Measured on <machine> (…)" line, everything after it is kept as printed.
 */
export function benchBlock(printed: readonly string[], machine: string): string {
  const [head, ...rest] = printed;
  const m = /^## Benchmark \((.*)\)$/.exec(head ?? '');
  if (!m) throw new Error(`bench output: expected a first line "## Benchmark (…)", got "${head ?? ''}"`);
  return [`Measured by \`npm run bench\` on ${machine} (${m[1]}):`, ...rest].join('\n');
}

const code = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');

/**
 * The kernel-coverage block: one summary sentence and one row per scenario, in the book's order;
 * then the workshop scenarios the live suite runs, one row each.
 */
export function kernelCoverageBlock(
  coverage: readonly KernelCoverage[] = KERNEL_COVERAGE,
  workshop: readonly WorkshopKernelCase[] = WORKSHOP_KERNEL_CASES,
): string {
  const live = coverage.filter((c) => c.live.length > 0);
  const captured = coverage.filter((c) => c.captures.length > 0);
  const checked = coverage.filter((c) => c.unchecked === null);
  const both = live.filter((c) => c.captures.length > 0);
  const rows = coverage.map(
    (c) => `| \`${c.id}\` | ${c.live.length ? code(c.live) : '—'} | ${c.captures.length ? code(c.captures) : '—'} | ${c.unchecked ?? ''} |`,
  );
  return [
    `${checked.length} of ${coverage.length} scenarios are compared with the Linux kernel. ${live.length} have a live case (\`npm run test:kernel\`: real sockets in a network namespace of their own, captured with tcpdump and compared segment by segment with the engine's Linux run); ${captured.length} are compared with stored kernel captures (\`tests/fixtures/kernel-traces/\`, in \`npm test\`), ${both.length} of them also live. The other ${coverage.length - checked.length} are checked against RFC 9293's text only, with hand-written expectations and a tshark well-formedness check of their exported pcap, which says nothing about behaviour.`,
    '',
    '| scenario | live kernel case | kernel capture | not compared with the kernel because |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `${workshop.filter((w) => !w.unchecked).length} scenarios built in the workshop run live too: a generic peer (\`tests/kernel/workshop-peer.ts\`) makes the link's calls on real sockets at their times and applies its drops as nft rules, and the capture is compared segment by segment with the engine's run of the same link (Linux on both sides, 1 ms one-way latency, the nearest the engine comes to the loopback's).`,
    '',
    '| workshop case | what it shows | not run on the kernel because |',
    '| --- | --- | --- |',
    ...workshop.map((w) => `| \`${w.name}\` | ${w.what} | ${w.unchecked ?? ''} |`),
  ].join('\n');
}

if (import.meta.main) {
  const before = readFileSync(README, 'utf8');
  const after = replaceBlock(before, 'kernel-coverage', kernelCoverageBlock());
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md: kernel-coverage block already up to date' : 'README.md: kernel-coverage block rewritten');
}
