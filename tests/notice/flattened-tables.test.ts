import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, pick, random } from './corpus/invented.js';

/**
 * Tables copied as text (DOMAIN.md F8) as offices' copies come: names cells whatever separates
 * their names, task cells that hold a deadline, and task/unit line pairs with no numbering —
 * each built in many variants (names, separators, widths, positions), and prose that must not
 * become items.
 */

const roles = (text: string) => readNotice(text).items.map((i) => [i.text, i.assignments.map((a) => `${a.role}:${a.name}`).join(' '), i.dueText ?? '', i.rolesUnsure ? 'unsure' : '']);

const HEAD = '某县2023年政务公开重点工作任务分工\n';
const SEPARATORS = [',', '，', ';', '；', ' ', '、', '/', ', ', '　'];
const GROUPS = ['各县(市、区)人民政府', '市直有关单位', '各镇(街)', '各乡镇（街道）', '县政府各部门', '团县委', '县妇联'];

describe('a names cell, whatever separates its names', () => {
  const rand = random(16);
  const names = [...inventedNames(rand, 24, '县'), ...GROUPS];
  const list = (n: number) => Array.from({ length: n }, () => pick(rand, names)).filter((x, i, all) => all.indexOf(x) === i);
  const cases = Array.from({ length: 60 }, (_, k) => {
    const sep = SEPARATORS[k % SEPARATORS.length]!;
    return { lead: list(1 + (k % 2)), joint: list(1 + (k % 3)), cooperate: k % 4 ? list(1 + (k % 2)) : [], sep };
  });

  it.each(cases.map((c, k) => [k, c.sep, c] as const))('split role columns, case %i, separator %j', (_, sep, c) => {
    const row = `| 1 | 公开政务服务事项办事指南。 | ${c.lead.join(sep)} | ${c.joint.join(sep)} | ${c.cooperate.join(sep)} | 年底前 |`;
    const want = [...c.lead.map((n) => `lead:${n.replace(/（/g, '(').replace(/）/g, ')')}`), ...c.joint.map((n) => `joint:${n.replace(/（/g, '(').replace(/）/g, ')')}`), ...c.cooperate.map((n) => `cooperate:${n.replace(/（/g, '(').replace(/）/g, ')')}`)];
    const [item] = roles(`${HEAD}| 序号 | 工作任务 | 牵头单位 | 责任单位 | 配合单位 | 完成时限 |\n${row}\n`);
    expect(item![0]).toBe('公开政务服务事项办事指南。');
    expect(item![1]!.split(' ').sort()).toEqual(want.sort());
    expect(item![2]).toBe('年底前');
  });

  it('one names column: the names of a cell are a list (joint), never the task', () => {
    for (const sep of SEPARATORS) {
      expect(roles(`${HEAD}| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| 1 | 公开办事指南。 | 县财政局${sep}县税务局 | 年底前 |\n| 2 | 公开预算。 | 县财政局 | 6月底前 |\n`)).toEqual([
        ['公开办事指南。', 'joint:县财政局 joint:县税务局', '年底前', ''],
        ['公开预算。', 'sole:县财政局', '6月底前', ''],
      ]);
    }
  });

  it('words a space cuts (市 财政局) or task words are not a list of names', () => {
    const [item] = roles(`${HEAD}| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| 1 | 公开办事指南。 | 市 财政局 | 年底前 |\n`);
    expect(item![1]).not.toMatch(/:市( |$)/);
  });
});

it('a cell of a row copied from text that fits no column flags the row, naming the words left out', () => {
  const [item] = readNotice(`${HEAD}| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| 1 | 公开办事指南。 | 由县财政局会同有关单位研究确定。 | 年底前 |\n| 2 | 公开预算。 | 县财政局 | 6月底前 |\n`).items;
  expect(item!.rolesUnsure).toBe(true);
  expect(item!.problems.join('')).toMatch(/没有读入/);
});

describe('a task cell that holds a deadline is the task', () => {
  const deadlines = ['9月底前完成清理结果公开', '2020年6月底前完成', '三季度前公开', '年底前完成', '每季度更新一次'];
  it.each(deadlines)('pipe rows and a cell per line: …，%s。', (words) => {
    const task = `集中公开规范性文件，${words}。`;
    const pipe = roles(`${HEAD}| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| 1 | ${task} | 县司法局 | 2020年9月底前 |\n| 2 | 公开招生入学信息。 | 县教育局 | 8月底前 |\n`);
    const cells = roles(`${HEAD}序号\n|\n工作任务\n|\n牵头单位\n|\n完成时限\n|\n1\n|\n${task}\n|\n县司法局\n|\n2020年9月底前\n|\n2\n|\n公开招生入学信息。\n|\n县教育局\n|\n8月底前\n|\n`);
    for (const read of [pipe, cells]) {
      expect(read[0]).toEqual([task, 'lead:县司法局', '2020年9月底前', '']);
      expect(read[1]).toEqual(['公开招生入学信息。', 'lead:县教育局', '8月底前', '']);
    }
  });
});

describe('task/unit line pairs with no numbering', () => {
  const rand = random(30);
  const names = inventedNames(rand, 16, '县');
  const TASKS = ['加强财政预决算公开，按规定公开预决算。', '推进减税降费政策公开。', '做好重大项目建设信息公开，按季度更新项目进展情况。', '公开义务教育招生入学政策及划片范围，5月底前公开。', '完善政务公开专区，提供政策咨询服务', '加强养老服务信息公开'];
  const units: [(a: string, b: string) => string, (a: string, b: string) => string][] = [
    [(a) => `${a}牵头落实`, (a) => `lead:${a}`],
    [(a) => a, (a) => `sole:${a}`],
    [(a, b) => `${a}牵头，${b}配合`, (a, b) => `lead:${a} cooperate:${b}`],
    [(a, b) => `${a}、${b}按职责分工负责`, (a, b) => `joint:${a} joint:${b}`],
    [(a, b) => `${a}负责，${b}配合`, (a, b) => `sole:${a} cooperate:${b}`],
  ];
  const notice = (count: number, seed: number, options: { header?: boolean; heading?: boolean } = {}) => {
    const lines: string[] = [];
    const want: string[][] = [];
    for (let k = 0; k < count; k++) {
      const [write, read] = units[(k + seed) % units.length]!;
      const [a, b] = [names[(k * 3 + seed) % names.length]!, names[(k * 3 + seed + 1) % names.length]!];
      if (options.heading && k === Math.floor(count / 2)) lines.push('重点领域信息公开');
      const task = TASKS[(k + seed) % TASKS.length]!;
      lines.push(task, write(a, b));
      want.push([task, read(a, b), task.includes('5月底前') ? '5月底前' : '', '']);
    }
    return { text: `${HEAD}${options.header ? '工作任务\n责任单位\n' : ''}${lines.join('\n')}\n某县人民政府办公室　2023年4月6日印发\n`, want };
  };

  it.each(Array.from({ length: 12 }, (_, seed) => [seed, 3 + (seed % 5)] as const))('seed %i: %i pairs, each a unit', (seed, count) => {
    for (const options of [{}, { header: true }, { heading: true }]) {
      const { text, want } = notice(count, seed, options);
      expect(roles(text)).toEqual(want);
    }
  });

  it('two pairs are a table only under its header words', () => {
    expect(roles(notice(2, 0, { header: true }).text)).toHaveLength(2);
    expect(roles(notice(2, 0).text)).toEqual([]);
  });

  it('prose is not a table: a cover letter with a signature, paragraphs with a name line among them', () => {
    expect(roles(`${HEAD}各乡镇人民政府，县政府各部门：\n现将《工作要点》印发给你们，请认真贯彻落实。\n某县人民政府办公室\n2023年4月6日\n`)).toEqual([]);
    expect(roles(`${HEAD}为做好政务公开工作，制定本要点。\n县政府办公室\n请各单位认真落实。\n县财政局\n加强组织领导，压实工作责任。\n`)).toEqual([]);
  });

  it('a run broken by a task wrapped over two lines is not read as pairs (no task lost unseen)', () => {
    const { text } = notice(6, 1);
    const lines = text.split('\n');
    lines.splice(7, 0, '并及时更新相关信息，接受社会监督。');
    expect(roles(lines.join('\n'))).toEqual([]);
  });
});
