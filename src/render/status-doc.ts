import type { StatusReport } from '../query/status-report.js';
import { completionBar, percent } from './labels.js';
import type { DocColumn, DocRow, TableDoc } from './table-doc.js';

/** `status` without --dept: one row per department, then totals. `bar` draws the completion bar (terminal only). */
export function statusDoc(report: StatusReport, bar: boolean): TableDoc {
  const right = (header: string): DocColumn => ({ header, align: 'right' });
  const columns: DocColumn[] = [
    { header: '部门' },
    right('牵头'),
    right('分工负责'),
    right('负责'),
    right('配合'),
    right('可能涉及'),
    right('已完成'),
    right('推进中'),
    right('未启动'),
    right('持续推进'),
    right('已取消'),
    right('逾期'),
    right('临期'),
    { header: '完成度' },
  ];
  const done = (c: number | null) => (bar ? completionBar(c) : percent(c));
  const rows: DocRow[] = report.departments.map((d) => ({
    cells: [d.name, ...[d.by_role.lead, d.by_role.joint, d.by_role.sole, d.by_role.cooperate, d.possible, d.by_status.done, d.by_status.in_progress, d.by_status.not_started, d.by_status.ongoing, d.by_status.cancelled, d.overdue, d.due_soon].map(String), done(d.completion)],
    tone: d.overdue ? ('bad' as const) : undefined,
  }));
  const t = report.totals;
  rows.push({
    cells: ['全部任务', '', '', '', '', '', ...[t.by_status.done, t.by_status.in_progress, t.by_status.not_started, t.by_status.ongoing, t.by_status.cancelled, t.overdue, t.due_soon].map(String), done(t.completion)],
    strong: true,
  });
  return {
    title: report.plan.title,
    facts: [`${report.plan.document_number ? `${report.plan.document_number}，` : ''}截至 ${report.as_of}：${t.items} 项任务，逾期 ${t.overdue} 项，临期 ${t.due_soon} 项`],
    tables: [{ columns, rows }],
    notes: ['各部门的数字含经由各司(局)、直属单位及已写明的 resolve 分到的任务；「可能涉及」未计入。完成度 = 已完成 ÷（任务数 − 已取消 − 持续推进）。'],
  };
}
