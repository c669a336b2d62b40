/**
 * The capture lab's import, in a Web Worker so the page never freezes: reading and analysing the
 * file (with progress) and every later question run here (capture-session.ts). The page cancels an
 * import by terminating the worker.
 */
import type { WorkerAnswer, WorkerAsk } from './capture-protocol.ts';
import { captureSession } from './capture-session.ts';

const answer = captureSession((m: WorkerAnswer) => (self as unknown as { postMessage(m: WorkerAnswer): void }).postMessage(m));
self.onmessage = (e: MessageEvent<WorkerAsk>) => answer(e.data);
