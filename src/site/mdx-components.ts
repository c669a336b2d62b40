/**
 * The components every chapter may use without importing anything (ARCHITECTURE.md lists their props).
 * Chapter pages pass this map to <Content components={components} />, so a contributor adds a chapter
 * by adding two MDX files. Owners add their own lines below; keep one import and one key per component.
 */
import Callout from './Callout.astro';
import OnYourMachine from './OnYourMachine.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import MultipleChoice from '../quiz/MultipleChoice.astro';
import Option from '../quiz/Option.astro';
import OrderSegments from '../quiz/OrderSegments.astro';
import NameState from '../quiz/NameState.astro';
import PredictNumbers from '../quiz/PredictNumbers.astro';
import SpotError from '../quiz/SpotError.astro';
import SequenceLab from '../labs/SequenceLab.astro';
import StateDiagram from '../labs/StateDiagram.astro';
import TimeWaitLab from '../labs/TimeWaitLab.astro';
import SegmentInspector from '../labs/SegmentInspector.astro';
import CaptureLab from '../labs/CaptureLab.astro';
import Knob from '../labs/Knob.astro';
import GlossaryTable from './GlossaryTable.astro';
import ShortAnswer from './ShortAnswer.astro';

export const components = {
  // site: frame and prose
  h2: H2,
  h3: H3,
  Callout,
  OnYourMachine,
  // labs
  SequenceLab,
  StateDiagram,
  TimeWaitLab,
  SegmentInspector,
  CaptureLab,
  // a lab control's visible label, named in prose
  Knob,
  // quiz
  MultipleChoice,
  Option,
  OrderSegments,
  NameState,
  PredictNumbers,
  SpotError,
  // content: the glossary chapter's tables, from src/data/glossary.ts
  GlossaryTable,
  // content: an interview question's 30-second answer, from the drill cards
  ShortAnswer,
};
