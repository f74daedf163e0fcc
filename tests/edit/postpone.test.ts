import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHIPPED_REGISTRY } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { git, gitRepo, tempDir } from '../helpers/temp.js';

const PROGRESS = readFileSync(join(FIXTURES, 'ledgers', 'mca-progress.yaml'), 'utf8').replace('departments: ../../../data/departments.yaml', 'departments: departments.yaml');
const files = () => ({ 'ledger.yaml': PROGRESS, 'departments.yaml': readFileSync(SHIPPED_REGISTRY) });
const ITEM_22 = `        status: 推进中
        due: 2021-09-30
        progress:
          - { date: 2021-08-20, dept: 信息中心, note: 完成数据接口联调 }
`;

async function gongkai(dir: string, ...args: string[]) {
  const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), ...args]);
  expect(hasStackTrace(result.out + result.err)).toBe(false);
  return result;
}
const read = (dir: string) => readFileSync(join(dir, 'ledger.yaml'), 'utf8');

describe('postpone', () => {
  it('moves due and records original due, new due, reason, approver and date, touching nothing else', async () => {
    const dir = tempDir(files());
    const result = await gongkai(dir, 'postpone', '22', '--to', '2021-12-15', '--reason', '等待国办接口规范', '--approved-by', '张主任', '--on', '2021-10-08');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('第 22 项　延期（第 1 次，2021-10-08）：2021-09-30 → 2021-12-15；理由：等待国办接口规范；批准：张主任\n');
    expect(read(dir)).toBe(
      PROGRESS.replace(
        ITEM_22,
        `        status: 推进中
        due: 2021-12-15
        postponements:
          - { on: 2021-10-08, from: 2021-09-30, to: 2021-12-15, reason: 等待国办接口规范, approved_by: 张主任 }
        progress:
          - { date: 2021-08-20, dept: 信息中心, note: 完成数据接口联调 }
`,
      ),
    );
  });

  it('a second postponement starts where the first ended; validate and export keep the trail', async () => {
    const dir = tempDir(files());
    await gongkai(dir, 'postpone', '22', '--to', '2021-10-31', '--reason', '等待规范', '--on', '2021-09-28');
    const second = await gongkai(dir, 'postpone', '22', '--to', '2021-12-15', '--reason', '系统改版, 需联调', '--approved-by', '张主任', '--on', '2021-10-29');
    expect(second.code, second.err).toBe(0);
    expect(read(dir)).toContain(
      '        postponements:\n' +
        '          - { on: 2021-09-28, from: 2021-09-30, to: 2021-10-31, reason: 等待规范 }\n' +
        '          - { on: 2021-10-29, from: 2021-10-31, to: 2021-12-15, reason: "系统改版, 需联调", approved_by: 张主任 }\n',
    );
    expect((await gongkai(dir, 'validate', '--strict')).out).not.toContain('POSTPONEMENT');
    const exported = JSON.parse((await gongkai(dir, 'export')).out).items.find((i: { number: string }) => i.number === '22');
    expect(exported.due).toBe('2021-12-15');
    expect(exported.postponements).toEqual([
      { on: '2021-09-28', from: '2021-09-30', to: '2021-10-31', reason: '等待规范', approved_by: null },
      { on: '2021-10-29', from: '2021-10-31', to: '2021-12-15', reason: '系统改版, 需联调', approved_by: '张主任' },
    ]);
  });

  it('the trail survives later edits: set --status, done and note leave it byte for byte', async () => {
    const dir = tempDir(files());
    await gongkai(dir, 'postpone', '22', '--to', '2021-12-15', '--reason', '等待规范', '--on', '2021-10-08');
    const trail = '          - { on: 2021-10-08, from: 2021-09-30, to: 2021-12-15, reason: 等待规范 }\n';
    expect(read(dir)).toContain(trail);
    expect((await gongkai(dir, 'note', '22', '--dept', '信息中心', '--on', '2021-10-29', '接口已上线')).code).toBe(0);
    expect((await gongkai(dir, 'set', '22', '--status', '已完成', '--done-on', '2021-10-30')).code).toBe(0);
    expect(read(dir)).toContain(trail);
    expect((await gongkai(dir, 'validate', '--format', 'json')).out).not.toContain('POSTPONEMENT');
    const item = JSON.parse((await gongkai(dir, 'export')).out).items.find((i: { number: string }) => i.number === '22');
    expect(item).toMatchObject({ status: 'done', due: '2021-12-15', postponements: [{ on: '2021-10-08', from: '2021-09-30', to: '2021-12-15' }] });
  });

  it('refuses an earlier date, a done item, and an empty reason, and changes nothing', async () => {
    const dir = tempDir(files());
    const before = read(dir);
    const earlier = await gongkai(dir, 'postpone', '22', '--to', '2021-09-01', '--reason', 'x', '--on', '2021-10-08');
    expect(earlier.code).toBe(2);
    expect(earlier.err).toContain('新时限 2021-09-01 须晚于第 22 项当前的时限 2021-09-30');
    const done = await gongkai(dir, 'postpone', '1', '--to', '2021-12-31', '--reason', 'x', '--on', '2021-10-08');
    expect(done.err).toContain('第 1 项已完成，无需延期');
    expect((await gongkai(dir, 'postpone', '22', '--to', '2021-12-31', '--reason', ' ', '--on', '2021-10-08')).err).toContain('选项 --reason 的值是空的');
    expect(read(dir)).toBe(before);
  });

  it('replaces a relative deadline by the new date, with the computed date as the original', async () => {
    const dir = tempDir({ ...files(), 'ledger.yaml': PROGRESS.replace(ITEM_22, ITEM_22.replace('due: 2021-09-30', 'due: { after: 2021-09-28, working_days: 10 }')) });
    const result = await gongkai(dir, 'postpone', '22', '--to', '2021-11-30', '--reason', '数据未齐', '--on', '2021-10-18');
    expect(result.code, result.err).toBe(0);
    expect(read(dir)).toContain('        due: 2021-11-30\n        postponements:\n          - { on: 2021-10-18, from: 2021-10-18, to: 2021-11-30, reason: 数据未齐 }\n');
  });
});

describe('set --due and cancellation keep the record', () => {
  it('set --due on an overdue item asks for postpone; --force overwrites', async () => {
    const dir = tempDir(files());
    const before = read(dir);
    const refused = await gongkai(dir, 'set', '22', '--due', '2021-12-15');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('第 22 项已逾期（时限 2021-09-30）：改时限请用 gongkai postpone 22 --to 2021-12-15 --reason 理由');
    expect(read(dir)).toBe(before);
    expect((await gongkai(dir, 'set', '22', '--due', '2021-12-15', '--force')).code).toBe(0);
    expect(read(dir)).toBe(before.replace(ITEM_22, ITEM_22.replace('due: 2021-09-30', 'due: 2021-12-15')));
  });

  it('set --due on an item postponed before asks for postpone, even when it is not late', async () => {
    const dir = tempDir(files());
    await gongkai(dir, 'postpone', '22', '--to', '2021-12-15', '--reason', '等待规范', '--on', '2021-10-08');
    const refused = await gongkai(dir, 'set', '22', '--due', '2021-12-20');
    expect(refused.err).toContain('第 22 项已延期 1 次');
  });

  it('set --due on an item neither late nor postponed just sets it', async () => {
    const dir = tempDir(files());
    expect((await gongkai(dir, 'set', '21', '--due', '2021-11-30')).code).toBe(0);
  });

  it('cancelling needs a reason, and keeps it with the date and approver', async () => {
    const dir = tempDir(files());
    const refused = await gongkai(dir, 'set', '23', '--status', '已取消');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('取消任务须写明理由');
    const result = await gongkai(dir, 'set', '23', '--status', '已取消', '--reason', '并入第 22 项', '--approved-by', '李主任', '--on', '2021-10-12');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('第 23 项　状态：推进中 → 已取消\n第 23 项　取消（2021-10-12）：并入第 22 项；批准：李主任\n');
    expect(read(dir)).toContain('        cancelled: { on: 2021-10-12, reason: 并入第 22 项, approved_by: 李主任 }\n');
    const diagnostics = JSON.parse((await gongkai(dir, 'validate', '--format', 'json')).out).diagnostics as { code: string; message: string }[];
    expect(diagnostics.filter((d) => d.message.startsWith('第 23 项'))).toEqual([]);
  });
});

describe('dates outside the plan year', () => {
  const in2026 = { now: () => new Date('2026-11-26T04:00:00Z') };

  it.each([
    ['done', ['done', '22']],
    ['note', ['note', '22', '--dept', '信息中心', '接口已上线']],
    ['postpone', ['postpone', '22', '--to', '2021-12-31', '--reason', '等待']],
    ['set --status 已完成', ['set', '22', '--status', '已完成']],
  ])('%s without --on in 2026 on a 2021 ledger is refused and writes nothing', async (_name, args) => {
    const dir = tempDir(files());
    const before = read(dir);
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), ...args], in2026);
    expect(result.code).toBe(2);
    // One rule, one refusal: the same words from every command, naming the option that command takes.
    const option = args[0] === 'set' ? '--done-on' : '--on';
    expect(result.err).toContain(`今天（2026-11-26）晚于 2021 年度计划的记录期（至 2022-01-31），未写入；请用 ${option} 写明 2021 年度内的日期，如 ${option} 2021-12-31`);
    expect(read(dir)).toBe(before);
    // The advice works: the same command with the suggested option is written.
    const advised = await runCli(['--ledger', join(dir, 'ledger.yaml'), ...args, option, '2021-12-31'], in2026);
    expect(advised.code, advised.err).toBe(0);
  });

  it('with --on the date is taken as given', async () => {
    const dir = tempDir(files());
    const result = await runCli(['--ledger', join(dir, 'ledger.yaml'), 'done', '22', '--on', '2021-12-20'], in2026);
    expect(result.code, result.err).toBe(0);
  });
});

describe('postponement in git history', () => {
  it('commit, log and diff name the postponement as such, not as a bare date change', async () => {
    const dir = gitRepo(files());
    const result = await gongkai(dir, 'postpone', '22', '--to', '2021-12-15', '--reason', '等待国办接口规范', '--approved-by', '张主任', '--on', '2021-10-08', '--commit');
    expect(result.code, result.err).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('gongkai: 22 延期 2021-09-30→2021-12-15 (信息中心)\n');
    const diff = await gongkai(dir, 'diff', 'HEAD~1', 'HEAD');
    expect(diff.out).toBe('HEAD~1 → HEAD：1 处变化\n第 22 项　延期（第 1 次，2021-10-08）：2021-09-30 → 2021-12-15；理由：等待国办接口规范；批准：张主任\n');
    const json = JSON.parse((await gongkai(dir, 'diff', 'HEAD~1', 'HEAD', '--format', 'json')).out);
    expect(json.changes).toEqual([
      { kind: 'postponed', item: '22', count: 1, on: '2021-10-08', from: '2021-09-30', to: '2021-12-15', reason: '等待国办接口规范', approved_by: '张主任' },
    ]);
    const log = await gongkai(dir, 'log', '22', '--format', 'json');
    expect(JSON.parse(log.out).entries.map((e: { change: { kind: string } }) => e.change.kind)).toEqual(['postponed']);
  });

  it('a due date moved by hand still shows as a date change', async () => {
    const dir = gitRepo(files());
    await gongkai(dir, 'set', '21', '--due', '2021-11-30', '--commit');
    expect((await gongkai(dir, 'diff', 'HEAD~1', 'HEAD')).out).toContain('第 21 项　时限：2021-12-31 → 2021-11-30');
  });
});
