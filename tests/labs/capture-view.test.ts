import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../src/engine/pcap/index.ts';
import { viewOfConnection } from '../../src/labs/view/capture-view.ts';
import { segmentLabel } from '../../src/labs/view/trace-view.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/kernel-traces/${name}`, import.meta.url)));

describe('replaying a real capture in the sequence lab', () => {
  it('turns normal.pcap into one step per segment, from CLOSED/LISTEN to the kernel’s states', () => {
    const a = analyseCapture(fixture('normal.pcap'));
    const conn = a.report.connections[0]!;
    const v = viewOfConnection(conn);
    expect(v.steps).toHaveLength(conn.segments.length + 1);
    expect([v.steps[0]!.A.state, v.steps[0]!.B.state]).toEqual(['CLOSED', 'LISTEN']);
    expect(segmentLabel(v, v.segments[0]!, true)).toBe('SYN seq=0 len=0');
    expect(segmentLabel(v, v.segments[1]!, true)).toBe('SYN, ACK seq=0 ack=1 len=0');
    expect(v.steps.find((s) => s.changed.A?.to === 'ESTABLISHED')?.index).toBe(2);
    const last = v.steps.at(-1)!;
    expect(last.A.state).toBe('TIME-WAIT');
    expect(last.B.state).toBe('CLOSED');
  });

  it('keeps the sticky last transition for the state diagram', () => {
    const v = viewOfConnection(analyseCapture(fixture('simclose3.pcap')).report.connections[0]!);
    const last = v.steps.at(-1)!;
    expect(last.A.state).toBe('TIME-WAIT');
    expect(last.last.A?.to).toBe('TIME-WAIT');
  });
});
