/**
 * A lab view as a page carries it in a sequence lab's props (SequenceLab.astro), for the browser to
 * hydrate the lab without running the engine: the same run without what the browser rebuilds in a
 * loop — each step's `index` (its position), `last` (each side's latest change: the fold of
 * `changed`) and a side's variables when they equal the step before's. That is about 18 KB gz less
 * over the Korean edition's chapters (and its offline copy). Pure: unpackView(packView(v)) equals v.
 */
import type { LabView, SideView, ViewStep } from './trace-view.ts';

export type PackedStep = Omit<ViewStep, 'index' | 'last' | 'A' | 'B'> & { A?: SideView; B?: SideView };
export interface PackedView {
  packed: 1;
  steps: PackedStep[];
  segments: LabView['segments'];
  iss: LabView['iss'];
}

const same = (a: SideView, b: SideView | undefined): boolean =>
  !!b && a.state === b.state && a.iss === b.iss && a.irs === b.irs && a.sndUna === b.sndUna && a.sndNxt === b.sndNxt && a.rcvNxt === b.rcvNxt;

export function packView(view: LabView): PackedView {
  const steps = view.steps.map((s, i): PackedStep => {
    const { index: _index, last: _last, A, B, ...rest } = s;
    const prev = view.steps[i - 1];
    return { ...rest, ...(same(A, prev?.A) ? {} : { A }), ...(same(B, prev?.B) ? {} : { B }) };
  });
  return { packed: 1, steps, segments: view.segments, iss: view.iss };
}

/** The whole view again; a view that is not packed is returned as it is. */
export function unpackView(view: LabView | PackedView): LabView {
  if (!('packed' in view)) return view;
  const steps: ViewStep[] = [];
  for (const [index, s] of view.steps.entries()) {
    const prev = steps[index - 1];
    const A = s.A ?? prev?.A;
    const B = s.B ?? prev?.B;
    if (!A || !B) throw new Error(`packed lab view: step ${index} has no variables for ${A ? 'B' : 'A'} and no step before it`);
    steps.push({ ...s, index, last: { ...prev?.last, ...s.changed }, A, B });
  }
  return { steps, segments: view.segments, iss: view.iss };
}
