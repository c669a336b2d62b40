/**
 * The components every chapter may use without importing anything (ARCHITECTURE.md lists their props).
 * Chapter pages pass this map to <Content components={components} />, so a contributor adds a chapter
 * by adding two MDX files. Owners add their own lines below; keep one import and one key per component.
 */
import Callout from './Callout.astro';
import OnYourMachine from './OnYourMachine.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';

export const components = {
  // site: frame and prose
  h2: H2,
  h3: H3,
  Callout,
  OnYourMachine,
  // labs: add SequenceLab, StateDiagram, TimeWaitLab, SegmentInspector, CaptureLab here
  // quiz: add MultipleChoice, Option, OrderSegments, NameState, PredictNumbers, SpotError here
};
