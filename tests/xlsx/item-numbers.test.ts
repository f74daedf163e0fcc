import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { toolAvailable } from '../helpers/tools.js';
import { headerColumns, readWorkbook } from '../helpers/workbook.js';

/** The shipped plan with three items numbered by part (1.9, 1.10, 1.2), as some offices number them. */
function dottedLedger(): { dir: string; ledger: string } {
  const text = readFileSync(SHIPPED_LEDGER, 'utf8').replace('number: "9"\n', 'number: "1.9"\n').replace('number: "10"\n', 'number: "1.10"\n').replace('number: "11"\n', 'number: "1.2"\n');
  expect(text).toContain('number: "1.10"');
  const dir = tempDir({ 'data/ledger.yaml': text, 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });
  return { dir, ledger: join(dir, 'data', 'ledger.yaml') };
}

describe('item numbers in xlsx', () => {
  it('are numbers that sort as numbered (1.2 < 1.9 < 1.10 < 2 < 10) and show as written', async () => {
    const { dir, ledger } = dottedLedger();
    const file = join(dir, '任务分工表.xlsx');
    const result = await runCli(['export', '--ledger', ledger, '--format', 'xlsx', '--as-of', '2021-10-08', '-o', file]);
    expect(result.code, result.err).toBe(0);
    const sheet = (await readWorkbook(file)).worksheets[0]!;
    const column = headerColumns(sheet, 3).get('编号')!;
    const cells: import('exceljs').Cell[] = [];
    for (let r = 4; r <= sheet.rowCount; r++) cells.push(sheet.getRow(r).getCell(column));
    for (const cell of cells) expect(typeof cell.value, `row ${cell.row}`).toBe('number');
    const shown = (cell: (typeof cells)[number]) => (/^"(.*)"$/.exec(cell.numFmt ?? '')?.[1] ?? String(cell.value));
    const sorted = [...cells].sort((a, b) => (a.value as number) - (b.value as number)).map(shown);
    expect(sorted.indexOf('1.2')).toBeLessThan(sorted.indexOf('1.9'));
    expect(sorted.indexOf('1.9')).toBeLessThan(sorted.indexOf('1.10'));
    expect(sorted.indexOf('1.10')).toBeLessThan(sorted.indexOf('2'));
    expect(sorted.indexOf('2')).toBeLessThan(sorted.indexOf('12'));
    expect(sorted.slice(0, 4)).toEqual(['1', '1.2', '1.9', '1.10']);
  });

  it.runIf(toolAvailable('ssconvert', 'apt-get install gnumeric'))('a spreadsheet program shows 1.10 as 1.10, not 1.1', async () => {
    const { dir, ledger } = dottedLedger();
    const file = join(dir, 't.xlsx');
    expect((await runCli(['export', '--ledger', ledger, '--format', 'xlsx', '--as-of', '2021-10-08', '-o', file])).code).toBe(0);
    const csv = join(dir, 't.csv');
    execFileSync('ssconvert', ['--export-type=Gnumeric_stf:stf_assistant', '-O', 'format=preserve', file, csv], { stdio: 'pipe' });
    const firstCells = readFileSync(csv, 'utf8').split('\n').map((line) => line.split(',')[0]);
    expect(firstCells).toContain('1.10');
    expect(firstCells).toContain('1.2');
    expect(firstCells).toContain('12');
    expect(firstCells).not.toContain('1.1');
  });
});
