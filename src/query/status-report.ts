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

/** The counts of a row, as a department's row and the totals give them. */
function countsOf(count: number, byStatus: readonly number[], counts: readonly number[]) {
  const by_status = emptyStatus();
  STATUS_ORDER.forEach((s, i) => (by_status[s] = byStatus[i]!));
  const completable = count - by_status.cancelled - by_status.ongoing;
  return { items: count, by_status, overdue: counts[0]!, due_soon: counts[1]!, stale: counts[2]!, postponed: counts[3]!, completion: completable > 0 ? by_status.done / completable : null };
}

/** Counts over every item of the plan, each once. */
function tally({ status, flags }: ReturnType<typeof codesOf>) {
  const byStatus = [0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < status.length; i++) {
    byStatus[status[i]!]!++;
    const f = flags[i]!;
    if (f & 1) counts[0]!++;
    else if (f & 2) counts[1]!++;
    if (f & 4) counts[2]!++;
    if (f & 8) counts[3]!++;
  }
  return countsOf(status.length, byStatus, counts);
}

/**
 * One department's row, counted one obligation at a time as they come (no object per obligation, no
 * set of the items it helps with). An owned item counts among the department's items and statuses;
 * `stale` is its own 久未更新 where that differs from the item's. Items it helps with (配合) do not count as
 * its overdue, 临期 or 久未更新: those are the items it answers for, as `overdue`, `remind` and the report list them.
 */
class RowCounter {
  items = 0;
  readonly byStatus = [0, 0, 0, 0, 0];
  readonly counts = [0, 0, 0, 0];
  readonly by_role: Record<Role, number> = { lead: 0, joint: 0, sole: 0, cooperate: 0 };
  possible = 0;

  constructor(private readonly codes: ReturnType<typeof codesOf>) {}

  add(item: number, role: Role, possible: boolean, stale: boolean | undefined): void {
    if (possible) {
      this.possible++;
      return;
    }
    this.items++;
    this.by_role[role]++;
    this.byStatus[this.codes.status[item]!]!++;
    const f = isAccountable(role) ? this.codes.flags[item]! : this.codes.flags[item]! & 8;
    if (f & 1) this.counts[0]!++;
    else if (f & 2) this.counts[1]!++;
    if (stale !== undefined ? stale : f & 4) this.counts[2]!++;
    if (f & 8) this.counts[3]!++;
  }

  row(department: Department) {
    return { name: department.name, short_name: shortName(department), kind: department.kind, ...countsOf(this.items, this.byStatus, this.counts), by_role: this.by_role, possible: this.possible };
  }
}

type ReportHead = Pick<StatusInput, 'plan' | 'asOf' | 'asOfNote'>;

function report(head: ReportHead, departments: StatusReport['departments'], codes: ReturnType<typeof codesOf>): StatusReport {
  return { plan: head.plan, as_of: head.asOf, ...(head.asOfNote ? { as_of_note: head.asOfNote } : {}), departments, totals: tally(codes) };
}

/** One row per department in registry order, and totals over the plan. */
export function statusReportOf(input: StatusInput): StatusReport {
  const codes = codesOf(input.items);
  const departments = input.departments.map((department, d) => {
    const row = new RowCounter(codes);
    for (const o of input.obligations[d] ?? []) row.add(o.item, o.role, o.possible, o.stale);
    return row.row(department);
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
    const row = new RowCounter(codes);
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
      row.add(i, o.role, o.possible, o.own ? obligationDeadline(context, o).stale : undefined);
    }
    return row.row(department);
  });
  const head: ReportHead = { plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year }, asOf: context.asOf, ...(context.asOfNote ? { asOfNote: context.asOfNote } : {}) };
  return report(head, departments, codes);
}
