import type { Place, Table, TableCell } from '../blocks.js';
import { readDeadline } from '../clause/deadline.js';
import { roleOfLabel } from '../clause/grammar.js';
import { toSimplified } from '../clause/traditional.js';
import { foldWidth, joinLines } from '../text.js';
import { headingTitle } from './numbered-items.js';
import type { RawUnit, Recognised } from './raw-unit.js';

/**
 * A 任务分工表 / 重点任务台账: recognised by its header words (序号, 工作任务,
 * 责任单位, 完成时限 …), each row below the header a unit. Merged cells arrive
 * filled in by the container; a merged 序号 numbers its rows 1.1, 1.2 ….
 */

type Column = 'number' | 'task' | 'lead' | 'responsible' | 'cooperate' | 'deadline' | 'note' | 'other';

function columnOf(header: string): Column {
  const word = toSimplified(foldWidth(header)).replace(/\s+/g, '');
  if (!word) return 'other';
  if (/^(序号|编号|序|号)$/.test(word)) return 'number';
  // People, not bodies: 责任领导, 分管领导, 责任人, 联系人 are never read as departments.
  if (/领导|负责人|责任人|联系人|电话/.test(word)) return 'other';
  const role = roleOfLabel(word) ?? (/^(牵头|主办)/.test(word) ? 'lead' : /^(责任|主责|承办)/.test(word) ? 'responsible' : /^(配合|协办|参与)/.test(word) ? 'cooperate' : /时限|时间|期限|进度/.test(word) ? 'deadline' : undefined);
  if (role === 'deadline' || role === 'lead' || role === 'responsible' || role === 'cooperate') return role;
  if (/备注|说明/.test(word)) return 'note';
  if (/任务|内容|事项|措施|分工|要点|工作|项目/.test(word)) return 'task';
  return 'other';
}

/** The header: the first row with a responsibility column and at least one other known column. */
function findHeader(rows: TableCell[][]): { index: number; columns: Column[] } | undefined {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns = rows[i]!.map((c) => columnOf(c.text));
    const responsibility = columns.some((c) => c === 'lead' || c === 'responsible' || c === 'cooperate');
    const known = columns.filter((c) => c !== 'other').length;
    if (responsibility && known >= 2) return { index: i, columns };
  }
  return undefined;
}

/** True when the table's words look like a 任务分工表 (so a table of something else is left to the other readers). */
export function isTaskTable(table: Table): boolean {
  return findHeader(table.rows) !== undefined;
}

const looksLikeDeadline = (text: string) => !!text && text.length <= 40 && readDeadline(toSimplified(text), 2000).kind !== 'unknown';

/**
 * A row copied from text may miss cells that a row span or a column span took:
 * the deadline cell is found by its words, cells after it fill the columns after
 * the deadline column, cells before it fill the columns before, right-aligned,
 * after the 序号.
 */
function alignRagged(cells: TableCell[], columns: Column[]): (TableCell | undefined)[] {
  if (cells.length >= columns.length) return cells;
  const aligned: (TableCell | undefined)[] = new Array(columns.length).fill(undefined);
  const deadlineColumn = columns.indexOf('deadline');
  let deadlineCell = -1;
  for (let i = cells.length - 1; i >= 0; i--) if (looksLikeDeadline(cells[i]!.text)) { deadlineCell = i; break; }
  const numberFirst = columns[0] === 'number' && /^\d+$/.test(cells[0]?.text ?? '') ? 1 : 0;
  if (numberFirst) aligned[0] = cells[0];
  const anchorCell = deadlineColumn >= 0 && deadlineCell >= numberFirst ? deadlineCell : cells.length;
  const anchorColumn = deadlineColumn >= 0 && deadlineCell >= numberFirst ? deadlineColumn : columns.length;
  for (let i = anchorCell, c = anchorColumn; i < cells.length && c < columns.length; i++, c++) aligned[c] = cells[i];
  for (let i = anchorCell - 1, c = anchorColumn - 1; i >= numberFirst && c >= numberFirst; i--, c--) aligned[c] = cells[i];
  return aligned;
}

const SECTION_ROW = /^([一二三四五六七八九十]+)[、.．]\s*(.*)$/;

export function taskTable(table: Table, currentSection: string): Recognised & { section: string; titleLines: string[] } {
  const result: Recognised & { section: string; titleLines: string[] } = { sections: [], units: [], section: currentSection, titleLines: [] };
  const header = findHeader(table.rows);
  if (!header) return result;
  const { columns } = header;
  const headerText = table.rows[header.index]!.map((c) => joinLines(c.text).replace(/\s+/g, ''));
  const responsibilityColumns = columns.filter((c) => c === 'lead' || c === 'responsible' || c === 'cooperate').length;
  // Rows above the header: the table's title (…任务分工表), part of the notice's header.
  result.titleLines = [...new Set(table.rows.slice(0, header.index).flatMap((row) => row.map((c) => c.text.trim()).filter(Boolean)))];
  let lastNumber = '';
  let sub = 0;
  let running = 0;
  for (const row of table.rows.slice(header.index + 1)) {
    const cells = table.ragged ? alignRagged(row, columns) : row;
    const texts = cells.map((c) => joinLines(c?.text ?? ''));
    const filled = texts.filter(Boolean);
    if (!filled.length) continue;
    // A row spanning the whole table (or starting 一、) is a section heading.
    const section = SECTION_ROW.exec(foldWidth(filled[0]!));
    if (new Set(filled).size === 1 || (section && filled.length <= 2 && columns[texts.indexOf(filled[0]!)] !== 'task')) {
      const heading = section ?? [, '', filled[0]!];
      if (heading[1]) {
        result.section = heading[1];
        result.sections.push({ number: heading[1], title: headingTitle(heading[2] ?? '') });
      }
      continue;
    }
    const at = (kind: Column) => cells.map((c, i) => (columns[i] === kind && c && texts[i] ? { cell: c, text: texts[i]!, header: headerText[i]! } : undefined)).filter((x) => x !== undefined);
    const numberCell = at('number')[0];
    let number: string;
    if (numberCell && numberCell.cell.merged) number = `${lastNumber}.${++sub}`;
    else if (numberCell) {
      lastNumber = numberCell.text;
      sub = 1;
      number = numberCell.text;
      // The first row of a merged 序号 is numbered like the ones after it.
    } else number = String(++running);
    const task = [...new Set(at('task').map((t) => t.text))];
    const responsibility = [...at('lead'), ...at('responsible'), ...at('cooperate')];
    const onlyResponsible = responsibilityColumns === 1 && columns.includes('responsible');
    // One 责任单位 column is read with the clause grammar (宣传处会办公室, …等按职责分工落实);
    // labelled columns become a labelled clause: 牵头单位:…；配合单位:….
    const clause = onlyResponsible ? responsibility[0]!.text : responsibility.map((r) => `${r.header}:${r.text}`).join('；');
    const deadline = at('deadline')[0];
    const firstCell = cells.find((c) => c)!;
    const place: Place = { ...firstCell.place };
    const unit: RawUnit = {
      number,
      section: result.section,
      content: task.join('：'),
      place,
      headings: [],
      columns: {
        ...(clause ? { clause, clausePlace: responsibility[0]!.cell.place } : {}),
        ...(deadline ? { dueText: deadline.text, duePlace: deadline.cell.place } : {}),
      },
    };
    result.units.push(unit);
  }
  // A merged 序号's first row: renumber N → N.1 when N.2 follows.
  result.units.forEach((unit, i) => {
    const next = result.units[i + 1];
    if (next && next.number === `${unit.number}.2`) unit.number = `${unit.number}.1`;
  });
  return result;
}
