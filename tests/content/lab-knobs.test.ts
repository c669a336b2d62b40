import { describe, expect, it } from 'vitest';
import { componentCalls } from '../../src/content-checks';
import { readChapters } from './read-chapters.ts';

/**
 * The "simultaneous" knob makes both sides send a SYN at once: it is about opening. A lab about
 * closing that offers it puts a question about the handshake where the reader studies the close.
 */
describe('sequence labs in chapters', () => {
  it('offer "both sides send SYN" only in labs that are not about closing', () => {
    const wrong: string[] = [];
    for (const c of readChapters('content')) {
      for (const call of componentCalls(c.source)) {
        if (call.name !== 'SequenceLab') continue;
        const scenario = String(call.attrs.scenario ?? '');
        const knobs = String(call.attrs.knobs ?? '').split(',').map((k) => k.trim());
        if (/close/.test(scenario) && knobs.includes('simultaneous')) wrong.push(`${c.path}:${call.line} ${scenario}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
