import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { findRow, headerColumns, readWorkbook } from '../helpers/workbook.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

describe('forms -o DIR', () => {
  it('writes one workbook per department: items locked, the fill-in columns (with 佐证材料 and 申请延期) unlocked, 状态 as a drop-down, a very hidden record', async () => {
    const dir = join(tempDir(), '表格');
    const result = await runCli(['forms', '-o', dir, '--ledger', LEDGER, '--as-of', '2021-10-08']);
    expect(result.code, result.err).toBe(0);
    const workbook = await readWorkbook(join(dir, '信息中心.xlsx'));
    const sheet = workbook.getWorksheet('填报')!;
    expect(sheet.getCell('A1').value).toBe('信息中心：民政部2021年政务公开工作要点及任务分工·进展填报');
    expect(sheet.getCell('A2').value).toContain('截至：2021-10-08');
    const cols = headerColumns(sheet, 3);
    expect([...cols.keys()]).toEqual(['编号', '角色', '任务', '时限', '当前状态', '最新进展', '状态', '完成日期', '本期进展', '佐证材料', '申请延期至', '延期理由', '联系人']);
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const row = findRow(sheet, 1, '22')!;
    expect(row.getCell(cols.get('当前状态')!).value).toBe('推进中・逾期');
    expect(row.getCell(cols.get('最新进展')!).value).toBe('2021-08-20 信息中心：完成数据接口联调');
    expect(row.getCell(cols.get('时限')!).value).toEqual(new Date('2021-09-30T00:00:00Z'));
    for (const header of ['编号', '任务', '当前状态']) expect(row.getCell(cols.get(header)!).protection?.locked).not.toBe(false);
    for (const header of ['状态', '完成日期', '本期进展', '佐证材料', '申请延期至', '延期理由', '联系人']) expect(row.getCell(cols.get(header)!).protection).toMatchObject({ locked: false });
    expect(row.getCell(cols.get('状态')!).dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,持续推进"'] });
    expect(row.getCell(cols.get('完成日期')!).dataValidation).toMatchObject({ type: 'date' });
    expect(row.getCell(cols.get('完成日期')!).numFmt).toBe('yyyy-mm-dd');
    // Only the department's own items: 11 rows under the header.
    expect(sheet.rowCount).toBe(3 + 11);

    const record = workbook.getWorksheet('gongkai')!;
    expect(record.state).toBe('veryHidden');
    const values = new Map<string, unknown>();
    record.eachRow((r) => values.set(String(r.getCell(1).value) + (r.getCell(1).value === 'item' ? String(r.getCell(2).value) : ''), r.getCell(r.getCell(1).value === 'item' ? 3 : 2).value));
    expect(values.get('department')).toBe('信息中心');
    expect(values.get('title')).toBe('民政部2021年政务公开工作要点及任务分工');
    expect(values.get('made_on')).toBe('2021-10-08');
    expect(values.get('ledger_sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect(values.get('item22')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses to run without -o', async () => {
    const result = await runCli(['forms', '--ledger', LEDGER]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('-o');
  });
});
