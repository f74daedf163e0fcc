import type { TableCell } from '../blocks.js';
import { isDeadlineWords, opensWithDeadline, readDeadline } from '../clause/deadline.js';
import { isNameList, opensLikeTaskWords, readsAsClause } from '../clause/reads-as.js';
import { roleOfLabel } from '../clause/labels.js';
import { opensLikeTask } from '../clause/names.js';
import { isPeopleLabel } from '../clause/people-labels.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth } from '../text.js';
import { namesNobody, namesOfCell } from './names-cell.js';
import { remembered } from '../remembered.js';

/**
 * What a table's columns hold: a column known by its header's words, or by what its cells say (a cell's kind,
 * and how well a kind fits a column); where the header row is, and where a header narrower than its rows stands.
 */

export type Column = 'number' | 'task' | 'lead' | 'responsible' | 'cooperate' | 'deadline' | 'note' | 'other' | 'unknown';
export type CellKind = 'empty' | 'number' | 'section' | 'deadline' | 'clause' | 'text';

export const RESPONSIBILITY: ReadonlySet<Column> = new Set(['lead', 'responsible', 'cooperate']);

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
export const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})?[.、．]?|[(（][一二三四五六七八九十]{1,3}[)）])$/;
export const SECTION_START = /^([一二三四五六七八九十]+)[、.．]\s*(.*)$/s;
/** `1.积极推进…`: an item number written at the start of a task cell. */
export const NUMBER_IN_TEXT = /^\s*(\d{1,3})\s*[.、．](?!\d)\s*/;

/** What a cell says, by its words alone (asked of each cell once for every way its row may line up with the header). */
export const cellKind = remembered((text) => readCellKind(text), { longest: 400 });

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
export function fits(kind: CellKind, column: Column): number {
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
export function findHeader(rows: TableCell[][]): { index: number; columns: Column[] } | undefined {
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
export function subHeader(row: TableCell[] | undefined): (TableCell | undefined)[] | undefined {
  if (!row) return undefined;
  const own = row.map((c) => (!c.merged && c.text.trim() ? c : undefined));
  const words = own.filter((c) => c !== undefined);
  if (!words.length || !words.every((c) => c.text.trim().length <= 12 && !['unknown', 'other'].includes(columnOf(c.text)))) return undefined;
  return words.some((c) => RESPONSIBILITY.has(columnOf(c.text))) ? own : undefined;
}

/** Columns the header does not name, known by what their cells say. */
export function classifyByContent(columns: Column[], rows: TableCell[][]): Column[] {
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
export function headerOffset(columns: Column[], full: TableCell[][], width: number): number {
  let best = 0;
  let bestFit = -Infinity;
  for (let offset = 0; offset + columns.length <= width; offset++) {
    let fit = 0;
    for (const row of full) columns.forEach((column, j) => (column !== 'unknown' && column !== 'other' ? (fit += fits(cellKind(row[offset + j]?.text ?? ''), column)) : 0));
    if (fit > bestFit) [best, bestFit] = [offset, fit];
  }
  return best;
}
