import type { Change } from './ledger-diff.js';
import { officeContact, type OfficeContact } from './office-contact.js';
import type { ItemRow } from './item-row.js';
import { listedCounts, overdueReport, type OwnerItems } from './overdue-report.js';
import { statusReport, type StatusReport } from './status-report.js';
import type { ViewContext } from './view-context.js';

/** One approved move of a deadline, with the item it belongs to. */
export interface PostponementRow {
  number: string;
  text: string;
  on: string;
  from: string;
  to: string;
  reason: string;
  approved_by: string | null;
}

/** One change since --since: from git (with its author and commit), or from dates written in the ledger. */
export interface RecentChange {
  date: string;
  /** Who made it: the commit's author, or the department that reported it. */
  who: string;
  commit: string | null;
  change: Change;
}

/** Everything the leaders' report shows, as plain data. */
export interface LeaderReport {
  plan: { title: string; document_number: string | null; issuer: string | null };
  as_of: string;
  /** Present when the plan year is over and no date was asked: `2021 年度已结束，按 2021-12-31 统计`. */
  as_of_note?: string;
  due_soon_days: number;
  status: StatusReport;
  overdue: OwnerItems[];
  due_soon: OwnerItems[];
  /**
   * Per department, the overdue and due-soon items it answers for (牵头, 按职责分工负责, 负责): the
   * departments listed under `overdue` and `due_soon`, counted. The report colours and counts
   * departments by these, so a department red is one listed; `status` also counts items a
   * department only cooperates on (配合).
   */
  answers_for: Record<string, { overdue: number; due_soon: number }>;
  postponements: PostponementRow[];
  /** Requests to postpone waiting for the office: the leaders see what is asked before it is decided. */
  pending_requests: ItemRow[];
  since: { date: string; source: 'git' | 'ledger'; changes: RecentChange[] } | null;
  /** The office's 联系人/电话, for the Word report's last line. */
  contact?: OfficeContact;
}

/** Changes since a date told by the ledger itself (no git): progress, done dates and postponements dated on or after it. */
export function changesFromLedgerDates(context: ViewContext, since: string): RecentChange[] {
  const out: RecentChange[] = [];
  for (const item of context.ledger.items) {
    for (const entry of item.progress) if (entry.date >= since) out.push({ date: entry.date, who: entry.dept, commit: null, change: { kind: 'progress', item: item.number, entry } });
    if (item.doneOn && item.doneOn >= since && item.status === 'done') out.push({ date: item.doneOn, who: '', commit: null, change: { kind: 'done_on', item: item.number, from: null, to: item.doneOn } });
    for (const p of item.postponements) if (p.on >= since) out.push({ date: p.on, who: p.approvedBy ?? '', commit: null, change: { kind: 'due', item: item.number, from: p.from, to: p.to } });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The report for leaders: headline figures, every department, what is late or due soon, postponements, recent changes. */
export function leaderReport(context: ViewContext, since: LeaderReport['since']): LeaderReport {
  const { plan } = context.ledger;
  const late = overdueReport(context);
  const contact = officeContact(context.ledger);
  const overdueOf = listedCounts(late.overdue);
  const dueSoonOf = listedCounts(late.due_soon);
  const answersFor = Object.fromEntries(context.ledger.registry.departments.map((d) => [d.name, { overdue: overdueOf[d.name] ?? 0, due_soon: dueSoonOf[d.name] ?? 0 }]));
  return {
    plan: { title: plan.title, document_number: plan.documentNumber ?? null, issuer: plan.issuer ?? null },
    as_of: context.asOf,
    ...(context.asOfNote ? { as_of_note: context.asOfNote } : {}),
    due_soon_days: context.options.dueSoonDays,
    status: statusReport(context),
    overdue: late.overdue,
    due_soon: late.due_soon,
    answers_for: answersFor,
    pending_requests: late.pending_requests,
    postponements: context.ledger.items.flatMap((item) =>
      item.postponements.map((p) => ({ number: item.number, text: item.text, on: p.on, from: p.from, to: p.to, reason: p.reason, approved_by: p.approvedBy ?? null })),
    ),
    since,
    ...(contact ? { contact } : {}),
  };
}
