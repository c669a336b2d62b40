/** Strings of the glossary tables (src/site/GlossaryTable.astro). */
export const glossary = {
  'glossary.states.caption': 'The eleven states and how each tool spells them',
  'glossary.terms.caption': 'Terms in Korean and English',
  'glossary.col.rfc': 'RFC 9293',
  'glossary.col.linux': 'Linux kernel',
  'glossary.col.ss': 'ss',
  'glossary.col.netstat': 'netstat',
  'glossary.col.meaning': 'Meaning',
  'glossary.col.term': 'English',
  'glossary.col.other': 'Korean',
  'glossary.col.aliases': 'Also written',
} as const;
