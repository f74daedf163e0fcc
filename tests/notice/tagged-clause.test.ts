import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (line: string) => readNotice(`某市2024年政务公开工作要点\n一、加强公开\n1、${line}\n`).items[0]!;

/** The bodies in a lenticular bracket before the task (`【市财政局】做好…`); a topic tag there (`【重点任务】`) is not a clause. */
describe('bodies in 【】 before the task', () => {
  const rand = random(31);
  const cases = Array.from({ length: 24 }, () => {
    const [a, b, c] = inventedNames(rand, 3, pick(rand, ['市', '区', '']));
    const text = inventedText(rand);
    const [open, close] = pick(rand, [['【', '】'], ['〖', '〗']]);
    const [clause, want] = pick(rand, [
      [a, `lead: joint: sole:${a} cooperate:`],
      [`${a}、${b}`, `lead: joint:${a}、${b} sole: cooperate:`],
      [`${a}牵头，${b}、${c}配合`, `lead:${a} joint: sole: cooperate:${b}、${c}`],
      [`${a}负责`, `lead: joint: sole:${a} cooperate:`],
    ] as const);
    return { line: `${open}${clause}${close}${text}`, want, text };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want, text }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item.problems).toEqual([]);
    expect(item.text).toBe(text);
  });

  it.each(['重点任务', '政策解读', '新增', '持续推进'])('a topic tag 【%s】 is the task\'s, and the clause is still read at the end', (tag) => {
    const item = read(`【${tag}】做好政策解读工作（市政府办负责）。`);
    expect(roles(item)).toBe('lead: joint: sole:市政府办 cooperate:');
    expect(item.text).toBe(`【${tag}】做好政策解读工作`);
  });
});
