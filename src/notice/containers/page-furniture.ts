/**
 * Text converted from a PDF (pdftotext) keeps each page's furniture: a form feed
 * between pages, a page number (`—1—`, `- 2 -`, `第 3 页`, `3/12`) and a running
 * header or footer (the issuer's name, `XX文件`, a table's header row) repeated on
 * every page. Read as words they end up as an item's clause or in the middle of its
 * words, so they are blanked before anything reads the text: blanked, not deleted,
 * so every line keeps its number for diagnostics, and an item's words wrapped over
 * the break join up again (blank lines are no break inside an item).
 */

/** A page number on a line of its own: read as one wherever it stands. */
const PAGE_NUMBER = /^\s*(?:[-—–－―─]+\s*\d{1,4}\s*[-—–－―─]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页)\s*$/;
/** `3/12`: page 3 of 12 (the first no greater than the second). */
const PAGE_OF = /^\s*(\d{1,4})\s*[/／]\s*(\d{1,4})\s*$/;
/** How many lines at a page's top or foot may be its running header or footer. */
const ZONE = 3;
/** Sentence marks: a running header is a name or a title, never a sentence (a line of an item's words may repeat). */
const SENTENCE = /[，。；：,;]/;
/** A line opening a numbered item or part (一、 (一) 1. 第一条): the page's own words. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．]|第[一二三四五六七八九十\d]+[条项])/;

export interface Pages {
  /** The lines, the furniture blanked and form feeds removed. */
  lines: string[];
  /** The lines as they came (form feeds removed): a table's header repeated on each page is furniture, and tells where its columns are. */
  original: string[];
  /** The first line of each page (0 for the first). */
  pageStarts: number[];
  /** Lines blanked as furniture. */
  furniture: Set<number>;
}

const key = (line: string) => line.replace(/\s+/g, '');
const pageOf = (line: string) => {
  const m = PAGE_OF.exec(line);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
};
const isPageNumber = (line: string) => PAGE_NUMBER.test(line) || pageOf(line);

/** The first (or last) few lines with words of a page, page numbers left out. */
function zone(lines: string[], from: number, to: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let i = step === 1 ? from : to - 1; step === 1 ? i < to : i >= from; i += step) {
    if (out.length >= ZONE) break;
    if (!lines[i]!.trim() || isPageNumber(lines[i]!)) continue;
    out.push(i);
  }
  return out;
}

/** Lines → pages, with the page furniture blanked. Text with no form feed and no page number is left as it is. */
export function pageFurniture(input: string[]): Pages {
  const original = input.map((l) => (l.includes('\f') ? l.replace(/\f/g, '') : l));
  const lines = [...original];
  const furniture = new Set<number>();
  const starts = new Set<number>([0]);
  input.forEach((line, i) => {
    if (line.includes('\f') && i > 0) starts.add(line.startsWith('\f') || !line.replace(/\f/g, '').trim() ? i : i + 1);
    // A page number with no form feed after it (text copied from a PDF viewer) ends its page too.
    if (isPageNumber(line)) {
      furniture.add(i);
      let next = i + 1;
      while (next < input.length && !input[next]!.replace(/\f/g, '').trim() && !input[next]!.includes('\f')) next++;
      if (!(input[next] ?? '').includes('\f')) starts.add(Math.min(next, input.length));
    }
  });
  const pageStarts = [...starts].filter((s) => s < input.length).sort((a, b) => a - b);
  if (pageStarts.length < 2 && !furniture.size) return { lines, original, pageStarts, furniture };
  const pages = pageStarts.map((start, p) => ({ start, end: pageStarts[p + 1] ?? input.length }));
  // A line at a page's top or foot that stands at the top or foot of another page too is a running header or footer.
  const seenOn = new Map<string, Set<number>>();
  pages.forEach((page, p) => {
    for (const i of [...zone(original, page.start, page.end, 1), ...zone(original, page.start, page.end, -1)]) {
      const k = key(original[i]!);
      if (k.length < 2 || k.length > 60 || SENTENCE.test(k)) continue;
      if (!seenOn.has(k)) seenOn.set(k, new Set());
      seenOn.get(k)!.add(p);
    }
  });
  const repeated = (i: number) => (seenOn.get(key(original[i]!))?.size ?? 0) >= 2;
  // A page's first line that is the issuer's name or the document's title (words of its opening lines), no sentence
  // and no numbered item: the running header of a page whose other pages lost theirs (text copied from a viewer).
  // The opening is the first page's: a first page of nothing but its number (`第2页`, a fragment) names nothing, and
  // the next page's first line (a table's header cut off, `务 | 牵头单位 | …`) is that page's own words.
  const opening = zone(original, 0, pages[0]!.end, 1).map((i) => key(original[i]!)).join('\n');
  const nameOfTheDocument = (i: number) => {
    const k = key(original[i]!);
    return k.length >= 4 && k.length <= 40 && !SENTENCE.test(k) && !ITEM_START.test(k) && opening.includes(k);
  };
  pages.forEach((page, p) => {
    for (const step of [1, -1] as const) {
      // Walked from the page's edge inwards: furniture stops at the first line of the page's own words.
      let first = true;
      for (let i = step === 1 ? page.start : page.end - 1; step === 1 ? i < page.end : i >= page.start; i += step) {
        const line = original[i]!;
        if (!line.trim()) continue;
        if (isPageNumber(line) || repeated(i) || (first && step === 1 && p > 0 && nameOfTheDocument(i))) furniture.add(i);
        else break;
        first = false;
      }
    }
  });
  for (const i of furniture) lines[i] = '';
  return { lines, original, pageStarts, furniture };
}
