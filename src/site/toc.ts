/** What "On this page" lists (TocList.astro, in PageToc and PageContents). */

/** The shape Astro's render() gives for headings. */
export interface TocHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The headings "On this page" lists, the chapter's h2 and h3; empty when there are none (nothing is shown then). */
export const tocItems = (headings: TocHeading[]): TocHeading[] => headings.filter((h) => h.depth === 2 || h.depth === 3);
