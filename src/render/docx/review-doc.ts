import type { ReviewItem, ReviewReport } from '../../query/review-report.js';
import { percent, STATUS_LABELS } from '../labels.js';
import { chineseDate, shortText } from '../reminder.js';
import { COUNT_COLUMNS, lateCell, OUTCOME_LABELS, owners } from '../review-doc.js';
import { safeLine } from '../safe-text.js';
import { chineseOrdinal, heading, paragraph, table, type Block, type DocColumn, type OfficialDoc } from './official-doc.js';

const NUMBER: DocColumn = { header: '编号', width: 3, align: 'center' };
const OWNERS: DocColumn = { header: '责任单位', width: 6 };
const TASK: DocColumn = { header: '任务', width: 10 };

/** The counts a printed page has room for, by their names in the terminal table. */
const PRINTED_COUNTS = ['任务数', '按期完成', '逾期完成', '未完成', '其中逾期', '延期次数', '按期率'];
const counts = COUNT_COLUMNS.filter(([header]) => PRINTED_COUNTS.includes(header));

// The task shortened as the leaders' report does: the number finds it in the ledger.
const cells = (row: ReviewItem, ...rest: string[]) => [row.number, safeLine(owners(row)), safeLine(shortText(row.text, 40)), ...rest.map(safeLine)];

/** The year's figures in sentences: the same numbers as `review --format json`. */
function overall(report: ReviewReport): Block[] {
  const t = report.totals;
  return [
    paragraph(
      `《${safeLine(report.plan.title)}》共 ${t.items} 项任务：按期完成 ${t.on_time} 项，逾期完成 ${t.late} 项，未完成 ${t.unfinished} 项（其中逾期 ${t.overdue} 项），持续推进 ${t.ongoing} 项，已取消 ${t.cancelled} 项。`,
    ),
    paragraph(`延期 ${t.postponed} 项、共 ${t.postponements} 次；完成度 ${percent(t.completion)}，按期率 ${percent(t.on_time_rate)}。`),
  ];
}

/** `review --format docx`: the 回头看 as a 公文, item by item in the sections the office checks. */
export function reviewDocx(report: ReviewReport): OfficialDoc {
  const t = report.totals;
  const plan = `《${safeLine(report.plan.title)}》${report.plan.document_number ? `（${safeLine(report.plan.document_number)}）` : ''}`;
  const blocks: Block[] = [paragraph(`按照${plan}的分工，对 ${report.plan.year} 年度各项任务逐项开展“回头看”，现将截至${chineseDate(report.as_of)}的落实情况报告如下。`)];
  const of = (outcome: ReviewItem['outcome']) => report.items.filter((i) => i.outcome === outcome);
  const sections: [string, Block[]][] = [['总体情况', overall(report)]];
  sections.push([
    '各部门情况',
    [
      table(
        [{ header: '部门', width: 6 }, ...counts.map(([header]): DocColumn => ({ header, width: 4, align: 'right' }))],
        [
          ...report.departments.filter((d) => d.items).map((d) => [safeLine(d.name), ...counts.map(([, , cell]) => cell(d))]),
          ['合计', ...counts.map(([, , cell]) => cell(t))],
        ],
      ),
    ],
  ]);
  const late = of('late');
  if (late.length) sections.push([`逾期完成的任务（${late.length} 项）`, [table([NUMBER, OWNERS, TASK, { header: '时限', width: 5 }, { header: '完成日期', width: 5 }, { header: '逾期', width: 6 }], late.map((r) => cells(r, r.due, r.done_on ?? '', lateCell(r))))]]);
  const postponed = report.items.filter((r) => r.postponements.length);
  if (postponed.length) {
    sections.push([
      `延期情况（${t.postponed} 项，${t.postponements} 次）`,
      [
        table(
          [NUMBER, { header: '原时限 → 新时限', width: 7 }, { header: '理由', width: 9 }, { header: '批准', width: 4 }, { header: '结果', width: 5 }],
          postponed.flatMap((r) => r.postponements.map((p, i) => [i ? '' : r.number, `${p.from} → ${p.to}`, safeLine(p.reason), safeLine(p.approved_by ?? '（未写明）'), `${p.after_deadline ? '逾期后延期，' : ''}${OUTCOME_LABELS[r.outcome]}`])),
        ),
      ],
    ]);
  }
  const cancelled = of('cancelled');
  if (cancelled.length) sections.push([`已取消的任务（${cancelled.length} 项）`, [table([NUMBER, OWNERS, TASK, { header: '理由', width: 8 }, { header: '批准', width: 4 }], cancelled.map((r) => cells(r, r.cancelled?.reason ?? '（未写理由）', r.cancelled?.approved_by ?? '')))]]);
  const unfinished = of('unfinished');
  if (unfinished.length) {
    sections.push([
      `未完成的任务（${unfinished.length} 项，其中逾期 ${t.overdue} 项）`,
      [
        paragraph('以下任务尚未完成，请各责任单位加强督促整改，未完成的转入下一年度台账（上年结转）。'),
        table([NUMBER, OWNERS, TASK, { header: '状态', width: 4 }, { header: '时限', width: 5 }], unfinished.map((r) => cells(r, `${STATUS_LABELS[r.status]}${r.overdue ? '・逾期' : ''}`, r.original_due ? `${r.due}（原 ${r.original_due}）` : r.due))),
      ],
    ]);
  }
  const ongoing = of('ongoing');
  if (ongoing.length) sections.push([`持续推进的任务（${ongoing.length} 项）`, [table([NUMBER, OWNERS, TASK, { header: '最新进展', width: 9 }], ongoing.map((r) => cells(r, r.last_progress ? `${r.last_progress.date} ${r.last_progress.note}` : '全年无进展记录')))]]);
  sections.forEach(([title, body], i) => blocks.push(heading(1, `${chineseOrdinal(i)}、${title}`), ...body));
  // A report closes with 特此报告, which also keeps the sender and date off a page of their own (gongwen.ts ties the last paragraph to them).
  blocks.push(paragraph('特此报告。'));
  return {
    title: `关于${safeLine(report.plan.title)}落实情况“回头看”的报告`,
    subtitle: `（截至${chineseDate(report.as_of)}）`,
    blocks,
    sender: safeLine(report.plan.issuer ?? '办公厅'),
    date: report.as_of,
    ...(report.contact ? { contact: report.contact } : {}),
  };
}
