import type { Violation } from '../permissions/commit-permissions.js';
import { fieldLabel } from './merge-conflicts.js';
import { safeLine } from './safe-text.js';

const PART_LABELS: Readonly<Record<string, string>> = { plan: '计划（plan）', sections: '部分标题', departments: '部门名录', registry: '部门名录文件' };

/** `第 22 项的「状态」` or `部门名录` */
function what(v: Violation): string {
  if (v.item === undefined) return PART_LABELS[v.field] ?? `「${v.field}」`;
  return v.field === '*' ? `第 ${v.item} 项（增删整项）` : `第 ${v.item} 项的「${fieldLabel(v.field)}」`;
}

function why(v: Violation): string {
  switch (v.reason) {
    case 'unknown_author':
      return '提交人未在部门名录中登记（部门的 committers）';
    case 'not_own_item':
      return `该项不是${v.department}负责的任务`;
    case 'coordinator_only':
      return v.item !== undefined && v.field !== '*' ? `各部门只能改本部门任务的状态、完成日期和进展，「${fieldLabel(v.field)}」由办公厅修改` : '只有办公厅可以修改';
  }
}

/** `提交 1a2b3c4（王五 <w@x>，社会救助司）修改了第 22 项的「状态」：该项不是社会救助司负责的任务` */
export function violationLine(v: Violation): string {
  const who = `${v.authorName} <${v.authorEmail}>${v.department ? `，${v.department}` : ''}`;
  return safeLine(`提交 ${v.commit.slice(0, 7)}（${who}）修改了${what(v)}：${why(v)}`);
}
