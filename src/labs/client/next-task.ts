/**
 * Resolves in a later task, so that the work after `await nextTask()` is not added to the current
 * task's length (a task over 50 ms is a long task). `scheduler.yield()` where the browser has it:
 * its continuation runs before other queued tasks; else a zero timeout.
 */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
