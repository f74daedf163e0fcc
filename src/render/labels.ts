import { KIND_LABELS } from '../model/department.js';
import { ROLE_LABELS } from '../model/role.js';
import { STATUS_LABELS } from '../model/status.js';
import type { DeadlineState } from '../query/deadline.js';
import type { ItemRow } from '../query/item-row.js';
import type { DocColumn, DocRow, Tone } from './table-doc.js';

export { KIND_LABELS, ROLE_LABELS, STATUS_LABELS };

/** 牵头, 牵头（规章）, 配合（经由直属单位） */
export function roleCell(row: Pick<ItemRow, 'role' | 'scope' | 'via'>): string {
  if (!row.role) return '';
  const extra = [row.scope, row.via ? `经由${row.via}` : undefined].filter(Boolean).join('，');
  return extra ? `${ROLE_LABELS[row.role]}（${extra}）` : ROLE_LABELS[row.role];
}

function working(n: number | null): string {
  return n === null ? '? 个工作日' : `${n} 个工作日`;
}

/** 逾期 30 天（20 个工作日） / 剩余 5 天（3 个工作日） / 上次进展 2021-10-01 */
export function timeCell(row: ItemRow): string {
  switch (row.state) {
    case 'done':
      return row.done_on ? `${row.done_on} 完成` : '已完成';
    case 'cancelled':
      return '—';
    case 'ongoing':
      return `${row.stale ? '久未更新，' : ''}${row.last_progress ? `上次进展 ${row.last_progress}` : '尚无进展记录'}`;
    case 'overdue':
      return `逾期 ${-row.days_left} 天（${working(row.working_days_left === null ? null : -row.working_days_left)}）`;
    default:
      return row.days_left === 0 ? '今天到期' : `剩余 ${row.days_left} 天（${working(row.working_days_left)}）`;
  }
}

/** 未启动 · 临期 */
export function statusCell(row: ItemRow): string {
  const flag: Partial<Record<DeadlineState, string>> = { overdue: '逾期', due_soon: '临期' };
  const marker = flag[row.state] ?? (row.stale ? '久未更新' : undefined);
  return marker ? `${STATUS_LABELS[row.status]}·${marker}` : STATUS_LABELS[row.status];
}

export function rowTone(row: ItemRow): Tone | undefined {
  if (row.state === 'overdue') return 'bad';
  if (row.state === 'due_soon' || row.stale) return 'warn';
  if (row.state === 'done') return 'good';
  if (row.state === 'cancelled') return 'dim';
  return undefined;
}

/** ████░░░░░░ 40% */
export function completionBar(completion: number | null, width = 10): string {
  if (completion === null) return '—';
  const filled = Math.round(completion * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(completion * 100)}%`;
}

export function percent(completion: number | null): string {
  return completion === null ? '—' : `${Math.round(completion * 100)}%`;
}

/** Columns of an item table; the last one says how much time is left (or how late it is). */
export function itemColumns(timeHeader: string): DocColumn[] {
  return [{ header: '编号', align: 'right' }, { header: '角色' }, { header: '任务', flexible: true }, { header: '状态' }, { header: '时限' }, { header: timeHeader }];
}

/** An item as a row of an item table. */
export function itemDocRow(row: ItemRow): DocRow {
  return { cells: [row.number, roleCell(row), row.text, statusCell(row), row.due, timeCell(row)], tone: rowTone(row) };
}
