import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (numbered: string) => readNotice(`某社区2017年居务公开工作要点\n一、公开内容\n${numbered}\n`).items[0]!;

/** `…情况 (A负责, B配合).`: a full stop typed `.` or `．` after the clause's bracket ends the words as 。 does (judge19, notice 83). */
describe('an ASCII or full-width full stop after the clause', () => {
  const rand = random(83);
  const cases = Array.from({ length: 36 }, (_, i) => {
    const [a, b] = inventedNames(rand, 2, pick(rand, ['区', '']));
    // Numbers with a point in the task's words stay its words.
    const text = pick(rand, [inventedText(rand), `公开1.5万元以上${inventedText(rand).slice(0, 6)}项目`, `推进${inventedText(rand).slice(0, 6)}2.0版建设`]);
    const [clause, want] = pick(rand, [
      [`${a}负责, ${b}配合`, `lead: joint: sole:${a} cooperate:${b}`],
      [`${a}牵头，${b}配合`, `lead:${a} joint: sole: cooperate:${b}`],
      [`${a}、${b}`, `lead: joint:${a}、${b} sole: cooperate:`],
      [a, `lead: joint: sole:${a} cooperate:`],
    ] as const);
    const [open, close] = pick(rand, [['(', ')'], ['（', '）']] as const);
    const stop = ['.', '．'][i % 2]!;
    const gap = pick(rand, ['', ' ']);
    const number = pick(rand, ['1)', '1．', '1.', '1、', '①']);
    return { line: `${number} ${text}${gap}${open}${clause}${close}${stop}`, want, text };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want, text }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item.problems).toEqual([]);
    expect(item.text).toBe(text);
  });

  it('a bracket of names before a number with a point is the task\'s words', () => {
    const item = read('1. 推广社区(居委会)网站2.0版平台(社区服务站负责).');
    expect(roles(item)).toBe('lead: joint: sole:社区服务站 cooperate:');
    expect(item.text).toBe('推广社区(居委会)网站2.0版平台');
  });
});
