import type { ItemRow } from '../../query/item-row.js';
import { noteCell, roleCell, STATUS_LABELS } from '../labels.js';
import { stateLabel } from '../state-labels.js';
import type { XlsxColumn, XlsxMark, XlsxRow } from './sheet-table.js';

/** Columns of an item sheet: numbers as numbers (negative days = late), dates as dates. */
export const ITEM_COLUMNS: XlsxColumn[] = [
  { header: '编号', kind: 'item-number' },
  { header: '角色', kind: 'text' },
  { header: '任务', kind: 'long-text' },
  { header: '状态', kind: 'text' },
  { header: '情况', kind: 'text' },
  { header: '时限', kind: 'date' },
  { header: '剩余天数', kind: 'integer' },
  { header: '剩余工作日', kind: 'integer' },
  { header: '完成日期', kind: 'date' },
  { header: '上次进展', kind: 'date' },
  { header: '延期次数', kind: 'integer' },
  { header: '原时限', kind: 'date' },
  { header: '步骤', kind: 'text' },
  { header: '最新进展', kind: 'long-text' },
];

export function markOf(row: Pick<ItemRow, 'state'>): XlsxMark | undefined {
  return row.state === 'overdue' || row.state === 'due_soon' || row.state === 'done' ? row.state : undefined;
}

/** An item row's cells, in ITEM_COLUMNS order; working days are blank when the year's holidays are unknown. */
export function itemCells(row: ItemRow): XlsxRow {
  return {
    values: [row.number, roleCell(row), row.text, STATUS_LABELS[row.status], stateLabel(row), row.due, row.days_left, row.working_days_left, row.done_on, row.last_progress, row.postponed, row.original_due, row.step ? `第 ${row.step.index}/${row.step.total} 步：${row.step.text}（${row.step.due}）` : undefined, noteCell(row) || undefined],
    mark: markOf(row),
  };
}
