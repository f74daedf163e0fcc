import type { ReviewReport } from '../../query/review-report.js';
import { STATUS_LABELS } from '../../model/status.js';
import { KIND_LABELS } from '../labels.js';
import { OUTCOME_LABELS } from '../review-doc.js';
import type { XlsxColumn, XlsxTable } from './sheet-table.js';
import { asOfLine } from './workbooks.js';

/** `review --format xlsx`: the departments' figures, then every item with its outcome, lateness, postponements and cancellation. */
export function reviewSheets(report: ReviewReport): XlsxTable[] {
  const title = (what: string) => [`${report.plan.title}·${report.plan.year} 年度回头看（${what}）`, asOfLine(report.plan, report.as_of, report.as_of_note ?? '')];
  const n = (header: string): XlsxColumn => ({ header, kind: 'integer' });
  const counts = (c: ReviewReport['totals']) => [c.items, c.on_time, c.late, c.unfinished, c.overdue, c.ongoing, c.cancelled, c.postponed, c.postponements, c.completion, c.on_time_rate];
  const departments: XlsxTable = {
    sheet: '各部门',
    title: title('各部门'),
    columns: [{ header: '部门', kind: 'text' }, { header: '类别', kind: 'text' }, n('任务数'), n('按期完成'), n('逾期完成'), n('未完成'), n('其中逾期'), n('持续推进'), n('已取消'), n('延期项数'), n('延期次数'), { header: '完成度', kind: 'percent' }, { header: '按期率', kind: 'percent' }],
    rows: [
      ...report.departments.filter((d) => d.items).map((d) => ({ values: [d.name, KIND_LABELS[d.kind], ...counts(d)], mark: d.overdue ? ('overdue' as const) : undefined })),
      { values: ['全部任务', '', ...counts(report.totals)], strong: true },
    ],
  };
  const items: XlsxTable = {
    sheet: '逐项',
    title: title('逐项'),
    columns: [
      { header: '编号', kind: 'text' },
      { header: '部分', kind: 'text' },
      { header: '任务', kind: 'long-text' },
      { header: '责任单位', kind: 'text' },
      { header: '状态', kind: 'text' },
      { header: '结果', kind: 'text' },
      { header: '时限', kind: 'date' },
      { header: '原定时限', kind: 'date' },
      { header: '完成日期', kind: 'date' },
      n('逾期天数'),
      n('逾期工作日'),
      n('延期次数'),
      { header: '延期理由与批准人', kind: 'long-text' },
      { header: '取消理由', kind: 'long-text' },
      { header: '最新进展', kind: 'long-text' },
    ],
    rows: report.items.map((r) => ({
      values: [
        r.number,
        r.section,
        r.text,
        r.owners.join('、'),
        STATUS_LABELS[r.status],
        r.outcome === 'unfinished' && r.overdue ? '未完成・逾期' : OUTCOME_LABELS[r.outcome],
        r.due,
        r.original_due,
        r.done_on,
        r.late_days,
        r.late_working_days,
        r.postponements.length,
        r.postponements.map((p) => `${p.on} ${p.from}→${p.to}：${p.reason}${p.approved_by ? `（${p.approved_by}批准）` : ''}`).join('；'),
        r.cancelled ? `${r.cancelled.on} ${r.cancelled.reason}${r.cancelled.approved_by ? `（${r.cancelled.approved_by}批准）` : ''}` : '',
        r.last_progress ? `${r.last_progress.date} ${r.last_progress.dept}：${r.last_progress.note}` : '',
      ],
      mark: r.outcome === 'unfinished' && r.overdue ? ('overdue' as const) : r.outcome === 'on_time' || r.outcome === 'late' ? ('done' as const) : undefined,
    })),
  };
  return [departments, items];
}
