import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * `-o 汇总.xlsx` without --format: the file holds what its name says. Before, every view wrote its text table
 * under any name, so Excel and Word refused the file a coordinator had just made.
 */
const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const AS_OF = ['--ledger', LEDGER, '--as-of', '2021-10-08'];

describe('-o chooses the format by its extension when --format is not given', () => {
  it('writes a workbook Excel opens for .xlsx, JSON for .json, CSV for .csv, Markdown for .md, the text table for .txt', async () => {
    const dir = tempDir();
    for (const view of [['status'], ['overdue'], ['review']]) {
      const workbook = join(dir, `${view[0]}.xlsx`);
      const made = await runCli([...view, ...AS_OF, '-o', workbook]);
      expect(made.code, made.err).toBe(0);
      const read = new ExcelJS.Workbook();
      await read.xlsx.readFile(workbook);
      expect(read.worksheets.length, `${view} .xlsx`).toBeGreaterThan(0);
    }
    const view = ['status', '--dept', '信息中心', ...AS_OF];
    for (const ext of ['json', 'csv', 'md', 'txt']) expect((await runCli([...view, '-o', join(dir, `信息中心.${ext}`)])).code).toBe(0);
    const written = (ext: string) => readFileSync(join(dir, `信息中心.${ext}`), 'utf8');
    expect(JSON.parse(written('json'))).toEqual(JSON.parse((await runCli([...view, '--format', 'json'])).out));
    expect(written('csv')).toBe((await runCli([...view, '--format', 'csv'])).out);
    expect(written('md')).toBe((await runCli([...view, '--format', 'md'])).out);
    expect(written('txt')).toMatch(/信息中心/);
    expect(written('txt')).not.toBe(written('md'));
  });

  it('writes Word for .docx and a page for .html where the command has them, and YAML for export -o .yaml', async () => {
    const dir = tempDir();
    expect((await runCli(['review', ...AS_OF, '-o', join(dir, '回头看.docx')])).code).toBe(0);
    expect(readFileSync(join(dir, '回头看.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await runCli(['review', ...AS_OF, '-o', join(dir, '回头看.html')])).code).toBe(0);
    expect(readFileSync(join(dir, '回头看.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect((await runCli(['export', '--ledger', LEDGER, '-o', join(dir, '台账.yaml')])).code).toBe(0);
    expect(readFileSync(join(dir, '台账.yaml'), 'utf8')).toMatch(/^plan:/m);
  });

  it('refuses, writing nothing, a file the command cannot make or a --format the name contradicts', async () => {
    const dir = tempDir();
    const cases: [string[], string][] = [
      [['status', ...AS_OF, '-o', join(dir, '汇总.docx')], 'Word'],
      [['overdue', ...AS_OF, '-o', join(dir, '逾期.html')], '网页'],
      [['report', ...AS_OF, '-o', join(dir, '报告.xlsx')], 'Excel'],
      [['status', ...AS_OF, '--format', 'csv', '-o', join(dir, '汇总.xlsx')], '--format csv'],
      [['export', '--ledger', LEDGER, '--format', 'json', '-o', join(dir, '台账.yaml')], '--format json'],
    ];
    for (const [argv, says] of cases) {
      const refused = await runCli(argv);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.err).toContain('OPTIONS_CONFLICT');
      expect(refused.err).toContain(says);
      expect(refused.err.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(existsSync(argv[argv.length - 1]!), argv.join(' ')).toBe(false);
    }
  });
});
