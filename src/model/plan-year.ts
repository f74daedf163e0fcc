import type { Plan } from './ledger.js';
import { dateOfEpochDay, epochDay } from './dates.js';

/**
 * The one rule for a plan's year: which dates belong to it, when it is over,
 * and what "today" means for a ledger whose year has ended. Views, edits,
 * collect, remind, forms and validate all ask here.
 */

/** Days after the year's end (or closed_on) during which the year is still worked on: late reports, the 回头看. Set in gongkai.yaml as year_end_grace_days. */
export const DEFAULT_GRACE_DAYS = 31;

export interface PlanPeriod {
  year: number;
  /** How the period is named: `2021`, or `2016—2020` for a plan of several years. */
  label: string;
  /** The first day of the plan year. */
  start: string;
  /** The year's last day, or the plan's default deadline when later (a plan for 2016–2020 ends 2020-12-31). */
  end: string;
  /** When the office closed the ledger (closed_on); views after it count as of that day. */
  closedOn?: string;
  /** The last day a record (a note, a done date, an approval) may carry: the end (or closed_on) plus the grace period. */
  lastRecordDay: string;
}

export function planPeriod(plan: Pick<Plan, 'year' | 'defaultDue' | 'closedOn'>, graceDays = DEFAULT_GRACE_DAYS): PlanPeriod {
  const yearEnd = `${plan.year}-12-31`;
  const end = plan.defaultDue > yearEnd ? plan.defaultDue : yearEnd;
  const closing = plan.closedOn ?? end;
  const lastYear = Number(end.slice(0, 4));
  return {
    year: plan.year,
    label: lastYear > plan.year ? `${plan.year}—${lastYear}` : String(plan.year),
    start: `${plan.year}-01-01`,
    end,
    ...(plan.closedOn ? { closedOn: plan.closedOn } : {}),
    lastRecordDay: dateOfEpochDay(epochDay(closing) + graceDays),
  };
}

/** The date views count as of when none is asked for, and the header line that says why when it is not today. */
export interface DefaultAsOf {
  asOf: string;
  /** `2021 年度已结束，按 2021-12-31 统计`; absent when the date is today. */
  note?: string;
  /**
   * The as-of day is over (the year has ended, or the ledger was closed): an
   * item due on it and not done missed its deadline, like any other. Absent
   * when the date is today, whose deadlines can still be met.
   */
  dayOver?: true;
}

/**
 * Today while the plan is being worked on; once the year and its grace period
 * are over, the year's end; once the ledger is closed, its closing day.
 */
export function defaultAsOf(period: PlanPeriod, today: string): DefaultAsOf {
  if (period.closedOn && today > period.closedOn) return { asOf: period.closedOn, note: `${period.label} 年度台账已于 ${period.closedOn} 关闭，按 ${period.closedOn} 统计`, dayOver: true };
  if (today > period.lastRecordDay) return { asOf: period.end, note: `${period.label} 年度已结束，按 ${period.end} 统计`, dayOver: true };
  return { asOf: today };
}

/** Why a record date is refused, or undefined when the plan year allows it. */
export function recordDateProblem(period: PlanPeriod, date: string): string | undefined {
  if (date < period.start) return `早于 ${period.label} 年度计划（${period.start} 起）`;
  if (period.closedOn && date > period.closedOn) return `晚于台账关闭的日期 ${period.closedOn}`;
  if (date > period.lastRecordDay) return `晚于 ${period.label} 年度计划的记录期（至 ${period.lastRecordDay}）`;
  return undefined;
}

/** A day in the plan year that a refusal can suggest: today when allowed, else the last day a record may carry (never after closed_on). */
export function suggestedRecordDay(period: PlanPeriod, today: string): string {
  if (!recordDateProblem(period, today)) return today;
  if (today < period.start) return period.start;
  return period.closedOn && period.closedOn < period.end ? period.closedOn : period.end;
}

/**
 * The one refusal for a date that defaults to today (note, done, postpone,
 * collect, cancel) or is typed outside the plan year: the suggested option
 * value is itself accepted.
 */
export function recordDateRefusal(period: PlanPeriod, date: string, option: string, { typed }: { typed: boolean }, today: string): string | undefined {
  const problem = recordDateProblem(period, date);
  if (!problem) return undefined;
  const what = typed ? `${option} ${date}` : `今天（${date}）`;
  return `${what}${problem}，未写入；请用 ${option} 写明 ${period.label} 年度内的日期，如 ${option} ${suggestedRecordDay(period, today)}`;
}
