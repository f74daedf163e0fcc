import type { DeadlineState } from '../query/deadline.js';
import type { ItemRow } from '../query/item-row.js';

/** Where an item stands, in the users' words: 逾期, 临期, 未到期 … */
export const STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  overdue: '逾期',
  due_soon: '临期',
  open: '未到期',
  done: '已完成',
  cancelled: '已取消',
  ongoing: '持续推进',
};

/** The state label, with 久未更新 for a stale ongoing item. */
export function stateLabel(row: Pick<ItemRow, 'state' | 'stale'>): string {
  return row.state === 'ongoing' && row.stale ? '久未更新' : STATE_LABELS[row.state];
}
