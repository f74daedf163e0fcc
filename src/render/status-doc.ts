import type { StatusReport } from '../query/status-report.js';
import { completionBar, percent } from './labels.js';
import type { DocColumn, DocRow, TableDoc } from './table-doc.js';

/**
 * `status` without --dept: one row per department, then totals. `bar` draws
 * the completion bar (terminal only). Narrower terminals get short headers,
 * then short department names, then a percentage for the bar; at 80 columns
 * each department becomes a block of three lines.
 */
export function statusDoc(report: StatusReport, bar: boolean): TableDoc {
  const count = (header: string, compactHeader: string, stackLine: number): DocColumn => ({ header, align: 'right', compact: { at: 1, header: compactHeader }, stackLine });
  const columns: DocColumn[] = [
    { header: '部门', compact: { at: 2 } },
    count('牵头', '牵头', 1),
    count('分工负责', '分工', 1),
    count('负责', '负责', 1),
    count('配合', '配合', 1),
    count('可能涉及', '可能', 1),
    count('已完成', '完成', 2),
    count('推进中', '推进', 2),
    count('未启动', '未启', 2),
    count('持续推进', '持续', 2),
    count('已取消', '取消', 2),
    count('逾期', '逾期', 0),
    count('临期', '临期', 0),
    { header: '完成度', compact: { at: 3 }, stackLine: 0 },
  ];
  const done = (c: number | null) => (bar ? completionBar(c) : percent(c));
  const rows: DocRow[] = report.departments.map((d) => ({
    cells: [d.name, ...[d.by_role.lead, d.by_role.joint, d.by_role.sole, d.by_role.cooperate, d.possible, d.by_status.done, d.by_status.in_progress, d.by_status.not_started, d.by_status.ongoing, d.by_status.cancelled, d.overdue, d.due_soon].map(String), done(d.completion)],
    // A report cached by an earlier version has no short name.
    compact: [d.short_name ?? d.name, ...Array(12).fill(undefined), percent(d.completion)],
    tone: d.overdue ? ('bad' as const) : undefined,
    csv: [String(d.items), d.completion === null ? '' : String(Math.round(d.completion * 100))],
  }));
  const t = report.totals;
  rows.push({
    cells: ['全部任务', '', '', '', '', '', ...[t.by_status.done, t.by_status.in_progress, t.by_status.not_started, t.by_status.ongoing, t.by_status.cancelled, t.overdue, t.due_soon].map(String), done(t.completion)],
    compact: [undefined, ...Array(12).fill(undefined), percent(t.completion)],
    strong: true,
    csv: [String(t.items), t.completion === null ? '' : String(Math.round(t.completion * 100))],
  });
  return {
    title: report.plan.title,
    facts: [...(report.as_of_note ? [report.as_of_note] : []), `${report.plan.document_number ? `${report.plan.document_number}，` : ''}截至 ${report.as_of}：${t.items} 项任务，逾期 ${t.overdue} 项，临期 ${t.due_soon} 项${t.postponed ? `，已延期 ${t.postponed} 项` : ''}`],
    tables: [{ columns, rows, stackable: true, csvColumns: ['任务数', '完成度(%)'] }],
    asOf: report.as_of,
    notes: ['各部门的数字含经由群体（通知里的统称，如「各有关单位」）及已写明的 resolve 分到的任务；「可能涉及」未计入。逾期、临期只计本部门负有责任（牵头、按职责分工负责、负责）的任务，与 overdue 相同；配合的任务计入任务数和各状态。完成度 = 已完成 ÷（任务数 − 已取消 − 持续推进）。'],
  };
}
