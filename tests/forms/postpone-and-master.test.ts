import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillForm, resaveWithGnumeric } from '../helpers/fill-form.js';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTemplate } from '../helpers/temp.js';
import { FULL_SIZE, scaled } from '../helpers/scale.js';
import { toolAvailable } from '../helpers/tools.js';
import { runOffice } from '../report/office-pdf.js';

const PROGRESS = join(FIXTURES, 'ledgers', 'mca-progress.yaml');

const workspaceFiles = () => ({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY), 'ledger.yaml': readFileSync(PROGRESS, 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });

/** The ledger in a folder of its own, with what one command wrote there (made once per test run and copied). */
async function workspace(made: { key: string; args: (dir: string) => string[] }) {
  const dir = await copyOfTemplate(`postpone-and-master:${made.key}`, async (template) => {
    for (const [name, content] of Object.entries(workspaceFiles())) writeFileSync(join(template, name), content);
    const result = await runCli(['--ledger', join(template, 'ledger.yaml'), ...made.args(template)]);
    expect(result.code, result.err).toBe(0);
  });
  const ledger = join(dir, 'ledger.yaml');
  const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args]);
  type Raw = Record<string, unknown> & { number: string };
  const items = (): Map<string, Raw> => new Map(parse(readFileSync(ledger, 'utf8')).sections.flatMap((s: { items: Raw[] }) => s.items.map((i) => [String(i.number), i] as const)));
  return { dir, ledger, cli, items };
}

/** 信息中心's form as of 2021-10-09, and the master table exported as of that day. */
const FORM = { key: 'form', args: (dir: string) => ['forms', '-o', join(dir, 'forms'), '--dept', '信息中心', '--as-of', '2021-10-09'] };
const TABLE = { key: 'table', args: (dir: string) => ['export', '--format', 'xlsx', '--as-of', '2021-10-09', '-o', join(dir, '任务分工表.xlsx')] };

/** Re-saves an .xlsx through LibreOffice Calc, as a liaison using it would. */
function resaveWithLibreOffice(file: string, dir: string): void {
  const out = join(dir, 'lo-out');
  runOffice(dir, ['--convert-to', 'xlsx', '--outdir', out, file]);
  copyFileSync(join(out, basename(file)), file);
}

/**
 * The office program the liaison re-saves the form with: LibreOffice Calc at full size; by default gnumeric,
 * which re-saves in a fifth of a second of CPU where a LibreOffice start costs about a second (the Word output's test
 * starts it once by default, tests/report/docx-out.test.ts).
 */
const RESAVER = scaled(
  { name: 'gnumeric', available: () => toolAvailable('ssconvert', 'apt-get install gnumeric'), resave: (file: string) => resaveWithGnumeric(file) },
  { name: 'LibreOffice', available: () => toolAvailable('soffice', 'apt-get install libreoffice-calc'), resave: resaveWithLibreOffice },
);

describe('a form with a postponement request and evidence', () => {
  it.runIf(RESAVER.available())(`re-saved by ${RESAVER.name}, is collected into a pending request and a note; postpone --approved-by approves it; collecting again adds nothing`, async () => {
    const { dir, ledger, cli, items } = await workspace(FORM);
    const form = join(dir, 'forms', '信息中心.xlsx');
    await fillForm(form, {
      '23': { 本期进展: '已完成漏洞扫描', 佐证材料: '民办函〔2021〕12号 https://example.invalid/scan', 申请延期至: '2021-12-15', 延期理由: '等待测评机构进场', 联系人: '王五' } as never,
    });
    RESAVER.resave(form, dir);
    const before = items().get('23')!;

    const collected = await cli('collect', form, '--on', '2021-10-12');
    expect(collected.code, collected.err).toBe(0);
    expect(collected.out).toContain('第 23 项　申请延期（2021-10-12，信息中心）：延至 2021-12-15；理由：等待测评机构进场；待批准');
    expect(collected.out).toContain('gongkai postpone 23 --approved-by');
    const after = items().get('23')!;
    expect(after.due).toEqual(before.due); // a request moves nothing
    expect(after.postponement_requests).toEqual([{ on: '2021-10-12', dept: '信息中心', to: '2021-12-15', reason: '等待测评机构进场' }]);
    expect((after.progress as { note: string }[]).at(-1)).toEqual({ date: '2021-10-12', dept: '信息中心', note: '已完成漏洞扫描（佐证材料：民办函〔2021〕12号 https://example.invalid/scan）（联系人：王五）' });

    const approved = await cli('postpone', '23', '--approved-by', '张主任', '--on', '2021-10-13');
    expect(approved.code, approved.err).toBe(0);
    const done = items().get('23')!;
    expect(done.due).toBe('2021-12-15');
    expect((done.postponements as unknown[]).at(-1)).toEqual({ on: '2021-10-13', from: before.due, to: '2021-12-15', reason: '等待测评机构进场', approved_by: '张主任' });
    // Approved: nothing is pending any more, so a bare postpone asks for --to and --reason.
    const again = await cli('postpone', '23', '--approved-by', '张主任');
    expect(again.code).toBe(2);
    expect(again.err).toContain('没有待批准的延期申请');

    const text = readFileSync(ledger, 'utf8');
    const twice = await cli('collect', form, '--on', '2021-10-14');
    expect(twice.code, twice.err).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(text);
  }, 120_000);

  it('a request without a reason, or to a date not after the deadline, is a mistake by cell and nothing is written', async () => {
    const { dir, ledger, cli } = await workspace(FORM);
    const form = join(dir, 'forms', '信息中心.xlsx');
    await fillForm(form, { '23': { 申请延期至: '2021-12-15' } as never, '22': { 申请延期至: '2021-09-01', 延期理由: '等接口' } as never });
    const text = readFileSync(ledger, 'utf8');
    const result = await cli('collect', form, '--on', '2021-10-12');
    expect(result.code).toBe(2);
    expect(result.err, result.err).toMatch(/信息中心\.xlsx:填报!K\d+: 错误\[FORM_ENTRY_INVALID\] 申请延期须写明延期理由/);
    expect(readFileSync(ledger, 'utf8')).toBe(text);
    await fillForm(form, { '23': { 申请延期至: null, 延期理由: null } as never });
    const second = await cli('collect', form, '--on', '2021-10-12');
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/申请延期至 2021-09-01 须晚于第 22 项当前的时限 2021-09-30/);
    expect(readFileSync(ledger, 'utf8')).toBe(text);
  });
});

describe('the master 任务分工表, edited and read back', () => {
  async function edit(file: string, changes: Record<string, Record<string, string | Date>>): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('任务分工表')!;
    const header = new Map<string, number>();
    sheet.getRow(3).eachCell((cell, c) => header.set(String(cell.value), c));
    sheet.eachRow((row) => {
      const change = changes[String(row.getCell(header.get('编号')!).value)];
      if (change && row.number > 3) for (const [column, value] of Object.entries(change)) row.getCell(header.get(column)!).value = value;
    });
    await workbook.xlsx.writeFile(file);
  }

  it('changes exactly what was edited: a status, a note, a deadline by postponement', async () => {
    const { dir, cli, items } = await workspace(TABLE);
    const table = join(dir, '任务分工表.xlsx');
    await edit(table, {
      '3': { 状态: '推进中' },
      '5': { 本期进展: '预算公开材料已报送', 佐证材料: '民财函〔2021〕8号' },
      '26': { 申请延期至: '2021-11-30', 延期理由: '并入年底检查', 批准人: '张主任' },
    });
    // At full size re-saved through gnumeric (the form's test above then uses LibreOffice): the office edits its table in
    // whatever it has. By default the form's test re-saves through gnumeric already, and a re-saved workbook costs each
    // collect about 0.05 s of CPU more (gnumeric writes every column of every row: a sheet over a hundred times the size, checked
    // against the read budget before its empty cells are dropped): here the table stays as an Excel user saves it.
    if (FULL_SIZE) resaveWithGnumeric(table);
    const before = items();
    const result = await cli('collect', table, '--on', '2021-10-12');
    expect(result.code, result.err).toBe(0);
    const after = items();
    const changed = [...after.keys()].filter((n) => JSON.stringify(after.get(n)) !== JSON.stringify(before.get(n)));
    expect(changed.sort()).toEqual(['26', '3', '5']);
    expect(after.get('3')!.status).toBe('推进中');
    expect(after.get('5')!.progress).toEqual([...((before.get('5')!.progress as unknown[]) ?? []), { date: '2021-10-12', dept: '办公厅(国际合作司)', note: '预算公开材料已报送（佐证材料：民财函〔2021〕8号）' }]);
    expect(after.get('26')!.due).toBe('2021-11-30');
    expect(after.get('26')!.postponements).toEqual([{ on: '2021-10-12', from: before.get('26')!.due, to: '2021-11-30', reason: '并入年底检查', approved_by: '张主任' }]);
    // Read back twice: nothing more.
    const again = await cli('collect', table, '--on', '2021-10-13');
    expect(again.code, again.err).toBe(0);
    expect(JSON.stringify([...items()])).toBe(JSON.stringify([...after]));
  }, 120_000);

  it('has the checks of a form: a status that is not one is refused by cell, an item changed since is a conflict', async () => {
    const { dir, cli, ledger } = await workspace(TABLE);
    const table = join(dir, '任务分工表.xlsx');
    await edit(table, { '3': { 状态: '完成了' } });
    const text = readFileSync(ledger, 'utf8');
    const bad = await cli('collect', table);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/任务分工表\.xlsx:任务分工表!I\d+: 错误\[FORM_ENTRY_INVALID\] 「完成了」不是可选的状态/);
    expect(readFileSync(ledger, 'utf8')).toBe(text);

    await edit(table, { '3': { 状态: '推进中' } });
    expect((await cli('note', '3', '--dept', '政策法规司', '--on', '2021-10-10', '已起草')).code).toBe(0);
    const conflict = await cli('collect', table, '--on', '2021-10-12');
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain('冲突：第 3 项在表格生成（2021-10-09）之后已在台账中修改');
  });
});
