import type { OverdueReport, OwnerItems } from '../query/overdue-report.js';
import { ITEM_CSV_COLUMNS, itemColumns, itemDocRow, sinceFacts } from './labels.js';
import type { DocTable, TableDoc } from './table-doc.js';

const COLUMNS = itemColumns('天数');

/** One table per accountable department, headed 逾期｜部门（N 项）; one empty table when there is nothing. */
function tables(category: string, groups: OwnerItems[], empty: string): DocTable[] {
  if (!groups.length) return [{ heading: category, columns: COLUMNS, rows: [], empty, csvGroup: [['分类', category], ['责任单位', '']], csvColumns: ITEM_CSV_COLUMNS }];
  return groups.map((g) => ({
    heading: `${category}｜${g.owner}${g.unassigned ? '（未指明部门）' : ''}（${g.items.length} 项）`,
    csvGroup: [
      ['分类', category],
      ['责任单位', g.owner],
    ],
    columns: COLUMNS,
    csvColumns: ITEM_CSV_COLUMNS,
    rows: g.items.map(itemDocRow),
  }));
}

/** `overdue`: 逾期, 临期 and 久未更新, each grouped by accountable department. */
export function overdueDoc(report: OverdueReport): TableDoc {
  const { counts } = report;
  return {
    title: `逾期与临期（截至 ${report.as_of}）`,
    facts: [
      ...(report.as_of_note ? [report.as_of_note] : []),
      `逾期 ${counts.overdue} 项，${report.due_soon_days} 个工作日内到期 ${counts.due_soon} 项，持续推进但 ${report.stale_days} 天无进展 ${counts.stale} 项` +
        (counts.postponed ? `；逾期后经批准延期 ${counts.postponed} 项` : ''),
      ...sinceFacts(report.since),
    ],
    tables: [
      ...tables('逾期', report.overdue, '没有逾期的任务。'),
      ...tables('临期', report.due_soon, '没有临期的任务。'),
      ...tables('久未更新', report.stale, '持续推进的任务都有近期进展。'),
      // Only when there are some: most reports have none, and an empty table would be noise.
      ...(report.postponed.length ? tables('曾逾期（已延期）', report.postponed, '') : []),
    ],
    asOf: report.as_of,
    notes: ['按牵头、按职责分工负责、负责的部门列出（不含配合）；一项任务有几个责任单位就在几处列出。天数按日历日与中国工作日（含调休）计算。'],
  };
}
