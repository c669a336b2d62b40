/** @jsxImportSource preact */
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CaptureLab, { captureErrorText } from '../../src/islands/capture-lab.tsx';
import SegmentInspector from '../../src/islands/segment-inspector.tsx';
import StateDiagram from '../../src/islands/state-diagram.tsx';
import TimeWaitLab from '../../src/islands/time-wait-lab.tsx';
import { inspectorPackets } from '../../src/islands/lib/inspector-packets.ts';
import { publish, resetBus } from '../../src/islands/lib/lab-bus.ts';
import { runTimeWaitCase } from '../../src/islands/lib/time-wait-run.ts';
import { runScenario } from '../../src/engine/index.ts';
import { S } from './lab-fixtures.ts';

const sdLabels = { title: 'Figure 5', desc: 'd', now: '{name}: {state}.', lastMove: 'Last move {from} → {to}.', notDrawn: 'Not drawn {from} → {to}.', waiting: 'Waiting.' };

beforeEach(() => resetBus());
afterEach(cleanup);

describe('<StateDiagram>', () => {
  it('draws Figure 5 without any lab, then highlights both endpoints and the arrow taken', async () => {
    render(<StateDiagram labels={sdLabels} />);
    expect(document.querySelectorAll('[data-node]')).toHaveLength(12);
    expect(document.querySelector('figcaption')!.textContent).toBe('Waiting.');
    act(() =>
      publish('position', {
        source: 'x',
        a: { state: 'ESTABLISHED', from: 'SYN-SENT', changed: true, name: 'Client' },
        b: { state: 'SYN-RECEIVED', from: 'LISTEN', changed: false, name: 'Server' },
      }),
    );
    expect(document.querySelector('[data-node="ESTABLISHED"]')!.classList.contains('sd-current')).toBe(true);
    expect(document.querySelector('[data-node="ESTABLISHED"]')!.textContent).toContain('Client');
    expect(document.querySelector('[data-edge="SYN-SENT>ESTABLISHED"]')!.classList.contains('sd-hot')).toBe(true);
    expect(document.querySelector('[data-edge="LISTEN>SYN-RECEIVED"]')!.classList.contains('sd-hot')).toBe(true);
    expect(document.querySelector('figcaption')!.textContent).toContain('Client: ESTABLISHED. Last move SYN-SENT → ESTABLISHED.');
    expect(document.querySelector('figcaption')!.textContent).not.toContain('LISTEN → SYN-RECEIVED');
  });
});

describe('<SegmentInspector>', () => {
  const packets = inspectorPackets(runScenario('normal-open'));
  it('shows the SYN’s real bytes and lights up a field’s bytes when it is focused', () => {
    render(<SegmentInspector id="si" packets={packets} initial={0} title="t" strings={S} />);
    expect(document.querySelector('[data-byte="0"]')!.textContent).toBe('45');
    fireEvent.focus(screen.getByRole('button', { name: /Source port: 50000/ }));
    const on = [...document.querySelectorAll('.si-on')].map((e) => Number(e.getAttribute('data-byte')));
    expect(on).toEqual([20, 21]);
    expect(document.querySelector('.si-explain')!.textContent).toContain('4-tuple');
    fireEvent.focus(screen.getByRole('button', { name: /SYN flag: 1/ }));
    expect([...document.querySelectorAll('.si-on')].map((e) => Number(e.getAttribute('data-byte')))).toEqual([33]);
    expect(document.querySelector('.si-explain')!.textContent).toMatch(/\[1\]/);
  });

  it('explains a byte under the pointer, and every option of the SYN', () => {
    render(<SegmentInspector id="si" packets={packets} initial={0} title="t" strings={S} />);
    fireEvent.mouseEnter(document.querySelector('[data-byte="26"]')!);
    expect(document.querySelector('.si-explain')!.textContent).toMatch(/^Sequence number/);
    const names = [...document.querySelectorAll('.si-fields button')].map((b) => b.textContent);
    for (const o of ['MSS', 'SACK permitted', 'timestamps', 'window scale']) expect(names.join('|')).toContain(o);
    expect(names.join('|')).not.toMatch(/labs\./);
  });
});

describe('<CaptureLab>', () => {
  const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);
  const open = async (f: File) => {
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    fireEvent.change(input);
  };

  it('says in plain words what is wrong with a file that is not a capture', async () => {
    render(<CaptureLab id="cap" scenario="close-3-segment" strings={S} />);
    await open(file('notes.txt', new TextEncoder().encode('hello, this is not a capture file at all')));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not a pcap or pcapng file'));
  });

  it('opens a real capture and replays its connection in a sequence lab', async () => {
    render(<CaptureLab id="cap" scenario="close-3-segment" strings={S} />);
    await open(file('normal.pcap', new Uint8Array(readFileSync('tests/fixtures/kernel-traces/normal.pcap'))));
    await waitFor(() => expect(document.querySelector('#cap-replay')).not.toBeNull());
    expect(document.querySelector('#cap-replay .lab-trace')!.textContent).toContain('TIME-WAIT');
    expect(screen.getByRole('combobox', { name: /Connection/ }).textContent).toMatch(/127\.0\.0\.1:\d+ ↔ 127\.0\.0\.1:40000/);
  });

  it('words every error code and names the place', () => {
    expect(captureErrorText(S, { code: 'truncated', packet: 3, offset: 120 })).toBe('The file ends in the middle of a packet. Perhaps the capture was cut off while it was being written. Packet 3. Byte 120 of the file.');
    expect(captureErrorText(S, new Error('boom'))).toContain('could not be read');
  });
});

describe('<TimeWaitLab>', () => {
  it('shows the lost-final-ack case at once and switches to RST in TIME-WAIT with the RFC 1337 switch', async () => {
    const presets = [{ id: 'linux' as const, mslMs: 30_000, timeWaitMs: 60_000 }, { id: 'rfc' as const, mslMs: 120_000, timeWaitMs: 240_000 }];
    render(<TimeWaitLab id="tw" presets={presets} titles={{}} strings={S} initial={runTimeWaitCase('lost-final-ack', { profile: 'linux' })} />);
    expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('Reason 1');
    expect(document.querySelector('.tw svg')!.textContent).toContain('FIN again');
    fireEvent.click(screen.getByRole('radio', { name: 'RST in TIME-WAIT' }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('assassination'));
    fireEvent.click(screen.getByRole('checkbox', { name: /RFC 1337/ }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('ignores the RST'));
  });
});

describe('<TimeWaitLab> MSL slider', () => {
  it('in the too-short case, a longer MSL keeps the old duplicate out of the new connection', async () => {
    const presets = [{ id: 'linux' as const, mslMs: 30_000, timeWaitMs: 60_000 }];
    render(<TimeWaitLab id="tw" presets={presets} titles={{}} strings={S} initial={runTimeWaitCase('lost-final-ack', { profile: 'linux' })} />);
    fireEvent.click(screen.getByRole('radio', { name: 'TIME-WAIT cut short' }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('Reason 2'));
    const slider = document.querySelector('.tw input[type=range]') as HTMLInputElement;
    expect(slider.max).toBe('1000');
    fireEvent.input(slider, { target: { value: '500' } });
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('no data is mixed up'));
  });
});
