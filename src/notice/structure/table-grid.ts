import type { Table, TableCell } from '../blocks.js';
import { readsAsClause } from '../clause/reads-as.js';
import { foldWidth, joinLines } from '../text.js';
import { headerCellLines } from '../header.js';
import { cellKind, classifyByContent, columnOf, findHeader, fits, headerOffset, RESPONSIBILITY, subHeader, type Column } from './table-columns.js';
import { alignRow, placeCells, spannedFromAbove, taskSpannedFromAbove, type Placed } from './place-cells.js';

/**
 * One grid for every table (DOMAIN.md F7, F8): Word, Excel and HTML tables
 * (spans already filled in by the container), pipe rows, a cell per line. Each
 * column is known by its header words AND by its content — a column of unit
 * names is a responsibility column under an unknown header or none, a column of
 * deadline words the deadline, long text the task. Rows copied from text, which
 * lose the cells a span took, are placed column by column by what each cell says.
 */

/** A row without its empty trailing cells (`… | 年底前 | |`). */
function trimEnd(row: TableCell[]): TableCell[] {
  let end = row.length;
  while (end > 0 && !row[end - 1]!.text.trim()) end--;
  return end === row.length ? row : row.slice(0, end);
}

/** True when the table's words look like a 任务分工表 (so a table of something else is left to the other readers). */
export function isTaskTable(table: Table): boolean {
  return readGrid(table) !== undefined;
}

export interface Grid {
  /** A row copied from text has more cells of names alone than the header names role columns (split 牵头/配合 columns, header cut off). */
  moreNameCells?: boolean;
  columns: Column[];
  headerText: string[];
  titleLines: string[];
  /** `left`: words of the row that fit no column (copied from text), left out of it. */
  rows: { cells: Placed; number?: TableCell; left?: string[] }[];
}

/** A table → its columns and rows, placed. Undefined when it has no task and responsibility columns. */
export function readGrid(table: Table): Grid | undefined {
  // A cell stream is one row of every cell; a table of pipe rows may have one row only, and it is a row.
  const stream = table.cellStream ? table.rows[0] : undefined;
  const rows: TableCell[][] = stream ? [] : table.rows;
  let header = findHeader(table.rows);
  let headerRow: TableCell[] = [];
  if (stream) {
    // A cell per line: the header is the run of header words at the start.
    let end = 0;
    while (end < stream.length && columnOf(stream[end]!.text) !== 'unknown' && columnOf(stream[end]!.text) !== 'other') end++;
    if (end < 2) return headerlessStream(stream);
    headerRow = stream.slice(0, end);
    header = { index: -1, columns: headerRow.map((c) => columnOf(c.text)) };
  } else if (header) {
    headerRow = table.rows[header.index]!;
    // A header on two rows (责任单位 over 牵头单位 | 配合单位): the second row's words name the columns under the first's.
    const sub = subHeader(table.rows[header.index + 1]);
    if (sub) {
      header = { index: header.index + 1, columns: header.columns.map((c, j) => (sub[j] ? columnOf(sub[j].text) : c)) };
      headerRow = headerRow.map((cell, j) => sub[j] ?? cell);
    }
  }
  const body: TableCell[][] = rows.slice((header?.index ?? -1) + 1);
  // With no header found, a first row that names people's columns (联络员 | 联系电话) still says those hold no tasks.
  const people = (c: number) => rows[0]?.[c] !== undefined && rows[0]![c]!.text.trim().length <= 12 && columnOf(rows[0]![c]!.text) === 'other';
  let columns = header?.columns ?? Array.from({ length: Math.max(0, ...rows.map((r) => r.length)) }, (_, c): Column => (people(c) ? 'other' : 'unknown'));
  if (!stream && !table.ragged) columns = classifyByContent(columns, body);
  else if (!stream) {
    // Rows copied from text: empty trailing cells say nothing; the full rows (widest once those are gone) show what each column holds.
    const filled = body.map((r) => trimEnd(r));
    const width = Math.max(0, ...filled.map((r) => r.length));
    const full = filled.filter((r) => r.length === width);
    // No header, or one cut off after a few columns: the columns it does not name are known by their cells.
    if (!header) columns = classifyByContent(Array.from({ length: width }, (_, c): Column => (people(c) ? 'other' : 'unknown')), full);
    else {
      // Cut off at its start (`务 | 牵头单位 | 责任单位 | 配合单位`, the page before held `序号 | 工作任`): the header's words
      // stand over the rows' last cells, where their columns fit the cells best. The rows' own empty last cells (`| |`) count here.
      const wide = Math.max(width, ...body.map((r) => r.length));
      const offset = wide > columns.length ? headerOffset(columns, body.filter((r) => r.length === wide), wide) : 0;
      const missing = (n: number) => new Array<Column>(n).fill('unknown');
      if (offset > 0) {
        columns = classifyByContent([...missing(offset), ...columns, ...missing(wide - columns.length - offset)], body.filter((r) => r.length === wide));
        headerRow = [...Array.from({ length: offset }, (): TableCell => ({ text: '', place: headerRow[0]!.place })), ...headerRow];
      } else if (width > columns.length) columns = classifyByContent([...columns, ...missing(width - columns.length)], full); // cut off at its end
    }
  }
  if (!columns.some((c) => RESPONSIBILITY.has(c)) || !columns.some((c) => c === 'task')) return undefined;
  const placedRows: Grid['rows'] = [];
  if (stream) {
    for (let i = headerRow.length; i < stream.length; ) {
      const { placed, number, next } = placeCells(stream, columns, i);
      if (placed.some(Boolean)) placedRows.push({ cells: placed, ...(number ? { number } : {}) });
      i = Math.max(next, i + 1);
    }
  } else if (table.ragged) {
    for (const row of body) {
      // A row whose every cell fits its column where it stands is as it is, its last cells perhaps left off (`2 | | 措施 | A | 长期 |`:
      // the empty cell is the merged 工作任务's); others are placed by their words.
      if (row.length <= columns.length && row.every((cell, i) => fits(cellKind(cell.text), columns[i]!) >= 0)) {
        const cells: Placed = [...row];
        spannedFromAbove(row, cells, columns, placedRows[placedRows.length - 1]?.cells);
        taskSpannedFromAbove(cells, columns, placedRows[placedRows.length - 1]?.cells);
        placedRows.push({ cells });
        continue;
      }
      const { placed, number } = alignRow(row, columns);
      if (!placed.some(Boolean)) continue;
      // A cell no column took is words of the row lost: the row's task is flagged, never read without them unseen.
      const left = row.filter((c) => c.text.trim() && c !== number && !placed.includes(c)).map((c) => c.text.trim());
      spannedFromAbove(row, placed, columns, placedRows[placedRows.length - 1]?.cells);
      taskSpannedFromAbove(placed, columns, placedRows[placedRows.length - 1]?.cells);
      placedRows.push({ cells: placed, ...(number ? { number } : {}), ...(left.length ? { left } : {}) });
    }
  } else for (const row of body) placedRows.push({ cells: row });
  // Headerless tables need rows that read as task rows, not a page laid out in a table.
  if (!header && placedRows.filter((r) => r.cells.some((c, i) => c && RESPONSIBILITY.has(columns[i]!) && c.text.trim())).length < 2) return undefined;
  // Cells of names alone (no role word) say nothing of their role but by their column: more of them in a row than named role columns is a guess.
  const namedRoles = header ? header.columns.filter((c) => RESPONSIBILITY.has(c)).length : 0;
  const bareNames = (c: TableCell) => cellKind(c.text) === 'clause' && !readsAsClause(foldWidth(c.text).trim());
  // A names cell followed by an empty cell, where no header names the columns (none, or one cut off before
  // the names): the empty cell may be a second names column left empty in this row (配合 with nobody).
  const namedWidth = header?.columns.length ?? 0;
  const emptyAfterNames = (row: TableCell[]) => row.some((c, i) => i >= namedWidth && bareNames(c) && row[i + 1]?.text.trim() === '');
  const moreNameCells =
    (stream || table.ragged) && namedRoles < 2 && (stream ? [] : body).some((row) => row.filter(bareNames).length > Math.max(1, namedRoles) || (namedRoles === 0 && emptyAfterNames(row)));
  return {
    ...(moreNameCells ? { moreNameCells } : {}),
    columns,
    headerText: columns.map((_, i) => joinLines(headerRow[i]?.text ?? '').replace(/\s+/g, '')),
    titleLines: header && !stream ? [...new Set(table.rows.slice(0, header.index).flatMap((row) => headerCellLines([...new Set(row.map((c) => c.text.trim()).filter(Boolean))])))] : [],
    rows: placedRows,
  };
}

/**
 * A cell-per-line table with no header: rows are found by their numbers (1, 2, 3 …
 * as cells of their own); the words before a row's number after the previous
 * row's last responsibility or deadline cell are the row's own (a 工作任务 cell in
 * front of its 序号). Each cell goes to a column by what it says.
 */
function headerlessStream(stream: TableCell[]): Grid | undefined {
  const kinds = stream.map((c) => cellKind(c.text));
  const numbers: number[] = [];
  for (let i = 0, want = 1; i < stream.length; i++) {
    if (kinds[i] === 'number' && Number.parseInt(foldWidth(stream[i]!.text), 10) === want) {
      numbers.push(i);
      want++;
    }
  }
  if (numbers.length < 2) return undefined;
  const columns: Column[] = ['task', 'task', 'responsible', 'deadline', 'note'];
  const rows: Grid['rows'] = [];
  let start = 0;
  numbers.forEach((at, k) => {
    const limit = numbers[k + 1] ?? stream.length;
    // This row ends at its last responsibility or deadline cell before the next number.
    let end = at + 1;
    for (let i = at + 1; i < limit; i++) if (kinds[i] === 'clause' || kinds[i] === 'deadline') end = i + 1;
    if (k + 1 === numbers.length) end = limit;
    const cells: Placed = new Array(columns.length).fill(undefined);
    const texts: TableCell[] = [];
    for (let i = start; i < end; i++) {
      if (i === at || kinds[i] === 'empty') continue;
      const kind = kinds[i]!;
      if (kind === 'clause' && !cells[2]) cells[2] = stream[i];
      else if (kind === 'deadline' && !cells[3]) cells[3] = stream[i];
      else if (kind === 'text' || kind === 'section') texts.push(stream[i]!);
      else cells[4] ??= stream[i];
    }
    texts.slice(0, 2).forEach((t, i) => (cells[i] = t));
    if (texts.length > 2) cells[1] = { ...texts[1]!, text: texts.slice(1).map((t) => t.text).join('\n') };
    if (cells[2]) rows.push({ cells, number: stream[at]! });
    start = end;
  });
  if (rows.length < 2) return undefined;
  return { columns, headerText: ['', '', '', '', ''], titleLines: [], rows };
}
