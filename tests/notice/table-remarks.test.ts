import { describe, expect, it } from 'vitest';
import { readNoticeBytes } from '../../src/notice/index.js';
import type { NoticeItem } from '../../src/notice/notice.js';
import { readNotice } from '../../src/notice/read-notice.js';
import { inventedNames, inventedText, pick, random } from './corpus/invented.js';

/**
 * Cells of a task table that are no names and no dates (judge18): a 备注 that is a clause adds to the row's
 * roles; —, /, 无 in a names column (or after a 配合单位 label) names nobody; a deadline cell of recurring
 * or relative words (每月, 随招随公开, 长期) is the deadline — in HTML, pipe rows and a cell per line alike.
 */
const roles = (it: NoticeItem) => it.assignments.map((a) => `${a.role}:${a.name}`).sort().join(' ');
const NOBODY = ['无', '/', '—', '-', '暂无', '／'];
const TIMES = ['每月', '每季度', '随招随公开', '长期', '随到随办', '全年', '2026年6月底前'];
const REMARK_CLAUSES: [string, (n: string) => string][] = [
  ['cooperate', (n) => `${n}配合`],
  ['joint', (n) => `${n}按职责分工负责`],
  ['cooperate', (n) => `${n}协助`],
];

function rows(seed: number) {
  const rand = random(seed);
  const names = inventedNames(rand, 6, '市');
  return Array.from({ length: 4 }, (_, i) => {
    const [role, words] = REMARK_CLAUSES[(seed + i) % REMARK_CLAUSES.length]!;
    const withRemark = (seed + i) % 2 === 0;
    const other = i % 2 ? pick(rand, NOBODY) : names[(i + 3) % 6]!;
    return {
      task: inventedText(rand).replace(/[。]$/, ''),
      lead: names[i]!,
      cooperate: other,
      due: TIMES[(seed + i) % TIMES.length]!,
      remark: withRemark ? words(names[5 - i]!) : pick(rand, ['', '无', '/', '按时报送进展']),
      want: [`lead:${names[i]}`, ...(i % 2 ? [] : [`cooperate:${names[(i + 3) % 6]}`]), ...(withRemark ? [`${role}:${names[5 - i]}`] : [])].sort().join(' '),
    };
  });
}

const HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限', '备注'];

describe('remarks, nobody and recurring deadlines in task tables', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i))('HTML and pipe rows, variant %i', async (seed) => {
    const data = rows(seed);
    const cells = data.map((r, i) => [String(i + 1), r.task, r.lead, r.cooperate, r.due, r.remark]);
    const html = `<html><body><h1>某市2026年政务公开重点任务清单</h1><table>${[HEADER, ...cells].map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    const pipe = `某市2026年政务公开重点任务清单\n${[HEADER, ...cells].map((row) => `${row.join(' | ')} |`).join('\n')}\n`;
    const fromHtml = await readNoticeBytes(Buffer.from(html));
    expect(fromHtml.ok).toBe(true);
    for (const items of [fromHtml.ok ? fromHtml.notice.items : [], readNotice(pipe).items]) {
      expect(items.map(roles)).toEqual(data.map((r) => r.want));
      // The deadline cell stays the deadline: never the task's words, never a row of its own.
      items.forEach((it, i) => expect(it.text).not.toContain(data[i]!.due));
      expect(items.filter((it) => it.rolesUnsure).map((it) => it.problems)).toEqual([]);
    }
  });

  // Task words that read like a name (`公开…月报`) before the names cell are still the task's.
  it.each(Array.from({ length: 8 }, (_, i) => i))('a cell per line with recurring deadlines, variant %i', (seed) => {
    const rand = random(100 + seed);
    const names = inventedNames(rand, 4, '区');
    const data = names.map((name, i) => ({ heading: `${'①②③④'[i]}${inventedText(rand).slice(0, 10)}`, task: i % 2 ? `公开${pick(rand, ['网络运行状态', '气象数据服务', '财政资金使用'])}${pick(rand, ['月报', '年报', '简报', '周报'])}` : inventedText(rand), name, due: TIMES[(seed + i) % TIMES.length]! }));
    const stream = ['工作任务', '具体要求', '责任处室', '时限要求', ...data.flatMap((r) => [r.heading, r.task, r.name, r.due])];
    const items = readNotice(`某区2026年政务公开重点任务\n${stream.map((c) => `${c}\n|`).join('\n')}\n`).items;
    expect(items.map((it) => it.assignments.map((a) => a.name).join('、'))).toEqual(names);
    items.forEach((it, i) => expect(it.dueText).toBe(data[i]!.due));
  });

  it.each(NOBODY)('a 配合单位 label of %s names nobody', (word) => {
    const items = readNotice(`要点\n一、重点\n（一）公开轮换计划。\n牵头单位：市粮食局\n配合单位：${word}\n完成时限：2023年10月中旬\n`).items;
    expect(items.map(roles)).toEqual(['lead:市粮食局']);
    expect(items[0]!.problems).toEqual([]);
  });
});
