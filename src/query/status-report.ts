import { shortName, type Department } from '../model/department.js';
import type { Status } from '../model/status.js';
import type { Role } from '../model/role.js';
import type { Item } from '../model/ledger.js';
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
  /** Items whose deadline was postponed at least once (已延期). */
  postponed: number;
  /** Done ÷ items that can be completed (not cancelled, not ongoing); null when there are none. */
  completion: number | null;
}

export interface StatusReport {
  plan: { title: string; document_number: string | null; year: number };
  as_of: string;
  /** Present when the plan year is over and no date was asked: `2021 年度已结束，按 2021-12-31 统计`. */
  as_of_note?: string;
  /** `short_name`: the name shown where a column is narrow (救助司, 办公厅). */
  departments: ({ name: string; short_name: string; kind: Department['kind'] } & StatusCounts)[];
  /** Over the plan's items, each counted once. */
  totals: Omit<StatusCounts, 'by_role' | 'possible'>;
}

function emptyStatus(): Record<Status, number> {
  // A literal, not Object.fromEntries: it keeps a fast object shape for the counting loop.
  return { not_started: 0, in_progress: 0, done: 0, ongoing: 0, cancelled: 0 };
}

/** Counts over items; written as a plain loop because it runs once per department over thousands of items. */
function tally(items: readonly Item[], deadlines: ViewContext['deadlines']) {
  const by_status = emptyStatus();
  let overdue = 0;
  let due_soon = 0;
  let stale = 0;
  let postponed = 0;
  for (const item of items) {
    if (item.postponements.length) postponed++;
    by_status[item.status]++;
    const deadline = deadlines.get(item)!;
    if (deadline.state === 'overdue') overdue++;
    else if (deadline.state === 'due_soon') due_soon++;
    if (deadline.stale) stale++;
  }
  const completable = items.length - by_status.cancelled - by_status.ongoing;
  return { items: items.length, by_status, overdue, due_soon, stale, postponed, completion: completable > 0 ? by_status.done / completable : null };
}

/** One row per department in registry order, and totals over the plan. */
export function statusReport(context: ViewContext): StatusReport {
  const { ledger, deadlines } = context;
  const departments = ledger.registry.departments.map((department) => {
    const obligations = context.obligations.get(department) ?? [];
    const owned: Item[] = [];
    const by_role: Record<Role, number> = { lead: 0, joint: 0, sole: 0, cooperate: 0 };
    for (const o of obligations) {
      if (o.possible) continue;
      owned.push(o.item);
      by_role[o.role]++;
    }
    return { name: department.name, short_name: shortName(department), kind: department.kind, ...tally(owned, deadlines), by_role, possible: obligations.length - owned.length };
  });
  return {
    plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year },
    as_of: context.asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    departments,
    totals: tally(ledger.items, deadlines),
  };
}
