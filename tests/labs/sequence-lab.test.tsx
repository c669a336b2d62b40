/** @jsxImportSource preact */
// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { fireEvent, render } from './lab-dom.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SequenceLab from '../../src/labs/widgets/sequence-lab-host.tsx';
import { ArrowLabel, ArrowLine } from '../../src/labs/widgets/sequence-diagram.tsx';
import { TraceRow } from '../../src/labs/widgets/sequence-tables.tsx';
import { flushHash, HASH_DELAY_MS } from '../../src/labs/client/hash-writer.ts';
import { resetBus, subscribe, type LabPosition } from '../../src/labs/client/lab-bus.ts';
import { S, initialRun } from './lab-fixtures.ts';

const lab = (scenario = 'normal-open', knobs = '') => (
  <SequenceLab id={`lab-${scenario}`} scenario={scenario} knobs={knobs} title={scenario} strings={S} initial={initialRun(scenario)} />
);
const live = () => document.querySelector('.lab-sentence')!.textContent ?? '';
const stepOf = () => Number(/Step (\d+) of/.exec(live())?.[1]);

beforeEach(async () => {
  resetBus();
  // The previous case's lab may still have a link waiting to be written (hash-writer.ts): write it now, then reset the URL.
  flushHash();
  history.replaceState(null, '', '/en/labs/');
  // happy-dom (unlike browsers) fires hashchange for replaceState, a task later: let it pass before the case starts.
  await new Promise((r) => setTimeout(r, 0));
});
afterEach(cleanup);

describe('<SequenceLab>', () => {
  it('names the run by who closes first once the reader changes that', async () => {
    render(
      <SequenceLab
        id="lab-c4"
        scenario="close-4-segment"
        knobs="closer"
        title="Client closes first: four segments"
        strings={S}
        initial={initialRun('close-4-segment')}
      />,
    );
    await waitFor(() => expect(stepOf()).toBe(0));
    fireEvent.change(screen.getByRole('combobox', { name: /Who closes first/ }), { target: { value: 'server' } });
    await waitFor(() => expect(document.querySelector('.lab-title')!.textContent).toContain('Server closes first'));
    expect(document.querySelector('.lab-title')!.textContent).not.toContain('Client closes first');
  });

  it('names each segment it can lose by direction and flags, as the run without a loss sends it', async () => {
    render(lab('lost-syn-ack', 'drop'));
    await waitFor(() => expect(stepOf()).toBe(0));
    const options = [...screen.getByRole('combobox', { name: /Lose segment/ }).querySelectorAll('option')].map((o) => o.textContent);
    expect(options.slice(1, 4)).toEqual(['#1 A→B SYN', '#2 B→A SYN, ACK', '#3 A→B ACK']);
  });

  it('starts at the beginning once hydrated, then steps with the buttons and says what happened', async () => {
    render(lab());
    await waitFor(() => expect(stepOf()).toBe(0));
    expect(live()).toContain('both sides are CLOSED');
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(stepOf()).toBe(3);
    expect(live()).toMatch(/SYN \(#1\) arrives at the server.*SYN-RECEIVED.*RFC 9293 §3\.10\.7\.2/);
    fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(stepOf()).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the start' }));
    expect(stepOf()).toBe(0);
  });

  it('steps with the arrow keys when the lab has focus, and not while a select is used', async () => {
    render(lab());
    await waitFor(() => expect(stepOf()).toBe(0));
    const region = document.querySelector('.seq-lab')!;
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(stepOf()).toBe(2);
    fireEvent.keyDown(region, { key: 'ArrowLeft' });
    expect(stepOf()).toBe(1);
    fireEvent.keyDown(region, { key: 'End' });
    expect(document.querySelector('.lab-step')!.textContent).toMatch(/Step (\d+) of \1/);
    fireEvent.keyDown(screen.getByRole('combobox', { name: /Speed/ }), { key: 'ArrowLeft' });
    expect(document.querySelector('.lab-step')!.textContent).toMatch(/Step (\d+) of \1/);
  });

  it('plays one step per tick at the chosen speed, pauses, and stops by itself at the end', async () => {
    render(lab());
    await waitFor(() => expect(stepOf()).toBe(0));
    vi.useFakeTimers();
    try {
      fireEvent.change(screen.getByRole('combobox', { name: /Speed/ }), { target: { value: 'fast' } });
      const play = screen.getByRole('button', { name: /Play/ });
      fireEvent.click(play);
      expect(play.getAttribute('aria-pressed')).toBe('true');
      await vi.advanceTimersByTimeAsync(450 * 3 + 10);
      expect(stepOf()).toBe(3);
      fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
      await vi.advanceTimersByTimeAsync(450 * 5);
      expect(stepOf()).toBe(3);
      fireEvent.click(screen.getByRole('button', { name: /Play/ }));
      await vi.advanceTimersByTimeAsync(450 * 200);
      expect(document.querySelector('.lab-step')!.textContent).toMatch(/Step (\d+) of \1/);
      expect(screen.getByRole('button', { name: /Play/ }).getAttribute('aria-pressed')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('toggles relative and absolute numbers on the arrows', async () => {
    render(lab());
    fireEvent.keyDown(document.querySelector('.seq-lab')!, { key: 'End' });
    const label = () => [...document.querySelectorAll('[data-label="2"] tspan')].map((t) => t.textContent);
    expect(label()).toEqual(['#2 SYN, ACK', 'seq=0 ack=1 len=0']);
    fireEvent.click(screen.getByRole('radio', { name: 'absolute' }));
    expect(label()).toEqual(['#2 SYN, ACK len=0', 'seq=5000', 'ack=1001']);
  });

  it('publishes both endpoints’ states for the state diagram', async () => {
    const got: LabPosition[] = [];
    subscribe('position', (p) => got.push(p));
    render(lab());
    fireEvent.keyDown(document.querySelector('.seq-lab')!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.querySelector('.seq-lab')!, { key: 'ArrowRight' });
    await waitFor(() => expect(got.at(-1)?.a.state).toBe('SYN-SENT'));
    expect(got.at(-1)).toMatchObject({ a: { from: 'CLOSED', changed: true }, b: { state: 'LISTEN' } });
  });

  it('re-runs the engine when a knob changes: losing nothing turns lost-syn-ack into a clean handshake', async () => {
    render(lab('lost-syn-ack', 'drop,isn'));
    const drop = screen.getByRole('combobox', { name: /Lose segment/ }) as HTMLSelectElement;
    expect(drop.value).toBe('2');
    expect(document.querySelectorAll('.lab-trace tbody tr').length).toBeGreaterThan(3);
    expect(document.querySelector('.lab-trace')!.textContent).toContain('lost');
    fireEvent.change(drop, { target: { value: '0' } });
    await waitFor(() => expect(document.querySelector('.lab-note')!.textContent).toContain('ran again'));
    expect(document.querySelector('.lab-trace')!.textContent).not.toContain('lost');
    await waitFor(() => expect(location.hash).toContain('lab=lab-lost-syn-ack'));
    expect(location.hash).toContain('drop=0');
  });

  it('a step redraws only the rows, arrows and labels it changes', () => {
    render(lab('lost-syn-ack'));
    const section = document.querySelector('.seq-lab')!;
    fireEvent.keyDown(section, { key: 'End' });
    const spies = [TraceRow, ArrowLine, ArrowLabel].map((c) => vi.spyOn(c.prototype, 'render'));
    try {
      const calls = (i: number) => () => spies[i]!.mock.calls.length;
      const [rows, lines, labels] = [calls(0), calls(1), calls(2)];
      const total = document.querySelectorAll('.lab-trace tbody tr').length;
      fireEvent.keyDown(section, { key: 'ArrowLeft' });
      // Rows: the ones that stop or start being current (at most the two steps' segments), never all of them.
      expect(rows()).toBeGreaterThan(0);
      expect(rows()).toBeLessThan(total);
      expect(lines()).toBeLessThan(document.querySelectorAll('.seq-arrow').length);
      expect(labels()).toBeLessThan(document.querySelectorAll('.seq-label').length);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('writes its link after a run of steps, not inside each step; a click or leaving the page writes it at once', () => {
    vi.useFakeTimers();
    try {
      const replace = vi.spyOn(history, 'replaceState');
      render(lab());
      const section = document.querySelector('.seq-lab')!;
      for (let i = 0; i < 3; i++) fireEvent.keyDown(section, { key: 'ArrowRight' });
      expect(stepOf()).toBe(3);
      expect(replace).not.toHaveBeenCalled();
      vi.advanceTimersByTime(HASH_DELAY_MS);
      expect(replace).toHaveBeenCalledTimes(1);
      expect(location.hash).toMatch(/lab=lab-normal-open&.*step=3/);
      // The language switch reads location.hash in its click handler: a click first writes the pending link.
      fireEvent.keyDown(section, { key: 'ArrowRight' });
      document.body.click();
      expect(location.hash).toMatch(/step=4/);
      fireEvent.keyDown(section, { key: 'ArrowRight' });
      dispatchEvent(new Event('pagehide'));
      expect(location.hash).toMatch(/step=5/);
      // A hash set meanwhile (a link, the address bar) wins over the pending one.
      fireEvent.keyDown(section, { key: 'ArrowLeft' });
      history.pushState(null, '', '#elsewhere');
      dispatchEvent(new HashChangeEvent('hashchange'));
      vi.advanceTimersByTime(HASH_DELAY_MS);
      expect(location.hash).toBe('#elsewhere');
      replace.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });

  it('restores scenario, knobs and step from the URL hash, and writes it back as the reader steps', async () => {
    history.replaceState(null, '', '/en/labs/#lab=lab-normal-open&s=lost-syn&step=3&abs=1&drop=0');
    await new Promise((r) => setTimeout(r, 0)); // happy-dom's hashchange for replaceState (see beforeEach)
    render(lab('normal-open', 'drop'));
    await waitFor(() => expect(stepOf()).toBe(3));
    expect(document.querySelector('.lab-title')!.textContent).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'absolute' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: /Lose segment/ }) as HTMLSelectElement).value).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(location.hash).toMatch(/s=lost-syn&step=4&abs=1&drop=0/));
  });

  it('ignores a hash that belongs to another lab', async () => {
    history.replaceState(null, '', '/en/labs/#lab=other&step=5');
    render(lab());
    await waitFor(() => expect(stepOf()).toBe(0));
  });
});
