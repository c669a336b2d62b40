/**
 * The capture lab's import session: holds one analysed capture and answers the page's questions
 * about it. Runs in a Web Worker (capture-worker.ts); where workers are missing, in the page.
 */
import { analyseCapture, type CaptureAnalysis, type ReadChunk } from '../../engine/pcap/index.ts';
import { gunzipFile, isGzip, type GunzipFailure } from './capture-gunzip.ts';
import { pageConnections, replayPart } from '../view/capture-list.ts';
import { viewOfConnection } from '../view/capture-view.ts';
import type { WorkerAnswer, WorkerAsk } from './capture-protocol.ts';

/** A session: `answer` handles one question and posts what it has to say (progress included). */
export function captureSession(post: (m: WorkerAnswer) => void): (ask: WorkerAsk) => void {
  let analysis: CaptureAnalysis | null = null;
  /**
   * Reads the file here, not in the page (a 60 MB file is 60 MB copied), then analyses it with
   * progress. A gzip file is unpacked as it is read, held to `maxBytes` unpacked, like a plain one.
   */
  const open = async (file: Blob, maxBytes: number): Promise<void> => {
    analysis = null;
    let input: Uint8Array | ReadChunk;
    let totalBytes: number | undefined;
    try {
      if (await isGzip(file)) ({ read: input, total: totalBytes } = await gunzipFile(file, maxBytes));
      else input = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      const failed = e as GunzipFailure;
      return post({ type: 'error', error: failed.code ? failed : { code: 'read' } });
    }
    let last = 0;
    try {
      const a = analyseCapture(
        input,
        (read, total) => {
          const now = performance.now();
          if (now - last > 100) {
            last = now;
            post({ type: 'progress', read, total });
          }
        },
        { totalBytes },
      );
      analysis = a;
      post({
        type: 'opened',
        packets: a.packets,
        connections: a.report.connections.length,
        warnings: a.warnings.slice(0, 50).map((w) => ({ code: w.code, message: w.message })),
        warningCount: a.warnings.length,
      });
    } catch (err) {
      const x = err as { code?: string; offset?: number; packet?: number; detail?: string; message?: string };
      post({ type: 'error', error: { code: x.code ?? 'other', offset: x.offset, packet: x.packet, detail: x.detail ?? x.message } });
    }
  };
  return (ask) => {
    if (ask.type === 'open') void open(ask.file, ask.maxBytes);
    else if (!analysis) {
      post({ type: 'error', error: { code: 'other', detail: 'no capture is open' } });
    } else if (ask.type === 'list') {
      post({ type: 'list', ask: ask.ask, ...pageConnections(analysis.report.connections, ask.query, ask.page) });
    } else if (ask.type === 'view') {
      const conn = analysis.report.connections[ask.index];
      if (!conn) return;
      const { conn: part, cut } = replayPart(conn);
      post({ type: 'view', index: ask.index, a: conn.a, b: conn.b, segments: conn.segments.length, cut, view: viewOfConnection(part) });
    } else if (ask.type === 'rows') {
      const conn = analysis.report.connections[ask.index];
      if (!conn) return;
      post({ type: 'rows', index: ask.index, from: ask.from, rows: conn.segments.slice(ask.from, ask.from + ask.count) });
    }
  };
}
