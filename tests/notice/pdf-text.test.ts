import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { inventedNames, inventedText, pick, random, type Rand } from './corpus/invented.js';

/** Text a user made from a PDF with pdftotext (judge 13): page furniture is no part of the notice. */

interface Ledger {
  plan: { title: string; issuer?: string };
  departments: { departments: { name: string }[]; groups: { name: string }[] };
  sections: { items: Record<string, unknown>[] }[];
}

async function importText(text: string) {
  const dir = tempDir({ 'notice.txt': text });
  const run = await runCli(['import', join(dir, 'notice.txt'), '--format', 'json']);
  const ledger: Ledger | undefined = run.out ? JSON.parse(run.out) : undefined;
  return { ...run, ledger, items: ledger?.sections.flatMap((s) => s.items) ?? [] };
}

const page = (n: number) => `\n\n              —${n}—\n\f            青海省医疗保障局\n\n\n`;

describe('page furniture in text from a PDF', () => {
  it('a running header after a page break is not the clause of the item before it', async () => {
    const text = `            青海省医疗保障局\n\n青海省医疗保障局 2023 年政务公开工作要点\n一、加强医保政策公开解读\n1.及时公开医保目录调整等政策文件，同步发布解读\n材料。（待遇保障处牵头，医药服务管理处、办公室配合）${page(1)}2.公开医保基金监管典型案例。（基金监管处负责）${page(2)}`;
    const { items, ledger, code } = await importText(text);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ lead: ['待遇保障处'], cooperate: ['医药服务管理处', '办公室'] });
    expect(items[0]!.text).toBe('及时公开医保目录调整等政策文件，同步发布解读材料。');
    expect(items[1]).toMatchObject({ sole: ['基金监管处'] });
    expect(ledger!.departments.departments.map((d) => d.name)).not.toContain('青海省医疗保障局');
  });

  it('an item broken by a page joins its words across the break, the page number and header gone', async () => {
    const text = `内蒙古自治区审计厅\n\n内蒙古自治区审计厅 2021 年政务公开工作要点\n一、加强政策解读\n1.做好审计政策解读，进一步提升政务公\n—1—\n\n\f内蒙古自治区审计厅\n\n开质量和实效（办公厅、审计宣传中心按职责分工负责）。\n2.公开部门预算（财务处负责）。\n- 2 -\n\f内蒙古自治区审计厅\n`;
    const { items } = await importText(text);
    expect(items[0]).toMatchObject({ text: '做好审计政策解读，进一步提升政务公开质量和实效', joint: ['办公厅', '审计宣传中心'] });
  });

  it('without form feeds, the issuer right after a page number is the running header', async () => {
    const text = `某市审计局2022年政务公开工作要点\n一、重点工作\n1.公开审计结果（法规科负责）\n\n第 1 页\n某市审计局\n\n2.公开部门预算（财务科负责）\n3/3\n`;
    const { items } = await importText(text);
    expect(items.map((i) => [i.number, i.sole])).toEqual([
      ['1', ['法规科']],
      ['2', ['财务科']],
    ]);
  });

  it('a finding names the line of the original text, furniture and all', async () => {
    const text = `某市审计局\n\n某市审计局2022年政务公开工作要点\n一、重点工作\n1.公开审计结果（法规科负责）\n—1—\n\f某市审计局\n\n2.公开部门预算（某某某某某某某某）\n—2—\n\f某市审计局\n`;
    const { err } = await importText(text);
    expect(err).toMatch(/notice\.txt:9: 警告/);
  });

  it('a line that repeats in the body is not furniture, nor is a lone page-like date in text with no pages', async () => {
    const text = `某市审计局2022年政务公开工作要点\n一、重点工作\n1.公开审计结果\n（法规科负责）\n2.公开部门预算\n（财务科负责）\n`;
    const { items } = await importText(text);
    expect(items.map((i) => i.sole)).toEqual([['法规科'], ['财务科']]);
  });
});

describe('a task table through pdftotext -layout', () => {
  const header = '序号      重点任务   具体内容      责任单位     完成时限';
  it('reads each row from its columns, cells wrapped over many lines, a part spanning the table', async () => {
    const text = `某省商务厅2024年政务公开工作要点任务分工\n${header}\n一、围绕稳外贸加大信息公开力度\n1       推进稳外贸稳 及时公开外贸    对外贸易处牵   2024 年 6 月\n        外资政策公开 外资支持政策    头，外国投资   底前\n               措施，做好政    管理处、政策\n               策解读。      法规处配合\n2              公开外商投资    外国投资管理   长期坚持\n               企业投诉处理    处\n`;
    const { items, code, ledger } = await importText(text);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ text: '推进稳外贸稳外资政策公开：及时公开外贸外资支持政策措施，做好政策解读。', lead: ['对外贸易处'], cooperate: ['外国投资管理处', '政策法规处'], due: '2024-06-30' });
    expect(items[1]).toMatchObject({ sole: ['外国投资管理处'], status: '持续推进' });
    expect(ledger!.departments.groups).toEqual([]);
  });

  it('a names cell holding only a dash names nobody (no 配合单位 for that task)', async () => {
    const text = `某市交通运输局2022年政务公开工作任务分工\n序号       工作任务           牵头单位         配合单位          完成时限\n1       公开重大建设         规划建设处        市港航管理         2022 年 12 月\n        项目批准信息                      中心            底\n2       编制年度报告         办公室          —             2023 年 1 月\n                                                  31 日前\n`;
    const { items, code } = await importText(text);
    expect(code).toBe(0);
    expect(items[0]).toMatchObject({ lead: ['规划建设处'], cooperate: ['市港航管理中心'], due: '2022-12-31' });
    expect(items[1]).toMatchObject({ lead: ['办公室'], due: '2023-01-31' });
    expect(items[1]!.cooperate).toBeUndefined();
  });

  it('a laid-out table whose header is not read (a word on two lines) is refused, not read as paragraphs', async () => {
    const text = `某省商务厅2024年政务公开工作要点任务分工\n序号      重点任务   具体内容      责任单位     完成\n                                               时限\n1       推进稳外贸稳 及时公开外贸    对外贸易处牵   2024 年 6 月\n        外资政策公开 外资支持政策    头，外国投资   底前\n               措施。          管理处配合\n`;
    const { code, err, out } = await importText(text);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/UNSUPPORTED_FORMAT.*按空格排列/);
  });

  it('a laid-out table with no 序号 column (no rows to be told by) is refused too', async () => {
    const text = `某省商务厅2024年政务公开工作要点任务分工\n        重点任务   具体内容      责任单位     完成时限\n        推进稳外贸稳 及时公开外贸    对外贸易处牵   2024 年 6 月\n        外资政策公开 外资支持政策    头，外国投资   底前\n               措施。          管理处配合\n`;
    const { code, err } = await importText(text);
    expect(code).toBe(2);
    expect(err).toMatch(/UNSUPPORTED_FORMAT.*按空格排列/);
  });

  it('rows whose columns stand elsewhere than the header says are read, and every task is flagged', async () => {
    // Rows pasted from two pages: the second row's columns start two characters to the right.
    const text = `某省商务厅2024年政务公开工作要点任务分工\n${header}\n1       推进稳外贸稳 及时公开外贸    对外贸易处牵   2024 年 6 月\n        外资政策公开 外资支持政策    头，外国投资   底前\n               措施。          管理处配合\n2       做好消费促进   及时公开以旧    市场运行和消   2024 年三季\n        信息公开     换新补贴申领     费促进处、流   度\n               条件和流程。     通业发展处按\n                           职责分工负责\n`;
    const { items, code, err } = await importText(text);
    expect(code).toBe(1);
    expect(items).toHaveLength(2);
    expect(err).toMatch(/pdftotext -layout/);
    for (const item of items) expect(item.review).toBeDefined();
  });
});

describe('a task table through pdftotext without -layout', () => {
  it('is refused, saying to convert with -layout: its columns come one after another and rows cannot be told', async () => {
    const torn = [
      '某市交通运输局2022年政务公开工作任务分工', '序号', '1', '', '2', '', '工作任务', '公开综合交通', '重大建设项目', '批准和实施信', '息，', '公开道路运输',
      '行政许可结果，', '', '牵头单位', '规划建设处', '', '运输管理处', '', '—1—', '', '配合单位', '市港航管理中心', '', '完成时限', '2022 年 12 月', '底', '',
      '作出决定之日', '起 7 个工作日', '内', '', '\f某市交通运输局', '', '序号', '', '3', '', '工作任务', '编制年度报告', '', '牵头单位', '办公室', '', '—2—', '\f',
    ].join('\n');
    const { code, err, out } = await importText(torn);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/UNSUPPORTED_FORMAT.*pdftotext -layout/);
  });

  it('a table copied one cell per line from a web page (no page breaks) is still read', async () => {
    const cells = ['某市2022年政务公开工作任务分工', '序号', '工作任务', '责任单位', '完成时限', '1', '公开重大建设项目批准信息', '规划建设处', '2022年12月底', '2', '公开行政许可结果', '运输管理处', '2022年6月底'];
    const { code, items } = await importText(cells.join('\n'));
    expect(code).toBe(0);
    expect(items.map((i) => i.sole)).toEqual([['规划建设处'], ['运输管理处']]);
  });
});

/**
 * A 任务分工表 laid out as pdftotext -layout does, by character count: each column at its
 * start, a cell's text wrapped at the column's width, the header's words centred in their
 * cells, and the row numbers placed in the 序号 cell as the PDF had them (at its left edge,
 * centred, or at its right).
 */
function laidOutTable(rand: Rand) {
  const names = inventedNames(rand, 8, pick(rand, ['市', '县', '']));
  const widths = [pick(rand, [4, 5, 6, 7]), pick(rand, [10, 12, 14]), pick(rand, [5, 6, 7]), pick(rand, [6, 7, 8]), pick(rand, [6, 7])];
  const gap = pick(rand, [2, 3, 4]);
  const indent = pick(rand, [0, 1]);
  const starts = widths.reduce<number[]>((out, _, c) => [...out, c ? out[c - 1]! + widths[c - 1]! + gap : indent], []);
  const numberAt = pick(rand, ['left', 'centre', 'right'] as const);
  const jitter = pick(rand, [0, 1, 2]);
  const withParts = rand() < 0.5;
  const put = (line: string, at: number, text: string) => `${line.padEnd(at)}${text}`;
  // Wrapped as Word wraps: a wide character may end a line anywhere, a run of digits only as a whole.
  const wrap = (text: string, width: number) =>
    (text.match(/\d+|./gu) ?? []).reduce<string[]>((out, token) => {
      const last = out[out.length - 1];
      if (last !== undefined && [...last].length + token.length <= width) out[out.length - 1] = last + token;
      else out.push(token);
      return out;
    }, []);
  const headerWords = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
  const header = headerWords.reduce((line, word, c) => put(line, starts[c]! + Math.max(0, Math.floor((widths[c]! - word.length) / 2)), word), '');
  const rows = Array.from({ length: 4 + Math.floor(rand() * 9) }, (_, r) => {
    const pool = [...names];
    const take = () => pool.splice(Math.floor(rand() * pool.length), 1)[0]!;
    return { number: String(r + 1), text: inventedText(rand), lead: take(), cooperate: Array.from({ length: Math.floor(rand() * 3) }, take), month: 1 + Math.floor(rand() * 12) };
  });
  const lines = [header];
  const pageBreak = 2 + Math.floor(rand() * (rows.length - 2));
  rows.forEach((row, r) => {
    if (r === pageBreak) lines.push('', `${' '.repeat(30)}—1—`, `\f${header}`);
    // A part's heading centred across the table, now and then.
    if (r === 0 || (r === pageBreak + 1 && withParts)) lines.push('', `${' '.repeat(starts[1]! + 4)}${r ? '二' : '一'}、加强重点领域信息公开`);
    lines.push('');
    const n = row.number.length;
    // pdftotext rounds each word's x to a character: a centred number lands up to two characters right of the header's centre.
    const centred = Math.min(widths[0]! - n, Math.floor((widths[0]! - n) / 2) + jitter);
    const numberStart = starts[0]! + (numberAt === 'left' ? 0 : numberAt === 'right' ? widths[0]! - n : centred);
    const cells = [[row.number], wrap(row.text, widths[1]!), wrap(row.lead, widths[2]!), wrap(row.cooperate.join('、'), widths[3]!), wrap(`${2020}年${row.month}月底前`, widths[4]!)];
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      lines.push(cells.reduce((line, cell, c) => (cell[k] ? put(line, c ? starts[c]! : numberStart, cell[k]!) : line), ''));
    }
  });
  return { text: `某市2020年政务公开工作要点任务分工\n\n${lines.join('\n')}\n`, rows, numberAt };
}

describe('a laid-out task table whose row numbers stand anywhere in the 序号 cell', () => {
  const rand = random(79);
  const cases = Array.from({ length: 16 }, () => laidOutTable(rand));
  it.each(cases.map((c, i) => [i, c.numberAt, c] as const))('table %i, numbers at the %s: every row read with its columns', async (_, __, { text, rows }) => {
    const { items, code, err } = await importText(text);
    expect(err).not.toMatch(/UNSUPPORTED_FORMAT|对不齐|同一列|前后不一/);
    expect(code).toBe(0);
    expect(items.map((i) => [i.number, i.lead, i.cooperate ?? [], i.due])).toEqual(
      rows.map((r) => [r.number, [r.lead], r.cooperate, new Date(Date.UTC(2020, r.month, 0)).toISOString().slice(0, 10)]),
    );
  });
});
