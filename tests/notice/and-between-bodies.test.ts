import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (line: string) => readNotice(`某市2022年政务公开工作要点\n一、加强公开\n1、${line}\n`).items[0];

/**
 * `A处与B室共同负责`, `A局和B中心配合`: 和/与 between two whole bodies' names joins two bodies (it was read as one
 * body named `A处与B室`, with no warning). 和 inside one name follows a plain word, not a body's ending, and stays.
 */
describe('和 and 与 between two bodies', () => {
  const rand = random(16);
  const cases = Array.from({ length: 30 }, (_, i) => {
    const [a, b, c] = inventedNames(rand, 3, pick(rand, ['市', '县', '']));
    const and = i % 2 ? '和' : '与';
    const text = inventedText(rand).replace(/。$/, '');
    const [said, want] = pick(rand, [
      [`${a}${and}${b}共同负责`, `lead: joint:${a}、${b} sole: cooperate:`],
      [`${a}${and}${b}按职责分工负责`, `lead: joint:${a}、${b} sole: cooperate:`],
      [`${c}牵头，${a}${and}${b}配合`, `lead:${c} joint: sole: cooperate:${a}、${b}`],
      [`${a}${and}${b}分别牵头`, `lead:${a}、${b} joint: sole: cooperate:`],
    ] as const);
    const line = i % 3 === 0 ? `${text}。（${said}）` : i % 3 === 1 ? `${text}，由${said}。` : `${text}。此项工作由${said}。`;
    return { line, want };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item!.problems).toEqual([]);
  });

  // Names with 和 inside: the words before it are not a body's name.
  it.each(['住房和城乡建设局', '人力资源和社会保障局', '基层政权建设和社区治理司', '工业和信息化局', '自然资源和规划局', '文化广电和旅游局', '发展和改革委员会'])('%s stays one body', (name) => {
    expect(roles(read(`做好政策解读工作。（${name}负责）`))).toBe(`lead: joint: sole:${name} cooperate:`);
    expect(roles(read(`做好政策解读工作。（${name}牵头，办公室配合）`))).toBe(`lead:${name} joint: sole: cooperate:办公室`);
  });
});
