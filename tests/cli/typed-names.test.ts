import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const LEDGER = join(FIXTURES, 'ledgers', 'mca-progress.yaml');
const HAND = readFileSync(join(FIXTURES, 'ledgers', 'hand-edited.yaml'), 'utf8');

const status = (...args: string[]) => runCli(['status', '--ledger', LEDGER, '--as-of', '2021-10-08', ...args]);

describe('departments as people type them', () => {
  it.each([
    ['救助司', '社会救助司'],
    ['法规司', '政策法规司'],
    ['规财司', '规划财务司'],
    ['养老司', '养老服务司'],
    ['档案馆', '档案资料馆'],
    ['执法监督局', '社会组织管理局(社会组织执法监督局)'],
  ])('%s is read as %s, and stderr says so in one line', async (typed, full) => {
    const result = await status('--dept', typed);
    expect(result.code).toBe(0);
    expect(result.err).toBe(`--dept: 警告[DEPARTMENT_ABBREVIATED] 「${typed}」按「${full}」处理\n`);
    expect(result.out.split('\n')[0]).toMatch(new RegExp(`^${full.replace(/[()]/g, '\\$&')}（`));
    // The same view as asking by the full name.
    expect(result.out).toBe((await status('--dept', full)).out);
  });

  it('an exact name or alias is taken silently', async () => {
    const result = await status('--dept', '国际合作司');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });

  it('an ambiguous name lists each candidate department once, and exits 2', async () => {
    const result = await status('--dept', '社会');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'gongkai: 错误[DEPARTMENT_AMBIGUOUS] 「社会」可指 4 个部门，请写得更具体：\n    社会组织管理局(社会组织执法监督局)\n    社会救助司\n    社会事务司\n    慈善事业促进和社会工作司\n',
    );
  });

  it('an unknown name suggests the closest department, once per department', async () => {
    const result = await runCli(['overdue', '--ledger', LEDGER, '--as-of', '2021-10-08', '--dept', '信息中新']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('gongkai: 错误[UNKNOWN_DEPARTMENT] 部门名录中没有「信息中新」；是否是「信息中心」？\n');
    const far = await status('--dept', '财政部');
    expect(far.code).toBe(2);
    expect(far.err).toContain('部门名录中没有「财政部」');
  });

  it('a short name listed in the registry is taken silently', async () => {
    const file = join(tempDir({ 'ledger.yaml': HAND.replace('{name: 规划财务司, kind: internal}', '{name: 规划财务司, short: 规财司, kind: internal}') }), 'ledger.yaml');
    const short = await runCli(['status', '--ledger', file, '--dept', '规财司']);
    expect(short.code).toBe(0);
    expect(short.err).toBe('');
    expect(short.out).toMatch(/^规划财务司（/);
  });

  it('note --dept writes the full name the shortening stands for', async () => {
    const file = join(tempDir({ 'ledger.yaml': HAND }), 'ledger.yaml');
    const result = await runCli(['note', '1', '--ledger', file, '--dept', '法规司', '--on', '9月21日', '已更新']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toBe('--dept: 警告[DEPARTMENT_ABBREVIATED] 「法规司」按「政策法规司」处理\n');
    expect(readFileSync(file, 'utf8')).toContain('{ date: 2021-09-21, dept: 政策法规司, note: 已更新 }');
  });
});

describe('every date option reads dates as people type them', () => {
  it.each([['2021/10/8'], ['2021-10-8'], ['20211008'], ['2021年10月8日'], ['10月8日']])('status --as-of %s is 2021-10-08', async (typed) => {
    const result = await runCli(['status', '--ledger', LEDGER, '--as-of', typed]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('截至 2021-10-08：');
  });

  it('今天 and 昨天 are Beijing dates', async () => {
    expect((await runCli(['overdue', '--ledger', LEDGER, '--as-of', '今天'])).out).toContain('截至 2021-11-01');
    expect((await runCli(['overdue', '--ledger', LEDGER, '--as-of', '昨天'])).out).toContain('截至 2021-10-31');
  });

  it('set --due and --done-on, done --on write YYYY-MM-DD', async () => {
    const file = join(tempDir({ 'ledger.yaml': HAND }), 'ledger.yaml');
    expect((await runCli(['set', '1', '--ledger', file, '--due', '2021/10/31', '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('due: 2021-10-31     # 提前到九月底');
    expect((await runCli(['done', '1', '--ledger', file, '--on', '2021年10月20日'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('done_on: 2021-10-20');
    expect((await runCli(['set', '1', '--ledger', file, '--done-on', '昨天'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('done_on: 2021-10-31');
  });

  it('a date that does not exist or is not a date is refused, naming the option, and nothing is written', async () => {
    const file = join(tempDir({ 'ledger.yaml': HAND }), 'ledger.yaml');
    const bad = await runCli(['done', '1', '--ledger', file, '--on', '2021/2/30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('gongkai: 错误[OPTION_INVALID] --on：日期「2021/2/30」不存在\n');
    const word = await runCli(['status', '--ledger', LEDGER, '--as-of', '下周']);
    expect(word.code).toBe(2);
    expect(word.err).toMatch(/^gongkai: 错误\[OPTION_INVALID\] --as-of：「下周」不是日期；可以写 .*10月8日/);
    expect(readFileSync(file, 'utf8')).toBe(HAND);
  });
});
