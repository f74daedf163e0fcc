import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../../src/notice/clause/grammar.js';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, pick, random } from './corpus/invented.js';

/** Forms of plans seen at other offices, as text: what `import` reads in each. */

const roles = (text: string) =>
  readNotice(text).items.map((i) => [i.number, i.assignments.map((a) => `${a.role}:${a.name}`).join(' '), i.dueText ?? '', i.problems.join('；')]);

const HEAD = '某市2019年政务公开工作要点\n';

describe('text forms', () => {
  it('a table copied one cell per line', () => {
    expect(roles(`${HEAD}序号\n工作任务\n责任单位\n完成时限\n1\n公开部门预算\n市财政局牵头,各部门配合\n2019年3月底前\n2\n公开政府债务信息\n市财政局\n长期推进\n`)).toEqual([
      ['1', 'lead:市财政局 cooperate:各部门', '2019年3月底前', ''],
      ['2', 'sole:市财政局', '长期推进', ''],
    ]);
  });

  it('a flattened table: the clause on its own line after the words', () => {
    expect(roles(`${HEAD}一、推进财政信息公开\n1.公开部门预算和决算\n市财政局牵头落实\n2.公开政府采购信息\n市财政局会同市公共资源交易中心落实\n`)).toEqual([
      ['1', 'lead:市财政局', '', ''],
      ['2', 'sole:市财政局 cooperate:市公共资源交易中心', '', ''],
    ]);
  });

  it('a clause on a heading covers the numbered items beneath it that have none', () => {
    expect(roles(`${HEAD}一、推进权力运行公开\n(一)进一步推进行政权力运行信息公开。(法制司牵头,有关单位负责)\n1.公开权力清单。\n2.公开责任清单。(监察室负责)\n`)).toEqual([
      ['(一)1', 'lead:法制司 joint:有关单位', '', ''],
      ['(一)2', 'sole:监察室', '', ''],
    ]);
  });

  it('a heading’s clause covers items with a clause of their own, unless both name who leads (the item’s wins)', () => {
    // Every way a heading writes its clause × every role an item's own clause can give.
    const headings: [string, string[]][] = [
      ['（县发改局牵头）', ['lead:县发改局']],
      ['（以下各项均由县发改局牵头，县统计局配合）', ['lead:县发改局', 'cooperate:县统计局']],
      ['（县发改局负责）', ['sole:县发改局']],
      ['（各乡镇（街道）、县政府各部门分别负责）', ['joint:各乡镇(街道)', 'joint:县政府各部门']],
    ];
    const items: [string, string[], boolean][] = [
      ['（县经信局配合）', ['cooperate:县经信局'], false],
      ['（县政府各部门按职责分工负责）', ['joint:县政府各部门'], false],
      ['（县司法局牵头）', ['lead:县司法局'], true],
      ['（县司法局负责）', ['sole:县司法局'], true],
    ];
    for (const [heading, headingRoles] of headings) {
      for (const [[own, ownRoles, ownLeads], marker] of items.flatMap((it) => ['1.', '（一）', '1、'].map((m) => [it, m] as const))) {
        const notice = `${HEAD}一、推进经济政策公开${heading}\n${marker}公开重大项目信息。${own}\n`;
        const [row] = roles(notice);
        // The clause kept in the ledger says the same roles (validate checks it: CLAUSE_MISMATCH).
        const [item] = readNotice(notice).items;
        const reread = parseResponsibility(item!.clause);
        expect(reread.ok && reread.assignments.map((a) => `${a.role}:${a.name}`).sort(), item!.clause).toEqual(item!.assignments.map((a) => `${a.role}:${a.name}`).sort());
        const headingLeads = headingRoles.some((r) => /^(lead|sole):/.test(r));
        const want = ownLeads && headingLeads ? ownRoles : [...new Set([...ownRoles, ...headingRoles])];
        expect(row![1]!.split(' ').sort(), `${heading} over ${own}`).toEqual(want.sort());
        expect(row![3], `${heading} over ${own}`).toBe('');
      }
    }
  });

  it('several clauses in one paragraph, each after its own sentence', () => {
    expect(roles(`${HEAD}一、重点工作\n1.公开部门预算(财务处负责)。公开部门决算(审计处负责)。\n`)).toEqual([['1', 'sole:财务处 sole:审计处', '', '']]);
  });

  it('(1) and ① levels at a line start; in a sentence they stay text', () => {
    expect(roles(`${HEAD}一、重点工作\n1.做好信息公开:\n(1)公开预算。(财务处负责)\n(2)公开决算。(审计处负责)\n2.做好解读:①图解;②视频。(宣传处负责)\n`)).toEqual([
      ['1(1)', 'sole:财务处', '', ''],
      ['1(2)', 'sole:审计处', '', ''],
      ['2', 'sole:宣传处', '', ''],
    ]);
    expect(roles(`${HEAD}一、重点工作\n1.做好信息公开:\n1）公开预算。（财务处负责）\n2）公开决算。（审计处负责）\n`).map((r) => r[0])).toEqual(['1(1)', '1(2)']);
  });

  it('a clause glued to the text is cut at a name known from the rest of the notice, else flagged', () => {
    const known = `${HEAD}一、重点工作\n1.公开权责清单。(审批处牵头,各有关处室配合)\n2.及时更新办事方式、办事条件等信息审批处牵头,各有关处室配合\n`;
    expect(roles(known)[1]).toEqual(['2', 'lead:审批处 cooperate:各有关处室', '', '']);
    const unknown = `${HEAD}一、重点工作\n1.及时更新办事方式、办事条件等信息审批处牵头,各有关处室配合\n`;
    expect(roles(unknown)[0]![3]).toMatch(/^责任分工与正文连在一起/);
  });

  it('page metadata numbered like items (1. [主题分类] …) is not a plan', () => {
    const page = `政务公开 > 政策文件\n  1. [主题分类] 综合政务\n  2. [发文机构] 某市政务公开领导小组\n  3. [成文日期] 2016-06-08\n某市政务公开工作重点任务分工\n一、推进决策公开\n1.公开决策草案。\n牵头单位:市政府办公厅\n`;
    const notice = readNotice(page);
    expect(notice.items.map((i) => i.number)).toEqual(['1']);
    expect(notice).toMatchObject({ issuer: '某市政务公开领导小组', issuedOn: '2016-06-08' });
  });

  it('a table column of people (责任领导, 联系人) is never read as departments', () => {
    expect(roles(`${HEAD}序号 | 工作任务 | 责任单位 | 责任领导 | 完成时限 |\n1 | 公开部门预算 | 市财政局 | 张副市长 | 2019年3月底前 |\n`)).toEqual([
      ['1', 'sole:市财政局', '2019年3月底前', ''],
    ]);
  });

  it('a glued name that starts with a level and holds the level character in a word (市城市管理局) is cut at its first 市', () => {
    const text = `${HEAD}一、重点工作\n1.公开办事指南市城市管理局牵头，市财政局配合\n2.公开权责清单市政务服务办负责\n`;
    expect(roles(text)).toEqual([
      ['1', 'lead:市城市管理局 cooperate:市财政局', '', ''],
      ['2', 'sole:市政务服务办', '', ''],
    ]);
  });

  it('a known name ending glued words after a character past where the same words end elsewhere is flagged, not cut', () => {
    // 科技中心 is read for sure in item 1; in item 2 the words before it end 制度潇, one past 制度 (item 1's end).
    const text = `${HEAD}一、重点工作\n1.完善预公开制度(科技中心负责)\n2.健全预公开制度潇科技中心牵头，审计站配合\n`;
    const second = roles(text)[1]!;
    expect(second[1]).not.toBe('lead:科技中心 cooperate:审计站');
    expect(second[3]).toMatch(/责任分工与正文连在一起/);
  });

  it('a pipe table goes on over rows left with one cell by spans, and its last row numbered next with no bars', () => {
    const text = `${HEAD}重点任务 | 具体任务 | 责任单位 | 完成时限\n一是公开 | 1.公开预算 | 市财政局负责 | 3月底前\n| 2.公开决算\n3.公开债务 | 市审计局负责 | 6月底前\n| 4.公开采购 | 市商务局负责 |\n5.公开资产\n`;
    expect(roles(text).map((r) => r.slice(0, 2))).toEqual([
      ['1', 'sole:市财政局'],
      ['2', 'sole:市财政局'],
      ['3', 'sole:市审计局'],
      ['4', 'sole:市商务局'],
      ['5', 'sole:市商务局'],
    ]);
  });

  it('a numbered line after a pipe table with a clause of its own is an item of the text', () => {
    const text = `${HEAD}重点任务 | 具体任务 | 责任单位\n一是公开 | 1.公开预算 | 市财政局负责\n| 2.公开决算 | 市审计局负责 |\n3.公开债务（市金融办负责）\n`;
    expect(roles(text).map((r) => r.slice(0, 2))).toEqual([
      ['1', 'sole:市财政局'],
      ['2', 'sole:市审计局'],
      ['3', 'sole:市金融办'],
    ]);
  });

  it('split 牵头/配合 columns with the header cut off, or none, and 配合 left empty: the roles are flagged', () => {
    const rows = `1 | 一是公开 | 公开预算 | 市财政局 |  | \n| 2 | 公开决算 | 市审计局、市财政局 |  |\n3 | 公开债务 | 市金融办 | |\n`;
    for (const head of ['序号 | 重点任务\n', '序号 | 重点任务 | 具体任务\n', '']) {
      const read = readNotice(`${HEAD}${head}${rows}`).items;
      expect(read.length).toBe(3);
      expect(read.every((i) => i.rolesUnsure)).toBe(true);
    }
  });
});


/**
 * A label whose list goes on over lines, each further name indented to stand under the value
 * (`配合单位：A` then `　　　　　B`): a name a line, not one name glued from two. A line at the
 * label's own indent, or a piece that is no name by itself, is the value wrapped, and joins.
 */
describe('a label continued on lines indented under its value', () => {
  const rand = random(82);
  const cases = Array.from({ length: 16 }, () => {
    const prefix = pick(rand, ['', '县', '镇']);
    const names = [...inventedNames(rand, 4, prefix), pick(rand, ['各村（社区）', '各站所', '各行政村'])];
    const label = pick(rand, ['配合单位', '责任单位', '协办单位', '配合部门']);
    const colon = pick(rand, ['：', ':']);
    const margin = pick(rand, ['', '    ', '　　']);
    const perLine = [1 + Math.floor(rand() * 2), 1 + Math.floor(rand() * 2), Math.floor(rand() * 2)].filter((n) => n);
    const pool = [...names];
    const lines = perLine.map((n) => Array.from({ length: n }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0]!));
    // Under the value: as many ideographic spaces as the label is wide, or half-width spaces twice as many.
    const under = pick(rand, ['　'.repeat(label.length + 1), ' '.repeat(2 * label.length + 2), '　　　']);
    // The list's 、 at the line's end, or none.
    const lineEnd = pick(rand, ['', '', '、']);
    const value = lines.map((l, i) => `${i ? `${margin}${under}` : ''}${l.join('、')}`).join(`${lineEnd}\n`);
    const deadline = pick(rand, ['', `${margin}完成时限：6月底前\n`]);
    return { label, names: lines.flat(), text: `${HEAD}一、推进重点领域公开\n${margin}1、公开重点项目建设进展情况。\n${margin}牵头单位${colon}${prefix}政务公开办\n${margin}${label}${colon}${value}\n${deadline}` };
  });
  it.each(cases.map((c) => [c.text.split('\n').slice(4).join(' ⏎ '), c] as const))('%s', (_, { label, names, text }) => {
    const role = label === '责任单位' ? 'joint' : 'cooperate';
    const [item] = readNotice(text).items;
    expect(item!.assignments.filter((a) => a.role === role).map((a) => a.name)).toEqual(names.map((n) => n.replace(/（/g, '(').replace(/）/g, ')')));
    expect(item!.problems).toEqual([]);
  });
  it('a name wrapped to a line at the label\'s own indent joins', () => {
    const [item] = readNotice(`${HEAD}1、公开重点项目建设进展情况。\n牵头单位：县发展和改革局\n配合单位：县住房和城乡\n建设局\n`).items;
    expect(item!.assignments.map((a) => `${a.role}:${a.name}`)).toEqual(['lead:县发展和改革局', 'cooperate:县住房和城乡建设局']);
  });
});
