import type { OverdueReport, OwnerItems } from '../query/overdue-report.js';
import type { ItemRow } from '../query/item-row.js';
import { dueCell, ITEM_CSV_COLUMNS, itemColumns, itemDocRow, sinceFacts, timeCell } from './labels.js';
import type { DocColumn, DocRow, DocTable, TableDoc } from './table-doc.js';

const COLUMNS = itemColumns('天数');

/** How the report's rows become the doc's rows: an item row, and a row of the table of requests. */
export interface OverdueRowsOf<R> {
  item(row: R): DocRow;
  request(row: R): DocRow;
  /** How many rows of the report a list stands for, when one may stand for several (rows drawn before, one after another); its length otherwise. */
  lines?(rows: R[]): number;
}

const ITEM_ROWS: OverdueRowsOf<ItemRow> = { item: itemDocRow, request: requestDocRow };

/** One table per accountable department, headed 逾期｜部门（N 项）; one empty table when there is nothing. */
function tables<R>(category: string, groups: OwnerItems<R>[], empty: string, rowsOf: OverdueRowsOf<R>): DocTable[] {
  if (!groups.length) return [{ heading: category, columns: COLUMNS, rows: [], empty, csvGroup: [['分类', category], ['责任单位', '']], csvColumns: ITEM_CSV_COLUMNS }];
  return groups.map((g) => ({
    heading: `${category}｜${g.owner}${g.unassigned ? '（未指明部门）' : ''}（${rowsOf.lines ? rowsOf.lines(g.items) : g.items.length} 项）`,
    csvGroup: [
      ['分类', category],
      ['责任单位', g.owner],
    ],
    columns: COLUMNS,
    csvColumns: ITEM_CSV_COLUMNS,
    rows: g.items.map((row) => rowsOf.item(row)),
  }));
}

/** 待批准的延期申请: what was asked, by whom, and where the item stands now. */
function requestTable<R>(rows: R[], rowsOf: OverdueRowsOf<R>): DocTable {
  return {
    heading: `待批准的延期申请（${rowsOf.lines ? rowsOf.lines(rows) : rows.length} 项）`,
    csvGroup: [
      ['分类', '待批准的延期申请'],
      ['责任单位', ''],
    ],
    columns: REQUEST_COLUMNS,
    csvColumns: ITEM_CSV_COLUMNS,
    rows: rows.map((row) => rowsOf.request(row)),
  };
}

/** A row of the table of requests waiting for an answer. */
export function requestDocRow(row: ItemRow): DocRow {
  const r = row.postponement_requested!;
  // The item table's text (with its marks), tone and CSV numbers; the deadline without the request it is beside.
  const { cells, tone, csv } = itemDocRow(row);
  const due = dueCell({ ...row, postponement_requested: undefined });
  return { cells: [row.number, cells[2]!, r.dept, r.on, due, r.to, r.reason, timeCell(row)], ...(tone ? { tone } : {}), ...(csv ? { csv } : {}) };
}

const REQUEST_COLUMNS: DocColumn[] = [
  { header: '编号', align: 'right' },
  { header: '任务', flexible: true },
  { header: '申请部门' },
  { header: '申请日期' },
  { header: '时限' },
  { header: '申请延至' },
  { header: '理由', maxWidth: 24 },
  { header: '天数' },
];

/** `overdue`: 逾期, 临期 and 久未更新, each grouped by accountable department. */
export function overdueDoc(report: OverdueReport): TableDoc {
  return overdueDocOf(report, ITEM_ROWS);
}

/** overdueDoc of a report whose rows are of another kind (rows drawn before, say), made doc rows by `rowsOf`. */
export function overdueDocOf<R>(report: OverdueReport<R>, rowsOf: OverdueRowsOf<R>): TableDoc {
  const { counts } = report;
  return {
    title: `逾期与临期（截至 ${report.as_of}）`,
    facts: [
      ...(report.as_of_note ? [report.as_of_note] : []),
      `逾期 ${counts.overdue} 项，${report.due_soon_days} 个工作日内到期 ${counts.due_soon} 项，持续推进但 ${report.stale_days} 天无进展 ${counts.stale} 项` +
        (counts.postponed ? `；逾期后经批准延期 ${counts.postponed} 项` : '') +
        (counts.pending_requests ? `；待批准的延期申请 ${counts.pending_requests} 项` : ''),
      ...sinceFacts(report.since),
    ],
    tables: [
      ...tables('逾期', report.overdue, '没有逾期的任务。', rowsOf),
      ...tables('临期', report.due_soon, '没有临期的任务。', rowsOf),
      ...tables('久未更新', report.stale, '持续推进的任务都有近期进展。', rowsOf),
      // Only when there are some: most reports have none, and an empty table would be noise.
      ...(report.postponed.length ? tables('曾逾期（已延期）', report.postponed, '', rowsOf) : []),
      // The office must answer these (postpone --approved-by / --rejected-by); only when there are some.
      ...(report.pending_requests.length ? [requestTable(report.pending_requests, rowsOf)] : []),
    ],
    asOf: report.as_of,
    notes: ['按牵头、按职责分工负责、负责的部门列出（不含配合）；一项任务有几个责任单位就在几处列出。天数按日历日与中国工作日（含调休）计算。'],
  };
}
