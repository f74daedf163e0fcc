import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (line: string) => readNotice(`某县2024年政务公开工作要点\n一、加强公开\n1. ${line}\n`).items[0]!;

/**
 * A task that opens with its own deadline words (`收到申请后20个工作日内答复，由A会同B办理。`) keeps them as its
 * words: the sentence read whole as a clause left the item with no task (and validate with EMPTY_TEXT).
 */
describe('deadline words that are the task, before the clause', () => {
  const rand = random(41);
  const cases = Array.from({ length: 20 }, () => {
    const [a, b] = inventedNames(rand, 2, pick(rand, ['县', '']));
    const task = pick(rand, ['收到政府信息公开申请后20个工作日内答复', '政策出台后3个工作日内发布解读', '每季度末更新公开目录', '会议召开后及时公开决定', '预算批复后20日内公开部门预算']);
    const comma = pick(rand, ['，', ',', ' , ']);
    const [clause, want] = pick(rand, [
      [`由${a}会同${b}办理`, `lead: joint: sole:${a} cooperate:${b}`],
      [`由${a}负责`, `lead: joint: sole:${a} cooperate:`],
      [`由${a}牵头，${b}配合`, `lead:${a} joint: sole: cooperate:${b}`],
    ] as const);
    return { line: `${task}${comma}${clause}。`, want, task };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want, task }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item.text).toBe(task);
  });
});

/** A bare 长期 standing as a part of its own is ongoing, as 长期坚持 is; the prose opening 长期以来 is not. */
describe('a bare 长期', () => {
  it.each(['公开抽查结果，长期（A局牵头，B局配合）。', '公开抽查结果（A局负责，长期）。', '公开抽查结果（A局负责），长期。', '公开抽查结果（A局负责），长期有效。'])('%s is ongoing', (line) => {
    expect(read(line).ongoing).toBe(true);
  });
  it('长期以来 opening the task is not a deadline', () => {
    const item = read('长期以来，公开抽查结果不及时，要加强公开（A局负责）。');
    expect(item.ongoing).toBeFalsy();
    expect(item.dueText).toBeUndefined();
  });
});
