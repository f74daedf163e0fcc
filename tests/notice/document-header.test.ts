import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { FIXTURES } from '../helpers/paths.js';

/** The header from the document itself (issue 18): its own title, its sender, its year — or a flag. */

const notice = (name: string) => readNotice(readFileSync(join(FIXTURES, 'notices', name), 'utf8'));

describe('the header from the document itself', () => {
  it('takes the plan title from its own heading, not a 《》 quoted in the preamble', () => {
    const read = notice('02_mee-2019-shishifangan.txt');
    expect(read.planTitle).toBe('生态环境部落实2019年政务公开工作要点实施方案');
    expect(read).toMatchObject({ issuer: '生态环境部办公厅', year: 2019, issuedOn: '2019-06-20' });
    expect(read.yearGuessed).toBeUndefined();
  });

  it.each(['政务公开工作任务清单', '政务公开重点任务分工表', '政务公开工作计划', '政务公开工作安排', '政务公开工作责任清单'])('takes the year from a title line naming a task list (…%s)', (kind) => {
    const read = readNotice(`某镇2016年${kind}\n一、推进决策公开\n1.公开重大决策事项（党政办负责）。\n2.公开决策草案（党政办牵头）。\n`);
    expect(read).toMatchObject({ planTitle: `某镇2016年${kind}`, year: 2016 });
  });
  it('never takes the addressee line (or cover text after it) for the issuer', () => {
    const read = notice('07_huanggang-2020-shishifangan.txt');
    expect(read.planTitle).toBe('2020年黄冈市政务公开工作实施方案');
    expect(read.issuer ?? '').not.toMatch(/各县|:|：|。/);
    expect(read.year).toBe(2020);
  });

  it('keeps 关于印发…的通知 out of the plan title: the title is the book title inside it', () => {
    const read = readNotice('某市人民政府办公室关于印发《某市2023年政务公开工作要点》的通知\n各区政府：\n现印发给你们。\n某市人民政府办公室\n2023年3月1日\n一、重点工作\n1.公开预算。(市财政局负责)\n');
    expect(read).toMatchObject({ planTitle: '某市2023年政务公开工作要点', issuer: '某市人民政府办公室', year: 2023 });
  });

  it('takes the plan’s own title line, not a cover title without 《》 or a page’s 标题 that is the cover’s, and no numbered metadata for items', () => {
    const read = readNotice(
      '当前位置：首页 > 政策文件\n1. 索引号：\n014000319/2020-00123\n5. 标题：\n某市人民政府办公室关于印发某市2020年政务公开工作要点任务分工的通知\n6. 文号：\n某政办发〔2020〕31号\n某市人民政府办公室关于印发某市2020年政务公开工作要点任务分工的通知\n某市人民政府办公室\n2020年5月18日\n某市2020年政务公开工作要点任务分工\n一、重点工作\n1.公开财政预决算（市财政局负责）。\n',
    );
    expect(read.planTitle).toBe('某市2020年政务公开工作要点任务分工');
    expect(read.items.map((i) => i.number)).toEqual(['1']);
    expect(read).toMatchObject({ year: 2020, issuedOn: '2020-05-18' });
  });

  it('flags a year that comes from a web page upload date rather than the title or the signature', () => {
    const read = readNotice('政务公开 > 政策文件\n发布日期: 2022-03-01\n政务公开工作任务分工\n一、重点工作\n1.公开预算。(市财政局负责)\n');
    expect(read).toMatchObject({ year: 2022, yearGuessed: true });
  });
});

describe('a paragraph that says more than was read is not sure', () => {
  it('flags a unit whose bracket with role words could not be read, keeping the clauses that were', () => {
    const read = readNotice('某局2023年政务公开工作要点\n一、重点工作\n1.公开预算。(财务科负责) 公开决算。(财务科牵头,视具体情况请有关科室于年中前后配合做好相关工作)\n');
    const [item] = read.items;
    expect(item!.assignments.map((a) => a.name)).toContain('财务科');
    expect(item!.rolesUnsure).toBe(true);
    expect(item!.problems.join()).toMatch(/像是责任分工，但没有读出/);
  });

  it('reads several clauses in one paragraph, each scoped to the words it covers', () => {
    const read = readNotice('某局2023年政务公开工作要点\n一、重点工作\n(一)数据公开\n公开甲类数据。(甲处、乙处) 公开乙类数据。(甲处)公开丙类数据,由丙处牵头落实;公开丁类数据,由丁处牵头落实。\n');
    const [item] = read.items;
    expect(item!.problems).toEqual([]);
    expect(item!.assignments.map((a) => `${a.name}/${a.role}`)).toEqual(['甲处/joint', '乙处/joint', '甲处/sole', '丙处/lead', '丁处/lead']);
    expect(new Set(item!.assignments.map((a) => a.scope)).size).toBe(4);
  });
});
