import { accountableNames as ownersOf, shortName, type Department } from '../model/department.js';
import { calendarDaysBetween } from '../model/dates.js';
import type { Item } from '../model/ledger.js';
import type { Status } from '../model/status.js';
import { isAccountable } from '../model/role.js';
import type { Change } from './ledger-diff.js';
import { officeContact, type OfficeContact } from './office-contact.js';
import type { ViewContext } from './view-context.js';

/**
 * The 回头看: every item of the year checked, by department and overall. One
 * outcome per item, so the counts add up to the items and equal `status` as of
 * the same day: done (on time + late) = 已完成, cancelled = 已取消, ongoing =
 * 持续推进, unfinished = 未启动 + 推进中.
 */
export type Outcome = 'on_time' | 'late' | 'cancelled' | 'ongoing' | 'unfinished';

/** A change to an item found in the ledger's git history, with the commit that made it. */
export interface DatedChange {
  /** The change's own date when it carries one (a note, an approval, a done date), else the commit's. */
  date: string;
  author: string;
  commit: string;
  change: Change;
}

export interface ReviewItem {
  number: string;
  section: string;
  text: string;
  /** Accountable bodies (lead, joint, sole) as registry names. */
  owners: string[];
  status: Status;
  outcome: Outcome;
  /** The deadline in force (after postponements). */
  due: string;
  /** The deadline the notice set, when it was postponed. */
  original_due: string | null;
  done_on: string | null;
  /** For `late`: calendar days and Chinese working days after the deadline (null when a year's schedule is unknown). */
  late_days: number | null;
  late_working_days: number | null;
  /** For `unfinished`: overdue on the review date. */
  overdue: boolean;
  postponements: { on: string; from: string; to: string; reason: string; approved_by: string | null; after_deadline: boolean }[];
  cancelled: { on: string; reason: string; approved_by: string | null } | null;
  last_progress: { date: string; dept: string; note: string } | null;
  /** Changes made after the item's first deadline (git history when the ledger is in git, else the ledger's own dates). */
  changed_after_deadline: DatedChange[];
}

export interface ReviewCounts {
  items: number;
  on_time: number;
  late: number;
  cancelled: number;
  ongoing: number;
  unfinished: number;
  /** Unfinished items past their deadline on the review date. */
  overdue: number;
  /** Items postponed at least once, and postponements in all. */
  postponed: number;
  postponements: number;
  /** Done ÷ (items − cancelled − ongoing), as status's completion; null when none can be completed. */
  completion: number | null;
  /** On time ÷ done; null when nothing is done. */
  on_time_rate: number | null;
}

export interface ReviewReport {
  plan: { title: string; document_number: string | null; year: number; issuer: string | null };
  as_of: string;
  as_of_note?: string;
  /** Where 「时限后的变化」 come from. */
  history: 'git' | 'ledger';
  departments: ({ name: string; short_name: string; kind: Department['kind'] } & ReviewCounts)[];
  totals: ReviewCounts;
  items: ReviewItem[];
  /** The office's 联系人/电话, for the Word review's last line. */
  contact?: OfficeContact;
}

function outcomeOf(item: Item): Outcome {
  switch (item.status) {
    case 'done':
      return item.doneOn && item.doneOn > item.due ? 'late' : 'on_time';
    case 'cancelled':
      return 'cancelled';
    case 'ongoing':
      return 'ongoing';
    default:
      return 'unfinished';
  }
}

/** `helping`: the rows a department only cooperates on (配合): counted in its items and outcomes, not as its overdue (as status counts them). */
function tally(rows: readonly ReviewItem[], helping?: ReadonlySet<ReviewItem>): ReviewCounts {
  const counts: ReviewCounts = { items: rows.length, on_time: 0, late: 0, cancelled: 0, ongoing: 0, unfinished: 0, overdue: 0, postponed: 0, postponements: 0, completion: null, on_time_rate: null };
  for (const row of rows) {
    counts[row.outcome]++;
    if (row.overdue && !helping?.has(row)) counts.overdue++;
    if (row.postponements.length) counts.postponed++;
    counts.postponements += row.postponements.length;
  }
  const done = counts.on_time + counts.late;
  const completable = counts.items - counts.cancelled - counts.ongoing;
  counts.completion = completable > 0 ? done / completable : null;
  counts.on_time_rate = done > 0 ? counts.on_time / done : null;
  return counts;
}

/** The first deadline of an item: the notice's, before any postponement. */
const firstDue = (item: Item) => item.postponements[0]?.from ?? item.due;

/** Changes the ledger itself dates after the first deadline, for a ledger outside git. */
function datedInLedger(item: Item): DatedChange[] {
  const after = firstDue(item);
  const out: DatedChange[] = [];
  const at = (date: string, change: Change) => date > after && out.push({ date, author: '', commit: '', change });
  item.postponements.forEach((p, i) => at(p.on, { kind: 'postponed', item: item.number, count: i + 1, on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null }));
  if (item.doneOn) at(item.doneOn, { kind: 'status', item: item.number, from: 'in_progress', to: 'done' });
  if (item.cancellation) at(item.cancellation.on, { kind: 'cancelled', item: item.number, on: item.cancellation.on, reason: item.cancellation.reason, approved_by: item.cancellation.approvedBy ?? null });
  item.postponementRequests.forEach((r) => at(r.on, { kind: 'postpone_requested', item: item.number, on: r.on, dept: r.dept, to: r.to, reason: r.reason }));
  item.postponementRejections.forEach((r) => {
    // The request it answered: the last one received on or before it.
    const answered = item.postponementRequests.filter((q) => q.on <= r.on).at(-1);
    at(r.on, { kind: 'postpone_rejected', item: item.number, on: r.on, reason: r.reason, rejected_by: r.rejectedBy ?? null, request: answered ? { on: answered.on, dept: answered.dept, to: answered.to } : null });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The changes made after the deadline in force at the time: the deadline
 * before the first move of it, then each move's new date (a postponement, or a
 * due changed by hand — itself listed when the old date had already passed).
 */
function afterDeadline(changes: readonly DatedChange[], currentDue: string): DatedChange[] {
  const moves = changes.filter((c) => c.change.kind === 'due' || c.change.kind === 'postponed');
  const firstMove = moves[0]?.change as { from: string } | undefined;
  let inForce = firstMove ? firstMove.from : currentDue;
  const out: DatedChange[] = [];
  for (const entry of changes) {
    if (entry.date > inForce) out.push(entry);
    if (entry.change.kind === 'due' || entry.change.kind === 'postponed') inForce = entry.change.to;
  }
  return out;
}

/**
 * The review as of the view's date. `history` is the ledger's changes from git,
 * oldest first (undefined outside git): those after an item's first deadline
 * are listed with it, progress notes left out (they are in the ledger).
 */
export function reviewReport(context: ViewContext, history?: readonly DatedChange[]): ReviewReport {
  const { ledger, asOf, options } = context;
  const contact = officeContact(ledger);
  const byItem = new Map<string, DatedChange[]>();
  for (const entry of history ?? []) {
    if (entry.change.kind === 'progress') continue;
    const list = byItem.get(entry.change.item) ?? [];
    list.push(entry);
    byItem.set(entry.change.item, list);
  }
  const rows = new Map<Item, ReviewItem>();
  for (const item of ledger.items) {
    const outcome = outcomeOf(item);
    const late = outcome === 'late';
    const deadline = context.deadlines.get(item)!;
    const last = item.progress.reduce<Item['progress'][number] | undefined>((l, p) => (!l || p.date >= l.date ? p : l), undefined);
    const first = firstDue(item);
    // The deadline in force when each postponement was approved: approved after it means the item was already late.
    const postponements = item.postponements.map((p) => ({ on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null, after_deadline: p.on > p.from }));
    rows.set(item, {
      number: item.number,
      section: item.section,
      text: item.text,
      owners: ownersOf(item, ledger.registry),
      status: item.status,
      outcome,
      due: item.due,
      original_due: item.postponements.length ? first : null,
      done_on: item.doneOn ?? null,
      late_days: late ? calendarDaysBetween(item.due, item.doneOn!) : null,
      late_working_days: late ? (options.counter.between(item.due, item.doneOn!) ?? null) : null,
      overdue: outcome === 'unfinished' && deadline.state === 'overdue',
      postponements,
      cancelled: item.cancellation ? { on: item.cancellation.on, reason: item.cancellation.reason, approved_by: item.cancellation.approvedBy ?? null } : null,
      last_progress: last ? { date: last.date, dept: last.dept, note: last.note } : null,
      changed_after_deadline: history ? afterDeadline(byItem.get(item.number) ?? [], item.due) : datedInLedger(item),
    });
  }
  const departments = ledger.registry.departments.map((department) => {
    const obligations = (context.obligations.get(department) ?? []).filter((o) => !o.possible);
    const helping = new Set(obligations.filter((o) => !isAccountable(o.role)).map((o) => rows.get(o.item)!));
    return { name: department.name, short_name: shortName(department), kind: department.kind, ...tally(obligations.map((o) => rows.get(o.item)!), helping) };
  });
  const items = [...rows.values()];
  return {
    plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, year: ledger.plan.year, issuer: ledger.plan.issuer ?? null },
    as_of: asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    history: history ? 'git' : 'ledger',
    departments,
    totals: tally(items),
    items,
    ...(contact ? { contact } : {}),
  };
}
