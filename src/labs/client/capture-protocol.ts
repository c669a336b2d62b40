/** The messages between the capture lab and its import worker (types only). */
import type { TraceRow } from '../../engine/pcap/index.ts';
import type { ConnectionPage } from '../view/capture-list.ts';
import type { LabView } from '../view/trace-view.ts';

export type WorkerAsk =
  /** The reader's file itself (a handle, not its bytes): the worker reads it, so the page never copies a large file. */
  /** `maxBytes`: the most (unpacked) bytes the lab opens. */
  | { type: 'open'; file: Blob; maxBytes: number }
  | { type: 'list'; ask: number; query: string; page: number }
  | { type: 'view'; index: number }
  | { type: 'rows'; index: number; from: number; count: number };

export interface WorkerError {
  code: string;
  offset?: number;
  packet?: number;
  detail?: string;
}

export type WorkerAnswer =
  | { type: 'progress'; read: number; total: number }
  | { type: 'opened'; packets: number; connections: number; warnings: { code: string; message: string }[]; warningCount: number }
  | { type: 'error'; error: WorkerError }
  | ({ type: 'list'; ask: number } & ConnectionPage)
  | { type: 'view'; index: number; a: string; b: string; segments: number; cut: boolean; view: LabView }
  | { type: 'rows'; index: number; from: number; rows: TraceRow[] };
