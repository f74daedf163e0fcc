/**
 * Running counts over the rows of the per-item index, kept with it: per
 * department (and over the plan) the obligations by role, the items by status,
 * the postponed ones, and the due dates of the open items and the last
 * progress dates of the ongoing ones, sorted. An item's edit subtracts its old
 * row and adds its new one, so the status summary after a hand edit costs the
 * items that changed; the overdue, 临期 and stale counts for any as-of date are
 * binary searches over the sorted dates (a deadline's state only moves one way
 * as its date moves: overdue, then 临期, then open). A department doing its
 * share of an ongoing item (按职责分工负责) counts it by its own latest note.
 */
import type { Department } from '../model/department.js';
import { ROLES } from '../model/role.js';
import type { Status } from '../model/status.js';
import { judgeDeadline, shareFacts, type DeadlineFacts, type DeadlineOptions } from '../query/deadline.js';
import type { ObligationRow } from './obligation-row.js';
import { STATUS_ORDER, type StatusReport } from '../query/status-report.js';
import { calendarDaysBetween } from '../model/dates.js';

/** What a row adds to the counts: the item's facts and its obligations (obligation-row.ts). */
export interface CountedRow {
  status: Status;
  /** The due date the deadline is judged by, and the item's own (for the years the calendar must know). */
  effectiveDue: string;
  due: string;
  lastProgress?: string;
  /** The latest date a record of the item carries. */
  lastRecord?: string;
  postponed: boolean;
  obligations: readonly Readonly<ObligationRow>[];
  errors: number;
}

/** Dates sorted, each once, with how many items have it. */
interface DateCounts {
  dates: string[];
  counts: number[];
}

/** The counts of one department, or of the plan (by_role and possible then unused). */
interface Group {
  items: number;
  byRole: number[];
  possible: number;
  byStatus: number[];
  postponed: number;
  /** Effective due dates of the items not started or in progress: the ones a deadline can make overdue or 临期. */
  open: DateCounts;
  /** Last progress dates of the ongoing items that have one; `ongoingNever` those without (they age from the plan's issue date). */
  progress: DateCounts;
  ongoingNever: number;
}

/** As stored with the index (JSON). */
export interface Aggregates {
  /** One group per department of the registry, in its order, then the plan's. */
  groups: Group[];
  /** Years of the items' own due dates, with how many items have a due date in each. */
  dueYears: Record<string, number>;
  /** Errors the rows carry, summed. */
  rowErrors: number;
  /** Items (rows that make one). */
  items: number;
  /** The items' latest record dates, sorted: a view as of a day before the last of them cannot count from the rows (model/ledger-as-of.ts). */
  records: DateCounts;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date the counts can sort: a real YYYY-MM-DD day (the searches rely on dates and days moving together). */
export function countableDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

const emptyDates = (): DateCounts => ({ dates: [], counts: [] });

function emptyGroup(): Group {
  return { items: 0, byRole: [0, 0, 0, 0], possible: 0, byStatus: [0, 0, 0, 0, 0], postponed: 0, open: emptyDates(), progress: emptyDates(), ongoingNever: 0 };
}

export function emptyAggregates(departments: number): Aggregates {
  return { groups: Array.from({ length: departments + 1 }, emptyGroup), dueYears: {}, rowErrors: 0, items: 0, records: emptyDates() };
}

/** Index of the first date not before `date`. */
function lowerBound(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addDate(counts: DateCounts, date: string, by: 1 | -1): void {
  const at = lowerBound(counts.dates, date);
  if (counts.dates[at] === date) {
    counts.counts[at]! += by;
    if (counts.counts[at] === 0) {
      counts.dates.splice(at, 1);
      counts.counts.splice(at, 1);
    }
  } else if (by > 0) {
    counts.dates.splice(at, 0, date);
    counts.counts.splice(at, 0, 1);
  } else throw new Error(`aggregates: no ${date} to subtract`);
}

const COOPERATE = ROLES.indexOf('cooperate');

/** `answers`: false for a department that only cooperates (配合): the item is among its items, not its overdue, 临期 or stale ones. */
function addItem(group: Group, row: CountedRow, by: 1 | -1, answers = true): void {
  group.items += by;
  group.byStatus[STATUS_ORDER.indexOf(row.status)]! += by;
  if (row.postponed) group.postponed += by;
  if (!answers) return;
  if (row.status === 'not_started' || row.status === 'in_progress') addDate(group.open, row.effectiveDue, by);
  else if (row.status === 'ongoing') {
    if (row.lastProgress) addDate(group.progress, row.lastProgress, by);
    else group.ongoingNever += by;
  }
}

/**
 * Adds a row to the counts (by 1) or takes it away (by -1). False when the
 * counts cannot hold it (a date they cannot sort): the caller then counts
 * from the rows.
 */
export function addRow(aggregates: Aggregates, row: CountedRow, by: 1 | -1): boolean {
  if (!countableDate(row.effectiveDue) || !countableDate(row.due) || (row.lastProgress !== undefined && !countableDate(row.lastProgress))) return false;
  if (row.lastRecord !== undefined && (!countableDate(row.lastRecord) || !aggregates.records)) return false;
  aggregates.items += by;
  if (row.lastRecord !== undefined) addDate(aggregates.records, row.lastRecord, by);
  aggregates.rowErrors += by * row.errors;
  const year = row.due.slice(0, 4);
  aggregates.dueYears[year] = (aggregates.dueYears[year] ?? 0) + by;
  if (aggregates.dueYears[year] === 0) delete aggregates.dueYears[year];
  const plan = aggregates.groups[aggregates.groups.length - 1]!;
  addItem(plan, row, by);
  for (const [department, role, possible, own] of row.obligations) {
    const group = aggregates.groups[department];
    if (!group || group === plan) return false;
    if (possible) {
      group.possible += by;
      continue;
    }
    group.byRole[role]! += by;
    if (own && !countableDate(own)) return false;
    // A department doing its share is counted by the facts it is judged by: its own notes (query/deadline.ts shareFacts).
    addItem(group, own === undefined ? row : shareRow(row, own), by, role !== COOPERATE);
  }
  return true;
}

/** The row as a department doing its share counts it, given the latest of its own notes (null: none). */
function shareRow(row: CountedRow, own: string | null): CountedRow {
  const facts: DeadlineFacts = { status: row.status, due: row.effectiveDue, ...(row.lastProgress ? { lastProgress: row.lastProgress } : {}) };
  const share = shareFacts(facts, own ?? undefined);
  if (share === facts) return row;
  const { lastProgress: _item, ...rest } = row;
  return share.lastProgress ? { ...rest, lastProgress: share.lastProgress } : rest;
}

/** How many of the first dates (sorted) satisfy a test that holds for a prefix of them. */
function prefixWhere(dates: readonly string[], holds: (date: string) => boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(dates[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items on the first `n` dates. */
function itemsOn(counts: DateCounts, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += counts.counts[i]!;
  return sum;
}

/** The latest record date of all items; undefined when none has a record. */
export function lastRecordOf(aggregates: Aggregates): string | undefined {
  return aggregates.records.dates[aggregates.records.dates.length - 1];
}

/** The years of the items' own due dates (as YYYY, which is what unknownYearsOf reads of a date): the years the calendar must know. */
export function dueYearsOf(aggregates: Aggregates): string[] {
  return Object.keys(aggregates.dueYears);
}

/** One group's counts as of the options' date, as statusReportOf counts them from every item's deadline. */
function countsOf(group: Group, issuedOn: string | undefined, options: DeadlineOptions) {
  const state = (due: string) => judgeDeadline({ status: 'not_started', due }, issuedOn, options).state;
  const overdueTo = prefixWhere(group.open.dates, (due) => state(due) === 'overdue');
  const soonTo = overdueTo + prefixWhere(group.open.dates.slice(overdueTo), (due) => state(due) === 'due_soon');
  const neverStale = issuedOn === undefined || calendarDaysBetween(issuedOn, options.asOf) > options.staleDays;
  // Older progress is staler: the stale ones are a prefix of the sorted dates.
  const staleTo = prefixWhere(group.progress.dates, (since) => calendarDaysBetween(since, options.asOf) > options.staleDays);
  const by_status = Object.fromEntries(STATUS_ORDER.map((s, i) => [s, group.byStatus[i]!])) as Record<Status, number>;
  const completable = group.items - by_status.cancelled - by_status.ongoing;
  return {
    items: group.items,
    by_status,
    overdue: itemsOn(group.open, 0, overdueTo),
    due_soon: itemsOn(group.open, overdueTo, soonTo),
    stale: itemsOn(group.progress, 0, staleTo) + (neverStale ? group.ongoingNever : 0),
    postponed: group.postponed,
    completion: completable > 0 ? by_status.done / completable : null,
  };
}

/** The status report from the counts: what statusReportOf gives from every item's deadline. */
export function statusFromAggregates(
  aggregates: Aggregates,
  input: { plan: StatusReport['plan']; asOfNote?: string; departments: readonly Department[]; issuedOn: string | undefined; options: DeadlineOptions },
  shortName: (department: Department) => string,
): StatusReport {
  const { options, issuedOn } = input;
  const departments = input.departments.map((department, d) => {
    const group = aggregates.groups[d]!;
    const counts = countsOf(group, issuedOn, options);
    const by_role = Object.fromEntries(ROLES.map((role, r) => [role, group.byRole[r]!])) as Record<(typeof ROLES)[number], number>;
    return { name: department.name, short_name: shortName(department), kind: department.kind, ...counts, by_role, possible: group.possible };
  });
  const totals = countsOf(aggregates.groups[aggregates.groups.length - 1]!, issuedOn, options);
  return { plan: input.plan, as_of: options.asOf, ...(input.asOfNote ? { as_of_note: input.asOfNote } : {}), departments, totals };
}
