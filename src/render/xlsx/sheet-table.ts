import type { Workbook, Worksheet } from '../../excel-library.js';
import { displayWidth, safeText } from '../safe-text.js';
import { itemNumberCell } from '../../model/item-number.js';

/**
 * How a column's values are written: text, whole numbers, dates (YYYY-MM-DD),
 * a ratio shown as a percentage, or an item number (编号: a number that sorts as
 * numbered and shows as written, see itemNumberCell).
 */
export type XlsxKind = 'text' | 'long-text' | 'integer' | 'date' | 'percent' | 'item-number';

export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
}

/** A marked row is filled: overdue red, due soon amber, done green. */
export type XlsxMark = 'overdue' | 'due_soon' | 'done';

export interface XlsxRow {
  values: (string | number | null | undefined)[];
  mark?: XlsxMark;
  strong?: boolean;
}

/** One sheet: title lines above a header row, then rows. */
export interface XlsxTable {
  sheet: string;
  /** Title and facts (plan, 文号, 截至), each on its own row above the header. */
  title: string[];
  columns: XlsxColumn[];
  rows: XlsxRow[];
}

const FILLS: Record<XlsxMark, string> = { overdue: 'FFFFC7CE', due_soon: 'FFFFEB9C', done: 'FFC6EFCE' };
const FORMATS: Partial<Record<XlsxKind, string>> = { integer: '0', date: 'yyyy-mm-dd', percent: '0%' };
/** What an A4 landscape page holds at 100%, in column-width units (about one per Latin character) between 0.5-inch margins. */
const A4_LANDSCAPE_WIDTH = 140;
/** Wide text columns wrap instead of growing past this many characters' width. */
const MAX_WIDTH = 60;

/** YYYY-MM-DD as a date cell value: midnight UTC, which Excel stores as that whole day. */
export function dateValue(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

/** A value for a cell: dates become Date, text is stripped of control characters. */
function cellValue(kind: XlsxKind, value: string | number | null | undefined): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date' && typeof value === 'string') return dateValue(value);
  // A formula never comes from ledger text: exceljs writes a string as a string, never as a formula.
  return typeof value === 'string' ? safeText(value) : value;
}

/** Column width in Excel's units (about one per Latin character): Chinese counts double, like a terminal. */
function widthOf(kind: XlsxKind, header: string, values: XlsxRow['values'][number][]): number {
  if (kind === 'date') return 12;
  // The header also carries the filter's drop-down button.
  const widest = Math.max(displayWidth(header) + 3, ...values.map((v) => (v === null || v === undefined ? 0 : displayWidth(String(v)))));
  // At least 10: exceljs leaves out a width of 9 (its default), and a narrower column hides its filter button's neighbour text.
  return Math.min(MAX_WIDTH, Math.max(10, widest + 2));
}

/**
 * Printed as offices print a 任务分工表: A4 landscape, every column on the page's width (as many pages
 * down as it takes) unless that would shrink the words past reading, the header row again on every
 * page, and 第 N 页 共 M 页 at the foot.
 */
function setUpPrinting(sheet: Worksheet, headerRow: number, width: number): void {
  // Shrunk past about 60% the words are too small to read: a sheet that wide prints across pages instead.
  const fits = width <= A4_LANDSCAPE_WIDTH / 0.6;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    ...(fits ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C第 &P 页，共 &N 页' };
}

/** Adds a sheet: title rows, a bold frozen header with filters, typed cells, fitted widths, marked rows, set up for printing. */
export function addTableSheet(workbook: Workbook, table: XlsxTable): Worksheet {
  const titleRows = table.title.length;
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: titleRows + 1, xSplit: 0 }] });
  table.title.forEach((line, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = safeText(line);
    if (index === 0) row.font = { bold: true, size: 14 };
  });
  const headerRow = sheet.getRow(titleRows + 1);
  headerRow.values = table.columns.map((c) => c.header);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle' };
  });
  table.rows.forEach((data, index) => {
    const row = sheet.getRow(titleRows + 2 + index);
    table.columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = data.values[c];
      const numbered = column.kind === 'item-number' && typeof value === 'string' ? itemNumberCell(value) : undefined;
      cell.value = numbered ? numbered.value : cellValue(column.kind, value);
      const format = numbered?.numFmt ?? FORMATS[column.kind];
      if (format) cell.numFmt = format;
      if (column.kind === 'long-text') cell.alignment = { wrapText: true, vertical: 'top' };
      if (data.mark) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[data.mark] } };
    });
    if (data.strong) row.font = { bold: true };
  });
  table.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = widthOf(column.kind, column.header, table.rows.map((r) => r.values[c]));
  });
  if (table.columns.length) {
    const last = titleRows + 1 + table.rows.length;
    sheet.autoFilter = { from: { row: titleRows + 1, column: 1 }, to: { row: last, column: table.columns.length } };
  }
  setUpPrinting(sheet, titleRows + 1, table.columns.reduce((sum, _, c) => sum + (sheet.getColumn(c + 1).width ?? 10), 0));
  return sheet;
}
