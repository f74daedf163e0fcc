import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

const roles = (item: NoticeItem | undefined) =>
  (['lead', 'joint', 'sole', 'cooperate'] as const).map((role) => `${role}:${(item?.assignments ?? []).filter((a) => a.role === role).map((a) => a.name).join('、')}`).join(' ');

const read = (numbered: string) => readNotice(`某街道2021年政务公开工作要点\n一、加强公开\n${numbered}\n`).items[0]!;

/** `1、（A牵头）做好…`: the clause in a round bracket before the task's words (judge19, notice 76). */
describe('the clause in a round bracket before the task', () => {
  const rand = random(76);
  const numberings = ['1、', '1.', '１．', '1）', '(1)', '①', '（一）', '1. '];
  const brackets = [['（', '）'], ['(', ')'], ['（', ')'], ['〔', '〕']] as const;
  const cases = Array.from({ length: 48 }, (_, i) => {
    const [a, b, c] = inventedNames(rand, 3, pick(rand, ['区', '市', '县', '']));
    // The task's words, sometimes with brackets of their own later (never a clause).
    const text = pick(rand, [inventedText(rand), `做好《${inventedText(rand).slice(0, 6)}办法（试行）》的解读`, `公开${inventedText(rand).slice(0, 8)}（含政策解读）情况`]);
    const [clause, want, due] = pick(rand, [
      [`${a}牵头`, `lead:${a} joint: sole: cooperate:`, undefined],
      [`${a}负责，${b}配合`, `lead: joint: sole:${a} cooperate:${b}`, undefined],
      [`${a}牵头，${b}、${c}参与`, `lead:${a} joint: sole: cooperate:${b}、${c}`, undefined],
      [`由${a}牵头，${b}配合`, `lead:${a} joint: sole: cooperate:${b}`, undefined],
      [`${a}、${b}共同负责`, `lead: joint:${a}、${b} sole: cooperate:`, undefined],
      [`${a}负责，2021年6月底前`, `lead: joint: sole:${a} cooperate:`, '2021-06-30'],
      [`${a}牵头，${b}配合，9月底前完成`, `lead:${a} joint: sole: cooperate:${b}`, '2021-09-30'],
      [a, `lead: joint: sole:${a} cooperate:`, undefined],
      [`${a}、${b}`, `lead: joint:${a}、${b} sole: cooperate:`, undefined],
    ] as const);
    const [open, close] = brackets[i % brackets.length]!;
    const gap = pick(rand, ['', '', ' ', '：']);
    const stop = pick(rand, ['。', '', '；']);
    return { line: `${numberings[i % numberings.length]}${open}${clause}${close}${gap}${text}${stop}`, want, due, text: `${text}${stop}` };
  });
  it.each(cases.map((c) => [c.line, c] as const))('%s', (_, { line, want, due, text }) => {
    const item = read(line);
    expect(roles(item)).toBe(want);
    expect(item.problems).toEqual([]);
    expect(item.text).toBe(text);
    if (due) expect(item.due).toBe(due);
  });

  it.each(['试行', '暂行', '含政策解读', '重点', '2021年修订', '新增'])('words of the task in the first bracket (%s) are the task\'s; the clause at the end is read', (words) => {
    const item = read(`1、（${words}）做好政策解读工作（市政府办负责）。`);
    expect(roles(item)).toBe('lead: joint: sole:市政府办 cooperate:');
    expect(item.text).toBe(`（${words}）做好政策解读工作`);
  });

  it('a clause first and another at the end are not read silently', () => {
    const item = read('1、（市财政局牵头）做好预算公开（市审计局负责）。');
    expect(item.problems.length + (item.rolesUnsure ? 1 : 0)).toBeGreaterThan(0);
  });
});
