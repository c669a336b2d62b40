/** @jsxImportSource preact */
/**
 * A sequence lab inside a Preact tree (the TIME-WAIT lab, the capture lab's replay, the workshop's
 * run). In the browser the sequence lab is drawn by ../client/lab-render.ts, not by Preact, so two
 * renderers must never own one subtree: Preact owns this box (`display: contents`, labs.css) and never
 * looks inside it (an unchanging dangerouslySetInnerHTML: Preact neither hydrates nor diffs what is
 * in it), and lab-render draws the lab in it, waking the server's markup on the first render and
 * giving the lab each new set of props later (as Preact would: componentDidUpdate with the old ones).
 * At build time the box holds the lab rendered by render-to-string, so a reader without JS sees it.
 */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { renderLab, unmountLab } from '../client/lab-render.ts';
import SequenceLab, { type SequenceLabProps } from './sequence-lab.tsx';

/** Preact leaves what is inside alone (the same object every render). */
const LEAVE_INSIDE = { __html: '' };

export default function SequenceLabHost(props: SequenceLabProps) {
  const box = useRef<HTMLDivElement>(null);
  // Every render hands the lab its props; the box's end ends the lab.
  useLayoutEffect(() => renderLab(SequenceLab, props, box.current!));
  useLayoutEffect(() => {
    const el = box.current!;
    return () => unmountLab(el);
  }, []);
  // At build time (no document) the lab is drawn inside the box.
  if (typeof document === 'undefined') return <div class="lab-host">{h(SequenceLab as any, props)}</div>;
  return <div class="lab-host" ref={box} dangerouslySetInnerHTML={LEAVE_INSIDE} />;
}
