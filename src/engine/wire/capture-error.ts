/**
 * The one error type the wire and pcap layers throw. Callers (the CLI, the capture lab, the
 * fuzz tests) rely on it: anything else escaping from a decoder is a bug. It carries WHERE the
 * problem is, because "invalid file" alone does not help a reader fix their capture.
 */
export class CaptureError extends Error {
  /** A short machine-readable reason, e.g. `truncated`, `bad-magic`, `too-large`. */
  readonly code: string;
  /** Byte offset in the file (or in the packet for wire-level errors), when known. */
  readonly offset: number | undefined;
  /** 1-based packet number, when the problem is inside one packet. */
  readonly packet: number | undefined;
  /** The message without the place, for callers that report the place themselves. */
  readonly detail: string;

  constructor(code: string, message: string, where: { offset?: number; packet?: number } = {}) {
    super(CaptureError.describe(message, where));
    this.name = 'CaptureError';
    this.code = code;
    this.detail = message;
    this.offset = where.offset;
    this.packet = where.packet;
  }

  /** Builds "message (packet 3, byte offset 120)" so every error names its place the same way. */
  static describe(message: string, where: { offset?: number; packet?: number }): string {
    const parts: string[] = [];
    if (where.packet !== undefined) parts.push(`packet ${where.packet}`);
    if (where.offset !== undefined) parts.push(`byte offset ${where.offset}`);
    return parts.length > 0 ? `${message} (${parts.join(', ')})` : message;
  }
}
