import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

/**
 * An Excel 任务分工表 with the notice's header in the cells above the table: title, issuer, 文号, date —
 * each in a row of its own, several in one row's cells, in one cell set apart with blanks, or as label
 * and value cells (文号：| …). They are read as a text's header is: the plan names its issuer (reminders
 * are signed with it), its document number and the day it was signed.
 */

const ISSUER = '某市人民政府办公室';
const TITLE = '某市2026年政务公开工作任务分工表';
const NUMBERS = ['某政办〔2026〕12号', '〔2026〕12号', '某政办发[2026]12号'];
const DATES: [unknown, string][] = [
  ['2026年3月5日', '2026-03-05'],
  ['二〇二六年三月五日', '2026-03-05'],
  [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
];

/** Ways to lay the header out above the table: rows of cells. */
const LAYOUTS: Record<string, (number: string, date: unknown) => unknown[][]> = {
  'a row each': (number, date) => [[TITLE], [number], [ISSUER], [date]],
  'issuer and date in one row': (number, date) => [[TITLE], [number], [ISSUER, null, null, date]],
  'issuer, number and date in one row': (number, date) => [['附件'], [TITLE], [ISSUER, null, number, null, date]],
  'label and value cells': (number, date) => [[TITLE], ['发文机关：', ISSUER, '文号：', number], ['成文日期：', date]],
  'issuer and date in one cell': (number, date) => [[TITLE], [number], [typeof date === 'string' ? `${ISSUER}　　${date}` : ISSUER, null, null, typeof date === 'string' ? null : date]],
};

async function sheet(header: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  for (const row of header) sheet.addRow(row);
  sheet.addRow(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
  sheet.addRow([1, '公开财政预决算信息', '市财政局', '市有关部门', '年底前']);
  sheet.addRow([2, '公开重大建设项目信息', '市发改委', '', '6月底前']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Every layout with every way of writing the number and every way of writing the date. By default each
 * layout meets each number once and each date once (number and date paired, 15 sheets); at full size
 * every layout × number × date (45 sheets).
 */
const CASES = Object.entries(LAYOUTS).flatMap(([layout, rows]) =>
  NUMBERS.flatMap((number, n) => DATES.filter((_, d) => FULL_SIZE || d === n).map(([date, iso]) => ({ layout, rows, number, date, iso }))),
);

describe('the header above an Excel table', () => {
  it.each(CASES.map((c) => [`${c.layout}, ${c.number}, dated ${String(c.date)}`, c] as const))('%s', async (_, { rows, number, date, iso }) => {
    const dir = tempDir({ '分工表.xlsx': await sheet(rows(number, date)) });
    const run = await runCli(['import', join(dir, '分工表.xlsx'), '--format', 'json']);
    const plan = JSON.parse(run.out).plan;
    const written = number.replace(/\[/, '〔').replace(/\]/, '〕');
    expect(plan).toMatchObject({ title: TITLE, issuer: ISSUER, document_number: written, issued_on: iso, year: 2026 });
  });
});
