import type { Table, TableCell } from '../blocks.js';

/** Header words of a 任务分工表, one per line when a table was copied cell by cell. */
const HEADER_WORD = /^(序号|编号|(重点|工作|具体|主要)?任务|工作内容|具体措施|细化分工|牵头单位|牵头部门|责任单位|责任处室|责任科室|责任部门|配合单位|配合部门|完成时限|时间要求|完成时间|备注)$/;
const RESPONSIBILITY_WORD = /^(牵头|责任|配合)/;

/**
 * A table in a PDF converted by pdftotext without -layout: each page's columns
 * come out one after another, a cell per line, the header words scattered among
 * them (序号 / 重点任务 / 一、… / 1 / … and 责任单位 / 完成时限 further down).
 * Which words make a row is lost: true when the text has a page break or page
 * number (it came from a PDF) and a 序号 and a responsibility header stand on lines
 * of their own where no cell-per-line table can be read.
 */
export function tornTable(lines: string[], fromPdf: boolean): boolean {
  if (!fromPdf) return false;
  let number = -1;
  let responsibility = false;
  lines.forEach((line, i) => {
    const word = line.trim();
    if (word === '序号' && number < 0 && !cellPerLineTable(lines, i, 1)) number = i;
    if (HEADER_WORD.test(word) && RESPONSIBILITY_WORD.test(word)) responsibility = true;
  });
  return number >= 0 && responsibility;
}

/**
 * A table copied one cell per line: the header words on lines of their own
 * (序号 / 工作任务 / 责任单位 / 完成时限), then each row starting at its 序号
 * (1, 2, 3 … in sequence). Rows with fewer cells than the header are placed by
 * content later (ragged). Returns the table and the lines it took, or undefined.
 */
export function cellPerLineTable(lines: string[], from: number, tableNumber: number): { table: Table; end: number } | undefined {
  let end = from;
  while (end < lines.length && HEADER_WORD.test(lines[end]!.trim())) end++;
  const header = lines.slice(from, end).map((l) => l.trim());
  if (header.length < 3 || !header.some((h) => RESPONSIBILITY_WORD.test(h)) || header[0] !== '序号') return undefined;
  const place = (line: number, row: number, col: number) => ({ line: line + 1, cell: `表${tableNumber} 第${row}行第${col}列` });
  const rows: TableCell[][] = [header.map((text, col) => ({ text, place: place(from + col, 1, col + 1) }))];
  let expected = 1;
  let i = end;
  while (i < lines.length && lines[i]!.trim() === String(expected)) {
    const row: TableCell[] = [{ text: String(expected), place: place(i, rows.length + 1, 1) }];
    i++;
    while (i < lines.length && lines[i]!.trim() !== String(expected + 1) && row.length < header.length) {
      if (lines[i]!.trim()) row.push({ text: lines[i]!.trim(), place: place(i, rows.length + 1, row.length + 1) });
      i++;
    }
    rows.push(row);
    expected++;
    while (i < lines.length && !lines[i]!.trim()) i++;
  }
  if (rows.length < 2) return undefined;
  return { table: { kind: 'table', rows, line: from + 1, ragged: true }, end: i };
}
