import ExcelJS from '../../excel-library.js';
import type { Renderers } from '../formats.js';
import { assignmentSheet } from './assignment-sheet.js';
import { addTableSheet, type XlsxTable } from './sheet-table.js';
import { departmentTable, overdueTable, statusTable } from './workbooks.js';
import { reviewSheets } from './review-sheets.js';

export { statusTable, departmentTable, overdueTable } from './workbooks.js';
export { assignmentSheet } from './assignment-sheet.js';

/** A workbook of the given sheets, as the bytes of an .xlsx file. */
export async function xlsxBytes(tables: XlsxTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  for (const table of tables) addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel workbooks: one sheet per view, typed cells. */
export const XLSX_RENDERERS: Renderers = {
  status: (report) => xlsxBytes([statusTable(report)]),
  department: (report) => xlsxBytes([departmentTable(report)]),
  overdue: (report) => xlsxBytes([overdueTable(report)]),
  assignment: (table) => xlsxBytes([assignmentSheet(table)]),
  review: (report) => xlsxBytes(reviewSheets(report)),
};
