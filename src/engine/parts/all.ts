/**
 * Every optional engine part (parts.ts), for the runs that may need any of them: the engine's
 * index (Node, tests, the CLIs), the scenario list's runs and the workshop. A lab's knob change
 * loads only the parts its scenario needs instead (labs/view/engine-adapter.ts).
 */
import type { EngineParts } from '../parts.ts';
import * as faults from './faults.ts';
import * as keepalive from './keepalive.ts';
import * as listenQueue from './listen-queue.ts';
import * as rareCalls from './rare-calls.ts';
import * as timeWaitSyn from './time-wait-syn.ts';

export const ALL_PARTS: Required<EngineParts> = { faults, keepalive, listenQueue, rareCalls, timeWaitSyn };
