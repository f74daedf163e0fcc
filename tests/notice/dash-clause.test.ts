import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (line: string) => readNotice(`某县2023年政务公开工作要点\n一、加强公开\n1. ${line}\n`).items[0]!;

/**
 * A clause after a dash (`…公开——A牵头，B配合。`) ends the words as after a full stop, and a deadline after a
 * bracket clause may follow a dash as it follows a comma (`（A负责）——6月底前完成`). The dash belongs to neither
 * the task nor the clause; a dash inside the task's words stays the task's.
 */
describe('a clause after a dash', () => {
  const rand = random(23);
  const cases = Array.from({ length: 30 }, (_, i) => {
    const [a, b, c] = inventedNames(rand, 3, pick(rand, ['县', '']));
    const dash = pick(rand, ['——', '—', '――', '--', '－－', ' —— ']);
    const text = inventedText(rand).replace(/。$/, '');
    const inner = i % 4 === 0 ? `推进“互联网+政务服务”——${text}` : text;
    const [clause, want] = pick(rand, [
      [`${a}牵头，${b}配合`, `lead:${a} joint: sole: cooperate:${b}`],
      [`由${a}负责`, `lead: joint: sole:${a} cooperate:`],
      [`${a}、${b}、${c}按职责分工负责`, `lead: joint:${a}、${b}、${c} sole: cooperate:`],
      [`${a}牵头，${b}、${c}配合，6月底前完成`, `lead:${a} joint: sole: cooperate:${b}、${c}`],
      // A bare list after the dash: all of them answer for the work, as in a bracket.
      [`${a}，${b}、${c}`, `lead: joint:${a}、${b}、${c} sole: cooperate:`],
    ] as const);
    const bracketed = i % 3 === 2;
    const line = bracketed ? `${inner}（${clause.replace(/，6月底前完成$/, '')}）${dash}6月底前完成。` : `${inner}${dash}${clause}${i % 2 ? '。' : ''}`;
    return { line, want, inner, bracketed };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want, inner, bracketed }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item.problems).toEqual([]);
    // The task's words, whole and without the dash that led into the clause.
    if (!bracketed) expect(item.text).toBe(inner);
    else expect(item.text.startsWith(inner)).toBe(true);
    if (bracketed || line.includes('6月底前完成')) expect(item.due).toBe('2023-06-30');
  });
});
