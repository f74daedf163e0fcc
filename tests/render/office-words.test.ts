import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { readWorkbook } from '../helpers/workbook.js';

/**
 * The notes a view prints beside its numbers are for every office, not the one the shipped ledger comes
 * from: a county's ledger (groups such as 县级有关部门, no 司 or 直属单位) must not be told its numbers
 * include what came "经由各司(局)、直属单位", nor its liaisons asked to fill in dates of 2021.
 */
const COUNTY_NOTICE = join(FIXTURES, 'exams', 'judge14', 'notices', '58_deqing-2025-yaodian.html');
const MINISTRY_WORDS = /司\(局\)|直属单位|2021-10-20/;

describe("a view's notes use no one office's words", () => {
  it('status, a department, the leaders’ report and the form name the groups in general and date by the as-of day', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.yaml');
    const imported = await runCli(['import', COUNTY_NOTICE, '-o', ledger]);
    expect(imported.err).not.toMatch(/错误\[/);
    const department = (await runCli(['--ledger', ledger, 'status', '--as-of', '2025-06-30', '--format', 'json'])).out;
    const name: string = JSON.parse(department).departments[0].name;
    const outputs = [
      (await runCli(['--ledger', ledger, 'status', '--as-of', '2025-06-30'])).out,
      (await runCli(['--ledger', ledger, 'status', '--dept', name, '--as-of', '2025-06-30'])).out,
    ];
    expect((await runCli(['--ledger', ledger, 'report', '--as-of', '2025-06-30', '-o', join(dir, 'report.html')])).code).toBe(0);
    outputs.push(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect((await runCli(['--ledger', ledger, 'forms', '--as-of', '2025-06-30', '-o', join(dir, 'forms')])).code).toBe(0);
    const form = (await readWorkbook(join(dir, 'forms', `${name}.xlsx`))).worksheets[0]!;
    const formTitle = [1, 2, 3].map((row) => String(form.getRow(row).getCell(1).value ?? '')).join('\n');
    expect(formTitle).toContain('完成日期写成 2025-06-30 这样的日期');
    outputs.push(formTitle);
    for (const output of outputs) expect(output).not.toMatch(MINISTRY_WORDS);
    expect(outputs[0]).toContain('经由群体');
    expect(outputs[2]).toContain('经由群体');
  });
});
