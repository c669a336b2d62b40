/**
 * The lab a deep link (`#lab=<id>&s=…&step=…`) names, or null. Kept apart from lab-hash.ts (which
 * pulls in the knob codecs) so the page script that scrolls to a linked lab stays a few bytes.
 */
export function linkedLabId(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw.includes('lab=')) return null;
  try {
    return new URLSearchParams(raw).get('lab');
  } catch {
    return null;
  }
}
