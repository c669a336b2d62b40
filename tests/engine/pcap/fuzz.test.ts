/**
 * Fuzz tests for capture import: whatever the bytes, import either returns or throws a
 * CaptureError, and does so quickly. Locally the run counts keep `npm test` fast; CI (CI=true)
 * runs 5000 inputs per property (about 90 s for the file); set FUZZ_RUNS (e.g. 20000) for a long run.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { analyseCapture, CaptureError } from '../../../src/engine/pcap/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 5000 : 150));
vi.setConfig({ testTimeout: Math.max(120_000, RUNS * 100) });
/**
 * A fixture-sized input imports in a few ms; this bound (ms) only has to prove there is no
 * hang or blow-up, with room for a busy shared machine.
 */
const MAX_MS_PER_INPUT = 2000;

const dirs = ['kernel-traces', 'variants', 'broken'];
const fixtures = dirs.flatMap((d) =>
  readdirSync(new URL(`../../fixtures/${d}/`, import.meta.url))
    .filter((f) => /\.pcap(ng)?$/.test(f))
    .map((f) => ({ name: `${d}/${f}`, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/${d}/${f}`, import.meta.url))) })),
);

/** Runs the whole import; returns what happened so properties can assert on it. */
function importOrError(bytes: Uint8Array): 'ok' | CaptureError {
  const started = performance.now();
  try {
    analyseCapture(bytes);
    return 'ok';
  } catch (e) {
    if (e instanceof CaptureError) return e;
    throw new Error(`import threw something other than CaptureError: ${String(e)}\n${(e as Error).stack ?? ''}`);
  } finally {
    const ms = performance.now() - started;
    if (ms > MAX_MS_PER_INPUT) throw new Error(`import of ${bytes.length} bytes took ${ms.toFixed(0)} ms (limit ${MAX_MS_PER_INPUT})`);
  }
}

describe('capture import fuzzing', () => {
  it('has fixtures to mutate', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  it('random bytes: only CaptureError, bounded time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        importOrError(bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes behind a valid pcap or pcapng magic reach the record parsers', () => {
    const heads = [
      Uint8Array.of(0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0),
      Uint8Array.of(0xa1, 0xb2, 0x3c, 0x4d, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1, 0x14),
      fixtures.find((f) => f.name === 'variants/normal.pcapng')!.bytes.subarray(0, 108 + 20),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 1024 }), (head, tail) => {
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        importOrError(bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated real captures: flipped bytes and overwritten 32-bit fields', () => {
    const good = fixtures.filter((f) => !f.name.startsWith('broken/'));
    fc.assert(
      fc.property(
        fc.constantFrom(...good),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (f, edits) => {
          const bytes = Uint8Array.from(f.bytes);
          const view = new DataView(bytes.buffer);
          for (const [pos, value, wide] of edits) {
            const at = pos % bytes.length;
            if (wide && at + 4 <= bytes.length) view.setUint32(at, value * 0x01010101);
            else bytes[at] = value;
          }
          importOrError(bytes);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(fixtures.map((f) => [f.name, f.bytes] as const))('%s truncated at every offset', (_name, bytes) => {
    for (let n = 0; n < bytes.length; n++) {
      const r = importOrError(bytes.subarray(0, n));
      // A cut anywhere inside the file header is an error; anywhere after, a warning at most.
      if (r !== 'ok') expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
