/** The search box's own strings, read by the lazy search code from the dialog's data attributes. */
export interface SearchStrings {
  /** "{sections} sections in {chapters} chapters" */
  count: string;
  /** "No results for {query}" */
  none: string;
  /** "Searched for: {words}" */
  matched: string;
  /** "Not in the book: {words}" */
  missing: string;
  /** The index could not be loaded (offline before a first visit). */
  offline: string;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
