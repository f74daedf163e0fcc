import { dateOfEpochDay, epochDay } from '../model/dates.js';
import type { Item } from '../model/ledger.js';
import { effectiveDue } from '../model/milestones.js';
import { findDepartment } from '../model/department.js';
import { officeContact, type OfficeContact } from './office-contact.js';
import { statusReport, type StatusReport } from './status-report.js';
import type { ViewContext } from './view-context.js';

/** The span a 调度通报 covers: a month (2021-10) or --since/--until, both ends included. */
export interface Period {
  start: string;
  end: string;
  /** YYYY-MM when the period is a calendar month. */
  month?: string;
}

/** One item named in the report, with the departments that answer for it (牵头, 分工负责, 负责). */
export interface PeriodItem {
  number: string;
  text: string;
  departments: string[];
}

export interface PeriodReport {
  plan: { title: string; document_number: string | null; issuer: string | null };
  period: Period;
  /** Where the state before the period came from: a commit of the ledger, or nowhere (no history that old). */
  source: 'git' | 'none';
  current: { as_of: string; status: StatusReport };
  /** The state at the end of the previous period (the day before the start), when the history has it. */
  previous: { as_of: string; status: StatusReport } | null;
  /** Done at the end, not done before (or, without history, done on a date in the period). */
  completed: (PeriodItem & { done_on: string | null })[];
  /** Overdue at the end, its deadline passed within the period (late since an earlier period is not new). */
  newly_overdue: (PeriodItem & { due: string; days_late: number })[];
  /** Postponements recorded in the period. */
  postponed: (PeriodItem & { on: string; from: string; to: string; reason: string; approved_by: string | null })[];
  /** Still 未启动 at the end (not cancelled). */
  not_started: PeriodItem[];
  /** Departments with open items that wrote no progress note dated in the period. */
  not_reported: string[];
  contact?: OfficeContact;
}

/** Item number → the departments accountable for it (not 配合, not 可能涉及), in registry order. */
function accountable(context: ViewContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [department, obligations] of context.obligations) {
    for (const o of obligations) {
      if (o.possible || o.role === 'cooperate') continue;
      const list = out.get(o.item.number) ?? [];
      if (!list.includes(department.name)) list.push(department.name);
      out.set(o.item.number, list);
    }
  }
  return out;
}

const open = (item: Item) => item.status !== 'done' && item.status !== 'cancelled';

/**
 * The 调度通报 of a period, from the ledger at its end and at the end of the
 * previous period (both as `status` sees them at those dates): what was
 * completed, what newly fell overdue, what was postponed, what has not started,
 * completion by department then and now, and who did not report.
 */
export function periodReport(current: ViewContext, previous: ViewContext | undefined, period: Period): PeriodReport {
  const { ledger } = current;
  const owners = accountable(current);
  const named = (item: Item): PeriodItem => ({ number: item.number, text: item.text, departments: owners.get(item.number) ?? [] });
  const inPeriod = (date: string | undefined) => date !== undefined && date >= period.start && date <= period.end;
  const before = new Map(previous?.ledger.items.map((item) => [item.number, item]) ?? []);

  const completed = ledger.items
    .filter((item) => item.status === 'done' && (previous ? before.get(item.number)?.status !== 'done' : inPeriod(item.doneOn)))
    .map((item) => ({ ...named(item), done_on: item.doneOn ?? null }));
  // Fell overdue in the period: its deadline (the one in force at the end) passed in it, the first day late inside the period.
  // An item late since an earlier period is not new, whether or not the history holds the state before.
  const dayBeforeStart = dateOfEpochDay(epochDay(period.start) - 1);
  const newlyOverdue = ledger.items
    .filter((item) => current.deadlines.get(item)?.state === 'overdue' && effectiveDue(item) >= dayBeforeStart)
    .map((item) => ({ ...named(item), due: effectiveDue(item), days_late: -current.deadlines.get(item)!.daysLeft }));
  const postponed = ledger.items.flatMap((item) =>
    item.postponements.filter((p) => inPeriod(p.on)).map((p) => ({ ...named(item), on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null })),
  );
  const notStarted = ledger.items.filter((item) => item.status === 'not_started').map(named);

  // A department reported when a progress note in its name is dated in the period (collect and note both write one).
  const reported = new Set<string>();
  for (const item of ledger.items) {
    for (const p of item.progress) {
      if (!inPeriod(p.date)) continue;
      const department = findDepartment(ledger.registry, p.dept);
      if (department) reported.add(department.name);
    }
  }
  const notReported = [...current.obligations]
    .filter(([department, obligations]) => !reported.has(department.name) && obligations.some((o) => !o.possible && open(o.item)))
    .sort(([a], [b]) => a.order - b.order)
    .map(([department]) => department.name);

  const contact = officeContact(ledger);
  return {
    plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null, issuer: ledger.plan.issuer ?? null },
    period,
    source: previous ? 'git' : 'none',
    current: { as_of: current.asOf, status: statusReport(current) },
    previous: previous ? { as_of: previous.asOf, status: statusReport(previous) } : null,
    completed,
    newly_overdue: newlyOverdue,
    postponed,
    not_started: notStarted,
    not_reported: notReported,
    ...(contact ? { contact } : {}),
  };
}

/** The period of `--month YYYY-MM`, or of --since/--until; and the day before it starts (the previous period's end). */
export function periodOf(options: { month?: string; since?: string; until?: string; today: string }): Period & { previousEnd: string } {
  if (options.month) {
    const [year, month] = options.month.split('-').map(Number) as [number, number];
    const start = `${options.month}-01`;
    const end = dateOfEpochDay(epochDay(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`) - 1);
    return { start, end, month: options.month, previousEnd: dateOfEpochDay(epochDay(start) - 1) };
  }
  const start = options.since!;
  return { start, end: options.until ?? options.today, previousEnd: dateOfEpochDay(epochDay(start) - 1) };
}
