import ExcelJS, { type Worksheet } from '../../excel-library.js';
import type { DataValidation } from 'exceljs';
import { FORM_FILL_COLUMNS, FORM_FIXED_COLUMNS, FORM_HEADER_ROW, FORM_SHEET, FORM_STATUSES } from '../../model/form-layout.js';
import { addRecordSheet, type FormOrigin } from './form-record.js';
import type { FormContent } from '../../query/form-items.js';
import { roleCell, statusCell, STATUS_LABELS } from '../labels.js';
import { markOf } from './item-table.js';
import { addTableSheet, type XlsxKind } from './sheet-table.js';
import { asOfLine } from './workbooks.js';

export type { FormOrigin } from './form-record.js';

const KINDS: Record<(typeof FORM_FIXED_COLUMNS)[number] | (typeof FORM_FILL_COLUMNS)[number], XlsxKind> = {
  编号: 'text',
  角色: 'text',
  任务: 'long-text',
  时限: 'date',
  当前状态: 'text',
  最新进展: 'long-text',
  状态: 'text',
  完成日期: 'date',
  本期进展: 'long-text',
  佐证材料: 'long-text',
  申请延期至: 'date',
  延期理由: 'long-text',
  联系人: 'text',
};
/** Widths of the fill-in columns, which start empty. */
const FILL_WIDTHS: Record<(typeof FORM_FILL_COLUMNS)[number], number> = { 状态: 12, 完成日期: 12, 本期进展: 40, 佐证材料: 28, 申请延期至: 12, 延期理由: 28, 联系人: 14 };
const FILL_IN = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

/**
 * A department's progress form: its items locked, the columns it fills in
 * unlocked (状态 from a drop-down, 完成日期 as a date), and a very hidden sheet
 * recording the ledger and department it was made from.
 */
export async function formWorkbookBytes(form: FormContent, origin: FormOrigin): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  const columns = [...FORM_FIXED_COLUMNS, ...FORM_FILL_COLUMNS].map((header) => ({ header, kind: KINDS[header] }));
  const sheet = addTableSheet(workbook, {
    sheet: FORM_SHEET,
    title: [
      `${form.department}：${form.plan.title}·进展填报`,
      asOfLine(form.plan, form.as_of, `请只填写黄色的列：状态从下拉列表中选，完成日期写成 ${form.as_of} 这样的日期，本期进展写本期做了什么，佐证材料写链接或文号；确需延期的，填申请延期至和延期理由，经办公厅批准后生效。填好后交回办公厅。`),
    ],
    columns,
    rows: form.items.map((item) => ({
      values: [item.number, roleCell(item), item.text, item.due, statusCell(item), item.latest_progress, ...FORM_FILL_COLUMNS.map(() => null)],
      mark: markOf(item),
    })),
  });
  const first = FORM_FIXED_COLUMNS.length + 1;
  const statusList = `"${FORM_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`;
  FORM_FILL_COLUMNS.forEach((header, i) => (sheet.getColumn(first + i).width = FILL_WIDTHS[header]));
  const fillColumn = (header: (typeof FORM_FILL_COLUMNS)[number]) => first + FORM_FILL_COLUMNS.indexOf(header);
  for (let r = FORM_HEADER_ROW + 1; r <= FORM_HEADER_ROW + form.items.length; r++) {
    const row = sheet.getRow(r);
    for (let c = first; c < first + FORM_FILL_COLUMNS.length; c++) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      cell.fill = FILL_IN;
    }
  }
  // One validation per column range, added as a range: exceljs merges per-cell validations into overlapping ranges (G10:G14 and G4:G14), which Excel "repairs".
  addColumnValidations(sheet, fillColumn, FORM_HEADER_ROW + 1, FORM_HEADER_ROW + form.items.length, statusList);
  // Locked against slips, not secrets: no password, so a liaison can still unprotect it.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  await addRecordSheet(workbook, { title: form.plan.title, document_number: form.plan.document_number, department: form.department, made_on: form.as_of }, origin, form.items);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 状态 drop-down and the date checks (完成日期, 申请延期至), each once for its whole column of item rows. */
function addColumnValidations(sheet: Worksheet, fillColumn: (header: (typeof FORM_FILL_COLUMNS)[number]) => number, top: number, bottom: number, statusList: string): void {
  if (bottom < top) return;
  const range = (column: number) => `${sheet.getColumn(column).letter}${top}:${sheet.getColumn(column).letter}${bottom}`;
  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations;
  validations.add(range(fillColumn('状态')), { type: 'list', allowBlank: true, formulae: [statusList], showErrorMessage: true, errorTitle: '状态', error: '请从下拉列表中选择状态' });
  for (const header of ['完成日期', '申请延期至'] as const) {
    validations.add(range(fillColumn(header)), {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date('2000-01-01T00:00:00Z')],
      showErrorMessage: true,
      errorTitle: header,
      error: '请填写日期，如 2021-10-20',
    });
  }
}
