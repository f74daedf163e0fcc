import type { Status } from '../../model/status.js';
import type { StatusReport } from '../../query/status-report.js';
import { percent, STATUS_LABELS } from '../labels.js';
import { safeLine } from '../safe-text.js';
import type { DocColumn } from './official-doc.js';

const ORDER: readonly Status[] = ['done', 'in_progress', 'not_started', 'ongoing', 'cancelled'];

/** 已完成 3 项、推进中 5 项…: only the statuses that have items; 「没有任务」 when none has. */
export function statusCounts(byStatus: Record<Status, number>): string {
  const parts = ORDER.filter((s) => byStatus[s] > 0).map((s) => `${STATUS_LABELS[s]} ${byStatus[s]} 项`);
  return parts.join('，');
}

/** The overall figures in one or two sentences, every number the one `status --format json` gives. */
export function countsSentence(title: string, totals: StatusReport['totals'], dueSoonDays: number): string {
  const late = totals.overdue ? `逾期 ${totals.overdue} 项` : '没有逾期的任务';
  const soon = totals.due_soon ? `${dueSoonDays} 个工作日内到期 ${totals.due_soon} 项` : `${dueSoonDays} 个工作日内没有到期的任务`;
  const completion = totals.completion === null ? '' : `，完成度 ${percent(totals.completion)}`;
  return `《${safeLine(title)}》共 ${totals.items} 项任务：${statusCounts(totals.by_status)}${completion}。${late}，${soon}。`;
}

export function departmentColumns(): DocColumn[] {
  return [
    { header: '部门', width: 9 },
    { header: '任务', width: 3, align: 'right' },
    { header: '已完成', width: 4, align: 'right' },
    { header: '推进中', width: 4, align: 'right' },
    { header: '未启动', width: 4, align: 'right' },
    { header: '逾期', width: 3, align: 'right' },
    { header: '完成度', width: 4, align: 'right' },
  ];
}

/** One row per department with items, then the totals; `overdueOf` gives a department's overdue count when the document lists overdue items by the departments answering for them. */
export function departmentRows(status: StatusReport, overdueOf: (name: string) => number | undefined = () => undefined): string[][] {
  const t = status.totals;
  return [
    ...status.departments.filter((d) => d.items > 0).map((d) => [safeLine(d.name), String(d.items), String(d.by_status.done), String(d.by_status.in_progress), String(d.by_status.not_started), String(overdueOf(d.name) ?? d.overdue), percent(d.completion)]),
    ['合计', String(t.items), String(t.by_status.done), String(t.by_status.in_progress), String(t.by_status.not_started), String(t.overdue), percent(t.completion)],
  ];
}
