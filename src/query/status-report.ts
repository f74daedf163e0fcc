import { shortName, type Department } from '../model/department.js';
import type { Status } from '../model/status.js';
import { isAccountable, type Role } from '../model/role.js';
import type { Deadline } from './deadline.js';
import type { Item } from '../model/ledger.js';
import { obligationDeadline, type ViewContext } from './view-context.js';

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

/** What a status count needs of one item: the same whether it comes from a loaded ledger or the per-item index. */
export interface StatusFacts {
  status: Status;
  postponed: boolean;
  deadline: Deadline;
}

/** One department's tie to one item, by the item's place in `items`. */
export interface StatusObligation {
  item: number;
  role: Role;
  possible: boolean;
  /** The department's own 久未更新 when it differs from the item's (a share of an ongoing item judged by its own notes). */
  stale?: boolean;
}

/** Everything statusReportOf counts over. */
export interface StatusInput {
  plan: StatusReport['plan'];
  asOf: string;
  /** Why the report counts as of another day than today (the plan year is over). */
  asOfNote?: string;
  departments: readonly Department[];
  items: readonly StatusFacts[];
  /** Each department's obligations, in the order of `departments`. */
  obligations: readonly (readonly StatusObligation[])[];
}

export const STATUS_ORDER: readonly Status[] = ['not_started', 'in_progress', 'done', 'ongoing', 'cancelled'];

/** Each item's facts as small codes, judged once, so that every department's count is a loop over integers. */
function codesOf(items: readonly StatusFacts[]) {
  const status = new Uint8Array(items.length);
  /** Bit 1 overdue, 2 due soon, 4 stale, 8 postponed. */
  const flags = new Uint8Array(items.length);
  items.forEach((item, i) => {
    status[i] = STATUS_ORDER.indexOf(item.status);
    const state = item.deadline.state;
    flags[i] = (state === 'overdue' ? 1 : state === 'due_soon' ? 2 : 0) | (item.deadline.stale ? 4 : 0) | (item.postponed ? 8 : 0);
  });
  return { status, flags };
}

/**
 * Counts over the items chosen (all when none are); `stale` gives a chosen item's own 久未更新 where it differs from
 * the item's. Items in `helping` (配合) count among the department's items and statuses, but not as its overdue,
 * 临期 or 久未更新: those are the items it answers for, as `overdue`, `remind` and the report list them.
 */
function tally({ status, flags }: ReturnType<typeof codesOf>, chosen?: readonly number[], stale?: ReadonlyMap<number, boolean>, helping?: ReadonlySet<number>) {
  const byStatus = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  const count = chosen ? chosen.length : status.length;
  for (let k = 0; k < count; k++) {
    const i = chosen ? chosen[k]! : k;
    byStatus[status[i]!]!++;
    const f = helping?.has(i) ? flags[i]! & 8 : flags[i]!;
    if (f & 1) counts[0]!++;
    else if (f & 2) counts[1]!++;
    if (stale?.has(i) ? stale.get(i) : f & 4) counts[2]!++;
    if (f & 8) counts[3]!++;
  }
  const by_status = emptyStatus();
  STATUS_ORDER.forEach((s, i) => (by_status[s] = byStatus[i]!));
  const completable = count - by_status.cancelled - by_status.ongoing;
  return { items: count, by_status, overdue: counts[0]!, due_soon: counts[1]!, stale: counts[2]!, postponed: counts[3]!, completion: completable > 0 ? by_status.done / completable : null };
}

/** What one department's row is counted from: the items it owns, and how it owns them. */
interface DepartmentTies {
  owned: number[];
  by_role: Record<Role, number>;
  possible: number;
  stale?: Map<number, boolean>;
  helping?: Set<number>;
}

/** Gathers one department's ties one obligation at a time, so that callers need not build an object per obligation. */
class TieCollector {
  owned: number[] = [];
  by_role: Record<Role, number> = { lead: 0, joint: 0, sole: 0, cooperate: 0 };
  possible = 0;
  stale?: Map<number, boolean>;
  helping?: Set<number>;

  add(item: number, role: Role, possible: boolean, stale: boolean | undefined): void {
    if (possible) {
      this.possible++;
      return;
    }
    this.owned.push(item);
    this.by_role[role]++;
    if (!isAccountable(role)) (this.helping ??= new Set()).add(item);
    if (stale !== undefined) (this.stale ??= new Map()).set(item, stale);
  }
}

function departmentRow(department: Department, codes: ReturnType<typeof codesOf>, ties: DepartmentTies) {
  return { name: department.name, short_name: shortName(department), kind: department.kind, ...tally(codes, ties.owned, ties.stale, ties.helping), by_role: ties.by_role, possible: ties.possible };
}

type ReportHead = Pick<StatusInput, 'plan' | 'asOf' | 'asOfNote'>;

function report(head: ReportHead, departments: StatusReport['departments'], codes: ReturnType<typeof codesOf>): StatusReport {
  return { plan: head.plan, as_of: head.asOf, ...(head.asOfNote ? { as_of_note: head.asOfNote } : {}), departments, totals: tally(codes) };
}

/** One row per department in registry order, and totals over the plan. */
export function statusReportOf(input: StatusInput): StatusReport {
  const codes = codesOf(input.items);
  const departments = input.departments.map((department, d) => {
    const ties = new TieCollector();
    for (const o of input.obligations[d] ?? []) ties.add(o.item, o.role, o.possible, o.stale);
    return departmentRow(department, codes, ties);
  });
  return report(input, departments, codes);
}

/**
 * The status report of a loaded ledger: what statusReportOf gives, counted straight from the view's
 * obligations (a 100,000-item ledger has half a million; an object for each was a second of the run).
 */
export function statusReport(context: ViewContext): StatusReport {
  const { ledger, deadlines } = context;
  const items = ledger.items;
  const codes = codesOf(items.map((item) => ({ status: item.status, postponed: item.postponements.length > 0, deadline: deadlines.get(item)! })));
  let place: Map<Item, number> | undefined;
  const departments = ledger.registry.departments.map((department) => {
    const ties = new TieCollector();
    // A department's obligations come in item order (ownership.ts), so each item's place is found by walking on
    // from the last one; a Map of 100,000 items asked half a million times cost more than the counting.
    let from = 0;
    for (const o of context.obligations.get(department) ?? []) {
      let i = from;
      while (i < items.length && items[i] !== o.item) i++;
      if (i < items.length) from = i;
      else {
        // Out of order after all: the Map, for this one and the rest.
        place ??= new Map(items.map((item, k) => [item, k]));
        i = place.get(o.item)!;
        from = items.length;
      }
      ties.add(i, o.role, o.possible, o.own ? obligationDeadline(context, o).stale : undefined);
    }
    return departmentRow(department, codes, ties);
  });
  const head: ReportHead = { plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year }, asOf: context.asOf, ...(context.asOfNote ? { asOfNote: context.asOfNote } : {}) };
  return report(head, departments, codes);
}
