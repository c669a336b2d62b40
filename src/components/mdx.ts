/**
 * The components every chapter may use without importing anything (ARCHITECTURE.md lists their props).
 * Chapter pages pass this map to <Content components={components} />, so a contributor adds a chapter
 * by adding two MDX files. Owners add their own lines below; keep one import and one key per component.
 */
import Callout from './Callout.astro';
import OnYourMachine from './OnYourMachine.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import MultipleChoice from './quiz/MultipleChoice.astro';
import Option from './quiz/Option.astro';
import OrderSegments from './quiz/OrderSegments.astro';
import NameState from './quiz/NameState.astro';
import PredictNumbers from './quiz/PredictNumbers.astro';
import SpotError from './quiz/SpotError.astro';

export const components = {
  // site: frame and prose
  h2: H2,
  h3: H3,
  Callout,
  OnYourMachine,
  // labs: add SequenceLab, StateDiagram, TimeWaitLab, SegmentInspector, CaptureLab here
  // quiz
  MultipleChoice,
  Option,
  OrderSegments,
  NameState,
  PredictNumbers,
  SpotError,
};
