import type { Place, Table, TableCell } from '../blocks.js';
import { isDeadlineWords, opensWithDeadline, readDeadline } from '../clause/deadline.js';
import { isNameList, opensLikeTaskWords, readsAsClause } from '../clause/find-clause.js';
import { roleOfLabel, saysRole } from '../clause/grammar.js';
import { opensLikeTask } from '../clause/names.js';
import { isPeopleLabel } from '../clause/people-labels.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth, joinLines } from '../text.js';
import { headerCellLines } from '../header.js';
import { headingTitle } from './numbered-items.js';
import { asNameList, namesNobody, namesOfCell } from './names-cell.js';
import type { Recognised } from './raw-unit.js';
import { remembered } from '../remembered.js';

/**
 * One grid for every table (DOMAIN.md F7, F8): Word, Excel and HTML tables
 * (spans already filled in by the container), pipe rows, a cell per line. Each
 * column is known by its header words AND by its content — a column of unit
 * names is a responsibility column under an unknown header or none, a column of
 * deadline words the deadline, long text the task. Rows copied from text, which
 * lose the cells a span took, are placed column by column by what each cell says.
 */

export type Column = 'number' | 'task' | 'lead' | 'responsible' | 'cooperate' | 'deadline' | 'note' | 'other' | 'unknown';
type CellKind = 'empty' | 'number' | 'section' | 'deadline' | 'clause' | 'text';

const RESPONSIBILITY: ReadonlySet<Column> = new Set(['lead', 'responsible', 'cooperate']);

export function columnOf(header: string): Column {
  const word = toSimplified(foldWidth(header)).replace(/\s+/g, '');
  if (!word) return 'unknown';
  if (/^(序号|编号|序|号)$/.test(word)) return 'number';
  // People, not bodies: 责任领导, 分管领导, 责任人, 联系人, 联络员 (and how to reach them) are never read as departments.
  if (isPeopleLabel(word)) return 'other';
  const role = roleOfLabel(word) ?? (/^(牵头|主办)/.test(word) ? 'lead' : /^(责任|主责|承办)/.test(word) ? 'responsible' : /^(配合|协办|参与|协同)/.test(word) ? 'cooperate' : /时限|时间|期限|进度/.test(word) ? 'deadline' : undefined);
  if (role === 'deadline' || role === 'lead' || role === 'responsible' || role === 'cooperate') return role;
  if (/备注|说明/.test(word)) return 'note';
  if (/任务|内容|事项|措施|分工|要点|工作|项目|要求/.test(word)) return 'task';
  return 'unknown';
}

/**
 * Deadline words in a cell: only time words (长期推进, 视情况而定), or dated words (YYYY年2月公布…). A task `做好常态化…发布`
 * is not one, nor a task's words with a date inside (`公开根治欠薪工作进展,8月前完成年中通报。`): they open like a task.
 */
const looksLikeDeadline = (text: string) =>
  !!text &&
  text.length <= 40 &&
  (isDeadlineWords(text) || (/\d\s*[年月]|季度|年底|年内|年末|半年/.test(text) && !opensLikeTaskWords(text.trim()) && onlyDeadlineParts(text) && readDeadline(toSimplified(text), 2000).kind !== 'unknown'));
/**
 * Every part of the words is a deadline's (`2023年2月公布预算，8月公布决算`, `6月底前完成，长期坚持`): a task's words
 * with a deadline in one part (`集中公开规范性文件,9月底前完成清理结果公开。`) are the task, whatever the deadline says.
 */
const onlyDeadlineParts = (text: string) =>
  toSimplified(foldWidth(text))
    .split(/[,，;；。]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .every((part) => opensWithDeadline(part));
const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})?[.、．]?|[(（][一二三四五六七八九十]{1,3}[)）])$/;
const SECTION_START = /^([一二三四五六七八九十]+)[、.．]\s*(.*)$/s;

/** What a cell says, by its words alone (asked of each cell once for every way its row may line up with the header). */
const cellKind = remembered((text) => readCellKind(text), { longest: 400 });

function readCellKind(text: string): CellKind {
  const words = foldWidth(text).trim();
  // —, /, 无 in a cell says nobody (配合单位), no time (完成时限), nothing more (备注): an empty cell, whatever the column.
  if (!words || namesNobody(words)) return 'empty';
  if (ROW_NUMBER.test(words)) return 'number';
  // Time words alone (每月, 长期, 随到随办) before names: `…办` ends a name too, but no body is called 随到随办.
  if (words.length <= 12 && isDeadlineWords(words)) return 'deadline';
  if (words.length <= 80 && !/。./.test(words) && (readsAsClause(words) || (!opensLikeTask(words.replace(NUMBER_IN_TEXT, '')) && !NUMBER_IN_TEXT.test(words) && isNameList(words.replace(/[。;；]$/, ''))))) return 'clause';
  // Names however separated (`市财政局,市税务局`, `各县(市、区)人民政府，市直有关单位`): a names cell, not a task's words.
  if (!NUMBER_IN_TEXT.test(words) && namesOfCell(words)) return 'clause';
  if (looksLikeDeadline(words)) return 'deadline';
  if (SECTION_START.test(words)) return 'section';
  return 'text';
}

/** How well a cell of a kind fits a column: positive fits, negative does not. */
function fits(kind: CellKind, column: Column): number {
  if (kind === 'empty') return 0;
  if (column === 'other' || column === 'unknown') return kind === 'text' ? 0 : -1;
  switch (kind) {
    case 'number':
      return column === 'number' ? 4 : -3;
    case 'deadline':
      return column === 'deadline' ? 4 : column === 'note' ? 1 : -2;
    case 'clause':
      return RESPONSIBILITY.has(column) ? 4 : column === 'note' ? 0 : -2;
    case 'section':
    case 'text':
      return column === 'task' ? 3 : column === 'note' ? 1 : -4;
  }
}

/** The header: the first row with a responsibility column and one other known column. */
function findHeader(rows: TableCell[][]): { index: number; columns: Column[] } | undefined {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    // Header words are short; a title merged across the row counts once.
    const columns = rows[i]!.map((c) => (c.text.trim().length <= 12 ? columnOf(c.text) : 'unknown'));
    const known = columns.filter((c, j) => c !== 'unknown' && c !== 'other' && !rows[i]![j]!.merged).length;
    if (known >= 2 && columns.some((c) => RESPONSIBILITY.has(c) || c === 'task')) return { index: i, columns };
  }
  return undefined;
}

/**
 * The second row of a two-row header: every cell of its own (not a span from above,
 * not empty) a short column word, one of them a role column. Undefined when the row is data.
 */
function subHeader(row: TableCell[] | undefined): (TableCell | undefined)[] | undefined {
  if (!row) return undefined;
  const own = row.map((c) => (!c.merged && c.text.trim() ? c : undefined));
  const words = own.filter((c) => c !== undefined);
  if (!words.length || !words.every((c) => c.text.trim().length <= 12 && !['unknown', 'other'].includes(columnOf(c.text)))) return undefined;
  return words.some((c) => RESPONSIBILITY.has(columnOf(c.text))) ? own : undefined;
}

/** Columns the header does not name, known by what their cells say. */
function classifyByContent(columns: Column[], rows: TableCell[][]): Column[] {
  return columns.map((column, c) => {
    if (column !== 'unknown') return column;
    const kinds = rows.map((r) => r[c]).filter((cell) => cell && !cell.merged && cell.text.trim()).map((cell) => cellKind(cell!.text));
    if (!kinds.length) return 'unknown';
    const share = (k: CellKind) => kinds.filter((x) => x === k).length / kinds.length;
    if (share('clause') >= 0.6) return 'responsible';
    if (share('deadline') >= 0.6) return 'deadline';
    if (share('number') >= 0.6) return 'number';
    return share('text') + share('section') >= 0.6 ? 'task' : 'unknown';
  });
}

/**
 * Where a header narrower than its rows stands over them: the shift (0 = over the first cells) at which
 * the columns its words name fit the full rows' cells best; the first of equals.
 */
function headerOffset(columns: Column[], full: TableCell[][], width: number): number {
  let best = 0;
  let bestFit = -Infinity;
  for (let offset = 0; offset + columns.length <= width; offset++) {
    let fit = 0;
    for (const row of full) columns.forEach((column, j) => (column !== 'unknown' && column !== 'other' ? (fit += fits(cellKind(row[offset + j]?.text ?? ''), column)) : 0));
    if (fit > bestFit) [best, bestFit] = [offset, fit];
  }
  return best;
}

type Placed = (TableCell | undefined)[];

/** A row without its empty trailing cells (`… | 年底前 | |`). */
function trimEnd(row: TableCell[]): TableCell[] {
  let end = row.length;
  while (end > 0 && !row[end - 1]!.text.trim()) end--;
  return end === row.length ? row : row.slice(0, end);
}

/**
 * Places the cells of a row copied from text into columns, keeping their order:
 * each cell goes to the next column it fits (a span's missing cells are skipped).
 * A row number no column holds is kept as the row's number. Cells left over start
 * the next row (a table copied one cell per line is one stream of cells).
 */
function placeCells(cells: TableCell[], columns: Column[], from: number): { placed: Placed; number?: TableCell; next: number } {
  const placed: Placed = new Array(columns.length).fill(undefined);
  let number: TableCell | undefined;
  let last = -1;
  let i = from;
  for (; i < cells.length; i++) {
    const cell = cells[i]!;
    const kind = cellKind(cell.text);
    if (kind === 'empty') {
      if (last >= 0) last++;
      if (last >= columns.length - 1 && last >= 0) { i++; break; }
      continue;
    }
    if (kind === 'number' && !columns.includes('number')) {
      if (number) break; // a second row number: a new row
      number = cell;
      continue;
    }
    let target = -1;
    for (let c = last + 1; c < columns.length; c++) if (fits(kind, columns[c]!) > 0) { target = c; break; }
    // Words that only look like names (`公开…月报`) before a task column is filled, the names cell after them: the task's words.
    const taskBefore = columns.findIndex((c, j) => j > last && j < target && c === 'task');
    if (kind === 'clause' && taskBefore >= 0 && !readsAsClause(foldWidth(cell.text).trim()) && cellKind(cells[i + 1]?.text ?? '') === 'clause') target = taskBefore;
    if (target < 0) {
      if (last < 0 && !number) continue; // a stray cell before any row: left out
      break;
    }
    placed[target] = cell;
    last = target;
    if (last === columns.length - 1 || columns.slice(last + 1).every((c) => c === 'note' || c === 'other' || c === 'unknown')) {
      // The row's last column: a following note cell (not a new row) is the row's too.
      i++;
      if (i < cells.length && columns[last + 1] === 'note' && cellKind(cells[i]!.text) === 'text' && cells[i]!.text.length <= 30 && !ROW_NUMBER.test(cells[i + 1]?.text ?? '')) placed[last + 1] = cells[i++];
      break;
    }
  }
  return { placed, ...(number ? { number } : {}), next: i };
}

/** How much a cell fits a column, for aligning a row: a bare list of names (`…专区` may be one) fits a task column a little. */
function score(cell: TableCell, column: Column): number {
  const kind = cellKind(cell.text);
  if (kind === 'clause' && !readsAsClause(foldWidth(cell.text).trim())) return RESPONSIBILITY.has(column) ? 3 : column === 'task' ? 1 : column === 'note' ? 0 : -2;
  return fits(kind, column);
}

/** Leaving a cell out of its row costs more than any misfit a row would accept. */
const DROPPED = -3;
/** A row with no task words is not a task row: aligning it so costs this much. */
const NO_TASK = -4;

/**
 * Aligns a row copied from text with the columns, keeping the cells' order:
 * the placing with the best total fit, cells a span took simply missing
 * (a short row), every task row with its task words. A row number no column
 * holds is kept as the row's number.
 */
function alignRow(row: TableCell[], columns: Column[]): { placed: Placed; number?: TableCell } {
  let cells = row.filter((c) => c.text.trim());
  let number: TableCell | undefined;
  if (!columns.includes('number') && cells[0] && cellKind(cells[0].text) === 'number') [number, ...cells] = cells;
  const n = cells.length;
  const width = columns.length;
  // best[i][c][t]: the best score for cells i.. placed in columns c.., t = a task column filled already.
  const best: number[][][] = Array.from({ length: n + 1 }, () => Array.from({ length: width + 1 }, () => [0, 0]));
  const choice: number[][][] = Array.from({ length: n + 1 }, () => Array.from({ length: width + 1 }, () => [-1, -1]));
  for (let i = n; i >= 0; i--) {
    for (let c = width; c >= 0; c--) {
      for (const t of [0, 1]) {
        if (i === n) {
          best[i]![c]![t] = t ? 0 : NO_TASK;
          continue;
        }
        // Leave cell i out, or put it in column j ≥ c.
        let top = DROPPED + best[i + 1]![c]![t]!;
        let pick = -1;
        for (let j = c; j < width; j++) {
          const fit = score(cells[i]!, columns[j]!);
          if (fit < 0) continue;
          const value = fit + best[i + 1]![j + 1]![t || columns[j] === 'task' ? 1 : 0]!;
          if (value > top) {
            top = value;
            pick = j;
          }
        }
        best[i]![c]![t] = top;
        choice[i]![c]![t] = pick;
      }
    }
  }
  const placed: Placed = new Array(width).fill(undefined);
  for (let i = 0, c = 0, t = 0; i < n; i++) {
    const j = choice[i]![c]![t]!;
    if (j < 0) continue;
    placed[j] = cells[i];
    c = j + 1;
    if (columns[j] === 'task') t = 1;
  }
  return { placed, ...(number ? { number } : {}) };
}

/**
 * A row copied from text that is short of cells and has no responsibility cell:
 * the cell above spanned it (merged over both rows), so the row has the bodies
 * of the row above.
 */
function spannedFromAbove(row: TableCell[], placed: Placed, columns: Column[], above: Placed | undefined): void {
  const isResponsibility = (i: number) => RESPONSIBILITY.has(columns[i]!);
  const filled = row.filter((c) => c.text.trim()).length;
  const wanted = columns.filter((c) => c !== 'note' && c !== 'other' && c !== 'unknown').length;
  if (!above || filled >= wanted || placed.some((c, i) => c?.text.trim() && isResponsibility(i))) return;
  if (!placed.some((c, i) => c?.text.trim() && columns[i] === 'task')) return;
  above.forEach((cell, i) => {
    if (cell && isResponsibility(i) && cell.text.trim()) placed[i] = { ...cell, merged: true };
  });
}

/** True when the table's words look like a 任务分工表 (so a table of something else is left to the other readers). */
export function isTaskTable(table: Table): boolean {
  return readGrid(table) !== undefined;
}

interface Grid {
  /** A row copied from text has more cells of names alone than the header names role columns (split 牵头/配合 columns, header cut off). */
  moreNameCells?: boolean;
  columns: Column[];
  headerText: string[];
  titleLines: string[];
  /** `left`: words of the row that fit no column (copied from text), left out of it. */
  rows: { cells: Placed; number?: TableCell; left?: string[] }[];
}

/** A table → its columns and rows, placed. Undefined when it has no task and responsibility columns. */
function readGrid(table: Table): Grid | undefined {
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
      // A full row whose every cell fits its column stands as it is; others are placed by their words.
      if (row.length === columns.length && row.every((cell, i) => fits(cellKind(cell.text), columns[i]!) >= 0)) {
        const cells: Placed = [...row];
        spannedFromAbove(row, cells, columns, placedRows[placedRows.length - 1]?.cells);
        placedRows.push({ cells });
        continue;
      }
      const { placed, number } = alignRow(row, columns);
      if (!placed.some(Boolean)) continue;
      // A cell no column took is words of the row lost: the row's task is flagged, never read without them unseen.
      const left = row.filter((c) => c.text.trim() && c !== number && !placed.includes(c)).map((c) => c.text.trim());
      spannedFromAbove(row, placed, columns, placedRows[placedRows.length - 1]?.cells);
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

/**
 * A names cell whose lines are names or parts of a clause (Alt+Enter in Excel, a
 * paragraph per name in Word): the lines are names of a list (`、`), or parts after a
 * role word (`，`); a name wrapped over two lines is joined as one.
 */
function namesCellText(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return asNameList(joinLines(text));
  let out = lines[0]!;
  for (const line of lines.slice(1)) {
    const previous = toSimplified(out);
    const next = toSimplified(line);
    if (/[,，;；、]$/.test(previous) || /^[,，;；、]/.test(next)) out += line;
    else if (saysRole(previous.split(/[,，;；]/).pop()!)) out += `，${line}`;
    else if (isNameList(previous.split(/[,，;；]/).pop()!) && (isNameList(next) || readsAsClause(next))) out += `、${line}`;
    else out = joinLines(`${out}\n${line}`);
  }
  // Names a comma separates (`市财政局,市税务局`) are a list: in a names cell a comma never separates roles.
  return asNameList(out);
}

/** `1.积极推进…`: an item number written at the start of a task cell. */
const NUMBER_IN_TEXT = /^\s*(\d{1,3})\s*[.、．](?!\d)\s*/;

export function taskTable(table: Table, currentSection: string): Recognised & { section: string; titleLines: string[] } {
  const grid = readGrid(table);
  const result: Recognised & { section: string; titleLines: string[] } = { sections: [], units: [], section: currentSection, titleLines: grid?.titleLines ?? [] };
  if (!grid) return result;
  const { columns, headerText } = grid;
  const responsibilityColumns = columns.filter((c) => RESPONSIBILITY.has(c)).length;
  // Several columns of names with no header saying which leads (a header cut off or missing): the roles are a guess.
  const unnamed = columns.map((c, i) => (RESPONSIBILITY.has(c) && !RESPONSIBILITY.has(columnOf(headerText[i] ?? '')) ? i + 1 : 0)).filter(Boolean);
  const doubt =
    (responsibilityColumns > 1 && unnamed.length) || grid.moreNameCells ? `表头缺失或不全，${unnamed.length ? `第${unnamed.join('、')}列` : '有的行'}的部门名称不知道是牵头、责任还是配合` : table.doubt;
  let lastNumber = '';
  let sub = 0;
  let running = 0;
  const parts: TablePart[] = [];
  for (const row of grid.rows) {
    const cells = row.cells;
    // A names cell that says nobody (—, /, 无: no 配合单位 for this task) is an empty one, not a name.
    const texts = cells.map((c, i) => (RESPONSIBILITY.has(columns[i]!) ? (namesNobody(c?.text ?? '') ? '' : namesCellText(c?.text ?? '')) : joinLines(c?.text ?? '')));
    const filled = texts.filter(Boolean);
    if (!filled.length) continue;
    // A row spanning the whole table (or starting 一、 with nothing else of its own) is a section heading:
    // bodies a short row took from the row above (a span) are not its own.
    const own = texts.filter((t, i) => t && !cells[i]!.merged);
    const section = SECTION_START.exec(foldWidth(own[0] ?? filled[0]!));
    if (new Set(filled).size === 1 || (section && own.length <= 2 && !cells.some((c, i) => c && !c.merged && RESPONSIBILITY.has(columns[i]!) && c.text.trim()))) {
      const heading = section ?? [, '', filled[0]!];
      if (heading[1]) {
        result.section = heading[1];
        result.sections.push({ number: heading[1], title: headingTitle(heading[2] ?? '') });
      }
      continue;
    }
    const at = (kind: Column) => cells.map((c, i) => (columns[i] === kind && c && texts[i] ? { cell: c, text: texts[i]!, header: headerText[i]!, column: i } : undefined)).filter((x) => x !== undefined);
    // A task cell opening with 一、 (merged over the rows of its part) is the part's heading.
    let task = [...new Set(at('task').map((t) => t.text))];
    const heading = task.length > 1 || (task.length === 1 && at('task')[0]!.cell.merged) ? SECTION_START.exec(foldWidth(task[0]!)) : undefined;
    if (heading) {
      if (result.section !== heading[1]) result.sections.push({ number: heading[1]!, title: headingTitle(heading[2] ?? '') });
      result.section = heading[1]!;
      task = task.slice(1);
    }
    const numberCell = at('number')[0] ?? (row.number ? { cell: row.number, text: foldWidth(row.number.text).replace(/[.、]$/, '') } : undefined);
    // The item's number written at the start of a task cell (after a 重点任务 cell, often).
    const numbered = task.findIndex((t) => NUMBER_IN_TEXT.test(foldWidth(t)));
    const written = numbered >= 0 ? NUMBER_IN_TEXT.exec(foldWidth(task[numbered]!)) : null;
    let number: string;
    const deadline = at('deadline')[0];
    // A 备注 cell, or a column whose header the reader does not know (工作标准 read as task is the task's), is the
    // plan's word on the item too: kept after the task's words under its header, never dropped.
    // A 备注 that reads wholly as a clause (`审计科配合`, `各所属企业按职责分工负责`) adds to the row's roles instead.
    const remarked = (i: number) => (columns[i] === 'note' || columns[i] === 'unknown') && !!cells[i] && !cells[i]!.merged && !!headerText[i] && !!texts[i] && !namesNobody(texts[i]!);
    const remarkClause = (i: number) => columns[i] === 'note' && remarkReadsAsClause(texts[i]!);
    const remarks = cells.map((_, i) => (remarked(i) && !remarkClause(i) ? `（${headerText[i]}：${texts[i]}）` : '')).join('');
    const remarkClauses = cells.map((c, i) => (remarked(i) && remarkClause(i) ? { cell: c!, text: texts[i]!, header: headerText[i]!, column: i } : undefined)).filter((x) => x !== undefined);
    const responsibility = [...at('lead'), ...at('responsible'), ...at('cooperate'), ...remarkClauses];
    // A row under a merged 序号 (or one whose 序号 a span took) that lacks task words or bodies of its own is
    // the same task spread over another row (a row per body, per line of its words): one item, its words
    // joined and its bodies collected. Only a row with both is a task of its own (N.1, N.2).
    const previous = parts[parts.length - 1];
    const spanned = numberCell ? numberCell.cell.merged : !written && !!lastNumber;
    const ownTask = task.length > 0 && cells.some((c, i) => columns[i] === 'task' && c && !c.merged && texts[i]);
    const ownBodies = cells.some((c, i) => RESPONSIBILITY.has(columns[i]!) && c && !c.merged && texts[i]);
    if (previous && previous.section === result.section && spanned && !(ownTask && ownBodies)) {
      for (const words of task) if (!previous.task.includes(words) && !previous.more.includes(words)) previous.more.push(words);
      previous.remarks += remarks;
      for (const r of responsibility) if (!previous.responsibility.some((p) => p.cell === r.cell || (p.header === r.header && p.text === r.text))) previous.responsibility.push(r);
      if (deadline && !previous.deadlines.some((d) => d.text === deadline.text)) previous.deadlines.push(deadline);
      previous.left.push(...(row.left ?? []));
      continue;
    }
    if (numberCell && numberCell.cell.merged) number = `${lastNumber}.${++sub}`;
    else if (numberCell) {
      lastNumber = numberCell.text;
      sub = 1;
      number = numberCell.text;
    } else if (written) {
      number = written[1]!;
      task[numbered] = task[numbered]!.slice(written[0].length);
    } else if (lastNumber) number = `${lastNumber}.${++sub}`; // a row whose 序号 a span took: the numbered row's next part
    else number = String(++running);
    const firstCell = cells.find((c) => c)!;
    parts.push({ number, section: result.section, place: { ...firstCell.place }, task, more: [], remarks, responsibility, deadlines: deadline ? [deadline] : [], left: [...(row.left ?? [])], ...(!numberCell && !written ? { unnumbered: true } : {}) });
  }
  // A row of its own with no 序号 between N and N+2 (a copy that lost the number) is N+1, not N's second part.
  parts.forEach((part, i) => {
    const n = /^(\d+)\.2$/.exec(part.number);
    if (part.unnumbered && n && parts[i - 1]?.number === n[1] && parts[i + 1]?.number === String(Number(n[1]) + 2)) part.number = String(Number(n[1]) + 1);
  });
  for (const part of parts) {
    // Names of one column over several rows are one list; a cell with role words keeps them (A牵头，B配合).
    const byColumn = new Map<string, string[]>();
    const remarked = part.responsibility.filter((r) => columns[r.column] === 'note').map((r) => r.text);
    for (const r of part.responsibility) if (columns[r.column] !== 'note') byColumn.set(r.header, [...(byColumn.get(r.header) ?? []), r.text]);
    const joined = (texts: string[]) => texts.join(texts.some((t) => saysRole(toSimplified(t))) ? '，' : '、');
    // One responsibility column is read with the clause grammar as it stands (A会B,
    // …等按职责分工落实); several become a labelled clause: 牵头单位:…；配合单位:…; the
    // grammar reads role words inside the cells too (甲类由A牵头、乙类由B牵头).
    const single = responsibilityColumns === 1 && !columns.includes('lead') && !columns.includes('cooperate');
    const named = single
      ? joined([...byColumn.values()].flat())
      : [...byColumn].map(([header, texts]) => {
          const column = columns[part.responsibility.find((r) => r.header === header)!.column]!;
          return `${roleOfLabel(header) ? header : labelFor(column)}:${joined(texts)}`;
        }).join('；');
    // A clause written in the 备注 is a part of its own after the columns' (`牵头部门:A；审计部配合`).
    const clause = [named, ...remarked].filter(Boolean).join('；');
    const deadline = part.deadlines[0];
    const lost = part.left.length ? `表格这一行的「${part.left.join('」「')}」不知道属于哪一列，没有读入` : undefined;
    const unitDoubt = [clause ? doubt : undefined, lost].filter(Boolean).join('；');
    result.units.push({
      number: part.number,
      section: part.section,
      content: [part.task.join('：'), ...part.more].join('；') + part.remarks,
      place: part.place,
      headings: [],
      columns: {
        ...(clause ? { clause, clausePlace: part.responsibility[0]!.cell.place } : {}),
        ...(deadline ? { dueText: part.deadlines.map((d) => d.text).join('，'), duePlace: deadline.cell.place } : {}),
        ...(unitDoubt ? { doubt: unitDoubt } : {}),
      },
    });
  }
  // A merged 序号's first row: renumber N → N.1 when N.2 follows.
  result.units.forEach((unit, i) => {
    const next = result.units[i + 1];
    if (next && next.number === `${unit.number}.2`) unit.number = `${unit.number}.1`;
  });
  return result;
}

/** A remark that is a clause and nothing else: role words over names (`审计科配合`), no task's words. */
function remarkReadsAsClause(text: string): boolean {
  const words = toSimplified(foldWidth(text)).trim().replace(/[。;；]$/, '');
  return words.length <= 60 && readsAsClause(words);
}

/** The label a responsibility column stands for when its header is not one the grammar reads. */
function labelFor(column: Column): string {
  return column === 'lead' ? '牵头单位' : column === 'cooperate' ? '配合单位' : '责任单位';
}

/** One item of a table as its rows are read: a row of its own, then the rows that continue it. */
interface TablePart {
  number: string;
  section: string;
  place: Place;
  task: string[];
  /** Words of the rows that continue it. */
  more: string[];
  remarks: string;
  responsibility: { cell: TableCell; text: string; header: string; column: number }[];
  deadlines: { cell: TableCell; text: string }[];
  /** Words of its rows that fit no column. */
  left: string[];
  /** No 序号 of its own (none in the row, none written in its words). */
  unnumbered?: boolean;
}
