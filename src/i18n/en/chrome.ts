/** Strings of the book's frame (header, sidebar, footer). English is the source locale: every other locale must have these keys. */
export const chrome = {
  'site.title': 'TCP: Opening and Closing Connections',
} as const;
