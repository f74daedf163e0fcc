import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { scaled } from '../helpers/scale.js';
import { copyOfTemplate, git, gitRepo, tempDir } from '../helpers/temp.js';
import { fillForm } from '../helpers/fill-form.js';

const files = () => ({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });

/**
 * A repository with the shipped ledger and fresh forms for 信息中心 and 办公厅 (its form key in .git/config):
 * made once per test run and copied for each test.
 */
async function setUp() {
  const repo = await copyOfTemplate('collect-guards', async (template) => {
    const made = gitRepo(files());
    const cli = (...args: string[]) => runCli(['--ledger', join(made, 'data', 'ledger.yaml'), ...args]);
    const office = await cli('forms', '-o', join(made, 'forms'), '--dept', '国际合作司');
    expect(office.code, office.err).toBe(0);
    const info = await cli('forms', '-o', join(made, 'forms'), '--dept', '信息中心');
    expect(info.code, info.err).toBe(0);
    cpSync(made, template, { recursive: true });
  });
  const ledger = join(repo, 'data', 'ledger.yaml');
  const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args]);
  return { repo, ledger, cli, form: join(repo, 'forms', '信息中心.xlsx'), office: join(repo, 'forms', '办公厅(国际合作司).xlsx') };
}

describe('collect', () => {
  it('reports an item changed in the ledger since the form was made as a conflict, and applies the other rows', async () => {
    const { ledger, cli, form } = await setUp();
    const noted = await cli('note', '23', '--dept', '信息中心', '--on', '2021-10-30', '电话里报的进展');
    expect(noted.code, noted.err).toBe(0);
    await fillForm(form, { '22': { 状态: '推进中', 本期进展: '接口联调' }, '23': { 状态: '已完成', 完成日期: '2021-10-28' } });
    const result = await cli('collect', form);
    expect(result.code).toBe(1);
    expect(result.err).toContain('信息中心.xlsx:填报!A6: 错误[FORM_CONFLICT] 冲突：第 23 项在表格生成（2021-11-01）之后已在台账中修改；这一行未写入');
    expect(result.out).toContain('第 22 项　状态：未启动 → 推进中');
    const text = readFileSync(ledger, 'utf8');
    expect(text).toContain('电话里报的进展');
    expect(text).not.toContain('done_on: 2021-10-28');
  });

  it('reports bad cells as file:Sheet!Cell and writes nothing from that form', async () => {
    const { ledger, cli, form } = await setUp();
    const before = readFileSync(ledger);
    await fillForm(form, { '22': { 状态: '完成了' }, '23': { 状态: '已完成', 完成日期: '下周' }, '24': { 完成日期: '2021-10-20' }, '20': { 状态: '已取消' } });
    const result = await cli('collect', form);
    expect(result.code).toBe(2);
    expect(result.err).toContain('信息中心.xlsx:填报!G5: 错误[FORM_ENTRY_INVALID] 「完成了」不是可选的状态；可选：未启动、推进中、已完成、持续推进');
    expect(result.err).toContain('信息中心.xlsx:填报!H6: 错误[FORM_ENTRY_INVALID] 「下周」不是日期；请写成 2021-10-20');
    expect(result.err).toContain('信息中心.xlsx:填报!H11: 错误[FORM_ENTRY_INVALID] 填了完成日期，状态却不是「已完成」');
    expect(result.err).toContain('信息中心.xlsx:填报!G4: 错误[FORM_ENTRY_INVALID] 「已取消」须经办公厅同意');
    expect(result.err).toContain('信息中心.xlsx: 错误[FORM_REFUSED] 4 处填写有误，这份表格未写入');
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it('refuses a row whose 完成日期 is later than the round’s date (--on), naming the file, sheet, row and column; a done date on that day is taken', async () => {
    // One day late by default; at full size also two weeks late and late across a month's end.
    const rounds = scaled<[string, string][]>([['2021-10-30', '2021-10-31']], [['2021-10-30', '2021-10-31'], ['2021-10-15', '2021-10-29'], ['2021-09-30', '2021-10-01']]);
    for (const [on, late] of rounds) {
      const { ledger, cli, form } = await setUp();
      const before = readFileSync(ledger);
      await fillForm(form, { '22': { 状态: '已完成', 完成日期: late }, '23': { 状态: '推进中', 本期进展: '等保测评' } });
      const refused = await cli('collect', form, '--on', on);
      expect(refused.code, refused.err).toBe(2);
      const found = new RegExp(`信息中心\\.xlsx:填报!([A-Z]+)(\\d+): 错误\\[FORM_ENTRY_INVALID\\] 「填报」表第 (\\d+) 行「完成日期」列填的完成日期 ${late} 晚于本轮填报的日期（--on ${on}）`).exec(refused.err);
      expect(found, refused.err).not.toBeNull();
      expect(found![3]).toBe(found![2]);
      expect(refused.err).toContain('这份表格未写入');
      expect(readFileSync(ledger).equals(before), on).toBe(true);
      // Done on the round's day itself is fine.
      await fillForm(form, { '22': { 状态: '已完成', 完成日期: on } });
      const taken = await cli('collect', form, '--on', on);
      expect(taken.code, taken.err).toBe(0);
      expect(readFileSync(ledger, 'utf8')).toContain(`done_on: ${on}`);
    }
  });

  it('refuses a form made from another ledger', async () => {
    const other = tempDir({
      'ledger.yaml': readFileSync(SHIPPED_LEDGER, 'utf8').replace('title: 民政部2021年政务公开工作要点及任务分工', 'title: 民政部2022年政务公开工作要点及任务分工').replace(/^departments: .*$/m, 'departments: departments.yaml'),
      'departments.yaml': readFileSync(SHIPPED_REGISTRY),
    });
    const made = await runCli(['--ledger', join(other, 'ledger.yaml'), 'forms', '-o', join(other, 'forms'), '--dept', '信息中心'], { env: { HOME: other } });
    expect(made.code, made.err).toBe(0);
    const { ledger, cli } = await setUp();
    const before = readFileSync(ledger);
    const form = join(other, 'forms', '信息中心.xlsx');
    await fillForm(form, { '22': { 状态: '推进中' } });
    const result = await cli('collect', form);
    expect(result.code).toBe(2);
    expect(result.err).toContain('这份表格来自另一份台账（民政部2022年政务公开工作要点及任务分工，民办便函〔2021〕648号），不是本台账（民政部2021年政务公开工作要点及任务分工）');
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it('refuses another department\'s form when --dept names whose forms are being collected', async () => {
    const { cli, office, ledger } = await setUp();
    const before = readFileSync(ledger);
    await fillForm(office, { '12': { 状态: '推进中' } });
    const result = await cli('collect', office, '--dept', '信息中心');
    expect(result.code).toBe(2);
    expect(result.err).toContain('这是办公厅(国际合作司)的表格，不是信息中心的；未读取');
    expect(readFileSync(ledger).equals(before)).toBe(true);
  });

  it('refuses a workbook that is not a gongkai form, and a file that is not a workbook', async () => {
    const { repo, cli } = await setUp();
    const sheet = join(repo, 'status.xlsx');
    expect((await cli('status', '--format', 'xlsx', '-o', sheet)).code).toBe(0);
    writeFileSync(join(repo, 'notes.xlsx'), 'not a zip');
    const result = await cli('collect', sheet, join(repo, 'notes.xlsx'), join(repo, 'missing.xlsx'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('status.xlsx: 错误[FORM_REFUSED] 不是 gongkai forms 生成的填报表格');
    expect(result.err).toContain('notes.xlsx: 错误[FORM_REFUSED] 不是能读取的 Excel 工作簿（.xlsx）');
    expect(result.err).toContain('missing.xlsx: 错误[FILE_NOT_FOUND] 文件不存在');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('without --commit writes the ledger and commits nothing', async () => {
    const { repo, ledger, cli, form } = await setUp();
    await fillForm(form, { '22': { 本期进展: '=HYPERLINK("x") 已对接', 联系人: '王五' } });
    const result = await cli('collect', form);
    expect(result.code, result.err).toBe(0);
    expect(git(repo, 'log', '--format=%s')).toBe('initial\n');
    // Only the new progress line is added; every other byte stays.
    const before = readFileSync(SHIPPED_LEDGER, 'utf8');
    const after = readFileSync(ledger, 'utf8');
    const anchor = '        due: 2021-12-31\n      - number: "23"';
    const added = '        due: 2021-12-31\n        progress:\n          - { date: 2021-11-01, dept: 信息中心, note: =HYPERLINK("x") 已对接（联系人：王五） }\n      - number: "23"';
    expect(after).toBe(before.replace(anchor, added));
  });
});
