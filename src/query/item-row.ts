import { pendingRequest, type Item } from '../model/ledger.js';
import { currentStep } from '../model/milestones.js';
import type { Role } from '../model/role.js';
import type { Status } from '../model/status.js';
import type { Deadline, DeadlineState } from './deadline.js';
import type { Obligation } from './ownership.js';

/** One item as a view lists it, with the department's role when there is one. Keys are the JSON keys. */
export interface ItemRow {
  number: string;
  section: string;
  text: string;
  role?: Role;
  /** The group the obligation came through, e.g. 直属单位. */
  via?: string;
  scope?: string;
  status: Status;
  due: string;
  due_is_default: boolean;
  done_on?: string;
  state: DeadlineState;
  days_left: number;
  working_days_left: number | null;
  last_progress?: string;
  stale?: boolean;
  /** How many times the deadline was postponed (0: never). */
  postponed: number;
  /** The deadline before the first postponement. */
  original_due?: string;
  /** True when the item was already overdue when it was (first) postponed late. */
  was_overdue?: boolean;
  /** The deadline's words in the notice (年底前, 送达后10个工作日内), when the ledger keeps them. */
  due_text?: string;
  /** A deadline written as N working days after an event: the event date and N. */
  due_after?: { after: string; working_days: number };
  /** The next open step of an item with dated steps: 第 index/total 步. */
  step?: { index: number; total: number; text: string; due: string };
  /** The latest progress note (by date; the later entry on the same date). */
  latest_note?: { date: string; dept: string; note: string };
  /** With --since: whether the item changed on or after that date. */
  changed_since?: boolean;
  /** A department's request to postpone, waiting for the office (申请延期，待批准). */
  postponement_requested?: { on: string; dept: string; to: string; reason: string };
  /** 上年结转: the unfinished item of an earlier plan this item continues (import --carry-over). */
  carried_over?: { item: string; plan?: string; document_number?: string };
}

/** The item's latest progress note: the last entry with the greatest date. */
export function latestNote(item: Pick<Item, 'progress'>): Item['progress'][number] | undefined {
  let latest: Item['progress'][number] | undefined;
  for (const p of item.progress) if (!latest || p.date >= latest.date) latest = p;
  return latest;
}

/** True when some postponement was made after the deadline it moved had passed. */
export function postponedLate(item: Item): boolean {
  return item.postponements.some((p) => p.on > p.from);
}

function carriedFrom(link: NonNullable<Item['carriedOver']>): NonNullable<ItemRow['carried_over']> {
  return { item: link.item, ...(link.plan ? { plan: link.plan } : {}), ...(link.documentNumber ? { document_number: link.documentNumber } : {}) };
}

/** An item (and optionally an obligation on it) as a row. */
export function itemRow(item: Item, deadline: Deadline, obligation?: Obligation, changedSince?: boolean): ItemRow {
  const step = item.status === 'done' || item.status === 'cancelled' ? undefined : currentStep(item);
  // A department doing its share is quoted its own latest note, never another department's.
  const note = obligation?.own ? latestNote({ progress: obligation.own }) : latestNote(item);
  const request = pendingRequest(item);
  // Keys set one by one in their JSON order (an object spread per optional key cost a third of `checklist --all`).
  const row: ItemRow = { number: item.number, section: item.section, text: item.text } as ItemRow;
  if (obligation) row.role = obligation.role;
  if (obligation?.via) row.via = obligation.via;
  if (obligation?.scope) row.scope = obligation.scope;
  row.status = item.status;
  row.due = item.due;
  row.due_is_default = item.dueIsDefault;
  if (item.doneOn) row.done_on = item.doneOn;
  row.state = deadline.state;
  row.days_left = deadline.daysLeft;
  row.working_days_left = deadline.workingDaysLeft;
  if (deadline.lastProgress) row.last_progress = deadline.lastProgress;
  if (deadline.stale !== undefined) row.stale = deadline.stale;
  if (item.dueText) row.due_text = item.dueText;
  if (item.dueRule) row.due_after = { after: item.dueRule.after, working_days: item.dueRule.workingDays };
  row.postponed = item.postponements.length;
  if (item.postponements.length) {
    row.original_due = item.postponements[0]!.from;
    row.was_overdue = postponedLate(item);
  }
  if (step) row.step = { index: step.index, total: step.total, text: step.milestone.text, due: step.milestone.due };
  if (note) row.latest_note = { date: note.date, dept: note.dept, note: note.note };
  if (changedSince !== undefined) row.changed_since = changedSince;
  if (request) row.postponement_requested = { on: request.on, dept: request.dept, to: request.to, reason: request.reason };
  if (item.carriedOver) row.carried_over = carriedFrom(item.carriedOver);
  return row;
}
