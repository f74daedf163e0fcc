import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const AS_OF = ['--as-of', '2021-10-08'];

/** A CSV as rows of cells (quoted cells may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)) {
    const cells: string[] = [];
    for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    rows.push(cells);
  }
  return rows;
}

async function run(args: string[]) {
  const result = await runCli([...args, '--ledger', LEDGER, ...AS_OF]);
  expect(result.code, result.err).toBe(0);
  return result.out;
}

describe('CSV numeric columns', () => {
  it('status --dept: 截至 on every row, days and working days as plain numbers, the state apart from the status', async () => {
    const csv = await run(['status', '--dept', '信息中心', '--format', 'csv']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(3);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    const [header, ...rows] = parseCsv(csv);
    expect(header![0]).toBe('截至');
    expect(header!.slice(-3)).toEqual(['剩余天数', '剩余工作日', '情况']);
    const json = JSON.parse(await run(['status', '--dept', '信息中心', '--format', 'json']));
    const col = (name: string) => header!.indexOf(name);
    for (const item of json.items) {
      const row = rows.find((r) => r[col('编号')] === item.number && r[col('分类')] === '本部门')!;
      expect(row[0]).toBe('2021-10-08');
      expect(Number(row[col('剩余天数')])).toBe(item.days_left);
      expect(row[col('剩余工作日')]).toBe(item.working_days_left === null ? '' : String(item.working_days_left));
    }
    const late = rows.find((r) => r[col('编号')] === '22')!;
    expect(late[col('情况')]).toBe('逾期');
    // A negative number is data, not a formula: it is not neutralised.
    expect(late[col('剩余天数')]).toBe('-8');
  });

  it('status: task count and completion as a number of percent', async () => {
    const [header, ...rows] = parseCsv(await run(['status', '--format', 'csv']));
    const json = JSON.parse(await run(['status', '--format', 'json']));
    const at = header!.indexOf('完成度(%)');
    expect(at).toBeGreaterThan(0);
    const policy = rows.find((r) => r[1] === '政策法规司')!;
    const expected = json.departments.find((d: { name: string }) => d.name === '政策法规司');
    expect(policy[at]).toBe(String(Math.round(expected.completion * 100)));
    expect(policy[header!.indexOf('任务数')]).toBe(String(expected.items));
  });
});
