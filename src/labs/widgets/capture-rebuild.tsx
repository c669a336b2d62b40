/** @jsxImportSource preact */
/**
 * "Rebuild as a workshop scenario" under a replayed capture connection: the conversion
 * (src/workshop/model/from-capture.ts) loads only when the reader asks for it, then the lab says
 * what it rebuilt, what it left out, and links to the workshop with the scenario.
 */
import { useState } from 'preact/hooks';
import { fmt, type Strings } from '../view/explain.ts';
import type { LabView } from '../view/trace-view.ts';

type Result = { ok: true; href: string; lines: string[] } | { ok: false; line: string } | null;

export function CaptureRebuild({ S, view, cut }: { S: Strings; view: LabView; cut: boolean }) {
  const [result, setResult] = useState<Result>(null);
  const rebuild = async (): Promise<void> => {
    const [{ rebuildLink }, { LIMITS }] = await Promise.all([import('../../workshop/model/from-capture.ts'), import('../../workshop/model/scenario.ts')]);
    const r = rebuildLink(view);
    if (!r.ok) return setResult({ ok: false, line: fmt(S, `labs.cap.rebuild.${r.reason}`) });
    // The capture lab sits on /<lang>/<page>/, next to /<lang>/workshop/.
    const href = new URL(`../workshop/#${r.hash}`, location.href).href;
    const lines = [
      fmt(S, 'labs.cap.rebuild.ready', { calls: r.calls, latency: r.latencyMs }),
      ...(cut ? [fmt(S, 'labs.cap.rebuild.cut')] : []),
      ...r.notes.map((n) => fmt(S, `labs.cap.rebuild.${n}`, { max: LIMITS.calls })),
    ];
    setResult({ ok: true, href, lines });
  };
  return (
    <div class="cap-rebuild">
      <button type="button" onClick={rebuild}>
        {fmt(S, 'labs.cap.rebuild')}
      </button>
      <div role="status">
        {result?.ok === false ? <p class="lab-note">{result.line}</p> : null}
        {result?.ok ? (
          <>
            {result.lines.map((l, i) => (
              <p class="lab-note" key={i}>
                {l}
              </p>
            ))}
            <p>
              <a href={result.href}>{fmt(S, 'labs.cap.rebuild.open')}</a>
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
