/**
 * The overdue report cut item by item: what overdueReport lists of each item
 * alone (its share), and the report joined back from the shares. A share
 * depends only on its item (with the plan, registry and view options), so
 * after a hand edit only the changed item's share is made again.
 */
import type { Department } from '../model/department.js';
import type { Item } from '../model/ledger.js';
import type { ItemRow } from './item-row.js';
import type { Obligation } from './ownership.js';
import { overdueReport, type OverdueReport, type OwnerItems } from './overdue-report.js';
import type { ViewContext } from './view-context.js';

type Category = 'overdue' | 'due_soon' | 'stale' | 'postponed';
const CATEGORIES: readonly Category[] = ['overdue', 'due_soon', 'stale', 'postponed'];

/** One item's rows in the report: [category, owner, 1 when a group nobody resolved, rows] and its pending request; 0 when it lists nothing. */
export type OverdueShare<R = ItemRow> = { groups: [Category, string, 0 | 1, R[]][]; pending: R[] } | 0;

/** The context of each item alone: its own obligations, the same deadlines and options. */
function itemContexts(context: ViewContext): ViewContext[] {
  const byItem = new Map<Item, Map<Department, Obligation[]>>();
  for (const [department, obligations] of context.obligations) {
    for (const o of obligations) {
      let own = byItem.get(o.item);
      if (!own) byItem.set(o.item, (own = new Map()));
      own.set(department, [...(own.get(department) ?? []), o]);
    }
  }
  return context.ledger.items.map((item) => ({ ...context, ledger: { ...context.ledger, items: [item] }, obligations: byItem.get(item) ?? new Map() }));
}

/** Each item's share of the overdue report (in ledger order), as overdueReport lists it alone. */
export function overdueShares(context: ViewContext, only?: Department): OverdueShare[] {
  return itemContexts(context).map((alone) => {
    const report = overdueReport(alone, only);
    const groups: Exclude<OverdueShare, 0>['groups'] = [];
    for (const category of CATEGORIES) for (const g of report[category]) groups.push([category, g.owner, g.unassigned ? 1 : 0, g.items]);
    return groups.length || report.pending_requests.length ? { groups, pending: report.pending_requests } : 0;
  });
}

/**
 * The report the shares make, in overdueReport's order: a department's group
 * where the registry lists it, its rows in ledger order; the groups nobody
 * resolved after them, in the order their first item comes. `head` is the
 * report of no item (title, dates, settings) and is filled in.
 */
export function joinOverdueShares<R extends { number: string } = ItemRow>(head: OverdueReport<unknown>, shares: Iterable<OverdueShare<R>>, departments: readonly Department[]): OverdueReport<R> {
  const rank = new Map(departments.map((d, i) => [d.name, i]));
  const named = Object.fromEntries(CATEGORIES.map((c) => [c, new Map<number, R[]>()])) as Record<Category, Map<number, R[]>>;
  const unassigned = Object.fromEntries(CATEGORIES.map((c) => [c, new Map<string, R[]>()])) as Record<Category, Map<string, R[]>>;
  const pending: R[] = [];
  for (const share of shares) {
    if (!share) continue;
    for (const [category, owner, vague, rows] of share.groups) {
      if (vague) {
        const list = unassigned[category].get(owner);
        if (list) for (const row of rows) list.push(row);
        else unassigned[category].set(owner, [...rows]);
        continue;
      }
      const at = rank.get(owner)!;
      const list = named[category].get(at);
      if (list) for (const row of rows) list.push(row);
      else named[category].set(at, [...rows]);
    }
    for (const row of share.pending) pending.push(row);
  }
  const report = head as OverdueReport<R>;
  const count = (groups: OwnerItems<R>[]) => {
    const numbers = new Set<string>();
    for (const g of groups) for (const row of g.items) numbers.add(row.number);
    return numbers.size;
  };
  for (const category of CATEGORIES) {
    const groups: OwnerItems<R>[] = [...named[category]].sort((a, b) => a[0] - b[0]).map(([at, items]) => ({ owner: departments[at]!.name, unassigned: false, items }));
    for (const [owner, items] of unassigned[category]) groups.push({ owner, unassigned: true, items });
    report[category] = groups;
  }
  report.pending_requests = pending;
  report.counts = { overdue: count(report.overdue), due_soon: count(report.due_soon), stale: count(report.stale), postponed: count(report.postponed), pending_requests: pending.length };
  return report;
}
