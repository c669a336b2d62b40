/**
 * Size limits for capture import. Every loop in the reader is bounded by one of these, so a
 * hostile or corrupt file yields a CaptureError instead of exhausting memory or time.
 */

/** Largest file we read at all: big enough for the 100 MB benchmark capture, small enough for a tab. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Largest capture the trace CLI reads as a stream. Streaming holds per-connection state, not
 * the file, so this only stops endless input; MAX_PACKETS and MAX_CONNECTIONS bound memory.
 */
export const MAX_STREAM_BYTES = 2 * 1024 * 1024 * 1024;
/** Most packets per file; a 256 MiB file of minimum-size records stays below this. */
export const MAX_PACKETS = 5_000_000;
/** Largest captured length of one packet (libpcap's MAXIMUM_SNAPLEN). */
export const MAX_CAPLEN = 262_144;
/** Largest pcapng block; anything bigger than a maximum packet plus generous options is corrupt. */
export const MAX_BLOCK_BYTES = MAX_CAPLEN + 64 * 1024;
/**
 * Most interfaces (IDBs) one pcapng section may declare. Captures on busy routers name
 * thousands; each costs a few bytes here, and a file can only hold as many as its size allows.
 */
export const MAX_INTERFACES = 1_000_000;
/** Most connections tracked per capture (bounds the connection table). */
export const MAX_CONNECTIONS = 100_000;
/**
 * Most connections when the trace CLI streams a capture and prints each connection once
 * analysed: a 500 MB capture of short connections holds a few hundred thousand.
 */
export const MAX_STREAM_CONNECTIONS = 2_000_000;
/** Most warnings kept; past this one summary warning says how many were dropped. */
export const MAX_WARNINGS = 200;
