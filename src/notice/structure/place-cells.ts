import type { TableCell } from '../blocks.js';
import { readsAsClause } from '../clause/reads-as.js';
import { foldWidth } from '../text.js';
import { cellKind, fits, RESPONSIBILITY, ROW_NUMBER, type Column } from './table-columns.js';

/**
 * A row's cells placed under the columns, for rows that lost their place (copied from text, a cell per line):
 * by what each cell says, keeping their order; a row a span shortened takes the bodies of the row above.
 */

export type Placed = (TableCell | undefined)[];

/**
 * Places the cells of a row copied from text into columns, keeping their order:
 * each cell goes to the next column it fits (a span's missing cells are skipped).
 * A row number no column holds is kept as the row's number. Cells left over start
 * the next row (a table copied one cell per line is one stream of cells).
 */
export function placeCells(cells: TableCell[], columns: Column[], from: number): { placed: Placed; number?: TableCell; next: number } {
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
export function alignRow(row: TableCell[], columns: Column[]): { placed: Placed; number?: TableCell } {
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
export function spannedFromAbove(row: TableCell[], placed: Placed, columns: Column[], above: Placed | undefined): void {
  const isResponsibility = (i: number) => RESPONSIBILITY.has(columns[i]!);
  const filled = row.filter((c) => c.text.trim()).length;
  const wanted = columns.filter((c) => c !== 'note' && c !== 'other' && c !== 'unknown').length;
  if (!above || filled >= wanted || placed.some((c, i) => c?.text.trim() && isResponsibility(i))) return;
  if (!placed.some((c, i) => c?.text.trim() && columns[i] === 'task')) return;
  above.forEach((cell, i) => {
    if (cell && isResponsibility(i) && cell.text.trim()) placed[i] = { ...cell, merged: true };
  });
}

/**
 * A row copied from text whose first task cell is empty under a row that has one, both with words in a later task
 * column (`2 |  | 公开年度决算报告 | 审计部`): the 重点任务 cell above spanned it (merged in the table copied), so the
 * row has it too, as a merged cell of HTML, docx or xlsx gives it to every row it covers.
 */
export function taskSpannedFromAbove(placed: Placed, columns: Column[], above: Placed | undefined): void {
  if (!above) return;
  const has = (cells: Placed, i: number) => !!cells[i]?.text.trim();
  const tasks = columns.map((c, i) => (c === 'task' ? i : -1)).filter((i) => i >= 0);
  for (const [k, i] of tasks.entries()) {
    const later = tasks.slice(k + 1);
    if (has(placed, i) || !has(above, i) || !later.some((j) => has(placed, j)) || !later.some((j) => has(above, j))) continue;
    placed[i] = { ...above[i]!, merged: true };
  }
}
