import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** What a liaison writes on one row: any of the four fill-in columns. */
export interface RowAnswer {
  状态?: string;
  完成日期?: Date | string | number;
  本期进展?: string;
  联系人?: string;
}

/**
 * Fills in a form as a liaison would in Excel: finds each item's row by its
 * 编号 and types into the columns named in the header, then saves.
 */
export async function fillForm(file: string, answers: Record<string, RowAnswer>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('填报')!;
  const header = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, c) => header.set(String(cell.value), c));
  const filled = new Set<string>();
  sheet.eachRow((row) => {
    const number = String(row.getCell(header.get('编号')!).value ?? '');
    const answer = answers[number];
    if (!answer || row.number <= 3) return;
    for (const [column, value] of Object.entries(answer)) row.getCell(header.get(column)!).value = value;
    filled.add(number);
  });
  const missing = Object.keys(answers).filter((n) => !filled.has(n));
  if (missing.length) throw new Error(`form has no rows for ${missing.join(', ')}`);
  await workbook.xlsx.writeFile(file);
}

/** Re-saves an .xlsx through gnumeric (as a liaison re-saving in another office suite would). */
export function resaveWithGnumeric(file: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-ssconvert-'));
  try {
    const out = join(dir, 'resaved.xlsx');
    execFileSync('ssconvert', ['--export-type=Gnumeric_Excel:xlsx2', file, out], { stdio: 'pipe', env: { ...process.env, HOME: dir } });
    if (!readdirSync(dir).includes('resaved.xlsx')) throw new Error('ssconvert wrote nothing');
    copyFileSync(out, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
