/** notes.ts for the browser build: the same engine without its English working notes (see notes.ts). */
export const NOTES: boolean = false;
