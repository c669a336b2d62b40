/**
 * Feeds pagefind one record per section of every chapter (src/search/sections.ts), instead of one
 * per page: a result then opens at the section that answers, and its excerpt is that section's
 * prose. Chapters are the pages whose HTML carries `data-pagefind-body`; other pages (contents,
 * labs, drill) are not searched, as before.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { chapterSections } from '../src/search/sections.ts';

interface PagefindIndex {
  addHTMLFile(file: { url: string; content: string }): Promise<{ errors: string[] }>;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name === 'index.html' ? [path] : [];
  });
}

export async function indexChapterSections(index: PagefindIndex, outDir: string, base: string): Promise<{ chapters: number; sections: number }> {
  let chapters = 0;
  let sections = 0;
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
    const dir = relative(outDir, file).split(sep).slice(0, -1).join('/');
    const records = chapterSections(html, `${base}${dir}/`, lang);
    if (!records.length) throw new Error(`search index: ${relative(process.cwd(), file)} has a data-pagefind-body but no section could be cut from it`);
    chapters++;
    for (const r of records) {
      const { errors } = await index.addHTMLFile({ url: r.url, content: r.html });
      if (errors.length) throw new Error(`search index: ${r.url}: ${errors.join('; ')}`);
      sections++;
    }
  }
  return { chapters, sections };
}
