import type { DepartmentReport } from '../../query/department-report.js';
import type { OverdueReport } from '../../query/overdue-report.js';
import type { StatusReport } from '../../query/status-report.js';
import { KIND_LABELS } from '../labels.js';
import { ITEM_COLUMNS, itemCells } from './item-table.js';
import type { XlsxColumn, XlsxRow, XlsxTable } from './sheet-table.js';

type PlanHead = { title: string; document_number: string | null };

/** 截至 and 文号 on the second title row, so a forwarded file says when it was true. */
export function asOfLine(plan: PlanHead, asOf: string, extra = ''): string {
  return `${plan.document_number ? `文号：${plan.document_number}　` : ''}截至：${asOf}${extra ? `　${extra}` : ''}`;
}

/** `status --format xlsx`: one row per department, then totals; completion as a percentage cell. */
export function statusTable(report: StatusReport): XlsxTable {
  const n = (header: string): XlsxColumn => ({ header, kind: 'integer' });
  const columns: XlsxColumn[] = [
    { header: '部门', kind: 'text' },
    { header: '类别', kind: 'text' },
    n('任务数'),
    n('牵头'),
    n('分工负责'),
    n('负责'),
    n('配合'),
    n('可能涉及'),
    n('已完成'),
    n('推进中'),
    n('未启动'),
    n('持续推进'),
    n('已取消'),
    n('逾期'),
    n('临期'),
    n('久未更新'),
    { header: '完成度', kind: 'percent' },
  ];
  const rows: XlsxRow[] = report.departments.map((d) => ({
    values: [d.name, KIND_LABELS[d.kind], d.items, d.by_role.lead, d.by_role.joint, d.by_role.sole, d.by_role.cooperate, d.possible, d.by_status.done, d.by_status.in_progress, d.by_status.not_started, d.by_status.ongoing, d.by_status.cancelled, d.overdue, d.due_soon, d.stale, d.completion],
    mark: d.overdue ? 'overdue' : undefined,
  }));
  const t = report.totals;
  rows.push({
    values: ['全部任务', '', t.items, null, null, null, null, null, t.by_status.done, t.by_status.in_progress, t.by_status.not_started, t.by_status.ongoing, t.by_status.cancelled, t.overdue, t.due_soon, t.stale, t.completion],
    strong: true,
  });
  return {
    sheet: '部门汇总',
    title: [report.plan.title, asOfLine(report.plan, report.as_of, `共 ${t.items} 项任务，逾期 ${t.overdue} 项，临期 ${t.due_soon} 项`)],
    columns,
    rows,
  };
}

/** `status --dept --format xlsx`: the department's items, then those that may concern it (分类 tells which). */
export function departmentTable(report: DepartmentReport): XlsxTable {
  const rows = [
    ...report.items.map((r) => ({ ...itemCells(r), values: ['本部门', ...itemCells(r).values] })),
    ...report.possible.map((r) => ({ ...itemCells(r), values: ['可能涉及（未计入）', ...itemCells(r).values] })),
  ];
  return {
    sheet: sheetName(report.department.name),
    title: [`${report.department.name}：${report.plan.title}`, asOfLine(report.plan, report.as_of, `本部门 ${report.items.length} 项`)],
    columns: [{ header: '分类', kind: 'text' }, ...ITEM_COLUMNS],
    rows,
  };
}

/** `overdue --format xlsx`: every listed item with its category and accountable department, ready to filter. */
export function overdueTable(report: OverdueReport): XlsxTable {
  const { plan } = report;
  const groups = [
    ['逾期', report.overdue],
    ['临期', report.due_soon],
    ['久未更新', report.stale],
    ['曾逾期（已延期）', report.postponed],
  ] as const;
  const rows: XlsxRow[] = groups.flatMap(([category, owners]) =>
    owners.flatMap((owner) => owner.items.map((r) => ({ ...itemCells(r), values: [category, owner.unassigned ? `${owner.owner}（未指明部门）` : owner.owner, ...itemCells(r).values] }))),
  );
  const { counts } = report;
  return {
    sheet: '逾期与临期',
    title: [`逾期与临期：${plan.title}`, asOfLine(plan, report.as_of, `逾期 ${counts.overdue} 项，${report.due_soon_days} 个工作日内到期 ${counts.due_soon} 项，久未更新 ${counts.stale} 项`)],
    columns: [{ header: '分类', kind: 'text' }, { header: '责任单位', kind: 'text' }, ...ITEM_COLUMNS],
    rows,
  };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || '表';
}
