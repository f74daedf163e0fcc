import type { AssignmentTable } from '../../query/assignment-table.js';
import { STATUS_LABELS } from '../labels.js';
import { stateLabel } from '../state-labels.js';
import { markOf } from './item-table.js';
import type { XlsxTable } from './sheet-table.js';
import { asOfLine } from './workbooks.js';
import ExcelJS from '../../excel-library.js';
import { FORM_HEADER_ROW, MASTER_SHEET } from '../../model/form-layout.js';
import { addRecordSheet, type FormOrigin } from './form-record.js';
import { addTableSheet } from './sheet-table.js';

/**
 * Columns the office fills in on its own table, besides 状态 and 完成日期 (edited
 * in place): read back by `collect` as a form is. 申请延期至 with 延期理由 and
 * 批准人 records a postponement; without 批准人, a request to approve later.
 */
const MASTER_FILL_COLUMNS = ['本期进展', '佐证材料', '申请延期至', '延期理由', '批准人'] as const;
const EDITABLE = ['状态', '完成日期', ...MASTER_FILL_COLUMNS];
const FILL_IN = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const SHEET = MASTER_SHEET;

/** `export --format xlsx`: the 任务分工表, one row per item, as the general office circulates it. */
export function assignmentSheet(table: AssignmentTable): XlsxTable {
  return {
    sheet: SHEET,
    title: [`${table.plan.title}·任务分工表`, asOfLine(table.plan, table.as_of, `共 ${table.items.length} 项；黄色表头的列可以修改，改好后用 gongkai collect 收回`)],
    columns: [
      { header: '编号', kind: 'item-number' },
      { header: '部分', kind: 'text' },
      { header: '任务', kind: 'long-text' },
      { header: '牵头', kind: 'long-text' },
      { header: '按职责分工负责', kind: 'long-text' },
      { header: '负责', kind: 'long-text' },
      { header: '配合', kind: 'long-text' },
      { header: '时限', kind: 'date' },
      { header: '状态', kind: 'text' },
      { header: '最新进展', kind: 'long-text' },
      { header: '完成日期', kind: 'date' },
      { header: '情况', kind: 'text' },
      { header: '剩余天数', kind: 'integer' },
      ...MASTER_FILL_COLUMNS.map((header) => ({ header, kind: header === '申请延期至' ? ('date' as const) : ('long-text' as const) })),
    ],
    rows: table.items.map((row) => ({
      values: [
        row.number,
        `${row.section}、${row.section_title}`,
        row.text,
        row.roles.lead.join('、'),
        row.roles.joint.join('、'),
        row.roles.sole.join('、'),
        row.roles.cooperate.join('、'),
        row.due,
        STATUS_LABELS[row.status],
        row.latest_progress ? `${row.latest_progress.date} ${row.latest_progress.dept}：${row.latest_progress.note}` : '',
        row.done_on,
        stateLabel(row),
        row.days_left,
        ...MASTER_FILL_COLUMNS.map(() => null),
      ],
      mark: markOf(row),
    })),
  };
}

/**
 * The 任务分工表 as a workbook the office can edit and give back to `collect`:
 * the editable columns' headers yellow, and the hidden record (scope: every
 * item, the office as the one reporting) a form carries.
 */
export async function assignmentWorkbookBytes(table: AssignmentTable, origin: FormOrigin): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const data = assignmentSheet(table);
  const sheet = addTableSheet(workbook, data);
  data.columns.forEach((column, c) => {
    if (EDITABLE.includes(column.header)) sheet.getRow(FORM_HEADER_ROW).getCell(c + 1).fill = FILL_IN;
  });
  // Without an office in the registry there is nobody to record the edits as: the table is then for reading only.
  if (table.office) {
    await addRecordSheet(workbook, { title: table.plan.title, document_number: table.plan.document_number, department: table.office, made_on: table.as_of, sheet: SHEET, scope: 'all' }, origin, table.items);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
