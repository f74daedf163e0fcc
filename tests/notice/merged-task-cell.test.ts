import { describe, expect, it } from 'vitest';
import { readNotice } from '../../src/notice/read-notice.js';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * A 任务分工表 copied as text (tab-separated, or `|` rows) whose 重点任务 cell was merged over the rows of its measures:
 * the rows under it have that cell empty, and carry the 重点任务 as a rowspan of HTML gives it them (judge19, notice 78).
 */

interface Group {
  task: string;
  rows: { measure: string; body: string; due: string }[];
}

const HEADERS = [
  ['序号', '重点任务', '工作措施', '责任单位', '完成时限'],
  ['序号', '工作任务', '具体内容', '责任单位', '完成时间'],
  ['序号', '任务类别', '工作措施', '牵头领导', '责任单位', '完成时限'],
] as const;

function groups(seed: number): Group[] {
  const rand = random(seed);
  const names = inventedNames(rand, 6, pick(rand, ['市', '区', '']));
  return Array.from({ length: 3 }, (_, g) => ({
    task: `${pick(rand, ['加强', '推进', '做好', '深化'])}${inventedText(rand).slice(0, 6)}公开`,
    rows: Array.from({ length: 1 + ((seed + g) % 3) }, () => ({ measure: inventedText(rand), body: pick(rand, names), due: pick(rand, ['6月底前', '年底前', '9月底前']) })),
  }));
}

const flat = (gs: Group[]) => gs.flatMap((g) => g.rows.map((r, k) => ({ ...r, task: g.task, first: k === 0, span: g.rows.length })));

/** `remark`: a 备注 column after the deadline, left empty — a copy may keep its empty cell (`| |`) or drop it (`… | 年底前 |`). */
function asText(header: readonly string[], gs: Group[], sep: '\t' | ' | ', remark?: 'kept' | 'dropped'): string {
  const leader = header.includes('牵头领导');
  const rows = flat(gs).map((r, n) => [String(n + 1), r.first ? r.task : '', r.measure, ...(leader ? ['张某'] : []), r.body, r.due, ...(remark === 'kept' ? [''] : [])].join(sep));
  const wrap = (line: string) => (sep === '\t' ? line : `| ${line} |`);
  if (remark) header = [...header, '备注'];
  return ['某市2026年政务公开工作任务分工表', wrap(header.join(sep)), ...rows.map(wrap)].join('\n') + '\n';
}

function asHtml(header: readonly string[], gs: Group[]): string {
  const leader = header.includes('牵头领导');
  const rows = flat(gs).map((r, n) => `<tr><td>${n + 1}</td>${r.first ? `<td rowspan="${r.span}">${r.task}</td>` : ''}<td>${r.measure}</td>${leader ? '<td>张某</td>' : ''}<td>${r.body}</td><td>${r.due}</td></tr>`);
  return `<!DOCTYPE html><html><head><title>x</title></head><body><h2>某市2026年政务公开工作任务分工表</h2><table><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table></body></html>`;
}

const seen = (items: NoticeItem[]) => items.map((i) => ({ number: i.number, text: i.text, names: i.assignments.map((a) => `${a.role}:${a.name}`), due: i.due }));

describe('rows under a merged 重点任务 cell, copied as text', () => {
  // Pipe rows also with an empty 备注 column, its cell kept or dropped at the rows' ends (a merged cell is then not the row's only gap).
  const cases = Array.from({ length: 16 }, (_, seed) => ({ seed, header: HEADERS[seed % HEADERS.length]!, sep: seed % 2 ? (' | ' as const) : ('\t' as const), remark: seed >= 12 ? (seed % 4 < 2 ? ('kept' as const) : ('dropped' as const)) : undefined }));
  it.each(cases.map((c) => [`${c.header.join('/')} ${c.sep === '\t' ? 'tabs' : 'pipes'} seed ${c.seed}${c.remark ? ` 备注 ${c.remark}` : ''}`, c] as const))('%s', async (_, { seed, header, sep, remark }) => {
    const gs = groups(seed);
    const items = readNotice(asText(header, gs, sep, remark)).items;
    const rows = flat(gs);
    expect(items).toHaveLength(rows.length);
    items.forEach((item, n) => {
      expect(item.text).toContain(rows[n]!.task);
      expect(item.text).toContain(rows[n]!.measure);
      expect(item.problems).toEqual([]);
    });
    const html = await readNoticeBytes(Buffer.from(asHtml(header, gs)));
    if (!html.ok) throw new Error(html.message);
    expect(seen(items)).toEqual(seen(html.notice.items));
  });
});
