/**
 * Vitest setup: the lab adapter's runs get every optional engine part, as the build-time wrappers
 * give them (src/labs/*.astro). In the browser a run loads only the parts it needs (prepareRun).
 */
import { ALL_PARTS } from '../src/engine/index.ts';
import { addParts } from '../src/labs/view/engine-adapter.ts';

addParts(ALL_PARTS);
