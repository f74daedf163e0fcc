import { calendarDaysBetween } from '../model/dates.js';
import type { Item, Ledger } from '../model/ledger.js';
import { effectiveDue } from '../model/milestones.js';
import type { WorkingDayCounter } from '../model/work-calendar.js';

/** Where an item stands against its deadline on the as-of date. */
export type DeadlineState = 'done' | 'cancelled' | 'ongoing' | 'overdue' | 'due_soon' | 'open';

export interface Deadline {
  state: DeadlineState;
  /** Calendar days from the as-of date to the due date; negative when overdue. */
  daysLeft: number;
  /** Working days after the as-of date up to the due date (negative: late); null when a year's schedule is unknown. */
  workingDaysLeft: number | null;
  /** For ongoing (持续推进) items: the last progress report, and whether it is too old. */
  lastProgress?: string;
  stale?: boolean;
}

export interface DeadlineOptions {
  asOf: string;
  counter: WorkingDayCounter;
  /** Working days ahead that count as due soon (临期). */
  dueSoonDays: number;
  /** Days without a progress entry after which an ongoing item is stale. */
  staleDays: number;
  /** The as-of day is over (a finished plan year counted as of its end): what was due on it and is not done is overdue, not due today. */
  dayOver?: boolean;
}

/** What a deadline is judged from: the item's status, the due date it is judged by, its last progress report. */
export interface DeadlineFacts {
  status: Item['status'];
  /** The next open step's due date, else the item's own (milestones.ts effectiveDue). */
  due: string;
  lastProgress?: string;
}

/** The latest date among progress notes; undefined when there are none. */
export function lastProgressOf(progress: readonly Pick<Item['progress'][number], 'date'>[]): string | undefined {
  return progress.reduce<string | undefined>((last, p) => (!last || p.date > last ? p.date : last), undefined);
}

/** The facts of one item (what the per-item index keeps). */
export function deadlineFacts(item: Item): DeadlineFacts {
  const lastProgress = lastProgressOf(item.progress);
  // Built without a spread: every item's facts are judged on every run.
  const facts: DeadlineFacts = { status: item.status, due: effectiveDue(item) };
  if (lastProgress) facts.lastProgress = lastProgress;
  return facts;
}

/**
 * The facts one department doing its share of an item (按职责分工负责) is
 * judged by, given the latest of its own notes: an ongoing item goes 久未更新
 * for it by its own notes, since another department's note does not report
 * its share. Any other item is judged by its own facts. The whole load
 * (view-context.ts obligationDeadline) and the per-item index (its running
 * counts and listing views) both judge a share by these facts.
 */
export function shareFacts(facts: DeadlineFacts, ownLastProgress: string | undefined): DeadlineFacts {
  if (facts.status !== 'ongoing' || facts.lastProgress === ownLastProgress) return facts;
  return { status: facts.status, due: facts.due, ...(ownLastProgress ? { lastProgress: ownLastProgress } : {}) };
}

/** Judges one item's deadline. Ongoing items are never overdue; they go stale without progress reports. */
export function deadlineOf(item: Item, ledger: Ledger, options: DeadlineOptions): Deadline {
  return judgeDeadline(deadlineFacts(item), ledger.plan.issuedOn, options);
}

/** Judges a deadline from its facts; `issuedOn` is when an ongoing item without reports started to age. */
export function judgeDeadline(facts: DeadlineFacts, issuedOn: string | undefined, options: DeadlineOptions): Deadline {
  const { asOf } = options;
  const base = daysTo(facts.due, options);
  const { daysLeft, workingDaysLeft } = base;
  // Literals in the order a spread of `base` gave, without the spread's cost on every item of every run.
  if (facts.status === 'done') return shared(base, 'done');
  if (facts.status === 'cancelled') return shared(base, 'cancelled');
  if (facts.status === 'ongoing') {
    const lastProgress = facts.lastProgress;
    const since = lastProgress ?? issuedOn;
    const stale = since === undefined || calendarDaysBetween(since, asOf) > options.staleDays;
    const deadline: Deadline = { daysLeft, workingDaysLeft, state: 'ongoing', stale };
    if (lastProgress) deadline.lastProgress = lastProgress;
    return deadline;
  }
  if (daysLeft < 0 || (daysLeft === 0 && options.dayOver)) return shared(base, 'overdue');
  // Working days never outnumber calendar days, so without a schedule a calendar-day test is the safe side.
  const soon = workingDaysLeft === null ? daysLeft <= options.dueSoonDays : workingDaysLeft <= options.dueSoonDays;
  return shared(base, soon ? 'due_soon' : 'open');
}

/**
 * The deadline of every item with the same due date and state but an ongoing one (which carries its own
 * notes' date): one frozen object, not one an item (a 100,000-item ledger has a few thousand of them).
 */
const judged = new WeakMap<object, Partial<Record<DeadlineState, Deadline>>>();

function shared(base: { daysLeft: number; workingDaysLeft: number | null }, state: DeadlineState): Deadline {
  let byState = judged.get(base);
  if (!byState) judged.set(base, (byState = {}));
  return (byState[state] ??= Object.freeze({ daysLeft: base.daysLeft, workingDaysLeft: base.workingDaysLeft, state }) as Deadline);
}

/** Days to each due date, counted once per run and date: thousands of items share a few hundred dates. */
const countedDays = new WeakMap<DeadlineOptions, Map<string, { daysLeft: number; workingDaysLeft: number | null }>>();

function daysTo(due: string, options: DeadlineOptions): { daysLeft: number; workingDaysLeft: number | null } {
  let byDate = countedDays.get(options);
  if (!byDate) countedDays.set(options, (byDate = new Map()));
  let days = byDate.get(due);
  if (!days) byDate.set(due, (days = { daysLeft: calendarDaysBetween(options.asOf, due), workingDaysLeft: options.counter.between(options.asOf, due) ?? null }));
  return days;
}

/** Years of due dates and the as-of date whose holiday schedule the calendar does not know. */
export function unknownYears(ledger: Ledger, asOf: string, counter: WorkingDayCounter): number[] {
  return unknownYearsOf(ledger.items.map((item) => item.due), asOf, counter);
}

/** unknownYears over the items' own due dates. */
export function unknownYearsOf(dues: readonly string[], asOf: string, counter: WorkingDayCounter): number[] {
  let first = Number(asOf.slice(0, 4));
  let last = first;
  for (const due of dues) {
    const year = Number(due.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  }
  const unknown: number[] = [];
  for (let year = first; year <= last; year++) if (!counter.calendar.years.has(year)) unknown.push(year);
  return unknown;
}
