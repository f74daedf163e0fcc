import ExcelJS from 'exceljs';

/** Reads an .xlsx file back with the same library users' Excel files are read with. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The header row's texts → column numbers. */
export function headerColumns(sheet: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, column) => columns.set(String(cell.value), column));
  return columns;
}

/** The first row whose cell in `column` holds `value` (as text or, for item numbers written as numbers, as that number). */
export function findRow(sheet: ExcelJS.Worksheet, column: number, value: string): ExcelJS.Row | undefined {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cell = sheet.getRow(r).getCell(column).value;
    if (cell === value || (typeof cell === 'number' && String(cell) === value)) return sheet.getRow(r);
  }
  return undefined;
}
