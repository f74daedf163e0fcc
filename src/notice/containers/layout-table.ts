import type { Table, TableCell } from '../blocks.js';
import type { Pages } from './page-furniture.js';

/**
 * A task table converted with `pdftotext -layout`: its columns laid out with spaces,
 * each cell wrapped over many lines, the header row repeated on every page (blanked
 * as furniture, but its words still tell where that page's columns stand):
 *
 *     序号      重点任务   具体内容      责任单位     完成时限
 *     1       推进稳外贸稳 及时公开外贸    对外贸易处牵   2024 年 6 月
 *             外资政策公开 外资支持政策    头，外国投资   底前
 *                    措施，做好政    管理处、政策
 *
 * Where a column starts is read from where the body's pieces of text start (after a
 * run of spaces), page by page, since each page is laid out anew; which column a
 * start is comes from the header's words, centred in their cells, so a cell's text
 * starts after the centre of the header word before it and no later than its own.
 * A row starts at a line whose first column holds a row number (or a `一、` part
 * spanning the table); a cell is its column's pieces over the row's lines.
 */

/** A piece of a line: its words, where it starts and ends (in characters). */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/** Header words of a 任务分工表 column. */
const HEADER_WORD = /^(序号|编号|[^\s，。；：,;]{0,4}(任务|内容|措施|事项|分工|要点|工作)|[^\s，。；：,;]{0,4}(单位|部门|处室|科室|责任)|(完成|工作)?(时限|时间|期限)|时间要求|进度安排|备注)$/;
const RESPONSIBILITY_WORD = /单位|部门|处室|科室|责任|牵头|配合/;
const ROW_NUMBER = /^\d{1,3}[.、．]?$/;
const PART = /^[一二三四五六七八九十]+、\S/;
/** Wide characters: lines of a cell that end or start with one join with no space. */
const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;
/** Words of wide characters only, no space: a cell's line as wide as its column lets it be. */
const WIDE_ONLY = /^[\u3000-\u9fff\uff00-\uffef\u2018-\u201d]+$/;

/** Pieces of a line split at runs of two or more spaces. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Words of a piece split at single spaces, with where each starts. */
function words(piece: Piece): Piece[] {
  const out: Piece[] = [];
  const re = /\S+/g;
  for (let m = re.exec(piece.text); m; m = re.exec(piece.text)) out.push({ text: m[0], start: piece.start + m.index, end: piece.start + m.index + m[0].length });
  return out;
}

const centre = (p: Piece) => (p.start + p.end - 1) / 2;

/** A header row laid out with spaces: three or more column words, 序号 first, one naming who is responsible. */
export function layoutHeader(line: string): Piece[] | undefined {
  if (!/\S {2,}\S/.test(line)) return undefined;
  const cells = pieces(line);
  if (cells.length < 3 || cells[0]!.text !== '序号' || !cells.every((c) => HEADER_WORD.test(c.text))) return undefined;
  return cells.some((c) => RESPONSIBILITY_WORD.test(c.text)) ? cells : undefined;
}

/**
 * A line that opens a table laid out with spaces: `序号` and two or more short words
 * after it, or three or more column words with a responsibility one, with lines of
 * several pieces under it. Whether it can be read is for
 * layoutHeader and layoutTable to say.
 */
export function opensLaidOutTable(lines: string[], at: number): boolean {
  // Tabs separate cells copied from Word or Excel (read as such elsewhere), not a layout's spaces.
  if (lines[at]!.includes('\t') || !/\S {2,}\S/.test(lines[at]!)) return false;
  const cells = pieces(lines[at]!);
  if (cells.length < 3 || !cells.every((c) => c.text.length <= 8 && !/[，。；：,;:]/.test(c.text))) return false;
  // 序号 first, or a header of column words alone naming who is responsible (a table with no 序号 column has no rows to be told by).
  if (cells[0]!.text !== '序号' && !(cells.every((c) => HEADER_WORD.test(c.text)) && cells.some((c) => RESPONSIBILITY_WORD.test(c.text)))) return false;
  const below = lines.slice(at + 1, at + 12).filter((l) => l.trim()).slice(0, 5);
  return below.filter((l) => pieces(l).length >= 2).length >= 2;
}

const key = (line: string) => line.replace(/\s+/g, '');
/** A part's heading spanning the table (`一、…`), at the margin or centred: one piece alone on its line. */
const isPart = (line: string) => PART.test(line.trim()) && pieces(line).length === 1;

interface Fragment {
  column: number;
  text: string;
  line: number;
  start: number;
}

/**
 * Reads the layout table whose header is at line `from`. Undefined when no row is
 * found; the table's `doubt` says what could not be read for sure.
 */
export function layoutTable(pages: Pages, from: number, tableNumber: number): { table: Table; end: number } | undefined {
  const { lines, original, pageStarts } = pages;
  const header = layoutHeader(lines[from]!)!;
  const headerKey = key(lines[from]!);
  const width = header.length;
  const doubts = new Set<string>();
  // The table's lines: up to a line at the left margin that is neither a row's number nor a part.
  let end = from + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (!line.trim() || /^\s/.test(line)) continue;
    const first = pieces(line)[0]!.text.split(' ')[0]!;
    if (!ROW_NUMBER.test(first) && !isPart(line)) break;
  }
  while (end > from + 1 && !lines[end - 1]!.trim()) end--;
  // Page by page: the header's centres (its copy at the page's top, else the last seen) and the pieces' starts.
  const pageOf = (i: number) => {
    let p = 0;
    while (p + 1 < pageStarts.length && pageStarts[p + 1]! <= i) p++;
    return p;
  };
  interface Page {
    from: number;
    to: number;
    columnAt: (start: number) => number;
    clusterAt: (at: number) => { column: number } | undefined;
  }
  const laidOut: Page[] = [];
  let centres = header.map(centre);
  for (let i = from + 1; i < end; ) {
    const p = pageOf(i);
    const pageEnd = Math.min(end, pageStarts[p + 1] ?? end);
    for (let k = i; k < pageEnd; k++) {
      if (pages.furniture.has(k) && key(original[k]!) === headerKey) {
        const copy = layoutHeader(original[k]!);
        if (copy && copy.length === width) centres = copy.map(centre);
      }
    }
    const pageCentres = centres;
    const columnAt = (start: number) => {
      const c = pageCentres.findIndex((x) => x >= start - 1);
      return c < 0 ? width - 1 : c;
    };
    // Where pieces start on this page, in runs of neighbouring offsets (a cell's lines start within a character of each other).
    const offsets = new Set<number>();
    for (let k = i; k < pageEnd; k++) if (!isPart(lines[k]!)) for (const piece of pieces(lines[k]!)) offsets.add(piece.start);
    const clusters: { min: number; max: number; column: number }[] = [];
    for (const at of [...offsets].sort((a, b) => a - b)) {
      const last = clusters[clusters.length - 1];
      if (last && at - last.max <= 1) last.max = at;
      else clusters.push({ min: at, max: at, column: 0 });
    }
    for (const c of clusters) c.column = columnAt(c.min);
    // Row numbers centred in their cell start past the centre of 序号 above them: the leftmost start on the page
    // holding nothing but row numbers is the first column wherever it stands (the task's text starts further right).
    const first = clusters[0];
    if (first && first.column > 0 && clusters.length > 1) {
      const starting = (k: number) => pieces(lines[k]!).filter((p) => p.start >= first.min && p.start <= first.max);
      const held: string[] = [];
      for (let k = i; k < pageEnd; k++) if (!isPart(lines[k]!)) held.push(...starting(k).map((p) => p.text.split(' ')[0]!));
      if (held.length && held.every((t) => ROW_NUMBER.test(t))) first.column = 0;
    }
    // More starts than columns, or two starts read as one column: the columns are not where the header says.
    if (clusters.length > width || new Set(clusters.map((c) => c.column)).size < clusters.length) doubts.add('各行的列位置对不齐');
    laidOut.push({ from: i, to: pageEnd, columnAt, clusterAt: (at) => clusters.find((c) => at >= c.min - 1 && at <= c.max + 1) });
    i = pageEnd;
  }
  // Each column's width in characters: its longest piece of wide characters alone (a cell's full line), on any page.
  const columnWidth = new Array<number>(width).fill(Infinity);
  for (const page of laidOut) {
    for (let k = page.from; k < page.to; k++) {
      if (isPart(lines[k]!)) continue;
      for (const piece of pieces(lines[k]!)) {
        const c = page.clusterAt(piece.start)?.column;
        if (c !== undefined && WIDE_ONLY.test(piece.text)) columnWidth[c] = columnWidth[c] === Infinity ? piece.text.length : Math.max(columnWidth[c]!, piece.text.length);
      }
    }
  }
  const fragments: Fragment[][] = [];
  for (const { from: pageFrom, to, columnAt, clusterAt } of laidOut) {
    for (let k = pageFrom; k < to; k++) {
      const line = lines[k]!;
      if (!line.trim()) continue;
      if (isPart(line)) {
        fragments.push([{ column: -1, text: line.trim(), line: k, start: 0 }]);
        continue;
      }
      const out: Fragment[] = [];
      for (const piece of pieces(line)) {
        const inPiece = words(piece);
        for (const word of inPiece) {
          const last = out[out.length - 1];
          // After one space, a word past a full line of wide characters starts the next column (a column whose every
          // cell on this page follows a full one has no start of its own to be known by).
          const beyond = !!last && word !== inPiece[0] && !clusterAt(word.start) && last.column + 1 < width && WIDE_ONLY.test(last.text) && word.start >= last.start + columnWidth[last.column]!;
          const column = beyond ? Math.max(last.column + 1, columnAt(word.start)) : (clusterAt(word.start)?.column ?? columnAt(word.start));
          const opens = word === inPiece[0] || beyond || (clusterAt(word.start) !== undefined && !!last && column > last.column);
          if (last && (!opens || column === last.column)) {
            if (opens) doubts.add('两段文字落在同一列');
            last.text += ` ${word.text}`;
          } else {
            if (last && column < last.column) doubts.add('列的位置前后不一');
            out.push({ column, text: word.text, line: k, start: word.start });
          }
        }
      }
      fragments.push(out);
    }
  }
  // Rows: from a line whose first column is a row number, or a part spanning the table.
  type Row = { line: number; cells: Fragment[][]; part?: string };
  const rows: Row[] = [];
  let row: Row | undefined;
  for (const line of fragments) {
    const first = line[0]!;
    if (first.column === -1) {
      rows.push({ line: first.line, cells: [], part: first.text });
      row = undefined;
      continue;
    }
    if (first.column === 0) {
      if (!ROW_NUMBER.test(first.text)) doubts.add(`序号列有「${first.text}」`);
      row = { line: first.line, cells: Array.from({ length: width }, () => []) };
      rows.push(row);
    } else if (!row) {
      doubts.add('表格开头有不属于任何一行的文字');
      continue;
    }
    for (const f of line) row.cells[f.column]!.push(f);
  }
  // A cell whose words start below its row's first line (cells centred vertically): its lines may be another row's.
  for (const r of rows) if (!r.part && r.cells.some((cell, c) => c > 0 && cell.length && cell[0]!.line !== r.line)) doubts.add('有的单元格不从本行第一行开始');
  const numbered = rows.filter((r) => !r.part);
  if (!numbered.length) return undefined;
  // Each column's width on the table: a line of a cell shorter than that ended its paragraph (a name per line), a full one wrapped.
  const full = new Array<number>(width).fill(0);
  for (const r of numbered) r.cells.forEach((cell, c) => cell.forEach((f) => (full[c] = Math.max(full[c]!, [...f.text].length))));
  const cellText = (cell: Fragment[], c: number) =>
    cell.reduce((text, f, n) => {
      if (!n) return f.text;
      const previous = cell[n - 1]!.text;
      const wrapped = [...previous].length >= full[c]! - 1;
      const glue = wrapped ? (WIDE.test(previous.slice(-1)) || WIDE.test(f.text[0]!) ? '' : ' ') : '\n';
      return `${text}${glue}${f.text}`;
    }, '');
  const place = (line: number, r: number, c: number) => ({ line: line + 1, cell: `表${tableNumber} 第${r}行第${c}列` });
  const tableRows: TableCell[][] = [header.map((h, c) => ({ text: h.text, place: place(from, 1, c + 1) }))];
  for (const r of rows) {
    const n = tableRows.length + 1;
    if (r.part) tableRows.push(header.map((_, c) => ({ text: r.part!, place: place(r.line, n, c + 1), ...(c ? { merged: true } : {}) })));
    else tableRows.push(r.cells.map((cell, c) => ({ text: cellText(cell, c), place: place(cell[0]?.line ?? r.line, n, c + 1) })));
  }
  const doubt = doubts.size ? `这张表格由 PDF 转成文本（pdftotext -layout），有的地方没有把握读对（${[...doubts].join('；')}），请对照原件核实` : undefined;
  return { table: { kind: 'table', rows: tableRows, line: from + 1, ...(doubt ? { doubt } : {}) }, end };
}
