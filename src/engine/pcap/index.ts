/**
 * Public API of capture import/export: what the trace CLI, the capture lab and the benchmark
 * use. Import from here; the files behind it may be reorganized.
 */
export { CaptureError } from '../wire/capture-error.ts';
export {
  MAX_FILE_BYTES,
  MAX_STREAM_BYTES,
  MAX_PACKETS,
  MAX_CAPLEN,
  MAX_BLOCK_BYTES,
  MAX_INTERFACES,
  MAX_CONNECTIONS,
  MAX_STREAM_CONNECTIONS,
  MAX_WARNINGS,
} from './limits.ts';
export { readCapture, scanCapture, formatWarning, WarningLog } from './reader.ts';
export type { RawPacket, CaptureFile, CaptureSummary, CaptureWarning, ReadChunk } from './reader.ts';
export { LINKTYPE, unwrapLink } from './linktype.ts';
export { writePcap } from './writer.ts';
export type { FrameToWrite } from './writer.ts';
export { decodeSegments, SegmentDecoder } from './packets.ts';
export type { CapturedSegment } from './packets.ts';
export { splitConnections, ConnectionSplitter, engineOptions } from './connections.ts';
export type { CapturedConnection, ConnectionSegment } from './connections.ts';
export { traceToPcap, traceFrames, segmentFrame, wireOptions } from './export.ts';
export { analyseCapture, traceReport, TRACE_SCHEMA } from './report.ts';
export type { TraceRow, TraceConnection, TraceReport, RowDetail, CaptureAnalysis } from './report.ts';
