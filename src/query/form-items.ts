import { createHash } from 'node:crypto';
import type { Department } from '../model/department.js';
import type { Item } from '../model/ledger.js';
import { departmentReport } from './department-report.js';
import { latestNote, type ItemRow } from './item-row.js';
import type { ViewContext } from './view-context.js';

/** What a department's form lists: its own items, each with what the ledger said when the form was made. */
export interface FormContent {
  plan: { title: string; document_number: string | null };
  as_of: string;
  department: string;
  items: (ItemRow & { latest_progress?: string; fingerprint: string })[];
}

/**
 * A short hash of what a form can change in an item (status, due date, done
 * date, progress). If it differs at collection time, the item was changed
 * after the form went out, and the form's answer for it is a conflict.
 */
export function itemFingerprint(item: Item): string {
  const seen = [item.status, item.due, item.doneOn ?? null, item.progress.map((p) => [p.date, p.dept, p.note])];
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex').slice(0, 16);
}

/** The form of one department: the items it answers for or cooperates on (not those that may concern it). */
export function formContent(context: ViewContext, department: Department): FormContent {
  const report = departmentReport(context, department);
  const byNumber = new Map(context.ledger.items.map((item) => [item.number, item]));
  return {
    plan: report.plan,
    as_of: report.as_of,
    department: department.name,
    items: report.items.map((row) => {
      const item = byNumber.get(row.number)!;
      const latest = latestNote(item);
      return { ...row, ...(latest ? { latest_progress: `${latest.date} ${latest.dept}：${latest.note}` } : {}), fingerprint: itemFingerprint(item) };
    }),
  };
}
