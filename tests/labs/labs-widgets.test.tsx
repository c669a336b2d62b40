/** @jsxImportSource preact */
// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { fireEvent, render } from './lab-dom.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CaptureLab, { captureErrorText } from '../../src/labs/widgets/capture-lab.tsx';
import SegmentInspector from '../../src/labs/widgets/segment-inspector.tsx';
import StateDiagram, { type StateDiagramProps } from '../../src/labs/widgets/state-diagram.tsx';
import { followLabBus } from '../../src/labs/client/state-diagram-live.ts';
import TimeWaitLab from '../../src/labs/widgets/time-wait-lab.tsx';
import { inspectorPackets } from '../../src/labs/view/inspector-packets.ts';
import { publish, resetBus, type LabPosition } from '../../src/labs/client/lab-bus.ts';
import { runTimeWaitCase } from '../../src/labs/view/time-wait-run.ts';
import SequenceLab from '../../src/labs/widgets/sequence-lab-host.tsx';
import { LabStatus } from '../../src/labs/widgets/lab-status.tsx';
import { runScenario } from '../../src/engine/index.ts';
import { S, initialRun } from './lab-fixtures.ts';
import { getScenario } from '../../src/engine/index.ts';

const sdLabels = {
  title: 'Figure 5',
  desc: 'd',
  now: '{name}: {state}.',
  lastMove: 'Last move {from} → {to}.',
  notDrawn: 'Not drawn {from} → {to}.',
  waiting: 'Waiting.',
};

beforeEach(() => resetBus());
afterEach(cleanup);

describe('<StateDiagram>', () => {
  // The figure is Preact markup rendered at build time; in the browser only state-diagram-live.ts
  // runs on it. So: render the component, keep its HTML, reparse it as the page would, run the script.
  const figureHtml = (props: Partial<StateDiagramProps> = {}): string => {
    const { container } = render(<StateDiagram labels={sdLabels} {...props} />);
    const html = container.innerHTML;
    cleanup();
    return html;
  };
  const page = (...figures: string[]): HTMLElement => {
    document.body.innerHTML = `<main>${figures.join('<p>text</p>')}</main>`;
    return document.body;
  };
  const q = (sel: string, root: ParentNode = document) => root.querySelector(sel)!;
  const handshake: LabPosition = {
    source: 'x',
    a: { state: 'ESTABLISHED', from: 'SYN-SENT', changed: true, name: 'Client' },
    b: { state: 'SYN-RECEIVED', from: 'LISTEN', changed: false, name: 'Server' },
  };
  // resetBus (beforeEach) drops the listeners of the previous case's figures.
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('draws the two arrowhead markers the arrows name: the same shape, the hot one with its own class', () => {
    page(figureHtml({ id: 'sd' }));
    const [plain, hot] = [q('#sd-arrow'), q('#sd-arrow-hot')];
    expect(plain.tagName.toLowerCase()).toBe('marker');
    expect(hot.tagName.toLowerCase()).toBe('marker');
    expect(q('path', plain).getAttribute('class')).toBe('sd-arrowhead');
    expect(q('path', hot).getAttribute('class')).toBe('sd-arrowhead-hot');
    // Same shape and placement: only the path's class tells them apart.
    expect(hot.outerHTML.replace('sd-arrow-hot', 'sd-arrow').replace('sd-arrowhead-hot', 'sd-arrowhead')).toBe(plain.outerHTML);
    expect(plain.getAttribute('orient')).toBe('auto-start-reverse');
  });

  it('draws Figure 5 without any lab, then highlights both endpoints and the arrow taken', () => {
    followLabBus(page(figureHtml()));
    expect(document.querySelectorAll('[data-node]')).toHaveLength(12);
    expect(q('figcaption').textContent).toBe('Waiting.');
    expect(document.querySelectorAll('.sd-current, .sd-hot, .sd-badge, .sd-who')).toHaveLength(0);
    publish('position', handshake);
    expect(q('[data-node="ESTABLISHED"]').classList.contains('sd-current')).toBe(true);
    expect(q('[data-node="ESTABLISHED"] .sd-badge').textContent).toBe('Client');
    expect(q('[data-node="SYN-RECEIVED"] .sd-badge').textContent).toBe('Server');
    // added inside the SVG, so they are SVG elements (an HTML <text> would not be drawn)
    expect(q('.sd-badge').namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(document.querySelectorAll('.sd-current')).toHaveLength(2);
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"]').classList.contains('sd-hot')).toBe(true);
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"] path').getAttribute('marker-end')).toBe('url(#state-diagram-arrow-hot)');
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"] .sd-who').textContent).toBe('◆ Client');
    expect(q('.sd-who').namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(q('[data-edge="LISTEN>SYN-RECEIVED"]').classList.contains('sd-hot')).toBe(true);
    expect(q('[data-edge="CLOSED>LISTEN"] path').getAttribute('marker-end')).toBe('url(#state-diagram-arrow)');
    expect([...document.querySelectorAll('figcaption .sd-line')].map((l) => l.textContent)).toEqual([
      'Client: ESTABLISHED. Last move SYN-SENT → ESTABLISHED.',
      'Server: SYN-RECEIVED.',
    ]);
    // The next step clears what no longer holds: no stale badge, name or hot arrow.
    publish('position', {
      source: 'x',
      a: { ...handshake.a, changed: false },
      b: { state: 'ESTABLISHED', from: 'SYN-RECEIVED', changed: true, name: 'Server' },
    });
    expect(q('[data-node="ESTABLISHED"] .sd-badge').textContent).toBe('Client, Server');
    expect(document.querySelectorAll('.sd-current, .sd-badge')).toHaveLength(2);
    expect(q('[data-edge="LISTEN>SYN-RECEIVED"]').classList.contains('sd-hot')).toBe(false);
    expect(q('[data-edge="LISTEN>SYN-RECEIVED"] path').getAttribute('marker-end')).toBe('url(#state-diagram-arrow)');
    expect(q('[data-edge="LISTEN>SYN-RECEIVED"] .sd-who', document.body)).toBeNull();
    expect(q('figcaption').textContent).toBe('Client: ESTABLISHED.Server: ESTABLISHED. Last move SYN-RECEIVED → ESTABLISHED.');
  });

  it('updates the page to exactly the markup the component renders for the same position', () => {
    followLabBus(page(figureHtml()));
    const positions: LabPosition[] = [
      handshake,
      // both in one box and on one arrow (simultaneous close)
      {
        source: 'x',
        a: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'A' },
        b: { state: 'CLOSING', from: 'FIN-WAIT-1', changed: true, name: 'B' },
      },
      // CLOSED at the bottom box; an RST that Figure 5 does not draw
      {
        source: 'x',
        a: { state: 'CLOSED', from: 'TIME-WAIT', changed: true, name: 'A' },
        b: { state: 'CLOSED', from: 'ESTABLISHED', changed: true, name: 'B' },
      },
      handshake,
    ];
    for (const pos of positions) {
      publish('position', pos);
      const live = document.body.innerHTML;
      expect(live).toBe(`<main>${figureHtml({ initial: pos })}</main>`);
    }
  });

  it('catches up with a lab that published before the script ran', () => {
    publish('position', handshake);
    followLabBus(page(figureHtml()));
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"]').classList.contains('sd-hot')).toBe(true);
  });

  it('makes every diagram on a page follow the lab, each with its own markers', () => {
    followLabBus(page(figureHtml(), figureHtml({ id: 'state-diagram-2' })));
    publish('position', handshake);
    const figs = document.querySelectorAll('figure[data-sd]');
    expect(figs).toHaveLength(2);
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"] path', figs[0]).getAttribute('marker-end')).toBe('url(#state-diagram-arrow-hot)');
    expect(q('[data-edge="SYN-SENT>ESTABLISHED"] path', figs[1]).getAttribute('marker-end')).toBe('url(#state-diagram-2-arrow-hot)');
    for (const f of figs) {
      expect(f.querySelectorAll('.sd-current')).toHaveLength(2);
      expect(q('figcaption', f).textContent).toContain('Client: ESTABLISHED.');
    }
    publish('position', { ...handshake, a: { state: 'FIN-WAIT-1', from: 'ESTABLISHED', changed: true, name: 'Client' } });
    for (const f of figs) expect(q('[data-node="FIN-WAIT-1"]', f).classList.contains('sd-current')).toBe(true);
  });

  it('off screen, says each move in its caption but redraws the drawing only once it comes near', () => {
    let report: (near: boolean) => void = () => undefined;
    class Observer {
      constructor(cb: (es: { isIntersecting: boolean }[]) => void) {
        report = (near) => cb([{ isIntersecting: near }]);
      }
      observe(): void {}
    }
    vi.stubGlobal('IntersectionObserver', Observer);
    try {
      followLabBus(page(figureHtml()));
      report(false);
      publish('position', handshake);
      expect(q('figcaption').textContent).toContain('Client: ESTABLISHED.');
      expect(document.querySelectorAll('.sd-current, .sd-hot')).toHaveLength(0);
      report(true);
      expect(document.body.innerHTML).toBe(`<main>${figureHtml({ initial: handshake })}</main>`);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does nothing on a page without a diagram', () => {
    document.body.innerHTML = '<main><p>no figure</p></main>';
    followLabBus(document);
    expect(() => publish('position', handshake)).not.toThrow();
    expect(document.body.innerHTML).toBe('<main><p>no figure</p></main>');
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
    render(<CaptureLab id="cap" scenario="close-3-segment" title="t" strings={S} />);
    await open(file('notes.txt', new TextEncoder().encode('hello, this is not a capture file at all')));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not a pcap or pcapng file'));
  });

  it('opens a real capture and replays its connection in a sequence lab', async () => {
    render(<CaptureLab id="cap" scenario="close-3-segment" title="Client closes first: three segments" strings={S} />);
    await open(file('normal.pcap', new Uint8Array(readFileSync('tests/fixtures/kernel-traces/normal.pcap'))));
    await waitFor(() => expect(document.querySelector('#cap-replay')).not.toBeNull());
    // Step 0 says what the diagram shows: the captured server is already listening.
    await waitFor(() => expect(document.querySelector('#cap-replay .lab-sentence')!.textContent).toContain('the client is CLOSED and the server is LISTEN'));
    // The table's rows come a few per frame; the last ones (TIME-WAIT) arrive after the first paints.
    await waitFor(() => expect(document.querySelector('#cap-replay .lab-trace')!.textContent).toContain('TIME-WAIT'));
    expect(screen.getByRole('list', { name: /Connection/ }).textContent).toMatch(/127\.0\.0\.1:\d+ ↔ 127\.0\.0\.1:40000/);
  });

  it('exports the lab the reader used last, by its title, not a lab that only scrolled into view', async () => {
    const seq = (scenario: string, title: string) => (
      <SequenceLab id={`lab-${scenario}`} scenario={scenario} title={title} strings={S} initial={initialRun(scenario)} />
    );
    render(seq('normal-open', 'A normal three-way handshake'));
    await waitFor(() => expect(document.querySelector('#lab-normal-open.is-live')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    render(seq('lost-syn', 'Lost SYN'));
    await waitFor(() => expect(document.querySelector('#lab-lost-syn.is-live')).not.toBeNull());
    render(<CaptureLab id="cap" scenario="close-3-segment" title="Client closes first: three segments" strings={S} />);
    const button = await screen.findByRole('button', { name: /Download/ });
    expect(button.textContent).toContain('A normal three-way handshake');
  });

  it('names its own run by title until a lab is used', () => {
    render(<CaptureLab id="cap" scenario="close-3-segment" title="Client closes first: three segments" strings={S} />);
    const button = screen.getByRole('button', { name: /Download/ });
    expect(button.textContent).toContain('Client closes first: three segments');
    expect(button.textContent).not.toContain('close-3-segment');
  });

  it('words every error code and names the place', () => {
    expect(captureErrorText(S, { code: 'too-short', offset: 0 })).toBe(
      'The file is too short to be a capture: even a pcap file’s header is 24 bytes. Byte 0 of the file.',
    );
    expect(captureErrorText(S, { code: 'bad-block-length', offset: 28 })).toMatch(
      /^A pcapng block in the file claims an impossible length.*Byte 28 of the file\.$/,
    );
    expect(captureErrorText(S, { code: 'truncated', packet: 3, offset: 120 })).toBe(
      'The file ends in the middle of a packet. Perhaps the capture was cut off while it was being written. Packet 3. Byte 120 of the file.',
    );
    expect(captureErrorText(S, new Error('boom'))).toContain('could not be read');
  });
});

describe('<TimeWaitLab>', () => {
  it('shows the lost-final-ack case at once and switches to RST in TIME-WAIT with the RFC 1337 switch', async () => {
    const presets = [
      { id: 'linux' as const, mslMs: 30_000, timeWaitMs: 60_000 },
      { id: 'rfc' as const, mslMs: 120_000, timeWaitMs: 240_000 },
    ];
    render(<TimeWaitLab id="tw" presets={presets} titles={{}} strings={S} initial={runTimeWaitCase(getScenario('lost-final-ack'), { profile: 'linux' })} />);
    expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('Reason 1');
    expect(document.querySelector('.tw .tw-chart')!.textContent).toContain('FIN again');
    fireEvent.click(screen.getByRole('radio', { name: 'RST in TIME-WAIT' }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('assassination'));
    fireEvent.click(screen.getByRole('checkbox', { name: /RFC 1337/ }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('ignores the RST'));
  });
});

describe('<TimeWaitLab> MSL slider', () => {
  it('in the too-short case, a longer MSL keeps the old duplicate out of the new connection', async () => {
    const presets = [{ id: 'linux' as const, mslMs: 30_000, timeWaitMs: 60_000 }];
    render(<TimeWaitLab id="tw" presets={presets} titles={{}} strings={S} initial={runTimeWaitCase(getScenario('lost-final-ack'), { profile: 'linux' })} />);
    fireEvent.click(screen.getByRole('radio', { name: 'TIME-WAIT cut short' }));
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('Reason 2'));
    const slider = document.querySelector('.tw input[type=range]') as HTMLInputElement;
    expect(slider.max).toBe('1000');
    fireEvent.input(slider, { target: { value: '500' } });
    await waitFor(() => expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain('no data is mixed up'));
    // The preset no longer claims Linux's 60 s: the slider sets the MSL here.
    const preset = screen.getByRole('combobox', { name: /OS preset/ }) as HTMLSelectElement;
    expect(preset.selectedOptions[0]!.textContent).toBe('Linux (MSL set by the slider)');
    // 2×MSL = 1 s, yet TIME-WAIT ends after 580 ms: the lab says why.
    expect(document.querySelector('.tw .lab-sentence')!.textContent).toContain(
      'TIME-WAIT ended after 580 ms, short of 2×MSL (1 s), because a RST arrived at 900 ms',
    );
  });
});

describe('LabStatus (the capture lab and the capture import)', () => {
  it('announces the status politely and shows an error as an alert, and no alert without one', () => {
    const { container, rerender } = render(<LabStatus status="Reading…" error="not a pcap: bad magic at byte 0" />);
    expect(container.querySelector('p.lab-note[aria-live="polite"]')?.textContent).toBe('Reading…');
    expect(screen.getByRole('alert').textContent).toBe('not a pcap: bad magic at byte 0');
    rerender(<LabStatus status="Done" error={null} />);
    expect(container.querySelector('p.lab-note')?.textContent).toBe('Done');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
