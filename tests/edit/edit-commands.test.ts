import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editLedgerFile } from '../../src/edit/edit-ledger.js';
import { FIXTURES } from '../helpers/paths.js';
import { hasStackTrace, runCli } from '../helpers/run-cli.js';
import { checkedOpener, tempDir } from '../helpers/temp.js';

const HAND = readFileSync(join(FIXTURES, 'ledgers', 'hand-edited.yaml'), 'utf8');

function ledgerCopy(text = HAND): string {
  const file = join(tempDir({ 'ledger.yaml': text }), 'ledger.yaml');
  return file;
}

async function gongkai(file: string, ...args: string[]) {
  const result = await runCli(['--ledger', file, ...args]);
  expect(hasStackTrace(result.out + result.err)).toBe(false);
  return result;
}

describe('edits change only the bytes they must', () => {
  it('set --due replaces only the date and keeps the comment; an unchanged status stays as written', async () => {
    const file = ledgerCopy();
    expect((await gongkai(file, 'set', '1', '--status', 'in_progress', '--due', '2021-10-31', '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(HAND.replace('        due: 2021-09-30     # 提前到九月底', '        due: 2021-10-31     # 提前到九月底'));
  });

  it('done writes the status and a done date after the due date, nothing else', async () => {
    const file = ledgerCopy();
    expect((await gongkai(file, 'done', '1', '--on', '2021-09-20')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      HAND.replace("status: '推进中'    # 单引号", "status: '已完成'    # 单引号").replace(
        '        due: 2021-09-30     # 提前到九月底\n',
        '        due: 2021-09-30     # 提前到九月底\n        done_on: 2021-09-20\n',
      ),
    );
  });

  it('note appends to a flow sequence in place, and keeps the long line whole', async () => {
    const file = ledgerCopy();
    expect((await gongkai(file, 'note', '1', '--dept', '信息中心', '--on', '2021-09-21', '完成', '上线')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      HAND.replace('note: "第一批, 已更新"}]', 'note: "第一批, 已更新"}, { date: 2021-09-21, dept: 信息中心, note: 完成 上线 }]'),
    );
  });

  it('takes an item number typed with full-width digits (as a Chinese input method gives them) for the ledger’s', async () => {
    const typed = ledgerCopy();
    const plain = ledgerCopy();
    expect((await gongkai(typed, 'done', '１', '--on', '2021-09-20')).code).toBe(0);
    await gongkai(plain, 'done', '1', '--on', '2021-09-20');
    expect(readFileSync(typed, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  });

  it('the same note again (same day, department, words) writes nothing, as it says', async () => {
    const file = ledgerCopy();
    await gongkai(file, 'note', '1', '--dept', '信息中心', '--on', '2021-09-21', '完成上线');
    const once = readFileSync(file, 'utf8');
    const again = await gongkai(file, 'note', '1', '--dept', '信息中心', '--on', '2021-09-21', '完成上线');
    expect(again.out).toContain('没有变化，未写入');
    expect(readFileSync(file, 'utf8')).toBe(once);
    // A different day is a new entry.
    await gongkai(file, 'note', '1', '--dept', '信息中心', '--on', '2021-09-22', '完成上线');
    expect(readFileSync(file, 'utf8')).not.toBe(once);
  });

  it('note appends to a block sequence, and starts one where there is none', async () => {
    const file = ledgerCopy();
    await gongkai(file, 'note', '3', '--dept', '办公厅', '--on', '2021-10-09', '调休日加班');
    await gongkai(file, 'note', '2', '--dept', '规划财务司', '--on', '2021-10-01', '已公开: 决算');
    expect(readFileSync(file, 'utf8')).toBe(
      HAND.replace('            note: 召开解读会\n', '            note: 召开解读会\n          - { date: 2021-10-09, dept: 办公厅, note: 调休日加班 }\n').replace(
        '        status: 未启动\n',
        '        status: 未启动\n        progress:\n          - { date: 2021-10-01, dept: 规划财务司, note: "已公开: 决算" }\n',
      ),
    );
  });

  it('set --resolve edits a flow map in place', async () => {
    const file = ledgerCopy();
    expect((await gongkai(file, 'set', '3', '--resolve', '各有关司(局)=规划财务司,政策法规司')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(HAND.replace('resolve: {各有关司(局): [规划财务司]}', 'resolve: {各有关司(局): [规划财务司, 政策法规司]}'));
  });

  it('keeps CRLF line ends and a BOM', async () => {
    const crlf = '\uFEFF' + HAND.replace(/\n/g, '\r\n');
    const file = ledgerCopy(crlf);
    await gongkai(file, 'set', '2', '--status', '推进中', '--due', '2021-11-30');
    expect((await gongkai(file, 'set', '2', '--resolve', '各有关司(局)=政策法规司')).code).toBe(2); // 第 2 项 has no 各有关司(局)
    expect(readFileSync(file, 'utf8')).toBe(crlf.replace('        status: 未启动\r\n', '        status: 推进中\r\n        due: 2021-11-30\r\n'));
  });

  it('fills empty keys in place and keeps their comments', async () => {
    const empty = HAND.replace('        status: 未启动\n', '        status: 未启动\n        done_on:   # 待填\n        resolve:  # 尚未指明\n        progress:  # 尚无\n').replace('        clause: 规划财务司\n        sole: [规划财务司]', '        clause: 规划财务司牵头,各有关司(局)配合\n        lead: [规划财务司]\n        cooperate: [各有关司(局)]');
    const file = ledgerCopy(empty);
    await gongkai(file, 'done', '2', '--on', '2021-09-01');
    await gongkai(file, 'note', '2', '--dept', '规划财务司', '--on', '2021-09-01', '已公开');
    await gongkai(file, 'set', '2', '--resolve', '各有关司(局)=政策法规司');
    expect(readFileSync(file, 'utf8')).toBe(
      empty
        .replace('        status: 未启动\n', '        status: 已完成\n')
        .replace('        done_on:   # 待填\n', '        done_on: 2021-09-01   # 待填\n')
        .replace('        resolve:  # 尚未指明\n', '        resolve:  # 尚未指明\n          各有关司(局): [政策法规司]\n')
        .replace('        progress:  # 尚无\n', '        progress:  # 尚无\n          - { date: 2021-09-01, dept: 规划财务司, note: 已公开 }\n'),
    );
  });

  it('says so and writes nothing when the value is already set', async () => {
    const file = ledgerCopy();
    const before = statSync(file);
    const result = await gongkai(file, 'set', '2', '--status', '未启动');
    expect(result.out).toBe('第 2 项没有变化，未写入。\n');
    expect(readFileSync(file, 'utf8')).toBe(HAND);
    expect(statSync(file).ino).toBe(before.ino); // not even rewritten
  });
});

describe('a ledger whose numbers repeat (DUPLICATE_NUMBER)', () => {
  const twice = HAND.replace('      - number: "3"', '      - number: "2"');

  it.each([
    [['set', '2', '--status', '推进中']],
    [['done', '2', '--on', '2021-10-01']],
    [['note', '2', '--dept', '规划财务司', '--on', '2021-10-01', '已公开']],
  ])('refuses to guess which of the two %j means, and says why', async (args) => {
    const file = ledgerCopy(twice);
    const result = await gongkai(file, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain('错误[EDIT_REFUSED] 台账中有 2 项编号为「2」，不知道改哪一项，未写入');
    expect(readFileSync(file, 'utf8')).toBe(twice);
  });

  it('edits another item and says only what changed (the repeated items were said to have changed)', async () => {
    const file = ledgerCopy(twice);
    const result = await gongkai(file, 'set', '1', '--due', '2021-10-31', '--force');
    expect(result.code).toBe(0);
    expect(result.out).toBe('第 1 项　时限：2021-09-30 → 2021-10-31\n');
  });
});

describe('edits that would break the ledger are refused', () => {
  it('a done date outside the plan year (here also in the future): refused by the plan-year rule, with a date that works', async () => {
    const file = ledgerCopy();
    const result = await gongkai(file, 'done', '2', '--on', '2099-01-01');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--on 2099-01-01晚于 2021 年度计划的记录期（至 2022-01-31），未写入；请用 --on 写明 2021 年度内的日期，如 --on ');
    expect(readFileSync(file, 'utf8')).toBe(HAND);
    const suggested = /如 --on (\d{4}-\d{2}-\d{2})/.exec(result.err)![1]!;
    expect((await gongkai(file, 'done', '2', '--on', suggested)).code).toBe(0);
  });

  it.each([
    ['an affiliated unit as one of 各有关司(局)', ['set', '3', '--resolve', '各有关司(局)=信息中心'], 'RESOLUTION_NOT_IN_GROUP'],
    ['a due date before the plan', ['set', '2', '--due', '2020-01-01'], 'DUE_BEFORE_ISSUE'],
  ])('%s', async (_, args, code) => {
    const file = ledgerCopy();
    const result = await gongkai(file, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`错误[${code}]`);
    expect(readFileSync(file, 'utf8')).toBe(HAND);
  });

  it.each([
    [['set', '9', '--status', '推进中'], '台账中没有第 9 项'],
    [['set', '1', '--status', '做完了'], '没有「做完了」这个状态'],
    [['set', '1', '--due', '2021-02-30'], '--due：日期「2021-02-30」不存在'],
    [['note', '1', '--dept', '信息中新', '进展'], '部门名录中没有「信息中新」；是否是「信息中心」？'],
    [['set', '1'], '没有要修改的内容'],
    [['set', '1', '--resolve', '各有关司(局)'], '--resolve 的写法是 群体=部门,部门'],
  ])('%j', async (args, message) => {
    const file = ledgerCopy();
    const result = await gongkai(file, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(readFileSync(file, 'utf8')).toBe(HAND);
  });

  it('refuses, and leaves the file alone, when an item is written in a style it cannot edit precisely', async () => {
    const flow = HAND + '      - {number: "4", text: 全年做好解读。, clause: 规划财务司, sole: [规划财务司], status: 未启动}\n';
    const file = ledgerCopy(flow);
    const result = await gongkai(file, 'set', '4', '--due', '2021-11-30');
    expect(result.code).toBe(2);
    expect(result.err).toContain('这项修改无法只改动相应的几行');
    expect(readFileSync(file, 'utf8')).toBe(flow);
    // The flow-style value itself can still be replaced in place.
    expect((await gongkai(file, 'set', '4', '--status', '推进中')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(flow.replace('status: 未启动}', 'status: 推进中}'));
  });

  it('accepts status names in Chinese and English', async () => {
    const file = ledgerCopy();
    await gongkai(file, 'set', '2', '--status', 'ongoing');
    expect(readFileSync(file, 'utf8')).toContain('        status: 持续推进\n');
    await gongkai(file, 'set', '2', '--status', '已取消', '--reason', '并入第 1 项', '--on', '2021-10-12');
    expect(readFileSync(file, 'utf8')).toContain('        status: 已取消\n');
  });
});

describe('a file changed underneath an edit', () => {
  it('is re-read and the edit made again on top: nothing is overwritten', async () => {
    const file = ledgerCopy();
    let once = false;
    await editLedgerFile(file, { item: '2', status: 'in_progress' }, {
      cwd: dirname(file),
      open: checkedOpener(file, '2021-10-01'),
      beforeWrite: () => {
        if (once) return;
        once = true;
        // Someone saves another change from their editor.
        writeFileSync(file, readFileSync(file, 'utf8').replace('        due: 2021-09-30     # 提前到九月底', '        due: 2021-10-15     # 延期'));
      },
    });
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(HAND.replace('        due: 2021-09-30     # 提前到九月底', '        due: 2021-10-15     # 延期').replace('        status: 未启动\n', '        status: 推进中\n'));
  });

  it('is left as the other writer made it when it keeps changing', async () => {
    const file = ledgerCopy();
    let n = 0;
    const attempt = editLedgerFile(file, { item: '2', status: 'in_progress' }, {
      cwd: dirname(file),
      open: checkedOpener(file, '2021-10-01'),
      beforeWrite: () => writeFileSync(file, HAND + `# 保存 ${++n}\n`),
    });
    await expect(attempt).rejects.toThrow('为了不覆盖别人的修改，这次没有写入');
    expect(readFileSync(file, 'utf8')).toBe(HAND + `# 保存 ${n}\n`);
  });
});
