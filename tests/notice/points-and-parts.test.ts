import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';

/**
 * judge19: points numbered 一是/二是 are items only where each opens a paragraph (a line of its own, or after a full
 * stop in a copy flattened onto one line); inside a sentence they stay the item's words. Parts headed 第一部分 are
 * sections. A signature line in brackets gives the issuer without them.
 */

const roles = (text: string) => readNotice(text).items.map((i) => `${i.number}:${i.assignments.map((a) => `${a.role}=${a.name}`).join(',')}`);
const HEAD = '某县2024年政务公开工作要点\n';

describe('points 一是/二是', () => {
  it.each([
    ['；', '（县财政局牵头）。'],
    ['。', '（县财政局牵头）。'],
  ])('inside one paragraph (points after %s), they are the words of its item', (stop, end) => {
    const text = `${HEAD}一、重点工作\n1.做好预算公开。一是公开预算报告${stop}二是公开决算报告${stop}三是公开“三公”经费${end}\n2.做好采购公开（县政务服务中心负责）。\n`;
    expect(roles(text)).toEqual(['1:lead=县财政局', '2:sole=县政务服务中心']);
  });
  it('inside a sentence of a flattened copy (after ；), they are the words of its item', () => {
    const text = `${HEAD.trim()} 一、重点工作 1.做好预算公开，一是公开预算报告；二是公开决算报告（县财政局牵头）。 2.做好采购公开（县政务服务中心负责）。 二、平台建设 3.办好网站（县政府办负责）。`;
    expect(roles(text)).toEqual(['1:lead=县财政局', '2:sole=县政务服务中心', '3:sole=县政府办']);
  });
  it('each on a line of its own under a heading, they are the items', () => {
    const text = `${HEAD}一、优化营商环境\n一是公开惠企政策，在政务服务网开设专区（县发改局牵头，县财政局配合）；\n二是公开办事流程（县政务服务中心负责，6月底前）。\n二、改善民生\n一是公开民生资金（县民政局负责）。\n`;
    const read = readNotice(text);
    expect(read.items.map((i) => [i.section, i.text, i.due ?? ''])).toEqual([
      ['一', '公开惠企政策，在政务服务网开设专区', ''],
      ['一', '公开办事流程', '2024-06-30'],
      ['二', '公开民生资金', ''],
    ]);
    expect(read.sections.map((s) => s.title)).toEqual(['优化营商环境', '改善民生']);
  });
  it('on a line a sentence wrapped onto, they are the words of its item', () => {
    const text = `${HEAD}一、重点工作\n1.做好预算公开，\n一是公开预算报告；\n二是公开决算报告（县财政局牵头）。\n2.做好采购公开（县政务服务中心负责）。\n`;
    expect(roles(text)).toEqual(['1:lead=县财政局', '2:sole=县政务服务中心']);
  });
});

describe('parts headed 第一部分', () => {
  it.each(['　', ' ', '：', ''])('are sections (set off by %j), never an item’s words', (gap) => {
    const text = `${HEAD}第一部分${gap}深化审判流程公开\n（一）公开执行信息。由执行局负责落实。\n第二部分${gap}加强裁判文书公开\n（二）建立月度通报制度。由审判管理办公室负责。\n`;
    const read = readNotice(text);
    expect(read.sections.map((s) => `${s.number}${s.title}`)).toEqual(['一深化审判流程公开', '二加强裁判文书公开']);
    expect(read.items.map((i) => i.text)).toEqual(['公开执行信息。', '建立月度通报制度。']);
  });
  it('named in a sentence, a part is no heading', () => {
    const text = `${HEAD}一、重点工作\n1.公开年度报告，\n第二部分的内容按季度更新（县政府办负责）。\n`;
    expect(readNotice(text).sections.map((s) => s.number)).toEqual(['一']);
  });
});

describe('a signature line in brackets', () => {
  it.each(['(南京海关办公室 2020年3月20日印发)', '（南京海关办公室　2020年3月20日印发）'])('gives the issuer without the brackets: %s', (line) => {
    const read = readNotice(`南京海关2020年政务公开工作要点\n${line}\n一、信息公开\n1、公开通关时间(统计分析处负责)。\n`);
    expect(read.issuer).toBe('南京海关办公室');
    expect(read.issuedOn).toBe('2020-03-20');
  });
});

describe('a heading over paragraphs it did not see as items', () => {
  it('is flagged when two or more of its paragraphs carry a task and a clause of their own', () => {
    const text = `${HEAD}一、优化营商环境\n首先，全面公开惠企政策（县发改局牵头，县财政局配合）。\n其次，公开企业开办流程（县政务服务中心负责）。\n二、改善民生\n1.公开民生资金（县民政局负责）。\n`;
    const [first, second] = readNotice(text).items;
    expect(first!.rolesUnsure).toBe(true);
    expect(first!.problems.join('')).toMatch(/可能是 2 项任务/);
    expect(second!.rolesUnsure).toBeUndefined();
  });
});
