import type { Block, TableCell } from '../blocks.js';

/**
 * A date cell as a notice writes a date: `2026年8月31日`. Excel stores a day with no zone;
 * exceljs gives it as that day's midnight UTC, so the UTC fields are the day (never the
 * machine's zone, which would move it to the day before west of Greenwich).
 */
function dateWords(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/**
 * An .xlsx workbook → one table block per worksheet, every cell of a merged
 * range carrying the range's value (marked `merged`). exceljs is loaded only
 * when a notice is a workbook: it is large.
 */
export async function xlsxBlocks(bytes: Uint8Array): Promise<Block[]> {
  // The prebuilt bundle, as forms and workbooks load it (excel-library.ts): the package's Node entry takes four times as long to load.
  const { default: ExcelJS } = await import('../../excel-library.js');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const blocks: Block[] = [];
  workbook.eachSheet((sheet) => {
    const rows: TableCell[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: TableCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        const text = (master.value instanceof Date ? dateWords(master.value) : (master.text ?? '')).replace(/\r\n?/g, '\n').trim();
        const place = { line: r, cell: `${sheet.name}!${cell.address}` };
        cells.push(master.address !== cell.address ? { text, place, merged: true } : { text, place });
      }
      if (cells.some((c) => c.text)) rows.push(cells);
    }
    if (rows.length) blocks.push({ kind: 'table', rows, line: blocks.length + 1 });
  });
  return blocks;
}
