import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RECORD_SHEET } from '../../src/model/form-layout.js';
import { SHIPPED_LEDGER } from '../helpers/paths.js';
import { fillForm } from '../helpers/fill-form.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate, git, gitRepo } from '../helpers/temp.js';
import { registryOfThree } from '../sync/shared-fixture.js';

/**
 * A repository whose registry lists liaisons' e-mails; the coordinator makes 信息中心's form (its key in
 * .git/config). Made once per test run and copied for each test.
 */
async function setUp() {
  const repo = await copyOfTemplate('forged-forms', async (template) => {
    const made = gitRepo({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': registryOfThree() });
    const formed = await runCli(['--ledger', join(made, 'data', 'ledger.yaml'), 'forms', '-o', join(made, 'forms'), '--dept', '信息中心']);
    expect(formed.code, formed.err).toBe(0);
    cpSync(made, template, { recursive: true });
  });
  const ledger = join(repo, 'data', 'ledger.yaml');
  const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args]);
  return { repo, ledger, cli, form: join(repo, 'forms', '信息中心.xlsx') };
}

/** Rewrites the form's hidden record (and, optionally, the visible sheet) as someone with Excel could. */
async function tamper(file: string, edit: (record: ExcelJS.Worksheet, sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook.getWorksheet(RECORD_SHEET)!, workbook.getWorksheet('填报')!);
  await workbook.xlsx.writeFile(file);
}

const rowOf = (sheet: ExcelJS.Worksheet, key: string) => {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (String(row.getCell(1).value) === key && !found) found = row;
  });
  return found!;
};

describe('a returned form carries its origin', () => {
  it('信息中心\'s form edited to say 社会救助司 and item 7 is refused, and the ledger is untouched', async () => {
    const { ledger, cli, form } = await setUp();
    await fillForm(form, { '22': { 状态: '已完成', 完成日期: '2021-10-20', 本期进展: '已上线' } });
    await tamper(form, (record, sheet) => {
      rowOf(record, 'department').getCell(2).value = '社会救助司';
      rowOf(record, 'item').getCell(2).value = '7';
      sheet.eachRow((row) => {
        if (String(row.getCell(1).value) === '22') row.getCell(1).value = '7';
      });
    });
    const before = readFileSync(ledger);
    const result = await cli('collect', form);
    expect(result.code).toBe(2);
    expect(result.err).toContain('表格的来源记录与签名不符：记录中的部门（社会救助司）、任务或台账被改过');
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('a record whose signature was removed is refused', async () => {
    const { ledger, cli, form } = await setUp();
    await fillForm(form, { '22': { 状态: '推进中' } });
    await tamper(form, (record) => {
      rowOf(record, 'signature').getCell(2).value = null;
    });
    const before = readFileSync(ledger);
    const result = await cli('collect', form);
    expect(result.code).toBe(2);
    expect(result.err).toContain('表格的来源记录没有签名');
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('a genuine form is taken back, and its commit names the liaison\'s e-mail from the registry', async () => {
    const { repo, cli, form } = await setUp();
    // The key is kept outside the repository's files: in .git/config, not in anything tracked.
    expect(git(repo, 'config', '--local', '--get', 'gongkai.formkey').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(git(repo, 'ls-files')).not.toContain('key');
    await fillForm(form, { '22': { 状态: '推进中', 本期进展: '接口联调', 联系人: '王五' } });
    const result = await cli('collect', form, '--commit');
    expect(result.code, result.err).toBe(0);
    expect(git(repo, 'log', '-1', '--format=%an <%ae>').trim()).toBe('王五（信息中心） <xinxi@example.invalid>');
    // check-commits attributes it to 信息中心, whose item 22 is.
    const audit = await cli('check-commits', 'HEAD~1..HEAD', '--format', 'json');
    expect(JSON.parse(audit.out)).toMatchObject({ commits: 1, configured: true, violations: [] });
  });

  it('each data validation of a form covers its range once', async () => {
    const { form } = await setUp();
    const sheetXml = strFromU8(unzipSync(readFileSync(form))['xl/worksheets/sheet1.xml']!);
    const ranges = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(ranges.length).toBeGreaterThan(0);
    const columns = ranges.map((r) => r.replace(/\d+/g, ''));
    expect(new Set(columns).size).toBe(columns.length);
  });
});
