import type { Department } from '../model/department.js';
import type { ItemRow } from './item-row.js';
import { officeContact, officeDepartment, type OfficeContact } from './office-contact.js';
import { overdueReport } from './overdue-report.js';
import type { ViewContext } from './view-context.js';

/** Why an item is chased: late, due soon, or ongoing without recent progress. */
export type ChaseKind = 'overdue' | 'due_soon' | 'stale';

/** One department's 催办: the items to chase, by kind, and when to answer. */
export interface Reminder {
  department: string;
  overdue: ItemRow[];
  due_soon: ItemRow[];
  stale: ItemRow[];
}

export interface RemindReport {
  plan: { title: string; issuer: string | null; document_number: string | null };
  as_of: string;
  /** Present when the plan year is over and no date was asked: `2021 年度已结束，按 2021-12-31 统计`. */
  as_of_note?: string;
  /** The date replies are asked for: three working days after the as-of date (or a week, when the calendar is unknown). */
  reply_by: string;
  due_soon_days: number;
  stale_days: number;
  /** Departments with something to chase, in registry order; the others get nothing. */
  reminders: Reminder[];
  /**
   * The office that sends the reminders (办公厅, model: officeDepartment) is not sent one by itself:
   * what it would be chased for is counted here, for it to see in `overdue --dept`. Absent when it has nothing.
   */
  office?: { department: string; overdue: number; due_soon: number; stale: number };
  /** Items only an unnamed group answers for: there is nobody to send them to yet. */
  unassigned: number;
  /** The office's 联系人/电话 from the registry, when it has them. */
  contact?: OfficeContact;
}

const REPLY_WORKING_DAYS = 3;

function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * One reminder per accountable department with overdue, due-soon or stale
 * items (the same sorting as `overdue`); departments with nothing to chase are left out.
 */
export function remindReport(context: ViewContext, only?: Department): RemindReport {
  const report = overdueReport(context, only);
  const byDepartment = new Map<string, Reminder>();
  const reminder = (name: string) => {
    let found = byDepartment.get(name);
    if (!found) byDepartment.set(name, (found = { department: name, overdue: [], due_soon: [], stale: [] }));
    return found;
  };
  let unassigned = 0;
  for (const kind of ['overdue', 'due_soon', 'stale'] as const) {
    for (const group of report[kind]) {
      if (group.unassigned) unassigned += group.items.length;
      else reminder(group.owner)[kind].push(...group.items);
    }
  }
  const order = context.ledger.registry.departments.map((d) => d.name);
  const { plan } = context.ledger;
  const contact = officeContact(context.ledger);
  const sender = officeDepartment(context.ledger);
  const own = sender && byDepartment.get(sender.name);
  if (own) byDepartment.delete(sender.name);
  return {
    plan: { title: plan.title, issuer: plan.issuer ?? null, document_number: plan.documentNumber ?? null },
    as_of: context.asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    reply_by: context.options.counter.addWorkingDays(context.asOf, REPLY_WORKING_DAYS) ?? addCalendarDays(context.asOf, 7),
    due_soon_days: context.options.dueSoonDays,
    stale_days: context.options.staleDays,
    reminders: order.flatMap((name) => (byDepartment.has(name) ? [byDepartment.get(name)!] : [])),
    unassigned,
    ...(own ? { office: { department: own.department, overdue: own.overdue.length, due_soon: own.due_soon.length, stale: own.stale.length } } : {}),
    ...(contact ? { contact } : {}),
  };
}
