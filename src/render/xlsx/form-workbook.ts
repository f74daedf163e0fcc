import ExcelJS, { type Worksheet } from '../../excel-library.js';
import type { DataValidation } from 'exceljs';
import { FORM_FILL_COLUMNS, FORM_FIXED_COLUMNS, FORM_FORMAT, FORM_HEADER_ROW, FORM_SHEET, FORM_STATUSES, RECORD_SHEET } from '../../model/form-layout.js';
import type { FormContent } from '../../query/form-items.js';
import { roleCell, statusCell, STATUS_LABELS } from '../labels.js';
import { markOf } from './item-table.js';
import { addTableSheet, type XlsxKind } from './sheet-table.js';
import { asOfLine } from './workbooks.js';

/** Where the form came from, beyond its content: which version of which ledger file. */
export interface FormOrigin {
  ledgerSha256: string;
  commit: string | null;
  /** HMAC of the record under the coordinator's form key: collect refuses a record changed after forms wrote it. */
  signature?: string;
}

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
  联系人: 'text',
};
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
      asOfLine(form.plan, form.as_of, '请只填写黄色的四列：状态从下拉列表中选，完成日期写成 2021-10-20，本期进展写本期做了什么；填好后交回办公厅。'),
    ],
    columns,
    rows: form.items.map((item) => ({
      values: [item.number, roleCell(item), item.text, item.due, statusCell(item), item.latest_progress, null, null, null, null],
      mark: markOf(item),
    })),
  });
  const first = FORM_FIXED_COLUMNS.length + 1;
  const statusList = `"${FORM_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`;
  sheet.getColumn(first + 2).width = 40; // 本期进展
  sheet.getColumn(first + 3).width = 14; // 联系人
  for (let r = FORM_HEADER_ROW + 1; r <= FORM_HEADER_ROW + form.items.length; r++) {
    const row = sheet.getRow(r);
    for (let c = first; c < first + FORM_FILL_COLUMNS.length; c++) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      cell.fill = FILL_IN;
    }
  }
  // One validation per column range, added as a range: exceljs merges per-cell validations into overlapping ranges (G10:G14 and G4:G14), which Excel "repairs".
  addColumnValidations(sheet, first, FORM_HEADER_ROW + 1, FORM_HEADER_ROW + form.items.length, statusList);
  // Locked against slips, not secrets: no password, so a liaison can still unprotect it.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });

  const record = workbook.addWorksheet(RECORD_SHEET, { state: 'veryHidden' });
  const rows: (string | null)[][] = [
    ['format', FORM_FORMAT],
    ['title', form.plan.title],
    ['document_number', form.plan.document_number],
    ['ledger_sha256', origin.ledgerSha256],
    ['commit', origin.commit],
    ['department', form.department],
    ['made_on', form.as_of],
    ...form.items.map((item) => ['item', item.number, item.fingerprint]),
    ['signature', origin.signature ?? null],
  ];
  rows.forEach((values, index) => {
    // Every value as text: a number such as 1.10 must come back as written.
    values.forEach((value, c) => {
      if (value !== null) record.getRow(index + 1).getCell(c + 1).value = value;
    });
  });
  await record.protect('', {});
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 状态 drop-down and the 完成日期 date check, each once for its whole column of item rows. */
function addColumnValidations(sheet: Worksheet, first: number, top: number, bottom: number, statusList: string): void {
  if (bottom < top) return;
  const range = (column: number) => `${sheet.getColumn(column).letter}${top}:${sheet.getColumn(column).letter}${bottom}`;
  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations;
  validations.add(range(first), { type: 'list', allowBlank: true, formulae: [statusList], showErrorMessage: true, errorTitle: '状态', error: '请从下拉列表中选择状态' });
  validations.add(range(first + 1), {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date('2000-01-01T00:00:00Z')],
    showErrorMessage: true,
    errorTitle: '完成日期',
    error: '请填写日期，如 2021-10-20',
  });
}
