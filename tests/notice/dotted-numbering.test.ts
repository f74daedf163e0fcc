import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * Multi-level decimal numbering (F10, judge18's 62): 1.1 1.2 2.1 (and 1.1.1 where deepest) are the items,
 * whatever stands above them (一、, 1. groups, nothing) and however the number is set off; numbers in the
 * text (1.5万, 2.0版, 3.2小时, 2024.1.1) never open an item.
 */
describe('dotted numbers are the items', () => {
  const rand = random(61);
  const SET_OFF = ['', ' ', '、', '　', '.'];
  const wide = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  it.each(Array.from({ length: 24 }, (_, i) => i))('variant %i', (v) => {
    const names = inventedNames(rand, 4, '区');
    const off = SET_OFF[v % SET_OFF.length]!;
    const sections = v % 3 === 0 ? 0 : 2 + (v % 2);
    const lines = ['某区2026年政务公开工作要点'];
    const want: string[] = [];
    for (let s = 1; s <= Math.max(sections, 2); s++) {
      if (sections) lines.push(`${['一', '二', '三'][s - 1]}、${inventedText(rand)}`);
      const count = 1 + ((v + s) % 3) + (s === 1 ? 1 : 0);
      for (let i = 1; i <= count; i++) {
        const number = v % 4 === 1 ? wide(`${s}.${i}`) : `${s}.${i}`;
        const name = pick(rand, names);
        // Every other item wraps onto a number of its text.
        const words = i % 2 ? inventedText(rand) : `${inventedText(rand)}，投入资金\n${pick(rand, ['1.5万元', '2.0版', '3.2倍', `${s}.${i + 1}小时`])}`;
        lines.push(`${number}${off}${words}（${name}负责）。`);
        want.push(`${s}.${i} ${name}`);
      }
    }
    const notice = readNotice(`${lines.join('\n')}\n`);
    expect(notice.items.map((it) => `${it.number} ${it.assignments.map((a) => a.name).join('、')}`)).toEqual(want);
  });

  it('three levels: 1.1 headings over 1.1.1 items, under 一、', () => {
    const notice = readNotice('要点\n一、公开\n1.1 基本信息\n1.1.1 公开章程（甲处负责）。\n1.1.2 公开制度（乙处负责）。\n1.2 财务\n1.2.1 公开预算（丙处负责）。\n二、机制\n2.1 平台\n2.1.1 完善网站（丁处负责）。\n');
    expect(notice.items.map((it) => `${it.number} ${it.assignments[0]?.name}`)).toEqual(['1.1.1 甲处', '1.1.2 乙处', '1.2.1 丙处', '2.1.1 丁处']);
  });

  it('numbers in the text of 1. items stay text', () => {
    const notice = readNotice('要点\n一、公开\n1.公开预算，金额\n1.5万元以内（甲处负责）。\n2.发布2.0版指南，\n2.1日前完成（乙处负责）。\n3.更新目录，自\n2024.1.1起施行。（丙处负责）\n');
    expect(notice.items.map((it) => `${it.number} ${it.assignments[0]?.name}`)).toEqual(['1 甲处', '2 乙处', '3 丙处']);
  });
});
