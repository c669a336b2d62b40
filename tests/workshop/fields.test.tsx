/** @jsxImportSource preact */
// @vitest-environment happy-dom
/**
 * The workshop form's controls draw again only when what they show changed: an edit redraws the
 * form around them with new handlers and new option lists, and the control must neither redraw for
 * that nor keep calling the handler it was first given.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField, Select } from '../../src/workshop/widgets/fields.tsx';

afterEach(cleanup);

describe('workshop form controls', () => {
  it('a select skips a redraw for new handlers and equal options, calls the newest handler, and redraws when an option changes', () => {
    const draws = vi.spyOn(Select.prototype, 'render');
    const first = vi.fn();
    const latest = vi.fn();
    const options = (b: string) => [['a', 'A'] as const, ['b', b] as const];
    const { container, rerender } = render(<Select id="s" label="Pick" value="a" options={options('B')} onChange={first} />);
    expect(draws).toHaveBeenCalledTimes(1);
    rerender(<Select id="s" label="Pick" value="a" options={options('B')} onChange={latest} />);
    expect(draws).toHaveBeenCalledTimes(1);
    const select = container.querySelector('select') as HTMLSelectElement;
    select.value = 'b';
    fireEvent.change(select);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith('b');
    rerender(<Select id="s" label="Pick" value="a" options={options('Bee')} onChange={latest} />);
    expect(draws).toHaveBeenCalledTimes(2);
    expect(container.querySelectorAll('option')[1]?.textContent).toBe('Bee');
    draws.mockRestore();
  });

  it('a number field redraws when its value changes, not for a new handler', () => {
    const draws = vi.spyOn(NumberField.prototype, 'render');
    const latest = vi.fn();
    const { container, rerender } = render(<NumberField id="n" label="Latency" value={10} min={1} max={100} onChange={vi.fn()} />);
    rerender(<NumberField id="n" label="Latency" value={10} min={1} max={100} onChange={latest} />);
    expect(draws).toHaveBeenCalledTimes(1);
    rerender(<NumberField id="n" label="Latency" value={20} min={1} max={100} onChange={latest} />);
    expect(draws).toHaveBeenCalledTimes(2);
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('20');
    input.value = '30';
    fireEvent.change(input);
    expect(latest).toHaveBeenCalledWith(30);
    draws.mockRestore();
  });
});
