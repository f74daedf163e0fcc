import type { ReviewCounts, ReviewItem, ReviewReport } from '../query/review-report.js';
import { STATUS_LABELS } from '../model/status.js';
import { describeChange } from './changes.js';
import { percent } from './labels.js';
import type { DocColumn, DocRow, DocTable, TableDoc } from './table-doc.js';

/** The outcome of an item in the words of the 回头看. */
export const OUTCOME_LABELS: Record<ReviewItem['outcome'], string> = {
  on_time: '按期完成',
  late: '逾期完成',
  cancelled: '已取消',
  ongoing: '持续推进',
  unfinished: '未完成',
};

/** The department table's columns, with the counts they show; one list so every format has the same columns. */
export const COUNT_COLUMNS: [string, string, (c: ReviewCounts) => string][] = [
  ['任务数', '任务', (c) => String(c.items)],
  ['按期完成', '按期', (c) => String(c.on_time)],
  ['逾期完成', '逾完', (c) => String(c.late)],
  ['未完成', '未完', (c) => String(c.unfinished)],
  ['其中逾期', '逾期', (c) => String(c.overdue)],
  ['持续推进', '持续', (c) => String(c.ongoing)],
  ['已取消', '取消', (c) => String(c.cancelled)],
  ['延期项数', '延项', (c) => String(c.postponed)],
  ['延期次数', '延次', (c) => String(c.postponements)],
  ['完成度', '完成', (c) => percent(c.completion)],
  ['按期率', '按期率', (c) => percent(c.on_time_rate)],
];

export const lateCell = (row: ReviewItem) =>
  row.late_days === null ? '' : `逾期 ${row.late_days} 天（${row.late_working_days === null ? '?' : row.late_working_days} 个工作日）`;

export const owners = (row: ReviewItem) => row.owners.join('、') || '（未指明）';

/** `gongkai review`: the year-end look-back as tables (terminal, md, csv; xlsx and docx from the same doc). */
export function reviewDoc(report: ReviewReport): TableDoc {
  const t = report.totals;
  const departmentColumns: DocColumn[] = [{ header: '部门', compact: { at: 2 } }, ...COUNT_COLUMNS.map(([header, short]): DocColumn => ({ header, align: 'right', compact: { at: 1, header: short } }))];
  const departmentRows: DocRow[] = report.departments
    .filter((d) => d.items)
    .map((d) => ({ cells: [d.name, ...COUNT_COLUMNS.map(([, , cell]) => cell(d))], compact: [d.short_name], tone: d.unfinished ? 'warn' : undefined }));
  departmentRows.push({ cells: ['全部任务', ...COUNT_COLUMNS.map(([, , cell]) => cell(t))], strong: true });
  const items = (outcome: ReviewItem['outcome']) => report.items.filter((i) => i.outcome === outcome);
  const itemColumns = (...rest: DocColumn[]): DocColumn[] => [{ header: '编号', align: 'right' }, { header: '责任单位', maxWidth: 24 }, { header: '任务', flexible: true }, ...rest];
  const tables: DocTable[] = [
    { heading: '各部门', columns: departmentColumns, rows: departmentRows, csvGroup: [['分类', '各部门']] },
    {
      heading: `逾期完成（${t.late} 项）`,
      columns: itemColumns({ header: '时限' }, { header: '完成日期' }, { header: '逾期' }),
      rows: items('late').map((r) => ({ cells: [r.number, owners(r), r.text, r.due, r.done_on ?? '', lateCell(r)], tone: 'warn' as const })),
      empty: '没有逾期完成的任务。',
      csvGroup: [['分类', '逾期完成']],
    },
    {
      heading: `延期（${t.postponed} 项，${t.postponements} 次）`,
      columns: itemColumns({ header: '批准日期' }, { header: '原时限 → 新时限' }, { header: '理由', maxWidth: 30 }, { header: '批准人' }, { header: '情况' }),
      rows: report.items.flatMap((r) =>
        r.postponements.map((p, i) => ({
          cells: [i ? '' : r.number, i ? '' : owners(r), i ? `（第 ${i + 1} 次）` : r.text, p.on, `${p.from} → ${p.to}`, p.reason, p.approved_by ?? '', `${p.after_deadline ? '逾期后延期，' : ''}${OUTCOME_LABELS[r.outcome]}`],
        })),
      ),
      empty: '没有延期的任务。',
      csvGroup: [['分类', '延期']],
    },
    {
      heading: `已取消（${t.cancelled} 项）`,
      columns: itemColumns({ header: '取消日期' }, { header: '理由', maxWidth: 30 }, { header: '批准人' }),
      rows: items('cancelled').map((r) => ({ cells: [r.number, owners(r), r.text, r.cancelled?.on ?? '', r.cancelled?.reason ?? '（未写理由）', r.cancelled?.approved_by ?? ''], tone: 'dim' as const })),
      empty: '没有取消的任务。',
      csvGroup: [['分类', '已取消']],
    },
    {
      heading: `未完成（${t.unfinished} 项，其中逾期 ${t.overdue} 项）`,
      columns: itemColumns({ header: '状态' }, { header: '时限' }, { header: '最新进展', maxWidth: 30 }),
      rows: items('unfinished').map((r) => ({
        cells: [r.number, owners(r), r.text, `${STATUS_LABELS[r.status]}${r.overdue ? '・逾期' : ''}`, r.original_due ? `${r.due}（原 ${r.original_due}）` : r.due, r.last_progress ? `${r.last_progress.date} ${r.last_progress.note}` : '无'],
        tone: r.overdue ? ('bad' as const) : undefined,
      })),
      empty: '全部任务都已完成、取消或持续推进。',
      csvGroup: [['分类', '未完成']],
    },
    {
      heading: `持续推进（${t.ongoing} 项）`,
      columns: itemColumns({ header: '最新进展', maxWidth: 30 }),
      rows: items('ongoing').map((r) => ({ cells: [r.number, owners(r), r.text, r.last_progress ? `${r.last_progress.date} ${r.last_progress.note}` : '全年无进展记录'] })),
      empty: '没有持续推进的任务。',
      csvGroup: [['分类', '持续推进']],
    },
    {
      heading: '时限之后的变化',
      columns: [{ header: '编号', align: 'right' }, { header: '日期' }, { header: '作者' }, { header: '提交' }, { header: '变化', flexible: true }],
      rows: report.items.flatMap((r) => r.changed_after_deadline.map((c) => ({ cells: [r.number, c.date, c.author, c.commit, describeChange(c.change)] }))),
      empty: '各项在原定时限之后没有变化。',
      csvGroup: [['分类', '时限之后的变化']],
    },
  ];
  return {
    title: `${report.plan.title}·${report.plan.year} 年度回头看`,
    facts: [
      ...(report.as_of_note ? [report.as_of_note] : []),
      `${report.plan.document_number ? `${report.plan.document_number}，` : ''}截至 ${report.as_of}：${t.items} 项任务，按期完成 ${t.on_time} 项，逾期完成 ${t.late} 项，未完成 ${t.unfinished} 项（其中逾期 ${t.overdue} 项），持续推进 ${t.ongoing} 项，已取消 ${t.cancelled} 项`,
      `延期 ${t.postponed} 项、共 ${t.postponements} 次；完成度 ${percent(t.completion)}，按期率 ${percent(t.on_time_rate)}`,
    ],
    tables,
    asOf: report.as_of,
    notes: [
      '按期：完成日期不晚于时限（延期后的时限）；逾期天数按中国工作日（含调休）另计。完成度 = 已完成 ÷（任务数 − 已取消 − 持续推进），与 gongkai status 相同；按期率 = 按期完成 ÷ 已完成。',
      report.history === 'git' ? '「时限之后的变化」取自 git 中台账的各个版本（进展记录不列）；日期为变化本身的日期，没有日期的为提交日期。' : '台账不在 git 中：「时限之后的变化」只按台账中写明的延期、完成、取消日期判断。',
    ],
  };
}
