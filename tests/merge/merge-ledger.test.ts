import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLedger } from '../../src/merge/merge-ledger.js';
import { FIXTURES } from '../helpers/paths.js';

const shipped = readFileSync(join(FIXTURES, 'ledgers', 'mca-progress.yaml'), 'utf8');
const handEdited = readFileSync(join(FIXTURES, 'ledgers', 'hand-edited.yaml'), 'utf8');

/** Replaces `from` by `to` inside item `number` only (its lines up to the next item). */
function inItem(text: string, number: string, from: string, to: string): string {
  const start = text.search(new RegExp(`^[ \\t]*- number: ['"]${number}['"]`, 'm'));
  expect(start, `item ${number}`).toBeGreaterThanOrEqual(0);
  const next = text.slice(start).search(/\n[ \t]*- number: /);
  const end = next < 0 ? text.length : start + next + 1;
  const region = text.slice(start, end);
  expect(region, `item ${number} has ${from}`).toContain(from);
  return text.slice(0, start) + region.replace(from, to) + text.slice(end);
}

describe('mergeLedger', () => {
  it('merges edits to different items that sit on neighbouring lines', () => {
    const ours = inItem(shipped, '5', 'status: 未启动', 'status: 推进中');
    const theirs = inItem(shipped, '6', 'status: 未启动', 'status: 已完成\n        done_on: 2021-10-20');
    const merged = mergeLedger(shipped, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(inItem(ours, '6', 'status: 未启动', 'status: 已完成\n        done_on: 2021-10-20'));
  });

  it('merges different fields of one item', () => {
    const ours = inItem(shipped, '22', 'due: 2021-09-30', 'due: 2021-10-31');
    const theirs = inItem(shipped, '22', 'status: 推进中', 'status: 已完成\n        done_on: 2021-10-20');
    const merged = mergeLedger(shipped, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(inItem(ours, '22', 'status: 推进中', 'status: 已完成\n        done_on: 2021-10-20'));
  });

  it('keeps progress notes added on both sides, in date order, each once', () => {
    const base = inItem(shipped, '12', 'due: 2021-12-31', 'due: 2021-12-31\n        progress:\n          - { date: 2021-09-01, dept: 办公厅, note: 启动 }');
    const note = (date: string, text: string) => `\n          - { date: ${date}, dept: 办公厅, note: ${text} }`;
    const anchor = 'note: 启动 }';
    const ours = inItem(base, '12', anchor, anchor + note('2021-10-01', '同一条') + note('2021-10-08', '甲'));
    const theirs = inItem(base, '12', anchor, anchor + note('2021-10-01', '同一条') + note('2021-10-05', '乙') + note('2021-10-20', '丙'));
    const merged = mergeLedger(base, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    // Theirs go in by date among ours; the note both added appears once.
    expect(merged.text).toBe(inItem(base, '12', anchor, anchor + note('2021-10-01', '同一条') + note('2021-10-05', '乙') + note('2021-10-08', '甲') + note('2021-10-20', '丙')));
  });

  it('marks a conflict around the one field both sides changed differently, and merges the rest', () => {
    const ours = inItem(inItem(shipped, '22', 'status: 推进中', 'status: 已取消'), '3', 'status: 未启动', 'status: 推进中');
    const theirs = inItem(shipped, '22', 'status: 推进中', 'status: 持续推进');
    const merged = mergeLedger(shipped, ours, theirs);
    expect(merged.conflicts).toEqual([{ item: '22', field: 'status', ours: 'status: 已取消', theirs: 'status: 持续推进', line: expect.any(Number) }]);
    const marked = '<<<<<<< ours\n        status: 已取消\n=======\n        status: 持续推进\n>>>>>>> theirs\n';
    expect(merged.text).toBe(inItem(ours, '22', '        status: 已取消\n', marked));
    expect(merged.text.split('\n')[merged.conflicts[0]!.line - 1]).toBe('<<<<<<< ours');
  });

  it('leaves every untouched byte of a commented ledger with CRLF line ends', () => {
    const base = handEdited.replace(/\n/g, '\r\n');
    const ours = inItem(base, '1', "status: '推进中'    # 单引号", "status: '已完成'    # 单引号\r\n        done_on: 2021-09-28");
    const theirs = inItem(inItem(base, '3', "note: 召开解读会", 'note: 召开解读会\r\n          - date: 2021-09-01\r\n            dept: 规划财务司\r\n            note: 发布解读'), '1', 'note: "第一批, 已更新"}', 'note: "第一批, 已更新"}, {date: 2021-09-10, dept: 政策法规司, note: 第二批}');
    const ours2 = inItem(ours, '1', '{date: 2021-07-15', '{date: 2021-07-01, dept: 政策法规司, note: 启动}, {date: 2021-07-15');
    const merged = mergeLedger(base, ours2, theirs);
    expect(merged.conflicts).toEqual([]);
    const expected = inItem(
      inItem(ours2, '3', "note: 召开解读会", 'note: 召开解读会\r\n          - date: 2021-09-01\r\n            dept: 规划财务司\r\n            note: 发布解读'),
      '1',
      'note: "第一批, 已更新"}',
      'note: "第一批, 已更新"}, {date: 2021-09-10, dept: 政策法规司, note: 第二批}',
    );
    expect(merged.text).toBe(expected);
  });

  it('places an item only theirs added after the item it follows there', () => {
    const added = '      - number: "36"\n        text: 新增任务。\n        clause: 规划财务司\n        sole: [规划财务司]\n        status: 未启动\n';
    const at = shipped.indexOf('      - number: "6"');
    const theirs = shipped.slice(0, at) + added.replace('"36"', '"5.1"') + shipped.slice(at);
    const ours = inItem(shipped, '7', 'status: 未启动', 'status: 推进中');
    const merged = mergeLedger(shipped, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(ours.slice(0, at) + added.replace('"36"', '"5.1"') + ours.slice(at));
  });
});
