import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';

const sectionTitles = (text: string) => readNotice(text).sections.map((s) => s.title);

/** A section's title ends at its first full stop or colon outside brackets: a label inside its clause's bracket is the clause's. */
describe('a heading\'s title', () => {
  it.each([
    ['学校基本信息公开（主责单位：党政办公室）', '学校基本信息公开（主责单位：党政办公室）', ['党政办公室']],
    ['财务信息公开〔牵头单位：计划财务处；配合单位：审计处〕', '财务信息公开〔牵头单位：计划财务处；配合单位：审计处〕', ['计划财务处', '审计处']],
    ['重点工作：推进决策公开（办公室牵头）', '重点工作', ['办公室']],
    ['推进重点领域信息公开。各单位要高度重视（办公室牵头）', '推进重点领域信息公开', ['办公室']],
  ])('%s → %s', (heading, title, names) => {
    const notice = readNotice(`某大学2020年信息公开工作要点\n一、${heading}\n（一）更新学校概况。\n（二）公开年度报告。\n`);
    expect(notice.sections.map((s) => s.title)).toEqual([title]);
    expect(notice.items[0]!.assignments.map((a) => a.name)).toEqual(names);
  });
  it('several headings, each its own title', () => {
    expect(sectionTitles('某市2021年政务公开工作要点\n一、决策公开（牵头单位：市政府办）\n1. 公开决策草案。\n二、执行公开：重点是进度\n2. 公开执行进度（市发改委负责）。\n')).toEqual(['决策公开（牵头单位：市政府办）', '执行公开']);
  });
});
