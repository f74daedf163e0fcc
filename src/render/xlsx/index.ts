import ExcelJS from '../../excel-library.js';
import { addTableSheet, type XlsxTable } from './sheet-table.js';

export { statusTable, departmentTable, overdueTable } from './workbooks.js';
export { assignmentSheet } from './assignment-sheet.js';

/** A workbook of the given sheets, as the bytes of an .xlsx file. */
export async function xlsxBytes(tables: XlsxTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  for (const table of tables) addTableSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
