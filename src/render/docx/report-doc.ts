import type { LeaderReport } from '../../query/leader-report.js';
import type { OwnerItems } from '../../query/overdue-report.js';
import { describeChange } from '../changes.js';
import { dueCell, timeCell } from '../labels.js';
import { chineseDate, shortText } from '../reminder.js';
import { safeLine } from '../safe-text.js';
import { chineseOrdinal, heading, paragraph, table, type Block, type DocColumn, type OfficialDoc } from './official-doc.js';
import { countsSentence, departmentColumns, departmentRows } from './sentences.js';

/** Items late or due soon, one row per item with every accountable department named once. */
function itemRows(groups: OwnerItems[]): string[][] {
  const rows = new Map<string, { number: string; text: string; owners: string[]; due: string; time: string }>();
  for (const group of groups) {
    for (const item of group.items) {
      const found = rows.get(item.number);
      if (found) found.owners.push(group.owner);
      else rows.set(item.number, { number: item.number, text: shortText(item.text, 40), owners: [group.owner], due: dueCell(item), time: timeCell(item) });
    }
  }
  return [...rows.values()].map((r) => [r.number, safeLine(r.text), r.owners.join('、'), r.due, r.time]);
}

const ITEM_COLUMNS: DocColumn[] = [
  { header: '编号', width: 3, align: 'center' },
  { header: '任务', width: 10 },
  { header: '责任单位', width: 6 },
  { header: '时限', width: 6 },
  { header: '情况', width: 6 },
];

/** The leaders' report (`report --format docx`) as a 公文: the overall figures in words, then tables. */
export function reportDoc(report: LeaderReport): OfficialDoc {
  const t = report.status.totals;
  const plan = `《${safeLine(report.plan.title)}》${report.plan.document_number ? `（${safeLine(report.plan.document_number)}）` : ''}`;
  const blocks: Block[] = [paragraph(`按照${plan}的分工，现将截至${chineseDate(report.as_of)}的落实情况报告如下。`)];
  const sections: [string, Block[]][] = [];
  sections.push(['总体情况', [paragraph(countsSentence(report.plan.title, t, report.due_soon_days))]]);
  sections.push([
    '各部门完成情况',
    [
      paragraph('完成度 = 已完成 ÷（任务数 − 已取消 − 持续推进）；各部门的数字含经由群体（通知里的统称，如「各有关单位」）分到的任务；逾期只计本部门负有责任（牵头、按职责分工负责、负责）的任务，与逾期任务表一致。'),
      table(departmentColumns(), departmentRows(report.status, (name) => report.answers_for[name]?.overdue)),
    ],
  ]);
  const overdue = itemRows(report.overdue);
  if (overdue.length) sections.push([`逾期任务（${overdue.length} 项）`, [table(ITEM_COLUMNS, overdue)]]);
  const dueSoon = itemRows(report.due_soon);
  if (dueSoon.length) sections.push([`临期任务（${dueSoon.length} 项）`, [paragraph(`${report.due_soon_days} 个工作日内到期的任务如下。`), table(ITEM_COLUMNS, dueSoon)]]);
  if (report.postponements.length) {
    sections.push([
      `延期情况（${report.postponements.length} 次）`,
      [
        table(
          [
            { header: '编号', width: 3, align: 'center' },
            { header: '原时限', width: 6 },
            { header: '延至', width: 6 },
            { header: '理由', width: 10 },
            { header: '批准', width: 5 },
          ],
          report.postponements.map((p) => [p.number, p.from, p.to, safeLine(p.reason), safeLine(p.approved_by ?? '（未写明）')]),
        ),
      ],
    ]);
  }
  if (report.pending_requests.length) {
    sections.push([
      `待批准的延期申请（${report.pending_requests.length} 项）`,
      [
        table(
          [
            { header: '编号', width: 3, align: 'center' },
            { header: '申请部门', width: 6 },
            { header: '时限', width: 5 },
            { header: '申请延至', width: 5 },
            { header: '理由', width: 11 },
          ],
          report.pending_requests.map((r) => [r.number, safeLine(r.postponement_requested!.dept), r.due, r.postponement_requested!.to, safeLine(r.postponement_requested!.reason)]),
        ),
      ],
    ]);
  }
  if (report.since) {
    const changes = report.since.changes;
    sections.push([
      `${chineseDate(report.since.date)}以来的变化`,
      changes.length
        ? [table([{ header: '日期', width: 5 }, { header: '报送/修改', width: 6 }, { header: '变化', width: 18 }], changes.map((c) => [c.date, safeLine(c.who), safeLine(describeChange(c.change))]))]
        : [paragraph('这段时间台账没有变化。')],
    ]);
  }
  sections.forEach(([title, body], i) => blocks.push(heading(1, `${chineseOrdinal(i)}、${title}`), ...body));
  // A report closes with 特此报告: the tables above cannot be tied to the closing, this line is (gongwen.ts keeps the
  // last paragraph with the sender and date), so they never stand alone on the last page.
  blocks.push(paragraph('特此报告。'));
  return {
    title: `关于${safeLine(report.plan.title)}落实情况的报告`,
    subtitle: `（截至${chineseDate(report.as_of)}）`,
    blocks,
    sender: safeLine(report.plan.issuer ?? '办公厅'),
    date: report.as_of,
    ...(report.contact ? { contact: report.contact } : {}),
  };
}

