import { normalize } from '../normalize.ts';
import { flagList } from '../segment-data.ts';
import { wireSegments } from '../wire-segments.ts';
import type { FlagName, ProfileName, Segment, Side, TcpState, Trace } from '../types.ts';
import { ConnectionSplitter, type CapturedConnection } from './connections.ts';
import { inferStates } from './infer.ts';
import { SegmentDecoder } from './packets.ts';
import { type CaptureWarning, type ReadChunk, scanCapture, WarningLog } from './reader.ts';

/** One row of the trace table: the stable `--json` shape of the trace CLI. */
export interface TraceRow {
  /** Seconds since the first packet of the capture (or since the scenario started). */
  t: number;
  from: Side;
  /** Set flags in the order SYN, ACK, FIN, RST, PSH. */
  flags: FlagName[];
  /** Relative to the sender's ISN (tshark's relative numbers). */
  seq: number;
  ack: number | null;
  len: number;
  /** null when the capture cannot prove the state; `notes` then says why. */
  stateA: TcpState | null;
  stateB: TcpState | null;
  /** 1-based frame number in the capture file (tshark's numbering), or in the exported pcap of a scenario. */
  packet: number;
  /** What the inference assumed or could not prove at this row; absent when nothing. */
  notes?: string[];
}

/** One connection of the `--json` output. */
export interface TraceConnection {
  a: string;
  b: string;
  segments: TraceRow[];
}

/** The whole `--json` document; nothing else goes into it so scripts can rely on it. */
export interface TraceReport {
  /** Version of this shape (docs/trace-schema.json); bumped when a key changes meaning. */
  schema: typeof TRACE_SCHEMA;
  connections: TraceConnection[];
}

/** The `--json` schema version; docs/trace-schema.json describes it. */
export const TRACE_SCHEMA = 'tcp-book-trace/2';

/** Seconds rounded to the microsecond, the resolution pcap timestamps have. */
export function microseconds(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/** Per-row details the table shows but the JSON contract leaves out. */
export interface RowDetail {
  packet: number;
  offset: number;
  notes: string[];
}

/** A capture's analysis: the report plus where each row came from and what looked wrong. */
export interface CaptureAnalysis {
  report: TraceReport;
  details: RowDetail[][];
  warnings: CaptureWarning[];
  format: 'pcap' | 'pcapng';
  packets: number;
}

function rows(
  list: ReadonlyArray<{ t: number; from: Side; segment: Segment; packet: number }>,
  states: ReadonlyArray<{ stateA: TcpState | null; stateB: TcpState | null; notes?: string[] }>,
): TraceRow[] {
  const norm = normalize(list);
  return list.map((s, i) => {
    const st = states[i]!;
    const row: TraceRow = {
      t: microseconds(s.t),
      from: s.from,
      flags: flagList(s.segment.flags),
      seq: norm[i]!.seq,
      ack: norm[i]!.ack,
      len: s.segment.payload.length,
      stateA: st.stateA,
      stateB: st.stateB,
      packet: s.packet,
    };
    if (st.notes && st.notes.length > 0) row.notes = st.notes;
    return row;
  });
}

/** Stable sort by capture time: merged and multi-interface files may hold records out of order. */
function byTime<T extends { t: number }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) if (list[i]!.t < list[i - 1]!.t) return list.sort((a, b) => a.t - b.t);
  return list;
}

/** Notes (what the inference assumed) stay with their rows: they explain, they are not damage. */
function analyseConnection(conn: CapturedConnection, profile?: ProfileName): { row: TraceConnection; detail: RowDetail[] } {
  const segs = byTime(conn.segments);
  const steps = inferStates(segs, { profile });
  segs.forEach((s, i) => {
    if (s.cut > 0) steps[i]?.notes.unshift(`${s.cut} payload byte(s) cut by the snap length; the length comes from the IP header`);
  });
  const detail = segs.map((s, i) => ({ packet: s.number, offset: s.offset, notes: steps[i]?.notes ?? [] }));
  return {
    row: {
      a: conn.a,
      b: conn.b,
      segments: rows(
        segs.map((s) => ({ t: s.t, from: s.from, segment: s.segment, packet: s.number })),
        steps,
      ),
    },
    detail,
  };
}

/**
 * Reads a pcap/pcapng file (in memory, or as a stream of chunks: `ReadChunk`) and returns every
 * TCP connection with relative numbers and both sides' inferred states. Packets are not kept:
 * each becomes a segment of its connection (without its payload bytes) as it is read. `onProgress` (optional) hears how far the reading got, in bytes; the
 * capture lab's worker turns it into a progress bar. Throws CaptureError only when the file cannot be read at all;
 * everything else (non-TCP packets, damage, a mid-connection start) is a warning with its place.
 */
export function analyseCapture(
  input: Uint8Array | ReadChunk,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
  options: {
    totalBytes?: number;
    /** Largest input read (default MAX_FILE_BYTES). */
    limit?: number;
    /** Most connections (default MAX_CONNECTIONS). */
    maxConnections?: number;
    /**
     * Hands each connection over once analysed instead of keeping it in `report` (and its row
     * details in `details`), so a caller that prints as it goes never holds the whole report.
     */
    onConnection?: (c: TraceConnection, detail: RowDetail[]) => void;
    /** The stacks' profile the inference assumes (timers a capture does not show); default Linux. */
    profile?: ProfileName;
  } = {},
): CaptureAnalysis {
  const log = new WarningLog();
  const decoder = new SegmentDecoder(log, { checksums: false });
  const splitter = new ConnectionSplitter((w) => log.add(w), { keepPayload: false, maxConnections: options.maxConnections });
  const total = options.totalBytes ?? (typeof input === 'function' ? NaN : input.length);
  let tcp = 0;
  const file = scanCapture(
    input,
    (p) => {
      // every 4096 packets: often enough for a progress bar, too rarely to cost anything
      if (onProgress && (p.number & 4095) === 0) onProgress(p.offset, total);
      const s = decoder.decode(p);
      if (s) {
        tcp++;
        splitter.add(s);
      }
    },
    { limit: options.limit },
  );
  decoder.finish();
  const warnings = new WarningLog();
  for (const w of [...file.warnings, ...log.finish()]) warnings.add(w);
  const report: TraceReport = { schema: TRACE_SCHEMA, connections: [] };
  const details: RowDetail[][] = [];
  for (const c of splitter.connections) {
    const { row, detail } = analyseConnection(c, options.profile);
    c.segments = []; // its rows hold what is shown; the segments can go
    if (options.onConnection) options.onConnection(row, detail);
    else {
      report.connections.push(row);
      details.push(detail);
    }
  }
  if (file.packets > 0 && tcp === 0) warnings.add({ code: 'no-tcp', message: `none of the ${file.packets} packets is a TCP segment` });
  return { report, details, warnings: warnings.finish(), format: file.format, packets: file.packets };
}

/**
 * A scenario's Trace in the same shape as an imported capture. States are the engine's own,
 * not inferred: both sides' states at the instant the segment has arrived and been processed
 * (or was dropped). Rows are in send order; where a segment overtook the one above it, its row
 * shows the later instant of the two, so no row shows a state older than the row above.
 *
 * Segments are grouped by 4-tuple, as a capture would be: an old duplicate that claims to come
 * from A or B belongs to their connection (and is shown as sent by the side it claims); SYN-flood
 * segments from spoofed addresses get a connection each, whose A has no TCB at all (CLOSED).
 * A new SYN from A after the connection ended starts a new incarnation, as in a capture.
 */
export function traceReport(trace: Trace): TraceReport {
  const INPUTS = new Set(['deliver', 'drop', 'duplicate', 'user', 'timer-fire']);
  const ev = trace.events;
  // wire id → index of the last event its arrival (or loss) caused: before the next input
  const done = new Map<number, number>();
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i]!;
    if ((e.kind === 'deliver' || e.kind === 'drop') && e.wireId !== undefined && !done.has(e.wireId)) {
      let j = i;
      while (j + 1 < ev.length && !INPUTS.has(ev[j + 1]!.kind)) j++;
      done.set(e.wireId, j);
    }
  }
  const END = ev.length; // a segment still in flight when the run stopped: the final states
  const statesAt = (j: number): { A: TcpState; B: TcpState } =>
    j === END ? { A: trace.final.A, B: trace.final.B } : { A: ev[j]!.snapshot.A.state, B: ev[j]!.snapshot.B.state };
  const key = (x: { ip: string; port: number }): string => `${x.ip}:${x.port}`;
  const aKey = key(trace.a);
  const bKey = key(trace.b);
  const outside = outsiderStates(trace, aKey, bKey, key);
  interface Group {
    a: string;
    b: string;
    main: boolean;
    ended: boolean;
    list: { t: number; from: Side; segment: Segment; packet: number }[];
    states: { stateA: TcpState; stateB: TcpState }[];
    /** The latest instant (event index) a row of this group shows: rows never show an earlier one. */
    at: number;
  }
  const groups: Group[] = [];
  const current = new Map<string, Group>();
  let packet = 0;
  for (const w of wireSegments(trace)) {
    packet++; // the frame number of this segment in traceToPcap's file
    const src = key(w.segment.src);
    const dst = key(w.segment.dst);
    const main = (src === aKey && dst === bKey) || (src === bKey && dst === aKey);
    const tuple = src < dst ? `${src}|${dst}` : `${dst}|${src}`;
    let g = current.get(tuple);
    const f = w.segment.flags;
    if (g && main && g.ended && src === aKey && f.SYN && !f.ACK) g = undefined; // a new incarnation
    if (!g) {
      const outsider = src === aKey || src === bKey ? dst : src;
      g = main
        ? { a: aKey, b: bKey, main, ended: false, list: [], states: [], at: 0 }
        : { a: outsider, b: outsider === dst ? src : dst, main, ended: false, list: [], states: [], at: 0 };
      current.set(tuple, g);
      groups.push(g);
    }
    if (f.FIN || f.RST) g.ended = true;
    const from: Side = src === g.a ? 'A' : 'B';
    // Rows are in send order, states are taken once a segment has arrived: a segment that
    // overtook the one above it (a delay, a retransmission racing a loss) arrived earlier, so
    // its row shows the later of the two instants and no row goes back in time.
    g.at = Math.max(g.at, done.get(w.wireId) ?? END);
    const st = statesAt(g.at);
    // Outside connections: their A is a spoofed address with no TCB; their B is one of ours.
    const ours: Side = g.main ? 'A' : g.b === aKey ? 'A' : 'B';
    g.list.push({ t: w.t / 1000, from, segment: w.segment, packet });
    g.states.push(g.main ? { stateA: st.A, stateB: st.B } : { stateA: 'CLOSED', stateB: outside.get(w.wireId) ?? st[ours] });
  }
  return { schema: TRACE_SCHEMA, connections: groups.map((g) => ({ a: g.a, b: g.b, segments: rows(g.list, g.states) })) };
}

/**
 * The state of a listener's connection with an outside client (a spoofed SYN-flood source,
 * another client filling the accept queue), by wire id, after that segment was handled. The
 * listener endpoint's own state says nothing about it: a queued half-open entry is SYN-RECEIVED
 * (ss: SYN-RECV), a SYN answered with a cookie or dropped leaves no record (LISTEN), and a
 * handshake that completed into the accept queue is ESTABLISHED. Read from the listener's reason
 * codes, which the engine logs with or without its working notes.
 */
function outsiderStates(trace: Trace, aKey: string, bKey: string, key: (x: { ip: string; port: number }) => string): Map<number, TcpState> {
  const RESULT: Partial<Record<string, TcpState>> = {
    'listen-syn-queued': 'SYN-RECEIVED',
    'listen-syn-cookie': 'LISTEN',
    'listen-backlog-full-drop': 'LISTEN',
    'listen-overflow-syn-drop': 'LISTEN',
    'listen-accept-queued': 'ESTABLISHED',
  };
  const state = new Map<string, TcpState>();
  const out = new Map<number, TcpState>();
  let pending: { wireId: number; who: string } | null = null;
  const settle = (): void => {
    if (pending) out.set(pending.wireId, state.get(pending.who) ?? 'LISTEN');
    pending = null;
  };
  for (const e of trace.events) {
    if (e.kind === 'deliver' || e.kind === 'user' || e.kind === 'timer-fire' || e.kind === 'drop') settle();
    const s = e.segment;
    if (!s || e.wireId === undefined) {
      const to = e.kind === 'log' && e.reason ? RESULT[e.reason] : undefined;
      if (to && pending) state.set(pending.who, to);
      continue;
    }
    const src = key(s.src);
    const dst = key(s.dst);
    const who = src !== aKey && src !== bKey ? src : dst !== aKey && dst !== bKey ? dst : null;
    if (who === null) continue;
    if (e.kind === 'deliver') pending = { wireId: e.wireId, who };
    else if (e.kind === 'send' && src !== who) out.set(e.wireId, state.get(who) ?? 'LISTEN');
  }
  settle();
  return out;
}
