import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillForm } from '../helpers/fill-form.js';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { FULL_SIZE } from '../helpers/scale.js';
import { tempDir } from '../helpers/temp.js';

describe('forms --status: the end of a round', () => {
  it('names every department whose form has not come back, and not the one that returned it', async () => {
    const dir = tempDir({ 'departments.yaml': readFileSync(SHIPPED_REGISTRY), 'ledger.yaml': readFileSync(join(FIXTURES, 'ledgers', 'mca-progress.yaml'), 'utf8').replace(/^departments: .*$/m, 'departments: departments.yaml') });
    const ledger = join(dir, 'ledger.yaml');
    const round = join(dir, '2021-10');
    const made = await runCli(['--ledger', ledger, 'forms', '-o', round, '--as-of', '2021-10-09']);
    expect(made.code, made.err).toBe(0);
    const issued = made.out.trim().split('\n').map((line) => line.split('.xlsx')[0]!);
    expect(issued).toContain('信息中心');
    // One form for every department with items, and the count said.
    expect(issued).toHaveLength(15);
    expect(made.err).toContain('已写入 15 份填报表格');

    // At full size also before any form came back: every department named. By default once, after one came back (each
    // run reads all fifteen workbooks): the fourteen named are every department but that one.
    if (FULL_SIZE) {
      const before = await runCli(['--ledger', ledger, 'forms', '--status', '-o', round]);
      expect(before.code, before.err).toBe(0);
      expect(before.out.trim().split('\n').map((line) => line.split('　')[0]).sort()).toEqual([...issued].sort());
    }

    await fillForm(join(round, '信息中心.xlsx'), { '22': { 状态: '已完成', 完成日期: '2021-10-11', 联系人: '王五' } });
    expect((await runCli(['--ledger', ledger, 'collect', join(round, '信息中心.xlsx'), '--on', '2021-10-12'])).code).toBe(0);
    const after = await runCli(['--ledger', ledger, 'forms', '--status', '-o', round]);
    const missing = after.out.trim().split('\n').map((line) => line.split('　')[0]);
    expect(missing.sort()).toEqual(issued.filter((d) => d !== '信息中心').sort());
    expect(after.err).toContain(`已交回 1 份，未交回 ${issued.length - 1} 份`);
  }, 60_000);
});
