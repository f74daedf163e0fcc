import { lookupName, type Department } from '../model/department.js';
import { isAccountable } from '../model/role.js';
import { pendingRequest, type Item } from '../model/ledger.js';
import { itemRow, type ItemRow } from './item-row.js';
import type { Deadline } from './deadline.js';
import { changedSince, obligationDeadline, type ViewContext } from './view-context.js';

/** Items of one accountable department (or of an unresolved group, when nobody named is accountable). */
export interface OwnerItems<R = ItemRow> {
  owner: string;
  /** True for a vague group nobody has resolved: the items have no named owner yet. */
  unassigned: boolean;
  items: R[];
}

/** `R`: the kind of row (ItemRow, or a row drawn before when only the terminal text is made: src/open/drawn-overdue.ts). */
export interface OverdueReport<R = ItemRow> {
  plan: { title: string; document_number: string | null };
  as_of: string;
  /** Present when the plan year is over and no date was asked: `2021 年度已结束，按 2021-12-31 统计`. */
  as_of_note?: string;
  due_soon_days: number;
  stale_days: number;
  overdue: OwnerItems<R>[];
  due_soon: OwnerItems<R>[];
  /** Ongoing (持续推进) items whose last progress report is older than stale_days. */
  stale: OwnerItems<R>[];
  /** Items overdue before a postponement made in the period (since --since, else the whole plan), and not late now: 曾逾期（已延期）. */
  postponed: OwnerItems<R>[];
  /** Requests to postpone waiting for the office (申请延期，待批准), in ledger order; rows carry postponement_requested. */
  pending_requests: R[];
  counts: { overdue: number; due_soon: number; stale: number; postponed: number; pending_requests: number };
  /** The --since date, when given: rows then carry changed_since. */
  since?: string;
}

type Category = 'overdue' | 'due_soon' | 'stale' | 'postponed';

/** A postponement made, in the period up to the as-of date, after the deadline it moved had passed. */
function postponedWhileLate(item: Item, context: ViewContext): boolean {
  const from = context.since?.date ?? '';
  return item.postponements.some((p) => p.on > p.from && p.on >= from && p.on <= context.asOf);
}

function categoryOf(item: Item, d: Deadline, context: ViewContext): Category | undefined {
  if (d.state === 'overdue') return 'overdue';
  if (d.state === 'due_soon') return 'due_soon';
  if (d.state === 'ongoing' && d.stale) return 'stale';
  // Postponing a late item must not make it vanish from the report: it is listed as such.
  return (d.state === 'open' || d.state === 'ongoing') && postponedWhileLate(item, context) ? 'postponed' : undefined;
}

/** Sorts every accountable obligation into its category, by department, in one pass. */
function byOwner(context: ViewContext, only?: Department): Record<Category, OwnerItems[]> {
  const { ledger, deadlines } = context;
  const out: Record<Category, OwnerItems[]> = { overdue: [], due_soon: [], stale: [], postponed: [] };
  const owned = new Set<Item>();
  for (const department of ledger.registry.departments) {
    const rows: Record<Category, ItemRow[]> = { overdue: [], due_soon: [], stale: [], postponed: [] };
    for (const o of context.obligations.get(department) ?? []) {
      if (o.possible || !isAccountable(o.role)) continue;
      const d = obligationDeadline(context, o);
      const category = categoryOf(o.item, d, context);
      if (!category) continue;
      owned.add(o.item);
      if (!only || only === department) rows[category].push(itemRow(o.item, d, o, changedSince(context, o.item)));
    }
    for (const category of CATEGORIES) if (rows[category].length) out[category].push({ owner: department.name, unassigned: false, items: rows[category] });
  }
  if (only) return out;
  // Items only a vague group answers for would otherwise vanish from the report.
  const unassigned: Record<Category, Map<string, ItemRow[]>> = { overdue: new Map(), due_soon: new Map(), stale: new Map(), postponed: new Map() };
  for (const item of ledger.items) {
    const d = deadlines.get(item)!;
    const category = categoryOf(item, d, context);
    if (!category || owned.has(item)) continue;
    const accountable = item.assignments.filter((a) => isAccountable(a.role));
    const groupNames = accountable.map((a) => {
      const entry = lookupName(ledger.registry, a.name);
      return entry?.type === 'group' ? entry.group.name : a.name;
    });
    const key = [...new Set(groupNames)].join('、') || '（无责任单位）';
    const role = accountable[0] ? { item, role: accountable[0].role, possible: true } : undefined;
    const rows = unassigned[category].get(key) ?? [];
    rows.push(itemRow(item, d, role, changedSince(context, item)));
    unassigned[category].set(key, rows);
  }
  for (const category of CATEGORIES) for (const [owner, items] of unassigned[category]) out[category].push({ owner, unassigned: true, items });
  return out;
}

const CATEGORIES: readonly Category[] = ['overdue', 'due_soon', 'stale', 'postponed'];

/** How many items each named department is listed with (its own group; not a group nobody resolved). */
export function listedCounts(groups: readonly OwnerItems[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of groups) if (!g.unassigned) out[g.owner] = g.items.length;
  return out;
}

function countItems(groups: OwnerItems[]): number {
  return new Set(groups.flatMap((g) => g.items.map((i) => i.number))).size;
}

/**
 * Items with a request to postpone that waits for the office, whatever their
 * deadline: the office must answer each (postpone --approved-by or --rejected-by).
 * With a department, those it asked for.
 */
export function pendingRequests(context: ViewContext, only?: Department): ItemRow[] {
  const rows: ItemRow[] = [];
  for (const item of context.ledger.items) {
    const request = pendingRequest(item);
    if (!request || (only && request.dept !== only.name)) continue;
    rows.push(itemRow(item, context.deadlines.get(item)!, undefined, changedSince(context, item)));
  }
  return rows;
}

/** Overdue and due-soon items by accountable department, stale ongoing items, and requests to postpone waiting for an answer. */
export function overdueReport(context: ViewContext, only?: Department): OverdueReport {
  const { overdue, due_soon, stale, postponed } = byOwner(context, only);
  const pending = pendingRequests(context, only);
  return {
    plan: { title: context.ledger.plan.title, document_number: context.ledger.plan.documentNumber ?? null },
    as_of: context.asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    due_soon_days: context.options.dueSoonDays,
    stale_days: context.options.staleDays,
    overdue,
    due_soon,
    stale,
    postponed,
    pending_requests: pending,
    ...(context.since ? { since: context.since.date } : {}),
    counts: { overdue: countItems(overdue), due_soon: countItems(due_soon), stale: countItems(stale), postponed: countItems(postponed), pending_requests: pending.length },
  };
}
