/**
 * Fills `{name}` placeholders of a UI string from `vars`; a placeholder without a value stays as
 * it is, so a missing variable shows up on the page instead of vanishing. The one filler of the
 * book: the i18n `t`, the labs' `fmt`, the state diagram's captions and the quiz scripts use it.
 */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));
}
