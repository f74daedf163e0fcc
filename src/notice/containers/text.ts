import type { Block, Table, TableCell } from '../blocks.js';
import { opensWithSiteJunk } from '../site-junk.js';
import { cellPerLineTable, tornTable } from './cell-lines.js';
import { layoutHeader, layoutTable, opensLaidOutTable } from './layout-table.js';
import { pageFurniture } from './page-furniture.js';

/** A row copied from a table cell by cell: `1 | 做好… | 疾控处 | 长期推进 |`. */
const PIPE_ROW = /\S\s*\|\s*\S/;

function pipeCells(line: string, lineNumber: number, tableNumber: number, row: number): TableCell[] {
  const cells = line.split('|').map((c) => c.trim());
  if (cells[cells.length - 1] === '') cells.pop();
  if (cells[0] === '' && line.trimStart().startsWith('|')) cells.shift();
  return cells.map((text, col) => ({ text, place: { line: lineNumber, cell: `表${tableNumber} 第${row}行第${col + 1}列` } }));
}

const LONE_BAR = /^\s*[|｜]\s*$/;
/** A row of one cell inside a pipe table (the others taken by spans): a bar at one edge only, `| 3.做好…`. */
const EDGE_BAR_ROW = /^\s*\|\s*\S|\S\s*\|\s*$/;
/** A row left with its task cell alone and no bar at all: it opens with a row number, as the table's rows do (`3.做好…`). */
const NUMBERED_ROW = /^\s*\d{1,3}\s*[.、．](?!\d)\S/;

/**
 * A header cut off after two cells (`重点任务 | 工作措施`, one bar) right above
 * rows of the table: short words in both cells, no sentence. A lone `a | b` in
 * prose has no pipe rows under it.
 */
function cutHeaderRow(line: string, next: string): boolean {
  const cells = line.split('|').map((c) => c.trim());
  return cells.length === 2 && cells.every((c) => c.length > 0 && c.length <= 12 && !/[。，,；;：:]/.test(c)) && (next.match(/\|/g)?.length ?? 0) >= 2 && PIPE_ROW.test(next);
}

const barRow = (line: string) => PIPE_ROW.test(line) || EDGE_BAR_ROW.test(line);

/** A row's number: its first cell that is one (`3`), or opens with one (`3.做好…`). */
function rowNumber(line: string): number | undefined {
  for (const cell of line.split('|')) {
    const number = /^\s*(\d{1,3})(?:\s*$|\s*[.、．](?!\d))/.exec(cell);
    if (number) return Number(number[1]);
    if (cell.trim()) return undefined;
  }
  return undefined;
}

/** Words that give a line a clause of its own: then it is an item of the text, not a row whose bodies a span took. */
const OWN_CLAUSE = /[(（〔][^()（）〔〕]*[)）〕]|牵头|负责|配合|协同|协办/;

/**
 * True when a line inside a run of pipe rows is one of its rows: a line with
 * bars; or a numbered line with none, between two that have bars, or after the
 * last row numbered next to it with no clause of its own (the row's other cells
 * taken by spans: `13.… | A局负责` then `14.落实…`).
 */
function continuesPipeTable(line: string, next: string, previous: string): boolean {
  if (barRow(line)) return true;
  if (!NUMBERED_ROW.test(line)) return false;
  if (barRow(next)) return true;
  const above = rowNumber(previous);
  return above !== undefined && rowNumber(line) === above + 1 && !OWN_CLAUSE.test(line);
}

/**
 * A table copied one cell per line with a `|` line after each cell (DOMAIN.md F8):
 * the cells as one stream — which cells make a row is for the table reader to
 * find from the header and the cells' words. Undefined unless at least six cells
 * follow each other so.
 */
function barSeparatedCells(lines: string[], from: number, tableNumber: number): { table: Table; end: number } | undefined {
  const cells: TableCell[] = [];
  let i = from;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && j - i <= 6 && !LONE_BAR.test(lines[j]!)) j++;
    if (j >= lines.length || !LONE_BAR.test(lines[j]!)) break;
    const words = lines.slice(i, j).map((l) => l.trim()).filter(Boolean);
    // A row's last cell has no bar after it: the next row's 序号 follows on the next line, a cell of its own.
    const nextNumber = words.length > 1 && /^\d{1,3}$/.test(words[words.length - 1]!) ? words.pop() : undefined;
    cells.push({ text: words.join('\n'), place: { line: i + 1, cell: `表${tableNumber} 第${cells.length + 1}格` } });
    if (nextNumber) cells.push({ text: nextNumber, place: { line: i + words.length + 1, cell: `表${tableNumber} 第${cells.length + 1}格` } });
    i = j + 1;
  }
  if (cells.length < 6) return undefined;
  // The table's last cell has no bar after it either: one short line right after the last bar, then a blank or the end.
  const last = lines[i]?.trim() ?? '';
  if (last && [...last].length <= 40 && !(lines[i + 1] ?? '').trim()) {
    cells.push({ text: last, place: { line: i + 1, cell: `表${tableNumber} 第${cells.length + 1}格` } });
    i++;
  }
  return { table: { kind: 'table', rows: [cells], line: from + 1, ragged: true, cellStream: true }, end: i };
}

/**
 * Where the rows go on after a page break at `from`: blank lines among which is page furniture, then a row with bars.
 * `from` itself when there is no such break (the rows after it would be a table of their own: one row of it, with no
 * header above, was read as nothing).
 */
function pastPageBreak(lines: string[], from: number, furniture: ReadonlySet<number>): number {
  let next = from;
  let broken = false;
  for (; next < lines.length && !lines[next]!.trim(); next++) if (furniture.has(next)) broken = true;
  if (next === from || next >= lines.length || !barRow(lines[next]!)) return from;
  // Or blank lines only, when the row after them is numbered next to the row before them (`1 | …`, blank, `2 | …`).
  const above = rowNumber(lines[from - 1] ?? '');
  return broken || (above !== undefined && rowNumber(lines[next]!) === above + 1) ? next : from;
}

/** A tab between words: a cell boundary of a table copied from Word or Excel. */
const INNER_TAB = /\S[^\S\n]*\t\s*\S/;

/**
 * A table copied from Word or Excel into text has its cells separated by tabs
 * (DOMAIN.md F8): a run of two or more lines with a tab between words, one of
 * them of three cells or more (two-cell lines are label lines `牵头单位：⇥A局`),
 * becomes pipe rows, with the lines of one cell and tabs among them. Empty cells stay (`⇥⇥`):
 * their place says which column a word is in.
 */
function tabRowsAsPipes(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    // A row of one cell (a part's heading merged across the table) keeps its tabs after the words.
    while (j < lines.length && lines[j]!.includes('\t') && lines[j]!.trim()) j++;
    const run = lines.slice(i, j);
    if (run.filter((l) => INNER_TAB.test(l)).length >= 2 && run.some((l) => l.trim().split('\t').filter((c) => c.trim()).length >= 3)) {
      // Leading tabs are empty first cells (a merged 序号 or 任务 above): kept, so the columns stay in place.
      for (let k = i; k < j; k++) out[k] = `${lines[k]!.replace(/\s+$/, '').split('\t').join(' | ')} |`;
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * A task table from a PDF that cannot be read surely: torn into a cell per line,
 * column after column (pdftotext without -layout), or laid out with spaces under a
 * header that is not read (one on two lines, no row numbers under it).
 */
export function unreadPdfTable(text: string): 'torn' | 'laid out' | undefined {
  const pages = pageFurniture(text.replace(/\r\n?/g, '\n').split('\n'));
  if (tornTable(pages.lines, pages.pageStarts.length > 1 || pages.furniture.size > 0)) return 'torn';
  for (let i = 0; i < pages.lines.length; i++) {
    if (!pages.lines[i]!.includes('  ') || !opensLaidOutTable(pages.lines, i)) continue;
    if (!layoutHeader(pages.lines[i]!) || !layoutTable(pages, i, 1)) return 'laid out';
  }
  return undefined;
}

/**
 * Plain text → blocks: every line a paragraph (a flattened web copy is one long
 * line), runs of `a | b | c` lines a table (lines holding only `|` separate
 * rows; tab-separated rows are read as such), a table copied one cell per line,
 * and a table laid out with spaces (pdftotext -layout). A PDF's page furniture is
 * blanked first.
 */
export function textBlocks(text: string): Block[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const pages = pageFurniture(normalised.split('\n'));
  const lines = normalised.includes('\t') ? tabRowsAsPipes(pages.lines) : pages.lines;
  const blocks: Block[] = [];
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('  ') && layoutHeader(line)) {
      const laidOut = layoutTable(pages, i, tables + 1);
      if (laidOut) {
        tables++;
        blocks.push(laidOut.table);
        i = laidOut.end - 1;
        continue;
      }
    }
    if (line.trim() && !line.includes('|') && LONE_BAR.test(lines[i + 1] ?? '')) {
      const copied = barSeparatedCells(lines, i, tables + 1);
      if (copied) {
        tables++;
        blocks.push(copied.table);
        i = copied.end - 1;
        continue;
      }
    }
    if (line.trim() === '序号') {
      const copied = cellPerLineTable(lines, i, tables + 1);
      if (copied) {
        tables++;
        blocks.push(copied.table);
        i = copied.end - 1;
        continue;
      }
    }
    // includes() first: a flattened web copy is one line of megabytes.
    if (line.includes('|') && ((line.match(/\|/g)?.length ?? 0) >= 2 || cutHeaderRow(line, lines[i + 1] ?? '')) && PIPE_ROW.test(line) && !opensWithSiteJunk(line)) {
      const number = ++tables;
      const rows: TableCell[][] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const row = lines[j]!;
        if (/^\s*\|?\s*$/.test(row) && row.includes('|')) continue;
        // The page's links after the table (`相关链接：A | B | C`) are no row of it.
        if (opensWithSiteJunk(row)) break;
        // A page break inside the table (a page number between two rows, blanked as furniture) does not end it.
        const past = pastPageBreak(lines, j, pages.furniture);
        if (past > j) {
          j = past - 1;
          continue;
        }
        if (!continuesPipeTable(row, lines[j + 1] ?? '', lines[j - 1] ?? '')) break;
        rows.push(pipeCells(row, j + 1, number, rows.length + 1));
      }
      blocks.push({ kind: 'table', rows, line: i + 1, ragged: true });
      i = j - 1;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line, line: i + 1 });
  }
  return blocks;
}
