import type { Department } from '../model/department.js';
import { STATUSES, type Status } from '../model/status.js';
import type { Role } from '../model/role.js';
import type { DeadlineState } from './deadline.js';
import type { ViewContext } from './view-context.js';

export interface StatusCounts {
  items: number;
  by_role: Record<Role, number>;
  /** Items an unspecified group (各有关司(局) …) may assign to the department; not in the other counts. */
  possible: number;
  by_status: Record<Status, number>;
  overdue: number;
  due_soon: number;
  stale: number;
  /** Done ÷ items that can be completed (not cancelled, not ongoing); null when there are none. */
  completion: number | null;
}

export interface StatusReport {
  plan: { title: string; document_number: string | null; year: number };
  as_of: string;
  departments: ({ name: string; kind: Department['kind'] } & StatusCounts)[];
  /** Over the plan's items, each counted once. */
  totals: Omit<StatusCounts, 'by_role' | 'possible'>;
}

function emptyStatus(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

function tally(items: { status: Status; state: DeadlineState; stale?: boolean }[]) {
  const by_status = emptyStatus();
  let overdue = 0;
  let due_soon = 0;
  let stale = 0;
  for (const item of items) {
    by_status[item.status]++;
    if (item.state === 'overdue') overdue++;
    if (item.state === 'due_soon') due_soon++;
    if (item.stale) stale++;
  }
  const completable = items.length - by_status.cancelled - by_status.ongoing;
  return { items: items.length, by_status, overdue, due_soon, stale, completion: completable > 0 ? by_status.done / completable : null };
}

/** One row per department in registry order, and totals over the plan. */
export function statusReport(context: ViewContext): StatusReport {
  const { ledger, deadlines } = context;
  const departments = ledger.registry.departments.map((department) => {
    const obligations = context.obligations.get(department) ?? [];
    const owned = obligations.filter((o) => !o.possible);
    const by_role: Record<Role, number> = { lead: 0, joint: 0, sole: 0, cooperate: 0 };
    for (const o of owned) by_role[o.role]++;
    const counts = tally(owned.map((o) => ({ status: o.item.status, ...deadlines.get(o.item)! })));
    return { name: department.name, kind: department.kind, ...counts, by_role, possible: obligations.length - owned.length };
  });
  return {
    plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year },
    as_of: context.asOf,
    departments,
    totals: tally(ledger.items.map((item) => ({ status: item.status, ...deadlines.get(item)! }))),
  };
}
