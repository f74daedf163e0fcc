import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { findRow, headerColumns, readWorkbook } from '../helpers/workbook.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const AS_OF = ['--as-of', '2021-10-08'];

async function workbookOf(args: string[]) {
  const file = join(tempDir(), 'out.xlsx');
  const result = await runCli([...args, '--format', 'xlsx', '-o', file, '--ledger', LEDGER, ...AS_OF]);
  expect(result.code, result.err).toBe(0);
  expect(result.out).toBe('');
  return readWorkbook(file);
}

async function json(args: string[]) {
  const result = await runCli([...args, '--format', 'json', '--ledger', LEDGER, ...AS_OF]);
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out);
}

const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);

// How an office suite prints these workbooks (A4 landscape, the header on every page) is tested in
// tests/report/docx-out.test.ts, in the LibreOffice run that prints the Word documents: one start for both.

describe('status --format xlsx', () => {
  it('has a title row with 文号 and 截至, a frozen filtered header, numbers as numbers and completion as a percentage', async () => {
    const sheet = (await workbookOf(['status'])).worksheets[0]!;
    expect(sheet.name).toBe('部门汇总');
    expect(sheet.getCell('A1').value).toBe('民政部2021年政务公开工作要点及任务分工');
    expect(sheet.getCell('A2').value).toContain('文号：民办便函〔2021〕648号');
    expect(sheet.getCell('A2').value).toContain('截至：2021-10-08');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:Q19');
    const cols = headerColumns(sheet, 3);
    const expected = await json(['status']);
    for (const dept of expected.departments) {
      const row = findRow(sheet, 1, dept.name)!;
      expect(row.getCell(cols.get('逾期')!).value).toBe(dept.overdue);
      expect(row.getCell(cols.get('已完成')!).value).toBe(dept.by_status.done);
      const completion = row.getCell(cols.get('完成度')!);
      expect(completion.value).toBe(dept.completion);
      expect(completion.numFmt).toBe('0%');
    }
    const info = findRow(sheet, 1, '信息中心')!;
    // Overdue departments are marked with a red fill.
    expect(info.getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(findRow(sheet, 1, '全部任务')!.getCell(cols.get('任务数')!).value).toBe(35);
  });

  it('refuses without -o, writing nothing to the terminal', async () => {
    const result = await runCli(['status', '--format', 'xlsx', '--ledger', LEDGER]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--format xlsx 须用 -o 指定要写入的文件');
    expect(result.out).toBe('');
  });
});

describe('status --dept --format xlsx', () => {
  it('lists the department\'s items with dates as dates, days as signed numbers and overdue rows marked', async () => {
    const sheet = (await workbookOf(['status', '--dept', '信息中心'])).worksheets[0]!;
    expect(sheet.name).toBe('信息中心');
    expect(sheet.getCell('A2').value).toContain('截至：2021-10-08');
    const cols = headerColumns(sheet, 3);
    const row = findRow(sheet, cols.get('编号')!, '22')!;
    expect(row.getCell(cols.get('时限')!).value).toEqual(utcDate('2021-09-30'));
    expect(row.getCell(cols.get('时限')!).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(cols.get('剩余天数')!).value).toBe(-8);
    expect(row.getCell(cols.get('剩余工作日')!).value).toBe(-1);
    expect(row.getCell(cols.get('情况')!).value).toBe('逾期');
    expect(row.getCell(cols.get('任务')!).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    const done = findRow(sheet, cols.get('编号')!, '1')!;
    expect(done.getCell(cols.get('完成日期')!).value).toEqual(utcDate('2021-09-15'));
    // Widths count Chinese characters double: the task column is wide, the number column narrow.
    expect(sheet.getColumn(cols.get('任务')!).width).toBe(60);
    expect(sheet.getColumn(cols.get('编号')!).width).toBe(10);
    expect(sheet.getColumn(cols.get('角色')!).width).toBe(22); // 配合（经由直属单位）: 10 characters, 20 columns
  });
});

describe('overdue --format xlsx', () => {
  it('puts category and accountable department in columns, so the sheet can be filtered by them', async () => {
    const sheet = (await workbookOf(['overdue'])).worksheets[0]!;
    const cols = headerColumns(sheet, 3);
    const report = await json(['overdue']);
    const rows: import('exceljs').Row[] = [];
    for (let r = 4; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    const listed = (category: string) => rows.filter((r) => r.getCell(cols.get('分类')!).value === category).map((r) => `${r.getCell(cols.get('责任单位')!).value}:${r.getCell(cols.get('编号')!).value}`);
    const fromJson = (groups: { owner: string; unassigned: boolean; items: { number: string }[] }[]) =>
      groups.flatMap((g) => g.items.map((i) => `${g.owner}${g.unassigned ? '（未指明部门）' : ''}:${i.number}`));
    expect(listed('逾期')).toEqual(fromJson(report.overdue));
    expect(listed('临期')).toEqual(fromJson(report.due_soon));
    expect(listed('久未更新')).toEqual(fromJson(report.stale));
    expect(listed('逾期').length).toBeGreaterThan(0);
  });
});

describe('export --format xlsx', () => {
  it('is the 任务分工表: one row per item with its roles, deadline, status and latest progress', async () => {
    const sheet = (await workbookOf(['export'])).worksheets[0]!;
    expect(sheet.name).toBe('任务分工表');
    const cols = headerColumns(sheet, 3);
    expect([...cols.keys()].slice(0, 10)).toEqual(['编号', '部分', '任务', '牵头', '按职责分工负责', '负责', '配合', '时限', '状态', '最新进展']);
    expect(sheet.rowCount).toBe(3 + 35);
    const item2 = findRow(sheet, 1, '2')!;
    expect(item2.getCell(cols.get('牵头')!).value).toBe('政策法规司（规章）、制发司(局)（规范性文件）');
    expect(item2.getCell(cols.get('部分')!).value).toBe('一、推进重点信息公开');
    const item22 = findRow(sheet, 1, '22')!;
    expect(item22.getCell(cols.get('负责')!).value).toBe('信息中心');
    expect(item22.getCell(cols.get('状态')!).value).toBe('推进中');
    expect(item22.getCell(cols.get('时限')!).value).toEqual(utcDate('2021-09-30'));
    expect(item22.getCell(cols.get('最新进展')!).value).toMatch(/^\d{4}-\d{2}-\d{2} 信息中心：/);
    expect(item22.getCell(cols.get('编号')!).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('keeps ledger text as text: a task starting with = is never a formula', async () => {
    const dir = tempDir();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const ledger = join(dir, 'ledger.yaml');
    const text = readFileSync(LEDGER, 'utf8').replace('text: 对照中国政府法制信息网', 'text: =HYPERLINK("http://x")对照');
    writeFileSync(ledger, text.replace(/^departments: .*$/m, `departments: ${JSON.stringify(SHIPPED_REGISTRY)}`));
    const file = join(dir, 'e.xlsx');
    const result = await runCli(['export', '--format', 'xlsx', '-o', file, '--ledger', ledger, ...AS_OF]);
    expect(result.code, result.err).toBe(0);
    const cell = (await readWorkbook(file)).worksheets[0]!.getCell('C4');
    expect(cell.type).toBe(3); // ExcelJS.ValueType.String
    expect(cell.value).toBe('=HYPERLINK("http://x")对照行政法规库公布的行政法规国家正式版本,及时更新部门户网站政府信息公开平台的行政法规文本。');
  });
});
