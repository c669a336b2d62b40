/**
 * Whether the engine writes its English working notes into traces: a log's `detail` ("SEG.SEQ=…
 * outside RCV.NXT=…"), a drop's cause. On here, for tests, the CLI and kernel comparisons. The
 * book's browser build swaps this module for notes-off.ts (astro.config.mjs): no lab shows the
 * notes (labs word each step from its reason code, in ko and en), and they cost 0.7 KB gz of the
 * 25 KB lab budget. Notes never change what the engine does; tests/engine/notes.test.ts checks
 * that a run without them is the same run.
 */
export const NOTES: boolean = true;
