import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { git, gitRepo } from '../helpers/temp.js';
import { fillForm, resaveWithGnumeric } from '../helpers/fill-form.js';
import { toolAvailable } from '../helpers/tools.js';

const hasGnumeric = toolAvailable('ssconvert', 'apt-get install -y gnumeric');
const files = () => ({ 'data/ledger.yaml': readFileSync(SHIPPED_LEDGER), 'data/departments.yaml': readFileSync(SHIPPED_REGISTRY) });

describe('the coordinator\'s loop: forms → filled by liaisons → collect --commit → status and log', () => {
  it.runIf(hasGnumeric)('takes progress back from two departments, one form re-saved by gnumeric, and credits who reported', async () => {
    const repo = gitRepo(files());
    const ledger = join(repo, 'data', 'ledger.yaml');
    const cli = (...args: string[]) => runCli(['--ledger', ledger, ...args]);
    const formsDir = join(repo, '表格');

    // The two departments' forms (a form for every department, and its count, is tested in round-status.test.ts).
    for (const dept of ['信息中心', '社会救助司']) {
      const made = await cli('forms', '-o', formsDir, '--dept', dept);
      expect(made.code, made.err).toBe(0);
      expect(made.err).toContain('已写入 1 份填报表格');
      if (dept === '信息中心') expect(made.out).toContain('信息中心.xlsx　11 项');
    }

    // The 信息中心 liaison fills in their form in Excel.
    await fillForm(join(formsDir, '信息中心.xlsx'), {
      '22': { 状态: '已完成', 完成日期: new Date(Date.UTC(2021, 9, 20)), 本期进展: '与中国政府网专栏完成数据联通', 联系人: '王五' },
      '23': { 状态: '推进中', 本期进展: '完成客户端安全评估', 联系人: '王五' },
    });
    // The 社会救助司 liaison types the date as text, and saves the form again in another office suite.
    const relief = join(formsDir, '社会救助司.xlsx');
    await fillForm(relief, { '7': { 状态: '推进中', 本期进展: '低保信息公开专栏改版', 联系人: '李四' }, '19': { 状态: '已完成', 完成日期: '2021/10/25', 联系人: '李四' } });
    resaveWithGnumeric(relief);

    const before = git(repo, 'rev-list', '--count', 'HEAD').trim();
    const collected = await cli('collect', join(formsDir, '信息中心.xlsx'), relief, '--commit');
    expect(collected.code, collected.err).toBe(0);
    expect(collected.out).toContain('第 22 项　状态：未启动 → 已完成');
    expect(collected.out).toContain('第 22 项　完成日期：无 → 2021-10-20');
    expect(collected.out).toContain('第 19 项　完成日期：无 → 2021-10-25');
    // One commit per form, credited to the contact person of the department.
    expect(Number(git(repo, 'rev-list', '--count', 'HEAD'))).toBe(Number(before) + 2);
    expect(git(repo, 'log', '-2', '--format=%an|%s')).toBe(
      '李四（社会救助司）|gongkai: 社会救助司报送 7 未启动→推进中；7 进展；19 未启动→已完成 (表格 社会救助司.xlsx)\n' +
        '王五（信息中心）|gongkai: 信息中心报送 22 未启动→已完成；22 进展；23 未启动→推进中；23 进展 (表格 信息中心.xlsx)\n',
    );
    expect(git(repo, 'status', '--porcelain', '--', 'data')).toBe('');

    // status shows the progress …
    const status = await cli('status', '--dept', '信息中心', '--format', 'json');
    const rows = JSON.parse(status.out).items;
    expect(rows.find((r: { number: string }) => r.number === '22')).toMatchObject({ status: 'done', done_on: '2021-10-20' });
    expect(rows.find((r: { number: string }) => r.number === '23')).toMatchObject({ status: 'in_progress' });
    // … and log shows who reported what.
    const log = await cli('log', '22');
    expect(log.code, log.err).toBe(0);
    expect(log.out).toMatch(/王五（信息中心）\s+\w+\s+第 22 项　状态：未启动 → 已完成/);
    const json = JSON.parse((await cli('log', '22', '--format', 'json')).out);
    expect(json.entries).toContainEqual(expect.objectContaining({ author: '王五（信息中心）', change: expect.objectContaining({ kind: 'progress', entry: { date: '2021-11-01', dept: '信息中心', note: '与中国政府网专栏完成数据联通（联系人：王五）' } }) }));
    const log19 = await cli('log', '19');
    expect(log19.out).toMatch(/李四（社会救助司）.*第 19 项　状态：未启动 → 已完成/);

    // Collecting the same forms again adds nothing and commits nothing.
    const ledgerBytes = readFileSync(ledger);
    const again = await cli('collect', join(formsDir, '信息中心.xlsx'), relief, '--commit');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('信息中心.xlsx（信息中心）：没有新的填报内容（2 行已在台账中）');
    expect(readFileSync(ledger).equals(ledgerBytes)).toBe(true);
    expect(Number(git(repo, 'rev-list', '--count', 'HEAD'))).toBe(Number(before) + 2);
  });
});
