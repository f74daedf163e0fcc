import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LEDGER, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

interface Row {
  number: string;
  role: string;
  via?: string;
}

async function departmentJson(dept: string, ledger = SHIPPED_LEDGER) {
  const result = await runCli(['status', '--ledger', ledger, '--dept', dept, '--format', 'json', '--as-of', '2021-11-01']);
  expect(result.code, result.err).toBe(0);
  return JSON.parse(result.out) as { department: { name: string }; items: Row[]; possible: Row[] };
}

/** `role:numbers` with `@group` when the item came through a group. */
function byRole(rows: Row[]): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const row of rows) (out[row.role] ??= []).push(row.via ? `${row.number}@${row.via}` : row.number);
  return Object.fromEntries(Object.entries(out).map(([role, numbers]) => [role, numbers.join(' ')]));
}

// Written by hand from the notice (data/mca-2021-plan.txt).
describe('who owns what in the shipped ledger', () => {
  it('finds 办公厅 items when asked for 国际合作司', async () => {
    const report = await departmentJson('国际合作司');
    expect(report.department.name).toBe('办公厅(国际合作司)');
    expect(byRole(report.items)).toEqual({
      lead: '12 13 14 17 18 21 24 27 28 30 33 34',
      joint: '11@各司(局) 19 25@各司(局)',
      sole: '15',
      cooperate: '29 35',
    });
    expect(report.possible.map((r) => r.number)).toEqual(['2', '4', '20', '26']);
  });

  it('gives 信息中心 the items where 直属单位 cooperate', async () => {
    const report = await departmentJson('信息中心');
    expect(byRole(report.items)).toEqual({
      joint: '20',
      sole: '22 23',
      cooperate: '1 2 12 21 24 27 33@直属单位 34@直属单位',
    });
    expect(report.possible).toEqual([]);
  });

  it('gives 档案资料馆 its named items and the 直属单位 ones', async () => {
    expect(byRole((await departmentJson('档案资料馆')).items)).toEqual({ cooperate: '2 26 33@直属单位 34@直属单位' });
  });

  it('gives every internal department the 各司(局) items, and lists vague groups apart', async () => {
    const report = await departmentJson('离退休干部局');
    expect(byRole(report.items)).toEqual({ joint: '11@各司(局) 25@各司(局)' });
    expect(report.possible.map((r) => `${r.number}@${r.via}`)).toEqual([
      '2@制发司(局)',
      '4@各有关司(局)',
      '12@各有关司(局)',
      '13@各有关司(局)',
      '14@各有关司(局)',
      '17@各有关司(局)',
      '18@各有关司(局)',
      '20@各有关司(局)',
      '26@有关承办司(局)',
      '30@各有关司(局)',
      '33@各有关司(局)',
      '34@各有关司(局)',
    ]);
  });

  it('keeps scoped leads and the strongest role when a department is named twice', async () => {
    const report = await departmentJson('政策法规司');
    expect(byRole(report.items)).toEqual({ lead: '1 2 4 29 30', joint: '11@各司(局) 25@各司(局)' });
    expect(report.items.find((r) => r.number === '2')).toMatchObject({ scope: '规章' });
  });

  it('counts an item as the department\'s once the ledger resolves the group to it', async () => {
    const ledger = readFileSync(SHIPPED_LEDGER, 'utf8').replace(
      '        cooperate: [信息中心]\n        status: 未启动\n        due: 2021-12-31\n      - number: "13"',
      '        cooperate: [信息中心]\n        resolve:\n          各有关司(局): [社会救助司, 慈善司]\n        status: 未启动\n        due: 2021-12-31\n      - number: "13"',
    );
    expect(ledger).toContain('慈善司]');
    const dir = tempDir({ 'ledger.yaml': ledger, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
    const file = join(dir, 'ledger.yaml');
    for (const dept of ['社会救助司', '慈善事业促进和社会工作司']) {
      const report = await departmentJson(dept, file);
      expect(report.items.find((r) => r.number === '12')).toMatchObject({ role: 'joint', via: '各有关司(局)' });
      expect(report.possible.map((r) => r.number)).not.toContain('12');
    }
    // The group is said to mean those two: another of its members is not even possibly concerned (README: 在 resolve 中写明之前).
    const other = await departmentJson('儿童福利司', file);
    expect([...other.items, ...other.possible].map((r) => r.number)).not.toContain('12');
    // Without the resolve it was.
    expect((await departmentJson('儿童福利司')).possible.map((r) => r.number)).toContain('12');
  });

  it('answers an unknown --dept with the closest names, exit 2', async () => {
    const result = await runCli(['status', '--ledger', SHIPPED_LEDGER, '--dept', '信息中新']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('gongkai: 错误[UNKNOWN_DEPARTMENT] 部门名录中没有「信息中新」；是否是「信息中心」？\n');
  });
});
