/** @jsxImportSource preact */
/**
 * A lab's status line (announced politely) and, when there is one, its error paragraph (an
 * alert): the capture lab and the capture import show both the same way. Not in
 * sequence-controls.tsx, which every sequence lab loads, because only the capture labs use it.
 */
export function LabStatus({ status, error }: { status: string; error?: string | null }) {
  return (
    <>
      <p class="lab-note" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p class="lab-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
