import type { ProgressEntry } from '../model/ledger.js';
import type { Role } from '../model/role.js';
import type { Status } from '../model/status.js';
import type { DeadlineState } from './deadline.js';
import { latestNote } from './item-row.js';
import type { ViewContext } from './view-context.js';
import { itemFingerprint } from './form-items.js';
import { officeDepartment } from './office-contact.js';

/** One item of the 任务分工表: who does it in which role, by when, and where it stands. */
export interface AssignmentRow {
  number: string;
  section: string;
  section_title: string;
  text: string;
  /** Names as written in the clause, with a lead's scope and what a group means here (resolve). */
  roles: Record<Role, string[]>;
  due: string;
  status: Status;
  done_on?: string;
  state: DeadlineState;
  stale?: boolean;
  days_left: number;
  working_days_left: number | null;
  latest_progress?: ProgressEntry;
}

export interface AssignmentTable {
  plan: { title: string; document_number: string | null };
  as_of: string;
  /** The coordinating office, who may edit the table and collect it back (null when the registry does not say). */
  office: string | null;
  items: (AssignmentRow & { fingerprint: string })[];
}

/** The whole plan as its 任务分工表, one row per item in ledger order. */
export function assignmentTable(context: ViewContext): AssignmentTable {
  const { ledger } = context;
  const titles = new Map(ledger.sections.map((s) => [s.number, s.title]));
  return {
    plan: { title: ledger.plan.title, document_number: ledger.plan.documentNumber ?? null },
    as_of: context.asOf,
    office: officeDepartment(ledger)?.name ?? null,
    items: ledger.items.map((item) => {
      const roles: Record<Role, string[]> = { lead: [], joint: [], sole: [], cooperate: [] };
      for (const a of item.assignments) {
        const meant = item.resolutions[a.name];
        const extra = [a.scope, meant?.length ? `即${meant.join('、')}` : undefined].filter(Boolean).join('，');
        roles[a.role].push(extra ? `${a.name}（${extra}）` : a.name);
      }
      const deadline = context.deadlines.get(item)!;
      const latest = latestNote(item);
      return {
        number: item.number,
        section: item.section,
        section_title: titles.get(item.section) ?? '',
        text: item.text,
        roles,
        due: item.due,
        status: item.status,
        ...(item.doneOn ? { done_on: item.doneOn } : {}),
        state: deadline.state,
        ...(deadline.stale !== undefined ? { stale: deadline.stale } : {}),
        days_left: deadline.daysLeft,
        working_days_left: deadline.workingDaysLeft,
        ...(latest ? { latest_progress: latest } : {}),
        fingerprint: itemFingerprint(item),
      };
    }),
  };
}
