import { lookupName, type Department } from '../model/department.js';
import { isAccountable } from '../model/role.js';
import { itemRow, type ItemRow } from './item-row.js';
import type { DeadlineState } from './deadline.js';
import type { ViewContext } from './view-context.js';

/** Items of one accountable department (or of an unresolved group, when nobody named is accountable). */
export interface OwnerItems {
  owner: string;
  /** True for a vague group nobody has resolved: the items have no named owner yet. */
  unassigned: boolean;
  items: ItemRow[];
}

export interface OverdueReport {
  as_of: string;
  due_soon_days: number;
  stale_days: number;
  overdue: OwnerItems[];
  due_soon: OwnerItems[];
  /** Ongoing (持续推进) items whose last progress report is older than stale_days. */
  stale: OwnerItems[];
  counts: { overdue: number; due_soon: number; stale: number };
}

function byOwner(context: ViewContext, wanted: (state: DeadlineState, stale: boolean) => boolean, only?: Department): OwnerItems[] {
  const { ledger, deadlines } = context;
  const groups: OwnerItems[] = [];
  const owned = new Set<unknown>();
  for (const department of ledger.registry.departments) {
    const obligations = (context.obligations.get(department) ?? []).filter((o) => {
      const d = deadlines.get(o.item)!;
      return !o.possible && isAccountable(o.role) && wanted(d.state, d.stale === true);
    });
    obligations.forEach((o) => owned.add(o.item));
    if (obligations.length && (!only || only === department)) {
      groups.push({ owner: department.name, unassigned: false, items: obligations.map((o) => itemRow(o.item, deadlines.get(o.item)!, o)) });
    }
  }
  if (only) return groups;
  // Items only a vague group answers for would otherwise vanish from the report.
  const unassigned = new Map<string, ItemRow[]>();
  for (const item of ledger.items) {
    const d = deadlines.get(item)!;
    if (owned.has(item) || !wanted(d.state, d.stale === true)) continue;
    const accountable = item.assignments.filter((a) => isAccountable(a.role));
    const groupNames = accountable.map((a) => {
      const entry = lookupName(ledger.registry, a.name);
      return entry?.type === 'group' ? entry.group.name : a.name;
    });
    const key = [...new Set(groupNames)].join('、') || '（无责任单位）';
    const role = accountable[0] ? { item, role: accountable[0].role, possible: true } : undefined;
    unassigned.set(key, [...(unassigned.get(key) ?? []), itemRow(item, d, role)]);
  }
  for (const [owner, items] of unassigned) groups.push({ owner, unassigned: true, items });
  return groups;
}

function countItems(groups: OwnerItems[]): number {
  return new Set(groups.flatMap((g) => g.items.map((i) => i.number))).size;
}

/** Overdue and due-soon items by accountable department, and stale ongoing items. */
export function overdueReport(context: ViewContext, only?: Department): OverdueReport {
  const overdue = byOwner(context, (state) => state === 'overdue', only);
  const due_soon = byOwner(context, (state) => state === 'due_soon', only);
  const stale = byOwner(context, (state, isStale) => state === 'ongoing' && isStale, only);
  return {
    as_of: context.asOf,
    due_soon_days: context.options.dueSoonDays,
    stale_days: context.options.staleDays,
    overdue,
    due_soon,
    stale,
    counts: { overdue: countItems(overdue), due_soon: countItems(due_soon), stale: countItems(stale) },
  };
}
